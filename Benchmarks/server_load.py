#!/usr/bin/env python3
"""Load and soak of `mentormatch serve` (issue 12), with the Python standard library only.

Starts the built server on a free loopback port with a temporary data folder, then
  1. load: CLIENTS concurrent clients (default 16) each submit Ogre-size matchings (the Ogre 2024 scenario's CSV
     files, multipart/form-data) with ?wait=10, one after another over a kept-alive connection, for DURATION seconds;
  2. soak: the same clients submit SOAK more matchings (default 10,000) as fast as they are answered.
For each phase it prints requests, throughput, p50/p99 latency, errors (anything but 200 with a result), the CPU
time of the server and its workers per request (steadier than throughput on a shared machine), and the resident memory (RSS) of the server process and of its workers at the start and end of the phase.

Usage: Benchmarks/server_load.py --binary .build/release/mentormatch [--clients 16] [--duration 60] [--soak 10000]
(`make load-test`). Run it on an otherwise idle machine; quote the figures with the machine's core count.
"""
import argparse
import asyncio
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "Scenarios" / "ogre-2024"


def multipart_body():
    boundary = "mentormatch-load"
    body = b""
    for name, file in [("mentors", "mentors.csv"), ("mentees", "mentees.csv"), ("places", "places.csv"),
                       ("policy", "policy.yaml")]:
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n"
                 f"Content-Type: text/csv\r\n\r\n").encode() + (SCENARIO / file).read_bytes() + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return boundary, body


def rss_kib(pid):
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def worker_pids(pid):
    """The server's child processes, found by their parent id: the workers of the API's job service and of the
    workspace's (each pool has --workers of them)."""
    children = []
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def cpu_seconds(pid):
    """User and system CPU of the server, its live workers and the workers it has reaped (clock ticks to seconds)."""
    def ticks(process, fields):
        try:
            values = pathlib.Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0
        # After the name: state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are values[11:15].
        return sum(int(values[index - 3]) for index in fields)
    total = ticks(pid, (14, 15, 16, 17)) + sum(ticks(worker, (14, 15)) for worker in worker_pids(pid))
    return total / os.sysconf("SC_CLK_TCK")


def memory(pid):
    workers = worker_pids(pid)
    return rss_kib(pid), sum(rss_kib(worker) for worker in workers), len(workers)


class Connection:
    """One kept-alive HTTP/1.1 connection (the server answers with Content-Length)."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def request(self, head, body):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length = 0
        close = False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "connection" and value.strip().lower() == "close":
                close = True
        payload = await self.reader.readexactly(length)
        if close:
            self.close()
        return status, payload

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def client(port, head, body, until, budget, latencies, failures):
    connection = Connection(port)
    while time.monotonic() < until and (budget is None or budget[0] > 0):
        if budget is not None:
            budget[0] -= 1
        started = time.perf_counter()
        try:
            status, payload = await connection.request(head, body)
            ok = status == 200 and payload.startswith(b"{") and b'"pairs"' in payload
        except (OSError, ConnectionError, ValueError, asyncio.IncompleteReadError) as error:
            ok, status = False, type(error).__name__
            connection.close()
        latencies.append(time.perf_counter() - started)
        if not ok:
            failures.append(status)
    connection.close()


async def phase(name, port, pid, clients, duration=None, requests=None):
    boundary, body = multipart_body()
    head = (f"POST /v1/matchings?wait=10 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    latencies, failures = [], []
    memory_start = memory(pid)
    cpu_start = cpu_seconds(pid)
    started = time.monotonic()
    until = started + duration if duration else float("inf")
    budget = [requests] if requests else None
    await asyncio.gather(*(client(port, head, body, until, budget, latencies, failures) for _ in range(clients)))
    elapsed = time.monotonic() - started
    memory_end = memory(pid)
    cpu_per_request = (cpu_seconds(pid) - cpu_start) / max(len(latencies), 1) * 1000
    ordered = sorted(latencies)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    growth = (memory_end[0] - memory_start[0]) / memory_start[0] * 100 if memory_start[0] else 0.0
    print(f"{name}: {len(latencies)} requests in {elapsed:.1f} s = {len(latencies) / elapsed:.1f}/s, "
          f"p50 {p50:.1f} ms, p99 {p99:.1f} ms, errors {len(failures)}, CPU {cpu_per_request:.1f} ms a request"
          + (f" (first: {failures[:3]})" if failures else ""))
    print(f"{name}: server RSS {memory_start[0] / 1024:.1f} -> {memory_end[0] / 1024:.1f} MiB ({growth:+.1f} %), "
          f"{memory_end[2]} worker processes (the API's and the workspace's pools) RSS "
          f"{memory_start[1] / 1024:.1f} -> {memory_end[1] / 1024:.1f} MiB")
    return len(failures)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / ".build/release/mentormatch"))
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--soak", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mentormatch-load-") as work:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        log = open(pathlib.Path(work) / "server.log", "w")
        server = subprocess.Popen(
            [arguments.binary, "serve", "--port", str(port), "--data", str(pathlib.Path(work) / "data"),
             "--workers", str(arguments.workers), "--queue", "1000"], stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=1)
                    break
                except OSError:
                    if server.poll() is not None:
                        sys.exit("the server did not start; see its log")
                    time.sleep(0.1)
            print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}: mentormatch serve on {os.cpu_count()} cores, "
                  f"{arguments.workers} workers, {arguments.clients} clients, Ogre 2024 scenario (multipart), ?wait=10; "
                  "load average %.1f %.1f %.1f (other processes share the cores)" % os.getloadavg())
            errors = asyncio.run(phase("load", port, server.pid, arguments.clients, duration=arguments.duration))
            if arguments.soak > 0:
                errors += asyncio.run(phase("soak", port, server.pid, arguments.clients, requests=arguments.soak))
            print("load average after: %.1f %.1f %.1f" % os.getloadavg())
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
