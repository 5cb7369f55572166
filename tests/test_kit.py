"""kit.py, the one entry point: Python check, venv layout per platform, install stamp, commands.

Nothing is installed here: pip and the hand-over are replaced by recorders, and the Windows code
paths are exercised by setting ``os.name`` to ``"nt"`` for the call under test.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import launch
from helpers.paths import repo_root

ROOT = repo_root()


@pytest.fixture(scope="module")
def kit():
    """kit.py loaded as a module (it sits at the repository root, outside the package)."""
    spec = importlib.util.spec_from_file_location("kit", ROOT / "kit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path):
    """A repository root with the three files the install stamp depends on."""
    root = tmp_path / "kit"
    root.mkdir()
    for name in ("requirements.lock", "requirements-test.lock", "pyproject.toml"):
        (root / name).write_text(f"{name} v1\n", encoding="utf-8")
    return root


class Recorder:
    """Stands in for kit._run: records commands, and creates the venv's Python when asked to."""

    def __init__(self, kit, venv):
        self.kit, self.venv, self.commands = kit, venv, []

    def __call__(self, cmd, cwd=None):
        self.commands.append(cmd)
        if cmd[1:3] == ["-m", "venv"]:  # no Path() here: it cannot be built while os.name is "nt"
            python = self.kit.venv_python(self.venv)
            python.parent.mkdir(parents=True)
            python.write_text("", encoding="utf-8")


