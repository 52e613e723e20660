"""Fixtures of the browser test: the binary, the output folder and a started server with its browser."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from harness import Browser, Server

ROOT = Path(__file__).resolve().parents[2]


def pytest_configure(config):
    binary = Path(os.environ.get("MENTORMATCH_BINARY", ROOT / ".build/debug/mentormatch"))
    if not os.access(binary, os.X_OK):
        raise pytest.UsageError(f"{binary} is missing; build it first (swift build --product mentormatch)")
    config.mentormatch_binary = binary.resolve()
    output = Path(os.environ.get("BROWSER_TEST_OUTPUT", ROOT / ".build/test-output/browser"))
    shutil.rmtree(output, ignore_errors=True)
    output.mkdir(parents=True)
    config.browser_output = output


@pytest.fixture(scope="session")
def binary(pytestconfig):
    return pytestconfig.mentormatch_binary


@pytest.fixture(scope="session")
def output(pytestconfig):
    return pytestconfig.browser_output


@pytest.fixture(scope="module")
def work():
    folder = Path(tempfile.mkdtemp(prefix="mentormatch-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def started(binary, work, output, users):
    """A server (with users) and a browser on it; the server's log is kept in the output folder."""
    server = Server(binary, work / "server", users=users).start()
    browser = None
    try:
        browser = Browser(server, output, work / "downloads")
        yield server, browser
    finally:
        if browser is not None:
            browser.quit()
        server.stop()
        shutil.copy(server.log_path, output / f"server-{work.name}.log")
