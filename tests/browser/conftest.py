"""Fixtures for the browser test: a JupyterLab server and Debian's Chromium driven by Playwright.

``make test-browser`` runs ``pytest tests/browser -m browser --browser-setup``.  With
``--browser-setup`` a missing ``/usr/bin/chromium`` is installed by ``scripts/install_chromium.sh``
(apt-get, needs root or password-less sudo); the tests are skipped, with the reason, only when
Chromium cannot be installed.  Playwright never downloads a browser here: it drives the system one.

``test_lab.py`` gives Chromium a Thai font as a learner's machine may have one: a ``fonts.conf``
adds the folder of the pip-installed Sarabun (``fontpkg-sarabun``) to the system fontconfig set-up
and is handed to Chromium through ``FONTCONFIG_FILE``.  ``test_webfont.py`` does the opposite: a
``fonts.conf`` with DejaVu only (no Thai font at all), where only the kit's web font
(``helpers.webfont``) can draw Thai.  A font installed on the server (``fonts-thai-tlwg``) never
reaches the learner's browser.

JupyterLab runs on 127.0.0.1 with a random port and token, the notebook folder as its root, a
throw-away settings/workspace folder (announcement pop-up off, autosave off so the notebooks in the
repository are never rewritten) and the kernel environment of the tests (``KIT_OFFLINE=1`` ...).
``KIT_BROWSER_NOTEBOOK_DIR`` may point the server at another folder (for developing the test).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
INSTALL_SCRIPT = ROOT / "scripts" / "install_chromium.sh"

#: Without the background-networking flags Chromium keeps trying connections that are blocked here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: The environment of the kernel, as in ``make test``.  MPLBACKEND is left out on purpose: with
#: ``MPLBACKEND=Agg`` ipykernel does not switch to the inline backend and no plot would appear.
KERNEL_ENV = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}

SERVER_START_TIMEOUT = 90  # seconds; usually 3-5 s, but the machine has 2 busy cores


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("browser", "browser test (tests/browser)")
    group.addoption(
        "--browser-setup",
        action="store_true",
        default=False,
        help="install Debian's chromium with scripts/install_chromium.sh when /usr/bin/chromium is missing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives JupyterLab in headless Chromium (make test-browser)")


# --------------------------------------------------------------------------------------- Chromium
def _chromium_works() -> bool:
    if not CHROMIUM.exists():
        return False
    try:
        done = subprocess.run(
            [str(CHROMIUM), "--version"], check=False, capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@pytest.fixture(scope="session")
def chromium_path(pytestconfig: pytest.Config) -> str:
    """Path of a working Chromium; installs it with ``--browser-setup``, else skips with the reason."""
    if _chromium_works():
        return str(CHROMIUM)
    if not pytestconfig.getoption("--browser-setup"):
        pytest.skip(f"{CHROMIUM} not found; run `make test-browser` (or add --browser-setup) to install it")
    try:
        done = subprocess.run(
            ["sh", str(INSTALL_SCRIPT)], check=False, capture_output=True, text=True, timeout=1200
        )
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium could not be installed: scripts/install_chromium.sh took more than 20 minutes")
    if done.returncode != 0 or not _chromium_works():
        lines = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()
        pytest.skip(f"Chromium could not be installed: {lines[-1]}")
    return str(CHROMIUM)


# ------------------------------------------------------------------------------------------ fonts
def write_fonts_conf(folder: Path, font_dir: Path) -> Path:
    """Write a fontconfig file: our cache folder first, the system set-up, then the Sarabun folder.

    The cache folder comes first because fontconfig writes to the first writable ``cachedir``; so the
    system cache (``/var/cache/fontconfig``) is never touched.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     text = write_fonts_conf(pathlib.Path(tmp), pathlib.Path("/fonts/sarabun")).read_text()
    >>> text.index("<cachedir>") < text.index("/etc/fonts/fonts.conf") < text.index("<dir>/fonts/sarabun</dir>")
    True
    """
    cache = folder / "fontconfig-cache"
    cache.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"  <cachedir>{cache}</cachedir>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{font_dir}</dir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="session")
def fonts_conf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ``fonts.conf`` that makes the pip-installed Sarabun visible to Chromium."""
    from helpers import thaifont

    files = thaifont.font_files()
    assert files, "Sarabun not found: is fontpkg-sarabun installed in the virtualenv?"
    return write_fonts_conf(tmp_path_factory.mktemp("fontconfig"), files[0].parent)


# ------------------------------------------------------------------------------------- JupyterLab
@dataclass
class LabServer:
    """A running JupyterLab: base URL, token, the notebook folder it serves and its log file."""

    url: str
    token: str
    root_dir: Path
    log: Path

    def page_url(self, notebook: str) -> str:
        # ``reset`` starts from an empty workspace, so an earlier test's tabs do not come back.
        return f"{self.url}/lab/tree/{notebook}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every kernel the page started (frees memory between tests)."""
        for kernel in self.api("/api/kernels"):
            try:
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
            except urllib.error.URLError:
                pass

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def notebook_dir() -> Path:
    return Path(os.environ.get("KIT_BROWSER_NOTEBOOK_DIR") or ROOT / "notebooks").resolve()


