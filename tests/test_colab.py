"""The Colab route, with Colab simulated: fake ``google.colab`` module, recorded commands, no network."""

from __future__ import annotations

import ast
import re
import importlib
import importlib.metadata
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from helpers import colab, env
from helpers.paths import repo_root

ROOT = repo_root()
LOCK_TEXT = (ROOT / "requirements.lock").read_text(encoding="utf-8")
COLAB_PINS = colab.colab_requirements(LOCK_TEXT)


def _pin_of(name: str) -> str:
    return next(line.split("==")[1].split(";")[0].strip() for line in COLAB_PINS if line.split("==")[0] == name)


class FakeColab:
    """A Colab runtime as the bootstrap sees it: installed versions, imported modules, pip."""

    def __init__(self, installed: dict[str, str | None], loaded: dict[str, str]):
        self.installed = dict(installed)
        self.modules = {"google.colab": types.ModuleType("google.colab")}
        for name, version in loaded.items():
            self.modules[name] = types.SimpleNamespace(__version__=version)
        self.calls: list[list[str]] = []
        self.requirement_files: list[str] = []
        self.fail_with: int | None = None
        self.said: list[str] = []

    def version_of(self, name: str) -> str | None:
        return self.installed.get(name.lower())

    def run(self, cmd, **kwargs):
        self.calls.append(list(cmd))
        assert cmd[:3] == [sys.executable, "-m", "pip"], cmd
        if "-r" in cmd:
            self.requirement_files.append(Path(cmd[cmd.index("-r") + 1]).read_text(encoding="utf-8"))
        if self.fail_with is not None:
            return subprocess.CompletedProcess(cmd, self.fail_with, "", "ERROR: No matching distribution found for pandas==3.1.1\n")
        if "-r" in cmd:
            self.installed.update(_pins_here())
        if "-e" in cmd:
            self.installed[env.DIST_NAME] = "0.1.0"
        return subprocess.CompletedProcess(cmd, 0, "", "")

    def say(self, text: str) -> None:
        self.said.append(text)


@pytest.fixture
def kit(tmp_path):
    """A clone of the kit as the Colab cell leaves it (only the files the bootstrap reads)."""
    dest = tmp_path / "thai-opendata-kit"
    (dest / "helpers").mkdir(parents=True)
    (dest / "notebooks").mkdir()
    shutil.copy(ROOT / "requirements.lock", dest / "requirements.lock")
    shutil.copy(ROOT / "helpers" / "colab.py", dest / "helpers" / "colab.py")
    return dest


@pytest.fixture
def no_activate(monkeypatch):
    calls = []
    monkeypatch.setattr(colab, "activate", lambda name=colab.DIST_NAME: calls.append(name) or True)
    return calls


def colab_fresh() -> FakeColab:
    """Colab as it starts: matplotlib 3.10, an older pandas, both imported; the kit absent."""
    installed = {line.split("==")[0]: "0.0.1" for line in COLAB_PINS}
    installed.update({"matplotlib": "3.10.0", "pandas": "2.2.2", "numpy": "2.0.2"})
    return FakeColab(installed, loaded={"matplotlib": "3.10.0", "pandas": "2.2.2", "numpy": "2.0.2"})


def _pins_here() -> dict[str, str]:
    """The pinned versions that apply to this Python (environment markers evaluated)."""
    pins = {}
    for line in COLAB_PINS:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate():
            pins[req.name] = next(iter(req.specifier)).version
    return pins


def colab_after_restart() -> FakeColab:
    installed = _pins_here()
    installed[env.DIST_NAME] = "0.1.0"
    loaded = {name: installed[name] for name in ("matplotlib", "pandas", "numpy")}
    return FakeColab(installed, loaded=loaded)


# --- what gets installed -------------------------------------------------------------------------


def test_colab_install_list_keeps_the_kit_pins_and_matplotlib_3_11():
    names = {line.split("==")[0] for line in COLAB_PINS}
    runtime = {
        r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower()
        for r in importlib.metadata.requires(env.DIST_NAME)
        if "extra ==" not in r
    }
    assert runtime - colab.COLAB_PROVIDES <= names
    major, minor = (int(x) for x in _pin_of("matplotlib").split(".")[:2])
    assert (major, minor) >= (3, 11), "Thai shaping needs matplotlib 3.11"
    assert {"pandas", "numpy", "pythainlp", "fontpkg-sarabun", "seaborn"} <= names


