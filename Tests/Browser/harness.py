"""The browser test's harness: a `mentormatch serve` of the built binary on a free loopback port with a temporary
--data folder, and Debian's headless Chromium driven by Selenium through Debian's chromedriver.

It builds nothing: run.sh hands it the binary (MENTORMATCH_BINARY). Every page the tests look at goes through
`Browser.visit` or `Browser.look`, which writes a full-page screenshot NN-name.png into the output folder
(BROWSER_TEST_OUTPUT) and checks what every page must have: `<html lang>`, an h1, a label for every input, nothing
loaded from another origin and no error in the browser's console.
"""
import base64
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WINDOW = (1280, 900)
# Longest screenshot: a page longer than this is cut (the pairs table of a large programme).
MAX_SCREENSHOT_HEIGHT = 8000


class HarnessError(AssertionError):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`mentormatch serve` on 127.0.0.1, with `users` ({name: password}) created first by `serve --create-user`."""

    def __init__(self, binary, work, users=None, workers=2):
        self.binary = str(binary)
        self.work = Path(work)
        self.data = self.work / "data"
        self.users = users or {}
        self.workers = workers
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.work / "server.log"
        self.process = None

    def start(self):
        self.work.mkdir(parents=True, exist_ok=True)
        for name, password in self.users.items():
            password_file = self.work / f"password-{secrets.token_hex(4)}"
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
            created = subprocess.run(
                [self.binary, "serve", "--data", str(self.data), "--create-user", name,
                 "--password-file", str(password_file)],
                capture_output=True, text=True, timeout=60)
            password_file.unlink()
            if created.returncode != 0:
                raise HarnessError(f"serve --create-user {name} failed ({created.returncode}): {created.stderr.strip()}")
        log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), "--data", str(self.data), "--workers", str(self.workers)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(f"the server exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise HarnessError(f"the server did not answer /healthz within 60 s:\n{self.log()}")

    def log(self):
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise HarnessError("the server did not stop within 40 s of SIGTERM")

    def get(self, path):
        """A plain HTTP GET (no browser): (status, headers, body bytes)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()


