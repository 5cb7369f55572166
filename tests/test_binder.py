"""Binder (repo2docker) configuration, checked offline against repo2docker's documented rules.

The rules (repo2docker's docs "Configuration files" and its Python build pack):

* when ``binder/`` exists, only the files in it are read; ``environment.yml`` there would make
  conda the environment (and ``runtime.txt`` be ignored), so the pip route has none;
* ``runtime.txt`` holds ``python-X.Y`` (``name-version``) and sets the Python of the pip route;
* ``requirements.txt`` is run as ``pip install -r binder/requirements.txt`` in the base
  environment that already holds jupyterlab and notebook; a ``-r``/``-c`` line counts as a local
  reference, so the whole repository is copied in first, and pip reads the nested path relative to
  the file that names it;
* ``postBuild`` is run from the repository root as a program: it needs a shebang, and ``set -e``
  for a failed command to fail the build.

No image is built here (no network, no Docker); ``postBuild`` runs in a temporary copy of the
repository with a fake ``pip`` on the PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import env, launch, lockfile
from helpers.paths import repo_root

ROOT = repo_root()
BINDER = ROOT / "binder"
#: Files that would switch repo2docker to another build pack or fight the pip route.
COMPETING = {
    "environment.yml",
    "Pipfile",
    "Pipfile.lock",
    "setup.py",
    "install.R",
    "Project.toml",
    "default.nix",
    "Dockerfile",
    "pyproject.toml",
}


def _lines(path: Path) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]


def test_binder_uses_the_pip_route_only():
    present = {p.name for p in BINDER.iterdir()}
    assert {"requirements.txt", "runtime.txt", "postBuild"} <= present
    assert not present & COMPETING, (
        f"repo2docker would read {present & COMPETING} instead of requirements.txt"
    )
    assert not (ROOT / ".binder").exists(), "repo2docker refuses both binder/ and .binder/"


def test_runtime_txt_names_a_supported_python():
    text = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert match, f"repo2docker reads name-version, e.g. python-3.12, not {text!r}"
    assert match.group(1) in launch.TARGET_PYTHONS
    # the base environment lock repo2docker ships for that Python (3.12's holds notebook 7.4)
    assert match.group(1) == "3.12", "tests/test_environment_files.py records repo2docker's 3.12 base"


def test_requirements_txt_installs_exactly_the_lock():
    lines = [line for line in _lines(BINDER / "requirements.txt") if line]
    assert lines == ["-r ../requirements.lock"], lines
    nested = (BINDER / lines[0].split(None, 1)[1]).resolve()
    assert nested == ROOT / "requirements.lock", "pip resolves -r relative to binder/requirements.txt"
    pins = lockfile.pins(nested, lockfile.environment("3.12.0", sys_platform="linux", os_name="posix"))
    for package in ("jupyterlab", "notebook", "ipywidgets", "matplotlib", "fontpkg-sarabun", "pythainlp"):
        assert package in pins, package
    assert "playwright" not in pins, "Binder installs what learners run, not the test tools"


def test_postbuild_is_an_executable_bash_script_with_set_e():
    path = BINDER / "postBuild"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash"), "repo2docker runs it as a program: it needs a shebang"
    assert os.access(path, os.X_OK), "chmod +x binder/postBuild"
    commands = [line for line in _lines(path) if line]
    assert commands[0] in ("set -e", "set -euo pipefail", "set -eu", "set -ex"), "set -e must come first"
    assert subprocess.run(["bash", "-n", str(path)], check=False).returncode == 0


def test_postbuild_installs_the_kit_without_touching_the_pinned_packages():
    commands = [line for line in _lines(BINDER / "postBuild") if line]
    installs = [c for c in commands if re.search(r"\bpip install\b", c)]
    assert installs == ["pip install --no-deps -e ."], installs


def _run_postbuild(tmp_path: Path, pip_exit: int) -> tuple[subprocess.CompletedProcess, Path]:
    repo = tmp_path / "repo"
    shutil.copytree(BINDER, repo / "binder")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    log = tmp_path / "pip.log"
    (fake_bin / "pip").write_text(f'#!/bin/sh\necho "$PWD $*" >> {log}\nexit {pip_exit}\n')
    (fake_bin / "pip").chmod(0o755)
    (fake_bin / "python").write_text(f'#!/bin/sh\necho "$PWD python $*" >> {log}\n')
    (fake_bin / "python").chmod(0o755)
    marker = "echo postBuild-finished"
    script = repo / "binder" / "postBuild"
    script.write_text(script.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    done = subprocess.run(
        ["bash", str(script)],
        check=False,
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    return done, log


def test_postbuild_run_installs_from_the_repository_root(tmp_path):
    done, log = _run_postbuild(tmp_path, pip_exit=0)
    assert done.returncode == 0, done.stderr
    assert log.read_text().splitlines() == [
        f"{tmp_path / 'repo'} install --no-deps -e .",
        f"{tmp_path / 'repo'} python -m helpers.webfont install",
    ]
    assert "postBuild-finished" in done.stdout


def test_postbuild_stops_when_pip_fails(tmp_path):
    done, _ = _run_postbuild(tmp_path, pip_exit=1)
    assert done.returncode != 0, "set -e: a failed install must fail the Binder build"
    assert "postBuild-finished" not in done.stdout


def test_thai_reaches_the_browser_as_a_web_font_not_a_server_font():
    """The learner's browser draws JupyterLab's page: a font in the image cannot reach it."""
    apt = BINDER / "apt.txt"
    assert not apt.exists() or "fonts-thai-tlwg" not in apt.read_text(encoding="utf-8")
    commands = [line for line in _lines(BINDER / "postBuild") if line]
    assert commands.index("python -m helpers.webfont install") > commands.index("pip install --no-deps -e .")


def test_binder_link_opens_jupyterlab_on_the_welcome_notebook():
    url = env.binder_url()
    assert url.startswith(f"https://mybinder.org/v2/gh/{env.repo_slug()}/{env.REPO_BRANCH}?")
    assert url.endswith("labpath=notebooks%2F00_welcome.ipynb")
    assert (ROOT / "notebooks" / "00_welcome.ipynb").is_file()


def test_readme_carries_the_binder_and_colab_badges():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- kit:badges:start -->" in text, "README lost its badge markers"
    block = text.split("<!-- kit:badges:start -->", 1)[1].split("<!-- kit:badges:end -->", 1)[0]
    assert env.binder_url("notebooks/00_welcome.ipynb") in block, "run make sync"
    assert env.colab_url("notebooks/00_welcome.ipynb") in block, "run make sync"


def test_repository_is_small_enough_for_binder_and_nbgitpuller():
    """Binder and nbgitpuller clone the repository for every user: keep it well under 100 MB."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    files = [ROOT / f for f in tracked.decode().split("\0") if f]
    size = sum(f.stat().st_size for f in files if f.is_file())
    assert size < 100 * 1024 * 1024, f"{size / 1e6:.0f} MB tracked"


@pytest.mark.parametrize("name", ["requirements.txt", "runtime.txt", "postBuild"])
def test_binder_files_are_tracked_or_new(name):
    """The files must reach the repository Binder clones (not be ignored by .gitignore)."""
    done = subprocess.run(["git", "check-ignore", "-q", f"binder/{name}"], check=False, cwd=ROOT)
    assert done.returncode == 1, f"binder/{name} is ignored by .gitignore"