def test_colab_install_list_leaves_colab_jupyter_stack_and_test_tools_alone():
    names = {line.split("==")[0] for line in COLAB_PINS}
    assert not names & colab.COLAB_PROVIDES
    assert not names & colab.TEST_ONLY
    # packages that only Colab's stack or the test tools need go with them
    assert not names & {"async-lru", "greenlet", "execnet", "jupyter-lsp", "nest-asyncio2"}


def test_colab_install_list_keeps_environment_markers_for_pip():
    contourpy = [line for line in COLAB_PINS if line.startswith("contourpy==")]
    assert len(contourpy) == 2 and all("python_full_version" in line for line in contourpy)


def test_lock_without_via_notes_keeps_everything_but_colab_stack():
    lock = "pandas==3.1.1\nipykernel==7.4.0\npytest==9.2.0\nnumpy==2.4.6\n"
    assert colab.colab_requirements(lock) == ["pandas==3.1.1", "numpy==2.4.6"]


# --- the bootstrap, Colab simulated --------------------------------------------------------------


def test_first_run_installs_lock_and_kit_then_asks_for_a_restart(kit, no_activate):
    fake = colab_fresh()
    with pytest.raises(colab.RestartNeeded) as stop:
        colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say)
    assert len(fake.calls) == 2
    install_lock, install_kit = fake.calls
    assert "-r" in install_lock and "--quiet" in install_lock
    assert install_kit[-3:] == ["--no-deps", "-e", str(kit)]
    (requirements,) = fake.requirement_files
    assert "matplotlib==3.11.2" in requirements.splitlines()
    assert "jupyterlab" not in requirements and "ipykernel" not in requirements
    assert no_activate == [env.DIST_NAME], "the kit is made importable in the running session"
    said = "\n".join(fake.said)
    assert "รีสตาร์ตเซสชัน" in said and "Runtime" in said and "matplotlib" in said
    assert "รันเซลล์นี้อีกครั้ง" in said
    assert stop.value._render_traceback_() == [str(stop.value)], "one Thai line, no traceback"
    assert "รีสตาร์ต" in str(stop.value)


def test_second_run_after_restart_installs_nothing_and_says_ready(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_after_restart()
    result = colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say)
    assert result == "ready"
    assert fake.calls == [] and no_activate == []
    assert Path.cwd() == kit / "notebooks", "relative paths work as in a local session"
    assert "พร้อมใช้บน Colab" in fake.said[-1] and "thai-opendata-kit" in fake.said[-1]


def test_running_the_cell_twice_without_restarting_still_asks_for_restart(kit, no_activate):
    fake = colab_after_restart()
    fake.modules["matplotlib"] = types.SimpleNamespace(__version__="3.10.0")  # old copy still imported
    with pytest.raises(colab.RestartNeeded):
        colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say)
    assert fake.calls == []


def test_upgrade_of_packages_not_yet_imported_needs_no_restart(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_fresh()
    fake.modules = {"google.colab": fake.modules["google.colab"]}  # nothing imported yet
    result = colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say)
    assert result == "ready"
    assert len(fake.calls) == 2


def test_kit_missing_but_packages_pinned_installs_only_the_kit(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_after_restart()
    del fake.installed[env.DIST_NAME]
    assert colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say) == "ready"
    assert len(fake.calls) == 1 and fake.calls[0][-3:] == ["--no-deps", "-e", str(kit)]


def test_pip_failure_is_reported_in_thai_with_pip_output(kit, no_activate):
    fake = colab_fresh()
    fake.fail_with = 1
    with pytest.raises(RuntimeError) as err:
        colab.bootstrap(kit, run=fake.run, modules=fake.modules, version_of=fake.version_of, say=fake.say)
    assert "ติดตั้งแพ็กเกจไม่สำเร็จ" in str(err.value)
    assert "No matching distribution" in str(err.value)


def test_outside_colab_bootstrap_does_nothing(kit, capsys):
    def refuse(*a, **k):
        raise AssertionError("no command may run outside Colab")

    assert colab.bootstrap(kit, run=refuse, modules={}) == "not-colab"
    assert capsys.readouterr() == ("", "")


# --- the notebook cell ---------------------------------------------------------------------------


def test_cell_does_nothing_and_prints_nothing_locally(monkeypatch, capsys):
    assert "google.colab" not in sys.modules
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("the cell ran a command locally"))
    exec(compile(colab.cell_source(), "kit-colab-cell", "exec"), {})
    assert capsys.readouterr() == ("", "")


