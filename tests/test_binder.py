"""Binder (repo2docker) configuration, checked offline: what repo2docker will read and run.

No image is built here (no network, no Docker); the files are parsed, and ``postBuild`` is run in
a temporary copy of the repository with a fake ``pip`` on the PATH.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import env
from helpers.paths import repo_root

ROOT = repo_root()
BINDER = ROOT / "binder"
#: Debian/Ubuntu packages with Thai fonts that browsers and fontconfig find.
THAI_FONT_PACKAGES = {"fonts-thai-tlwg", "fonts-tlwg-loma", "fonts-tlwg-garuda", "fonts-noto-core", "fonts-noto-cjk"}
# Files that repo2docker would also act on; with binder/ present they are ignored at the root,
# but inside binder/ they must not compete with environment.yml.
COMPETING = {"requirements.txt", "Pipfile", "Pipfile.lock", "setup.py", "runtime.txt", "install.R", "Project.toml"}


def _lines(path: Path) -> list[str]:
    return [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]


def test_binder_folder_has_the_three_files():
    assert (BINDER / "environment.yml").is_file()
    assert (BINDER / "postBuild").is_file()
    assert (BINDER / "apt.txt").is_file()


def test_binder_environment_is_identical_to_the_root_one():
    assert (BINDER / "environment.yml").read_bytes() == (ROOT / "environment.yml").read_bytes()


def test_binder_python_is_new_enough_for_matplotlib_3_11():
    doc = yaml.safe_load((BINDER / "environment.yml").read_text(encoding="utf-8"))
    python = next(d for d in doc["dependencies"] if isinstance(d, str) and d.startswith("python="))
    major, minor = (int(x) for x in python.split("=")[1].split(".")[:2])
    assert (major, minor) >= (3, 11), "repo2docker would otherwise pick Python 3.10"


def test_binder_environment_has_jupyterlab_widgets_and_the_font_package():
    text = (BINDER / "environment.yml").read_text(encoding="utf-8")
    for package in ("jupyterlab", "ipywidgets", "matplotlib", "fontpkg-sarabun"):
        assert re.search(rf"^\s*-\s*{package}(-base)?\s*[=]", text, re.M), package


def test_no_competing_configuration_in_binder():
    present = {p.name for p in BINDER.iterdir()}
    assert not present & COMPETING, f"repo2docker would also read {present & COMPETING}"


def test_apt_txt_installs_a_thai_font_for_the_browser():
    packages = [line for line in _lines(BINDER / "apt.txt") if line]
    assert packages, "apt.txt lists no package"
    assert set(packages) & THAI_FONT_PACKAGES, packages
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", p) for p in packages), "one Debian package name per line"


def test_postbuild_is_an_executable_bash_script_with_set_e():
    path = BINDER / "postBuild"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#!"), "repo2docker runs it as a program: it needs a shebang"
    assert os.access(path, os.X_OK), "chmod +x binder/postBuild"
    commands = [line for line in _lines(path) if line]
    assert commands[0] in ("set -e", "set -euo pipefail", "set -eu", "set -ex"), "set -e must come first"
    assert subprocess.run(["bash", "-n", str(path)]).returncode == 0


def test_postbuild_installs_the_kit_without_touching_the_pinned_packages():
    commands = [line for line in _lines(BINDER / "postBuild") if line]
    installs = [c for c in commands if re.search(r"\bpip install\b", c)]
    assert any(re.search(r"pip install .*--no-deps.*-e \.$", c) for c in installs), installs
    assert all("--no-deps" in c for c in installs), "every pip install in postBuild keeps conda's versions"


def _run_postbuild(tmp_path: Path, pip_exit: int) -> tuple[subprocess.CompletedProcess, Path]:
    repo = tmp_path / "repo"
    shutil.copytree(BINDER, repo / "binder")
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    log = tmp_path / "pip.log"
    (fake_bin / "pip").write_text(f'#!/bin/sh\necho "$PWD $*" >> {log}\nexit {pip_exit}\n')
    (fake_bin / "pip").chmod(0o755)
    for tool in ("python", "python3"):
        (fake_bin / tool).write_text(f'#!/bin/sh\nif [ "$1" = "-m" ] && [ "$2" = "pip" ]; then shift 2; exec {fake_bin}/pip "$@"; fi\nexit 0\n')
        (fake_bin / tool).chmod(0o755)
    marker = "echo postBuild-finished"
    script = repo / "binder" / "postBuild"
    script.write_text(script.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    # repo2docker runs postBuild from the repository root
    done = subprocess.run(
        ["bash", str(script)], cwd=repo, capture_output=True, text=True, timeout=60,
        env={"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    return done, log


def test_postbuild_run_installs_from_the_repository_root(tmp_path):
    done, log = _run_postbuild(tmp_path, pip_exit=0)
    assert done.returncode == 0, done.stderr
    calls = log.read_text().splitlines()
    assert any(call.startswith(f"{tmp_path / 'repo'} install") and call.endswith("--no-deps -e .") for call in calls), calls
    assert "postBuild-finished" in done.stdout


def test_postbuild_stops_when_pip_fails(tmp_path):
    done, _ = _run_postbuild(tmp_path, pip_exit=1)
    assert done.returncode != 0, "set -e: a failed install must fail the Binder build"
    assert "postBuild-finished" not in done.stdout


def test_binder_link_opens_jupyterlab_on_the_welcome_notebook():
    url = env.binder_url()
    assert url.startswith(f"https://mybinder.org/v2/gh/{env.repo_slug()}/{env.REPO_BRANCH}?")
    assert url.endswith("labpath=notebooks%2F00_welcome.ipynb")
    assert (ROOT / "notebooks" / "00_welcome.ipynb").is_file()


@pytest.mark.parametrize("name", ["README.md"])
def test_readme_carries_the_binder_badge_when_it_has_the_markers(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    if "<!-- kit:badges:start -->" not in text:
        pytest.skip("README has no badge markers yet")
    block = text.split("<!-- kit:badges:start -->", 1)[1].split("<!-- kit:badges:end -->", 1)[0]
    assert env.binder_url("notebooks/00_welcome.ipynb") in block, "run make sync"
    assert env.colab_url("notebooks/00_welcome.ipynb") in block, "run make sync"


def test_repository_is_small_enough_for_binder_and_nbgitpuller():
    """Binder and nbgitpuller clone the repository for every user: keep it well under 100 MB."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout
    files = [ROOT / f for f in tracked.decode().split("\0") if f]
    size = sum(f.stat().st_size for f in files if f.is_file())
    assert size < 100 * 1024 * 1024, f"{size / 1e6:.0f} MB tracked"
