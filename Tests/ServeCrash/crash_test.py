#!/usr/bin/env python3
"""Crash test of `mentormatch serve` (issue 12), with the Python standard library and the release binary.

  1. `mentormatch generate --mentees 50000 --seed 2024` writes the input, and `mentormatch match` its reference result;
  2. `mentormatch serve` (one worker for each of its two job services, a fresh --data folder) accepts the same files as a matching job (202);
  3. once the job is `running` at stage `solve`, the server gets SIGKILL; its worker processes must end too (within
     5 s, having written nothing into the job's folder: a killed server must leave no orphan solving on);
  4. a new server on the same --data runs the job again: it must end `succeeded` (attempt 2) with the `pairs.csv`
     of `mentormatch match`, byte for byte.
Prints what it saw at each step; exits 1 on any failed check.

Usage: Tests/ServeCrash/crash_test.py --binary .build/release/mentormatch [--mentees 50000]  (`make crash-test`)
"""
import argparse
import json
import os
import pathlib
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Benchmarks"))
from server_load import worker_pids  # noqa: E402  (the server's children, by their parent id in /proc)

FAILURES = []


def check(condition, message):
    print(("ok: " if condition else "FAILED: ") + message, flush=True)
    if not condition:
        FAILURES.append(message)
    return condition


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def request(port, method, path, body=None, headers=None, timeout=120):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def multipart(parts):
    boundary = "mentormatch-crash-test"
    body = b""
    for name, data in parts:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body


def alive(pid):
    """Whether the process exists and is not a zombie (an orphan's zombie only waits for its reaper)."""
    try:
        return pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Server:
    def __init__(self, binary, data, log):
        self.port = free_port()
        self.log = open(log, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--port", str(self.port), "--data", str(data), "--workers", "1"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"the server ended at start; see {log}")
            try:
                if request(self.port, "GET", "/readyz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        sys.exit("the server was not ready within 60 s")

    def job(self, job_id):
        status, body = request(self.port, "GET", f"/v1/matchings/{job_id}")
        return json.loads(body) if status == 200 else {"status": f"HTTP {status}"}

    def wait_for(self, job_id, done, timeout):
        deadline = time.monotonic() + timeout
        job = {}
        while time.monotonic() < deadline:
            job = self.job(job_id)
            if done(job):
                break
            time.sleep(0.05)
        return job

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)
        self.log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/release/mentormatch")
    parser.add_argument("--mentees", type=int, default=50_000)
    arguments = parser.parse_args()
    binary = str(pathlib.Path(arguments.binary).resolve())

    with tempfile.TemporaryDirectory(prefix="mentormatch-crash-") as work:
        work = pathlib.Path(work)
        started = time.monotonic()
        subprocess.run([binary, "generate", "--mentees", str(arguments.mentees), "--seed", "2024", "--out",
                        str(work / "input")], check=True, stdout=subprocess.DEVNULL)
        # The policy's time limit bounds the whole job in the server (default 60 s); a shared machine may need more.
        (work / "input" / "policy.yaml").write_text("time_limit_seconds: 1800\n")
        files = {"mentors": "mentors.csv", "mentees": "mentees.csv", "places": "places.csv", "policy": "policy.yaml"}
        subprocess.run([binary, "match"] + [a for name, file in files.items()
                                            for a in (f"--{name}", str(work / "input" / file))]
                       + ["--out", str(work / "cli")], check=True, stdout=subprocess.DEVNULL)
        cli_pairs = (work / "cli" / "pairs.csv").read_bytes()
        print(f"generate and match of {arguments.mentees:,} young people: {time.monotonic() - started:.1f} s, "
              f"pairs.csv {len(cli_pairs):,} bytes", flush=True)

        data = work / "data"
        server = Server(binary, data, work / "serve-1.log")
        headers, body = multipart([(name, (work / "input" / file).read_bytes()) for name, file in files.items()])
        status, answer = request(server.port, "POST", "/v1/matchings", body, headers)
        if not check(status == 202, f"the job was accepted: HTTP {status}"):
            sys.exit(1)
        job_id = json.loads(answer)["id"]
        job = server.wait_for(job_id, lambda j: j.get("status") == "running" and j.get("stage") == "solve", 600)
        check(job.get("stage") == "solve", f"the job reached running/solve: {job.get('status')}/{job.get('stage')}")
        workers = worker_pids(server.process.pid)
        # `--workers 1` starts one worker for the API's jobs and one for the workspace's.
        check(len(workers) == 2, f"the server runs {len(workers)} worker processes (the API's and the workspace's)")

        os.kill(server.process.pid, signal.SIGKILL)
        killed = time.monotonic()
        server.process.wait()
        server.log.close()
        lingering = list(workers)
        while lingering and time.monotonic() - killed < 5:
            time.sleep(0.005)
            lingering = [pid for pid in lingering if alive(pid)]
        ended_ms = (time.monotonic() - killed) * 1000
        check(not lingering, f"SIGKILL to the server while it solved: its workers ended {ended_ms:.0f} ms later"
              if not lingering else f"worker(s) {lingering} outlived the killed server by 5 s")
        time.sleep(1)
        folder = sorted(os.listdir(data / "jobs" / job_id))
        check(folder == ["input"], f"the job's folder after the kill holds {folder} (nothing written after it)")

        server = Server(binary, data, work / "serve-2.log")
        try:
            job = server.wait_for(job_id, lambda j: j.get("status") in ("succeeded", "failed", "cancelled"), 1800)
            check(job.get("status") == "succeeded" and job.get("attempts") == 2,
                  f"after the restart the job is {job.get('status')} in {job.get('attempts')} attempts")
            status, pairs = request(server.port, "GET", f"/v1/matchings/{job_id}/pairs.csv")
            rows = pairs.count(b"\n") - 1
            check(status == 200 and pairs == cli_pairs,
                  f"its pairs.csv ({len(pairs):,} bytes, {rows:,} pairs) is "
                  + ("byte for byte" if pairs == cli_pairs else "NOT") + " mentormatch match's")
        finally:
            server.stop()
        print(f"crash test: {len(FAILURES)} failure(s) in {time.monotonic() - started:.0f} s", flush=True)
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
