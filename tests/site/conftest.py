"""Fixtures of the website test: the site built into a temp folder, served on 127.0.0.1, and Chromium.

The site is built once per session by ``scripts/build_site.py`` (a subprocess, as ``make site``
runs it).  Chromium is Debian's (``scripts/install_chromium.sh``; the test is skipped, with the
reason, when it is missing), driven by Playwright, with a fontconfig set-up that has DejaVu only:
no font on the machine can draw Thai, so Thai on the pages can only come from the site's web font.
Every request that is not to the test server is aborted (the pages' Binder/Colab badge images).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
BUILD_TIMEOUT = 600  # seconds; about 15-30 s on 2 busy cores


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "site: builds the course website and checks it in headless Chromium")


@dataclass
class BuiltSite:
    """The built site: its folder, how long the build took and the build's output."""

    out: Path
    seconds: float
    log: str


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site") / "html"
    env = dict(os.environ, KIT_OFFLINE="1", PYTHAINLP_OFFLINE="1", PYTHAINLP_READ_ONLY="1", MPLBACKEND="Agg")
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - start
    log = done.stdout + done.stderr
    assert done.returncode == 0, f"build_site.py failed ({done.returncode}):\n{log[-4000:]}"
    return BuiltSite(out=out, seconds=seconds, log=log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    """The built site served over HTTP on 127.0.0.1 (a free port), as GitHub Pages would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def no_thai_fonts_conf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``fonts.conf`` with DejaVu only (no system set-up), checked to have no Thai glyph."""
    from helpers import thaifont

    fonts = sorted(DEJAVU.glob("*.ttf"))
    if not fonts:
        pytest.fail(f"no DejaVu fonts in {DEJAVU} (Debian's fonts-dejavu-core comes with chromium)")
    with_thai = [f.name for f in fonts if not thaifont.missing_glyphs("ก", f)]
    assert not with_thai, (
        f"these fonts have Thai glyphs, so they cannot stand for 'no Thai font': {with_thai}"
    )
    folder = tmp_path_factory.mktemp("fontconfig-site")
    (folder / "cache").mkdir()
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f"  <cachedir>{folder / 'cache'}</cachedir>\n  <dir>{DEJAVU}</dir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="session")
def site_browser(no_thai_fonts_conf: Path):
    if not CHROMIUM.exists() and shutil.which("sh"):
        subprocess.run(["sh", str(ROOT / "scripts" / "install_chromium.sh")], check=False, timeout=1200)
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found and scripts/install_chromium.sh could not install it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=120_000,
            env=dict(os.environ, FONTCONFIG_FILE=str(no_thai_fonts_conf)),
        )  # fmt: skip
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def site_page(site_browser, site_url: str):
    """A fresh page (1366x900, Thai locale) that may only load from the test server."""
    context = site_browser.new_context(viewport={"width": 1366, "height": 900}, locale="th-TH")
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(site_url) else route.abort()
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.page_errors = []
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
