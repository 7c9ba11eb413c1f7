"""Browser tests: the real site under gunicorn, driven through Debian's Chromium.

Fixtures
    chromium_path Debian's Chromium, or a skip (a failure when CI=true)
    live_server   the app under gunicorn on 127.0.0.1 and a free port (session)
    browser       Debian's /usr/bin/chromium through Playwright (session); never a
                  downloaded browser
    new_page      a factory: a fresh browser context (own cookies) and page
    answered      storage state of a visit that has answered every question for
                  Herlev, so tests of the check and result pages need not walk there

Without Chromium the tests are skipped locally, but fail when CI=true: CI installs
Debian's chromium package (.ci/run), and a CI run that skipped them would prove nothing.

Page objects live in navigators.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .navigators import HERLEV, Guide

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("TG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_SECONDS = 30


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test here must carry @pytest.mark.browser (`make test-fast` deselects them)."""
    here = Path(__file__).parent
    unmarked = [item.nodeid for item in items
                if here in item.path.parents and item.get_closest_marker("browser") is None]
    if unmarked:
        raise pytest.UsageError("browser tests without @pytest.mark.browser: "
                                + ", ".join(unmarked))


def _bound_socket() -> socket.socket:
    """A socket bound to a free port on 127.0.0.1, for gunicorn to serve on (fd://).

    Handing over the bound socket, rather than a port number to bind again, leaves no
    moment in which another process (the other developers' test runs, say) can take
    the port: gunicorn would then retry and give up, while the tests talked to
    whatever answered there.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.set_inheritable(True)
    return sock


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode} before serving {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer {url} within {SERVER_START_SECONDS} s")


def _assert_stylesheet_served(base: str) -> None:
    """Layout, focus and print tests mean nothing without the CSS: fail clearly."""
    with urllib.request.urlopen(base + "/", timeout=5) as response:
        html = response.read().decode()
    match = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert match, "the start page links no stylesheet"
    with urllib.request.urlopen(base + match.group(1), timeout=5) as response:
        assert response.status == 200 and response.headers.get_content_type() == "text/css"


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.is_file():
        message = (f"{CHROMIUM} not found: install Debian's chromium package "
                   "(apt-get install chromium; .ci/run does this)")
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def live_server(chromium_path: Path) -> Iterator[str]:
    """The app as it runs in production (gunicorn, two workers), development settings."""
    env = {**os.environ, "TG_ENV": "development", "TG_SECRET_KEY": "test",
           "PYTHONWARNINGS": "ignore"}
    with _bound_socket() as sock:
        port = int(sock.getsockname()[1])
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"fd://{sock.fileno()}",
             "--workers", "2", "--access-logfile", "/dev/null", "--error-logfile", "-",
             "--log-level", "warning", "webapp:create_app()"],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, pass_fds=[sock.fileno()],
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url + "/", process)
        _assert_stylesheet_served(url)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium_path),
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


NewPage = Callable[..., Any]


@pytest.fixture()
def new_page(browser: Any, live_server: str) -> Iterator[NewPage]:
    """new_page(**context_options) -> a Page in a fresh context (Danish by default).

    Every request the pages make is watched: anything not to our own server (a font,
    a script, a tracker from elsewhere) fails the test.
    """
    contexts: list[Any] = []
    foreign: list[str] = []

    def watch(request: Any) -> None:
        if not request.url.startswith((live_server + "/", "data:", "about:")):
            foreign.append(request.url)

    def make(**options: Any) -> Any:
        options = {"base_url": live_server, "locale": "da-DK",
                   "viewport": {"width": 1280, "height": 800}, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("request", watch)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        with contextlib.suppress(Exception):
            context.close()
    assert not foreign, f"requests to other hosts: {foreign}"


@pytest.fixture(scope="session")
def answered(browser: Any, live_server: str) -> dict[str, Any]:
    """Cookies of a visit that answered every question for Herlev (walked once)."""
    context = browser.new_context(base_url=live_server, locale="da-DK")
    try:
        guide = Guide(context.new_page())
        guide.start(HERLEV.slug, "self")
        guide.answer_all(HERLEV.answers)
        guide.assert_on_check_page(HERLEV.slug)
        state: dict[str, Any] = context.storage_state()
    finally:
        context.close()
    return state