def _stop(proc: subprocess.Popen) -> None:
    """Stop the server and anything it started (kernels), leaving no process behind."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # jupyter_server shuts its kernels down on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=5)
    for child in alive:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


def _settings(folder: Path) -> Path:
    """Write the test server's JupyterLab user settings into ``folder`` and return it."""
    # No "get notified about Jupyter news?" pop-up: the plugin is off and news are never fetched.
    _write_json(
        folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings",
        {"fetchNews": "false", "checkForUpdates": False},
    )
    # Running cells makes the notebook "dirty"; without autosave the files on disk stay as they are.
    _write_json(
        folder / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings", {"autosave": False}
    )
    return folder


def _page_config(config_dir: Path) -> Path:
    """Switch the announcements plugin off in ``config_dir/labconfig/page_config.json``."""
    _write_json(
        config_dir / "labconfig" / "page_config.json",
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}},
    )
    return config_dir


@contextlib.contextmanager
def running_lab(base: Path, root_dir: Path, env_extra: dict[str, str], args_extra: list[str]):
    """Start JupyterLab on 127.0.0.1 (free port, random token) serving ``root_dir``; stop it after.

    ``env_extra`` and ``args_extra`` come last, so they can replace the defaults (for example the
    config folder that ``helpers.webfont.lab_environment`` prepares).
    """
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    env.update(KERNEL_ENV)
    env.update(
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        JUPYTER_DATA_DIR=str(base / "data"),  # notebook-signing key etc. stay out of ~/.local
        IPYTHONDIR=str(base / "ipython"),
    )
    env.update(env_extra)
    port = _free_port()
    token = secrets.token_hex(24)
    cmd = [
        sys.executable, "-m", "jupyterlab",
        "--no-browser", "--allow-root",
        "--ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        f"--LabApp.workspaces_dir={base / 'workspaces'}",
        # JupyterLab makes a checkpoint when it opens a notebook: keep it out of notebooks/.
        f"--FileCheckpoints.checkpoint_dir={base / 'checkpoints'}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.expose_app_in_browser=True",  # lets the test read the kernel status
        *args_extra,
    ]  # fmt: skip
    log = base / "jupyterlab.log"
    with open(log, "wb") as log_file:
        proc = subprocess.Popen(cmd, cwd=root_dir, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    server = LabServer(url=f"http://127.0.0.1:{port}", token=token, root_dir=root_dir, log=log)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {proc.returncode}:\n{server.log_tail()}")
            try:
                server.api("/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n{server.log_tail()}"
                    )
                time.sleep(0.5)
        yield server
    finally:
        _stop(proc)
        ARTIFACTS.mkdir(exist_ok=True)
        if log.exists():
            shutil.copyfile(log, ARTIFACTS / f"{base.name}.log")


@pytest.fixture(scope="session")
def lab_kit() -> SimpleNamespace:
    """The building blocks of ``lab_server`` for tests that need a JupyterLab of their own."""
    return SimpleNamespace(
        running_lab=running_lab, settings=_settings, page_config=_page_config,
        chromium_args=CHROMIUM_ARGS, root=ROOT, artifacts=ARTIFACTS,
    )  # fmt: skip


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory):
    """Start JupyterLab on 127.0.0.1 (free port, random token) for the whole session."""
    base = tmp_path_factory.mktemp("jupyterlab")
    root_dir = notebook_dir()
    if not root_dir.is_dir():
        pytest.fail(f"notebook folder {root_dir} does not exist")
    settings = _settings(base / "user-settings")
    config_dir = _page_config(base / "config")
    with running_lab(
        base, root_dir, {"JUPYTER_CONFIG_DIR": str(config_dir)}, [f"--LabApp.user_settings_dir={settings}"]
    ) as server:
        yield server


# ---------------------------------------------------------------------------------------- browser
@pytest.fixture(scope="session")
def kit_playwright():
    """One Playwright driver for the session (its sync API cannot be started twice at once)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(chromium_path: str, fonts_conf: Path, kit_playwright):
    """Debian's headless Chromium, started by Playwright with the Sarabun fontconfig."""
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf))
    browser = kit_playwright.chromium.launch(
        executable_path=chromium_path, args=CHROMIUM_ARGS, env=env, headless=True, timeout=120_000
    )
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture
def lab_page(chromium, lab_server: LabServer):
    """A fresh browser page (1440x1000); kernels are shut down after the test."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = chromium.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.page_errors = []  # uncaught JavaScript errors, reported by the test
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
        try:
            lab_server.shutdown_kernels()
        except (urllib.error.URLError, OSError):
            pass