def test_doctests_of_kit_pass(kit):
    result = doctest.testmod(kit, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10 and result.failed == 0


def test_kit_uses_only_the_standard_library():
    imports = re.findall(
        r"^(?:from|import) (\w+)", (ROOT / "kit.py").read_text(encoding="utf-8"), re.MULTILINE
    )
    outside = {name for name in imports if name not in sys.stdlib_module_names and name != "__future__"}
    assert not outside, f"kit.py runs before anything is installed: {outside}"


def test_windows_venv_layout(kit, monkeypatch):
    venv = Path("C:/kit/.venv")
    with monkeypatch.context() as m:
        m.setattr(os, "name", "nt")
        windows = kit.venv_python(venv)
    assert windows.parts[-2:] == ("Scripts", "python.exe")
    with monkeypatch.context() as m:
        m.setattr(os, "name", "posix")
        posix = kit.venv_python(venv)
    assert posix.parts[-2:] == ("bin", "python")


def test_windows_install_and_handover_use_scripts_python(kit, project, monkeypatch):
    """On Windows the venv is made, filled and started through .venv\\Scripts\\python.exe."""
    recorder = Recorder(kit, project / ".venv")
    monkeypatch.setattr(kit, "_run", recorder)
    handed = []
    monkeypatch.setattr(
        kit.subprocess,
        "run",
        lambda cmd, **kw: handed.append((cmd, kw)) or subprocess.CompletedProcess(cmd, 0),
    )
    monkeypatch.setattr(kit, "ROOT", project)
    monkeypatch.setattr(kit, "VENV", project / ".venv")
    with monkeypatch.context() as m:
        m.setattr(os, "name", "nt")
        python = kit.ensure_installed(kit.RUNTIME_LOCK, venv=project / ".venv", root=project)
        status = kit.subprocess.run(kit.handover_command(python, "lab", ["--live"]), cwd=project).returncode
    assert status == 0
    assert python == project / ".venv" / "Scripts" / "python.exe"
    assert recorder.commands[0][1:] == ["-m", "venv", str(project / ".venv")]
    pips = recorder.commands[1:]
    assert all(cmd[0] == str(python) and cmd[1:4] == ["-m", "pip", "install"] for cmd in pips)
    assert pips[-2][-2:] == ["-r", str(project / "requirements.lock")]
    assert pips[-1][-3:] == ["--no-deps", "-e", str(project)]
    assert handed[0][0] == [str(python), "-m", "helpers.launch", "lab", "--live"]


def test_stamp_reinstalls_only_when_a_lock_or_pyproject_changes(kit, project, monkeypatch):
    venv = project / ".venv"
    recorder = Recorder(kit, venv)
    monkeypatch.setattr(kit, "_run", recorder)

    def installs(lock):
        before = len(recorder.commands)
        kit.ensure_installed(lock, venv=venv, root=project)
        return [c for c in recorder.commands[before:] if "-r" in c]

    assert installs(kit.RUNTIME_LOCK), "first launch installs"
    assert installs(kit.RUNTIME_LOCK) == [], "nothing changed: no reinstall"
    assert installs(kit.TEST_LOCK)[0][-1].endswith("requirements-test.lock"), "test adds the test lock"
    assert installs(kit.RUNTIME_LOCK) == [], "the test install also covers lab"
    (project / "pyproject.toml").write_text("changed\n", encoding="utf-8")
    assert installs(kit.RUNTIME_LOCK), "pyproject.toml changed"
    assert installs(kit.TEST_LOCK), "the runtime install did not cover the test lock"
    (project / "requirements.lock").write_text("changed\n", encoding="utf-8")
    assert installs(kit.TEST_LOCK), "the runtime lock changed"
    stamp = json.loads((venv / kit.STAMP_NAME).read_text(encoding="utf-8"))
    (venv / "old-file").write_text("", encoding="utf-8")
    (venv / kit.STAMP_NAME).write_text(json.dumps({**stamp, "python": "3.10"}), encoding="utf-8")
    assert installs(kit.TEST_LOCK), "another Python made the venv"
    assert recorder.commands[-4][1:3] == ["-m", "venv"] and not (venv / "old-file").exists(), "a new venv"
    stamp = json.loads((venv / kit.STAMP_NAME).read_text(encoding="utf-8"))
    assert stamp["python"] == f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert stamp["requirements.lock"] == kit.file_digest(project / "requirements.lock")


def test_wheelhouse_install_uses_no_network(kit, tmp_path, monkeypatch):
    folder = tmp_path / "wheels"
    cmds = kit.install_commands(Path("py"), kit.RUNTIME_LOCK, folder, root=tmp_path)
    assert len(cmds) == 2, "no pip self-upgrade without network"
    for cmd in cmds:
        i = cmd.index("--no-index")
        assert cmd[i + 1 : i + 3] == ["--find-links", str(folder.resolve())]
    monkeypatch.setenv("KIT_WHEELHOUSE", str(folder))
    assert kit.split_options(["--live"]) == (str(folder), False, ["--live"])
    with pytest.raises(kit.KitError, match="--wheelhouse"):
        kit.split_options(["--wheelhouse"])


def test_main_picks_the_lock_per_command(kit, monkeypatch):
    chosen = []
    monkeypatch.setattr(
        kit, "ensure_installed", lambda lock, wheelhouse=None: chosen.append((lock, wheelhouse)) or Path("py")
    )
    handed = []
    monkeypatch.setattr(
        kit.subprocess, "run", lambda cmd, **kw: handed.append(cmd) or subprocess.CompletedProcess(cmd, 3)
    )
    monkeypatch.delenv("KIT_WHEELHOUSE", raising=False)
    assert kit.main(["test", "tests/test_kit.py"]) == 3, "pytest's exit status is passed on"
    assert kit.main(["lab", "--wheelhouse", "w", "--live"]) == 3
    assert kit.main(["install", "--test"]) == 0
    assert kit.main(["wheelhouse", "DIR", "--test"]) == 3
    assert chosen == [
        (kit.TEST_LOCK, None),
        (kit.RUNTIME_LOCK, "w"),
        (kit.TEST_LOCK, None),
        (kit.RUNTIME_LOCK, None),
    ]
    assert handed[0] == ["py", "-m", "helpers.launch", "test", "tests/test_kit.py"]
    assert handed[1] == ["py", "-m", "helpers.launch", "lab", "--live"]
    assert handed[2] == ["py", "-m", "helpers.launch", "wheelhouse", "DIR", "--test"]
    assert kit.main(["frobnicate"]) == 2


@pytest.mark.parametrize("version", [(3, 10, 4), (3, 16, 0), (2, 7, 18)])
def test_unsupported_python_gets_one_thai_line_and_fails(version, tmp_path):
    """Run kit.py for real in a child Python that reports another version: no venv is made."""
    copy = tmp_path / "kit.py"
    shutil.copyfile(ROOT / "kit.py", copy)
    code = (
        f"import runpy, sys; sys.version_info = {version + ('final', 0)!r}; "
        f"sys.argv = ['kit.py', 'lab']; runpy.run_path({str(copy)!r}, run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ชุดเรียนนี้ใช้ Python 3.11 ถึง 3.15")
    assert ".".join(map(str, version)) in lines[0] and "python.org" in lines[0]
    assert not (tmp_path / ".venv").exists()


def test_supported_range_agrees_with_the_lock_check_and_find_python(kit):
    span = [f"{major}.{minor}" for major, minor in ((3, m) for m in range(kit.OLDEST[1], kit.NEWEST[1] + 1))]
    assert tuple(span) == launch.TARGET_PYTHONS
    script = (ROOT / "scripts" / "find_python.sh").read_text(encoding="utf-8")
    assert f"{kit.OLDEST} <= sys.version_info[:2] <= {kit.NEWEST}" in script


@pytest.mark.parametrize(
    "target, command",
    [
        ("lab", "lab"),
        ("live", "lab --live"),
        ("test", "test"),
        ("test-browser", "test-browser"),
        ("doctor", "doctor"),
        ("install", "install"),
    ],
)
def test_make_targets_are_aliases_of_kit(target, command):
    if shutil.which("make") is None:
        pytest.fail("make is missing on this machine (apt install make)")
    done = subprocess.run(
        ["make", "-n", target], check=False, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert re.search(rf'"\$PY" kit\.py {re.escape(command)}$', done.stdout.strip(), re.MULTILINE), done.stdout
