"""Fixtures for the real-JupyterHub test: hub + proxy + git daemon, all on 127.0.0.1.

Not collected by a plain ``pytest`` run: ask for it with ``pytest -p no:xdist tests/hub -m hub``
(add ``--hub-setup`` to build the environments first, see ``hubenv.py``; it needs PyPI and npm).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = HERE / "artifacts"
START_TIMEOUT = 120  # seconds
#: The learners' kernels run like `make test`: offline, so no test reaches the internet.
LEARNER_ENV = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1"}

import hubenv  # noqa: E402 - tests/hub is on sys.path: pytest puts a conftest's folder there


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("hub", "real JupyterHub test (tests/hub)").addoption(
        "--hub-setup", action="store_true", default=False,
        help="build the hub and learner environments (tests/hub/hubenv.py) when they are missing",
    )  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "hub: starts a real JupyterHub on 127.0.0.1 (tests/hub, asked for explicitly)"
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config):
    """Skip collecting tests/hub unless the run names it or selects the ``hub`` marker."""
    asked = "hub" in (config.getoption("-m", default="") or "") or any(
        Path(arg.split("::")[0]).resolve().is_relative_to(HERE) for arg in config.args
    )
    return None if asked else True


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, proc: subprocess.Popen, log: Path, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{what} exited with code {proc.returncode}:\n{tail(log)}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not answer on port {port} within {START_TIMEOUT} s:\n{tail(log)}")
        time.sleep(0.3)


def tail(log: Path, lines: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(proc: subprocess.Popen) -> None:
    """Stop a process and everything it started (the hub's proxy, servers and kernels)."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        children = []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=10)
    for child in alive:
        try:
            child.kill()
        except psutil.NoSuchProcess:
            pass


@pytest.fixture(scope="session")
def hub_env(pytestconfig: pytest.Config) -> dict:
    folder = hubenv.default_folder()
    ready = folder / "ready.json"
    if not ready.is_file():
        if not pytestconfig.getoption("--hub-setup", default=False):
            pytest.fail(
                f"no hub environment in {folder}: run with --hub-setup (or python tests/hub/hubenv.py)"
            )
        hubenv.build(folder)
    return json.loads(ready.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def git_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The kit's repository served by ``git daemon`` on 127.0.0.1; returns its ``git://...git`` URL."""
    base = tmp_path_factory.mktemp("git-daemon")
    served = base / "srv"
    served.mkdir()
    subprocess.run(
        ["git", "clone", "--quiet", "--bare", str(ROOT), str(served / "thai-opendata-kit.git")],
        check=True,
        timeout=300,
    )
    port = free_port()
    log = base / "git-daemon.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["git", "daemon", "--reuseaddr", "--export-all", f"--base-path={served}", "--listen=127.0.0.1",
             f"--port={port}", "--informative-errors", str(served)],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_port(port, proc, log, "git daemon")
        yield f"git://127.0.0.1:{port}/thai-opendata-kit.git"
    finally:
        stop(proc)


@dataclass
class Hub:
    url: str
    password: str
    home: Path
    log: Path
    proc: subprocess.Popen


HUB_CONFIG = """
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.ConfigurableHTTPProxy.pid_file = {pid!r}
c.JupyterHub.db_url = "sqlite:///" + {db!r}
c.JupyterHub.cookie_secret_file = {secret!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home!r} + "/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = ["--allow-root"]  # the test may run as root (CI); real hubs run servers as users
c.Spawner.default_url = "/lab"
c.Spawner.environment = {env!r}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.cleanup_servers = True
"""


def _wait_hub_api(url: str, proc: subprocess.Popen, log: Path) -> None:
    """The proxy answers before the hub has added its route: wait until /hub/api says 200."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{url}/hub/api", timeout=10) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"JupyterHub's API did not answer at {url}/hub/api:\n{tail(log)}")
        time.sleep(0.5)


@pytest.fixture(scope="session")
def hub(hub_env: dict, tmp_path_factory: pytest.TempPathFactory) -> Hub:
    base = tmp_path_factory.mktemp("jupyterhub")
    home = base / "home"
    home.mkdir()
    port, password = free_port(), secrets.token_hex(8)
    learner_env = dict(LEARNER_ENV, KIT_CACHE_DIR=str(base / "kit-cache"))
    config = base / "jupyterhub_config.py"
    config.write_text(
        HUB_CONFIG.format(
            port=port, hub_port=free_port(), proxy=hub_env["proxy"], proxy_api=free_port(),
            pid=str(base / "proxy.pid"), db=str(base / "jupyterhub.sqlite"), secret=str(base / "cookie_secret"),
            password=password, home=str(home), singleuser=str(Path(hub_env["user_bin"]) / "jupyterhub-singleuser"),
            env=learner_env,
        ),
        encoding="utf-8",
    )  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "KIT_"))}
    # The learners' servers find git, node and their own environment's tools on PATH.
    env["PATH"] = os.pathsep.join([hub_env["user_bin"], hub_env["hub_bin"], env.get("PATH", "")])
    log = base / "jupyterhub.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(Path(hub_env["hub_bin"]) / "jupyterhub"), "-f", str(config)],
            cwd=base, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_port(port, proc, log, "JupyterHub")
        _wait_hub_api(f"http://127.0.0.1:{port}", proc, log)
        yield Hub(url=f"http://127.0.0.1:{port}", password=password, home=home, log=log, proc=proc)
    finally:
        stop(proc)
        ARTIFACTS.mkdir(exist_ok=True)
        if log.exists():
            (ARTIFACTS / "jupyterhub.log").write_bytes(log.read_bytes())
