"""Build the two environments of the real-JupyterHub test, the way a hub admin would.

* ``hub/``: a virtualenv with JupyterHub only (what runs the hub), plus configurable-http-proxy
  installed from npm into ``proxy/``.
* ``user/``: the learners' single-user environment: the kit's ``requirements.lock``, JupyterHub
  (for ``jupyterhub-singleuser``), nbgitpuller and the kit itself installed **non-editable**, so
  the test also proves that ``helpers`` finds the data of the learner's own clone; then the
  admin's web-font step, ``python -m helpers.webfont install --system``.

Run ``python tests/hub/hubenv.py [FOLDER]`` (default ``$KIT_HUB_ENV`` or ``<tmp>/kit-hub-env``);
the test does the same with ``--hub-setup``.  Needs the package registries (PyPI and npm).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: JupyterHub 5 is the release line the docs describe (TLJH and Zero to JupyterHub ship it).
HUB_REQUIREMENT = "jupyterhub>=5,<6"
NBGITPULLER_REQUIREMENT = "nbgitpuller>=1.2"
PROXY_REQUIREMENT = "configurable-http-proxy@4"
#: Files a wheel of the kit is built from (copied out so that no build folder lands in the checkout).
KIT_SOURCES = ("pyproject.toml", "README.md", "LICENSE", "helpers")


def default_folder() -> Path:
    """Return ``$KIT_HUB_ENV`` or ``<system temp>/kit-hub-env``.

    >>> default_folder().name in {"kit-hub-env", Path(os.environ.get("KIT_HUB_ENV", "x")).name}
    True
    """
    return Path(os.environ.get("KIT_HUB_ENV") or Path(tempfile.gettempdir()) / "kit-hub-env")


def _run(*cmd, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def _venv(folder: Path) -> Path:
    python = folder / "bin" / "python"
    if not python.exists():
        _run(sys.executable, "-m", "venv", folder)
        _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    return python


def kit_wheel_source(target: Path) -> Path:
    """Copy the files a wheel of the kit needs into ``target`` (a fresh folder) and return it."""
    target.mkdir(parents=True, exist_ok=True)
    for name in KIT_SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, target / name)
    return target


def build(folder: Path) -> dict:
    """Create (or complete) the hub, proxy and learner environments in ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hub_python = _venv(folder / "hub")
    _run(hub_python, "-m", "pip", "install", "--quiet", HUB_REQUIREMENT)
    proxy = folder / "proxy"
    if not (proxy / "node_modules" / ".bin" / "configurable-http-proxy").exists():
        _run("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", proxy, PROXY_REQUIREMENT)
    user_python = _venv(folder / "user")
    _run(user_python, "-m", "pip", "install", "--quiet", "-r", ROOT / "requirements.lock")
    _run(user_python, "-m", "pip", "install", "--quiet", HUB_REQUIREMENT, NBGITPULLER_REQUIREMENT)
    with tempfile.TemporaryDirectory() as tmp:
        source = kit_wheel_source(Path(tmp) / "kit")
        _run(user_python, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", source)
    # The hub admin's web-font step (docs/jupyterhub.md): Thai in every learner's browser.
    _run(user_python, "-m", "helpers.webfont", "install", "--system", cwd=folder)
    paths = {
        "hub_bin": str(folder / "hub" / "bin"),
        "user_bin": str(folder / "user" / "bin"),
        "proxy": str(proxy / "node_modules" / ".bin" / "configurable-http-proxy"),
    }
    (folder / "ready.json").write_text(json.dumps(paths, indent=2), encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else default_folder()
    print(json.dumps(build(folder), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