class Browser:
    """Headless Chromium at a fixed window size, its console and network logs kept, screenshots numbered."""

    def __init__(self, server, output, downloads):
        self.server = server
        self.output = Path(output)
        self.output.mkdir(parents=True, exist_ok=True)
        self.downloads = Path(downloads)
        self.downloads.mkdir(parents=True, exist_ok=True)
        self.shots = sorted(self.output.glob("*.png"))
        self.seen_requests = []
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={WINDOW[0]},{WINDOW[1]}", "--force-device-scale-factor=1",
                         "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--lang=lv"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        options.add_experimental_option("prefs", {
            "download.default_directory": str(self.downloads), "download.prompt_for_download": False,
            "intl.accept_languages": "lv,en"})
        # The driver is Debian's; Selenium Manager must not look for (or download) another.
        os.environ.setdefault("SE_OFFLINE", "true")
        self.driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
        self.driver.set_page_load_timeout(60)
        self.driver.execute_cdp_cmd("Page.setDownloadBehavior",
                                    {"behavior": "allow", "downloadPath": str(self.downloads)})

    def quit(self):
        self.driver.quit()

    # -- navigation and what every page must have -------------------------------------------------------------

    def visit(self, path, name, **checks):
        self.driver.get(self.server.base + path)
        return self.look(name, **checks)

    def look(self, name, require_h1=True, require_lang=True):
        """Checks the page now shown and writes its screenshot; returns the page's path."""
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        self.screenshot(name)
        self.check_console()
        self.check_origins()
        if require_lang:
            lang = self.driver.execute_script("return document.documentElement.getAttribute('lang')")
            if not lang:
                raise HarnessError(f"{self.path()}: <html> has no lang")
        if require_h1 and not self.driver.find_elements(By.TAG_NAME, "h1"):
            raise HarnessError(f"{self.path()}: the page has no h1")
        unlabelled = self.driver.execute_script(UNLABELLED_FIELDS)
        if unlabelled:
            raise HarnessError(f"{self.path()}: fields without a label or aria-label: {unlabelled}")
        return self.path()

    def path(self):
        return urlsplit(self.driver.current_url).path

    def screenshot(self, name):
        number = len(self.shots) + 1
        target = self.output / f"{number:02d}-{name}.png"
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = max(WINDOW[0], int(size["width"]))
        height = min(MAX_SCREENSHOT_HEIGHT, max(WINDOW[1], int(size["height"])))
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        target.write_bytes(base64.b64decode(shot["data"]))
        self.shots.append(target)
        return target

    def window_shot(self, name):
        """What the window shows (not the whole page), as name.png: the README's pictures."""
        target = self.output / f"{name}.png"
        target.write_bytes(self.driver.get_screenshot_as_png())
        return target

    def check_console(self):
        """No error in the browser's console (a failed script, a CSP violation, a 404 of an asset)."""
        errors = [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]
        if errors:
            raise HarnessError(f"{self.path()}: the browser's console has errors: "
                               + "; ".join(entry.get("message", "") for entry in errors))

    def check_origins(self):
        """Everything the page loaded came from the server: the network log's requests since the last check and
        the page's own resource timing entries."""
        origin = self.server.base
        requests = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        self.seen_requests.extend(requests)
        entries = self.driver.execute_script(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".map(e => e.name)")
        foreign = [url for url in requests + entries
                   if not (url.startswith(origin + "/") or url == origin or url.startswith("data:")
                           or url.startswith("blob:") or url == "about:blank")]
        if foreign:
            raise HarnessError(f"{self.path()}: requests to other origins: {sorted(set(foreign))}")
        return entries

    # -- forms ---------------------------------------------------------------------------------------------

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def submit_and_wait(self, element):
        """Clicks a submit button (or presses it) and waits for the next page to have loaded."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, 60).until(lambda d: is_stale(old))
        WebDriverWait(self.driver, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def wait_for(self, css, timeout=120, fail_on=None):
        """Waits until an element matching css is on the page (the page refreshes itself while a job runs); an
        element matching fail_on (a job's failure) ends the wait at once. Either way the page is photographed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.driver.find_elements(By.CSS_SELECTOR, css)
            if found:
                return found[0]
            failed = self.driver.find_elements(By.CSS_SELECTOR, fail_on) if fail_on else []
            if failed:
                self.screenshot("failed")
                raise HarnessError(f"{self.path()}: {fail_on}: {failed[0].text}")
            time.sleep(0.25)
        self.screenshot("timed-out")
        raise HarnessError(f"{self.path()}: no {css} within {timeout} s")

    def wait_for_download(self, suffix, before, timeout=30):
        """The file with suffix that appeared in the downloads folder since `before` (a set of names)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [path for path in self.downloads.iterdir()
                    if path.name not in before and path.name.endswith(suffix)]
            if done:
                return done[0]
            time.sleep(0.2)
        raise HarnessError(f"no {suffix} download within {timeout} s")


def is_stale(element):
    try:
        element.is_enabled()
        return False
    except Exception:  # StaleElementReferenceException: the old page is gone
        return True


# Every input, select and textarea a person can fill, without a <label> or aria-label(ledby).
UNLABELLED_FIELDS = """
return Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(field => !['hidden', 'submit', 'button', 'reset', 'image'].includes((field.type || '').toLowerCase()))
  .filter(field => {
    if (field.labels && field.labels.length > 0) return false;
    if ((field.getAttribute('aria-label') || '').trim() !== '') return false;
    const by = field.getAttribute('aria-labelledby');
    if (by && by.split(/\\s+/).every(id => document.getElementById(id))) return false;
    return true;
  })
  .map(field => field.outerHTML.slice(0, 120));
"""