def test_cell_on_simulated_colab_clones_once_then_hands_over(tmp_path, monkeypatch, capsys):
    kit_dir = tmp_path / "content" / "thai-opendata-kit"
    commands = []

    def fake_run(cmd, **kwargs):
        commands.append(list(cmd))
        if cmd[:2] == ["git", "clone"]:
            # the "clone": the files the bootstrap reads
            (kit_dir / "helpers").mkdir(parents=True)
            (kit_dir / "notebooks").mkdir()
            shutil.copy(ROOT / "requirements.lock", kit_dir)
            shutil.copy(ROOT / "helpers" / "colab.py", kit_dir / "helpers")
            return subprocess.CompletedProcess(cmd, 0)
        raise AssertionError(f"unexpected command {cmd}")  # this venv already meets every pin

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.chdir(tmp_path)
    source = colab.cell_source(kit_dir=str(kit_dir))
    exec(compile(source, "kit-colab-cell", "exec"), {})
    assert commands == [
        ["git", "clone", "--quiet", "--depth", "1", "--branch", env.REPO_BRANCH, env.REPO_URL, str(kit_dir)]
    ]
    assert "พร้อมใช้บน Colab" in capsys.readouterr().out
    exec(compile(source, "kit-colab-cell", "exec"), {})  # a second run does not clone again
    assert len(commands) == 1


def test_cell_is_small_and_names_the_repository_from_env():
    source = colab.cell_source()
    assert env.REPO_URL in source and repr(env.REPO_BRANCH) in source
    assert len(source.splitlines()) <= 15
    assert source.startswith("#@title "), "Colab shows the cell as a one-line form"
    assert source.splitlines()[1] == "# kit:colab:start" and source.endswith("# kit:colab:end")
    assert "sys.path" not in source
    assert colab.CELL_TAGS == ["kit-colab", "nbval-skip"]


def test_colab_module_runs_by_path_with_the_standard_library_only():
    tree = ast.parse((ROOT / "helpers" / "colab.py").read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "no relative import at the top: the file runs before the kit is installed"
            top_level.add(node.module.split(".")[0])
    assert top_level <= set(sys.stdlib_module_names) | {"__future__"}, top_level
    # and it really runs that way, in a Python without the kit on its path
    code = "import runpy, sys; g = runpy.run_path(sys.argv[1]); print(g['main']('/nowhere'))"
    done = subprocess.run(
        [sys.executable, "-I", "-c", code, str(ROOT / "helpers" / "colab.py")],
        capture_output=True, text=True, cwd="/", timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "not-colab"


# --- making the kit importable without sys.path edits --------------------------------------------


def test_activate_processes_only_the_distribution_pth(tmp_path, monkeypatch):
    site_dir, src = tmp_path / "site", tmp_path / "src"
    site_dir.mkdir()
    (src / "kitfakemodule").mkdir(parents=True)
    (src / "kitfakemodule" / "__init__.py").write_text("VALUE = 42\n")
    info = site_dir / "kit_fake_dist-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kit-fake-dist\nVersion: 0.1\n")
    (info / "RECORD").write_text("__editable__.kit_fake_dist-0.1.pth,,\nkit_fake_dist-0.1.dist-info/METADATA,,\n")
    (site_dir / "__editable__.kit_fake_dist-0.1.pth").write_text(f"{src}\n")
    (site_dir / "other.pth").write_text("import sys; sys.kit_other_pth_ran = True\n")
    monkeypatch.syspath_prepend(str(site_dir))  # where an installer would have put the dist-info
    monkeypatch.delitem(sys.modules, "kitfakemodule", raising=False)
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kitfakemodule")
    assert colab.activate("kit-fake-dist") is True
    assert importlib.import_module("kitfakemodule").VALUE == 42
    assert not hasattr(sys, "kit_other_pth_ran"), "other .pth files are left alone"
    monkeypatch.delitem(sys.modules, "kitfakemodule")
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(src)])


def test_env_report_on_simulated_colab_names_colab_and_its_own_jupyter(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    real = env.versions()
    monkeypatch.setattr(env, "versions", lambda packages=env.KEY_PACKAGES: dict(real, jupyterlab=None, pooch=None))
    env.report()
    out = capsys.readouterr().out
    assert "ที่รัน: Google Colab" in out
    assert re.search(r"jupyterlab:\s+ใช้ของ Colab", out)
    assert re.search(r"pooch:\s+ยังไม่ได้ติดตั้ง", out), "a missing kit package is still reported"
