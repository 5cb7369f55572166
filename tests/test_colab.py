"""The Colab route, with Colab simulated: its recorded package list, fake ``google.colab``, no network.

``tests/recorded/colab/`` holds Colab's own ``pip freeze`` (see its README for the source).  The
bootstrap must install only what that runtime lacks or has too old for the kit, at the lock's
versions, and leave Colab's numpy/pandas/requests/ipywidgets alone where they satisfy the kit.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from _scripts import load_script
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from helpers import colab, env, lockfile
from helpers.paths import repo_root

ROOT = repo_root()
RECORDED = ROOT / "tests" / "recorded" / "colab"
LOCK = lockfile.read(ROOT / "requirements.lock")
REQUIREMENTS = colab.kit_requirements(ROOT / "pyproject.toml")


COLAB_CHECK = load_script("check_colab_env")  # reads the recorded list for the real check, too
COLAB = COLAB_CHECK.recorded_colab()
COLAB_PYTHON = COLAB_CHECK.colab_python()
COLAB_ENV = lockfile.environment(COLAB_PYTHON, sys_platform="linux", os_name="posix", platform_system="Linux")
COLAB_PINS = lockfile.pins(LOCK, COLAB_ENV)
COLAB_PLAN = colab.install_list(REQUIREMENTS, LOCK, version_of=COLAB.get, environment=COLAB_ENV)
PLANNED = {line.split("==")[0]: line.split("==")[1] for line in COLAB_PLAN}


def _declared() -> dict[str, Requirement]:
    """The kit's runtime requirements that apply on Colab, by canonical name."""
    reqs = (Requirement(r) for r in REQUIREMENTS)
    return {canonicalize_name(r.name): r for r in reqs if r.marker is None or r.marker.evaluate(COLAB_ENV)}


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
        return self.installed.get(canonicalize_name(name))

    def run(self, cmd, **kwargs):
        self.calls.append(list(cmd))
        assert cmd[:3] == [sys.executable, "-m", "pip"], cmd
        if "-r" in cmd:
            self.requirement_files.append(Path(cmd[cmd.index("-r") + 1]).read_text(encoding="utf-8"))
        if self.fail_with is not None:
            return subprocess.CompletedProcess(
                cmd, self.fail_with, "", "ERROR: No matching distribution found for pythainlp==5.4.0\n"
            )
        if "-r" in cmd:  # what pip would do: install each line's exact version
            for line in self.requirement_files[-1].splitlines():
                name, version = line.split("==")
                self.installed[name] = version
        if "-e" in cmd:
            self.installed[env.DIST_NAME] = "0.1.0"
        return subprocess.CompletedProcess(cmd, 0, "", "")

    def say(self, text: str) -> None:
        self.said.append(text)


def _clone_into(dest: Path) -> Path:
    """The files of a clone that the bootstrap reads."""
    (dest / "helpers").mkdir(parents=True)
    (dest / "notebooks").mkdir()
    for name in ("requirements.lock", "pyproject.toml", "helpers/colab.py", "helpers/lockfile.py"):
        shutil.copy(ROOT / name, dest / name)
    return dest


@pytest.fixture
def kit(tmp_path):
    """A clone of the kit as the Colab cell leaves it."""
    return _clone_into(tmp_path / "thai-opendata-kit")


@pytest.fixture
def no_activate(monkeypatch):
    calls = []
    monkeypatch.setattr(colab, "activate", lambda name=colab.DIST_NAME: calls.append(name) or True)
    return calls


def colab_fresh() -> FakeColab:
    """Colab as it starts (its recorded packages); matplotlib, numpy and pandas already imported."""
    loaded = {name: COLAB[name] for name in ("matplotlib", "pandas", "numpy")}
    return FakeColab(COLAB, loaded=loaded)


def colab_after_restart() -> FakeColab:
    installed = dict(COLAB, **PLANNED)
    installed[env.DIST_NAME] = "0.1.0"
    loaded = {name: installed[name] for name in ("matplotlib", "pandas", "numpy")}
    return FakeColab(installed, loaded=loaded)


def bootstrap(kit, fake: FakeColab):
    return colab.bootstrap(
        kit,
        run=fake.run,
        modules=fake.modules,
        version_of=fake.version_of,
        say=fake.say,
        environment=COLAB_ENV,
    )


# --- the recorded Colab runtime ------------------------------------------------------------------


def test_recorded_colab_list_is_the_one_documented():
    readme = (RECORDED / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^PROVENANCE: googlecolab/backend-info, commit [0-9a-f]{40}", readme, re.MULTILINE)
    assert COLAB_PYTHON.startswith("3.13.")
    assert (COLAB["pandas"], COLAB["numpy"], COLAB["matplotlib"]) == ("2.2.3", "2.1.3", "3.10.0")
    assert (COLAB["ipywidgets"], COLAB["notebook"]) == ("7.7.1", "6.5.7")
    assert len(COLAB) > 500
    assert re.fullmatch(r"\d+\.\d+\.\d+", COLAB_PYTHON)
    freeze = (RECORDED / "pip-freeze.txt").read_text(encoding="utf-8")
    assert len(COLAB) == len(re.findall(r"^[^#\s]\S*==", freeze, re.MULTILINE)), "every pinned line is read"


def test_the_colab_check_script_starts_from_colab_versions_of_the_kit_dependencies():
    pins = COLAB_CHECK.start_pins(REQUIREMENTS, COLAB)
    assert {
        "pandas==2.2.3",
        "numpy==2.1.3",
        "matplotlib==3.10.0",
        "ipywidgets==7.7.1",
        "notebook==6.5.7",
    } <= set(pins)
    assert not any(p.startswith(("pythainlp==", "frictionless==", "jupyterlab==")) for p in pins), (
        "not on Colab"
    )


# --- what gets installed on Colab ----------------------------------------------------------------


def test_install_list_on_recorded_colab_is_exactly_the_kit_packages_missing_or_too_old():
    declared = _declared()
    # Facts read from the recorded list: these are not on Colab at all ...
    missing = {"pythainlp", "fontpkg-sarabun", "ckanapi", "frictionless", "python-calamine"} & set(declared)
    assert {"pythainlp", "fontpkg-sarabun", "ckanapi", "frictionless"} <= missing
    assert not missing & set(COLAB)
    # ... and matplotlib 3.10.0 is below the kit's 3.11 (Thai shaping).  numpy 2.1.3 counts only
    # when the kit's declared range leaves it out.
    too_old = {"matplotlib"} | ({"numpy"} if COLAB["numpy"] not in declared["numpy"].specifier else set())
    direct = {name for name in PLANNED if name in declared}
    assert direct == missing | too_old


def test_colab_packages_that_satisfy_the_kit_are_left_alone():
    left_alone = {
        "pandas",
        "requests",
        "seaborn",
        "openpyxl",
        "pooch",
        "charset-normalizer",
        "tqdm",
        "psutil",
    }
    for name in left_alone:
        assert COLAB[name] in _declared()[name].specifier, f"Colab's {name} {COLAB[name]} satisfies the kit"
    assert not left_alone & set(PLANNED)
    # Colab's own Jupyter and widget stack stays, even where the kit's range says otherwise
    assert not set(PLANNED) & colab.COLAB_PROVIDES
    assert COLAB["ipywidgets"] in _declared()["ipywidgets"].specifier, (
        "the kit accepts Colab's ipywidgets 7.7.1"
    )
    assert "ipywidgets" not in PLANNED and "notebook" not in PLANNED and "jupyterlab" not in PLANNED


def test_every_planned_version_is_the_lock_version_for_colab_python():
    for name, version in PLANNED.items():
        assert COLAB_PINS[name] == version, name
    assert PLANNED["matplotlib"].split(".")[:2] >= ["3", "11"]


def test_missing_dependencies_of_new_packages_come_at_the_lock_version():
    extra = set(PLANNED) - set(_declared())
    assert {"docopt", "fontpkg"} <= extra, "ckanapi needs docopt, fontpkg-sarabun needs fontpkg"
    for name in extra:
        assert name not in COLAB, f"{name} is on Colab already: pip keeps it unless something needs more"
        needers = {parent for pin in LOCK if pin.name == name for parent in pin.via}
        assert needers & set(PLANNED), f"{name} is installed only because a planned package needs it"
    # and none is forgotten: every missing package that a planned one needs is planned
    for pin in LOCK:
        if pin.applies(COLAB_ENV) and set(pin.via) & set(PLANNED) and pin.name not in COLAB:
            assert pin.name in PLANNED or pin.name in colab.COLAB_PROVIDES, pin.name


def test_install_list_evaluates_markers_for_the_target_python():
    lock = lockfile.parse(
        "numpy==2.2.6 ; python_full_version < '3.12'\n    # via thai-opendata-kit (pyproject.toml)\n"
        "numpy==2.4.6 ; python_full_version >= '3.12'\n    # via thai-opendata-kit (pyproject.toml)\n"
        "overrides==7.7.0 ; python_full_version < '3.12'\n    # via numpy\n"
    )
    reqs = ["numpy>=2.2,<2.5; python_version < '3.15'"]
    on_311 = colab.install_list(
        reqs, lock, version_of=lambda n: None, environment=lockfile.environment("3.11.7")
    )
    on_313 = colab.install_list(
        reqs, lock, version_of=lambda n: None, environment=lockfile.environment("3.13.0")
    )
    on_315 = colab.install_list(
        reqs, lock, version_of=lambda n: None, environment=lockfile.environment("3.15.0")
    )
    assert on_311 == ["numpy==2.2.6", "overrides==7.7.0"]
    assert on_313 == ["numpy==2.4.6"]
    assert on_315 == [], "a requirement whose marker does not apply is not installed"


def test_a_requirement_the_lock_lacks_is_installed_by_its_range():
    lock = lockfile.parse("pandas==3.1.1\n")
    assert colab.install_list(
        ["newpkg>=1.2,<2", "pandas>=2.2"], lock, version_of={"pandas": "2.2.3"}.get
    ) == ["newpkg<2,>=1.2"]


# --- the bootstrap, Colab simulated --------------------------------------------------------------


def test_first_run_installs_only_what_colab_lacks_then_asks_for_a_restart(kit, no_activate):
    fake = colab_fresh()
    with pytest.raises(colab.RestartNeeded) as stop:
        bootstrap(kit, fake)
    assert len(fake.calls) == 2
    install_list, install_kit = fake.calls
    assert "-r" in install_list and "--quiet" in install_list
    assert install_kit[-3:] == ["--no-deps", "-e", str(kit)]
    (requirements,) = fake.requirement_files
    assert requirements.splitlines() == COLAB_PLAN
    assert f"matplotlib=={COLAB_PINS['matplotlib']}" in requirements.splitlines()
    assert not re.search(r"^(pandas|requests|ipywidgets|ipykernel|jupyterlab)==", requirements, re.MULTILINE)
    assert no_activate == [env.DIST_NAME], "the kit is made importable in the running session"
    said = "\n".join(fake.said)
    assert "รีสตาร์ตเซสชัน" in said and "Runtime" in said and "matplotlib" in said
    assert "รันเซลล์นี้อีกครั้ง" in said
    assert stop.value._render_traceback_() == [str(stop.value)], "one Thai line, no traceback"
    assert "รีสตาร์ต" in str(stop.value)


def test_second_run_after_restart_installs_nothing_and_says_ready(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_after_restart()
    assert bootstrap(kit, fake) == "ready"
    assert fake.calls == [] and no_activate == []
    assert Path.cwd() == kit / "notebooks", "relative paths work as in a local session"
    assert "พร้อมใช้บน Colab" in fake.said[-1] and "thai-opendata-kit" in fake.said[-1]


def test_running_the_cell_twice_without_restarting_still_asks_for_restart(kit, no_activate):
    fake = colab_after_restart()
    fake.modules["matplotlib"] = types.SimpleNamespace(__version__="3.10.0")  # old copy still imported
    with pytest.raises(colab.RestartNeeded):
        bootstrap(kit, fake)
    assert fake.calls == []


def test_upgrade_of_packages_not_yet_imported_needs_no_restart(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_fresh()
    fake.modules = {"google.colab": fake.modules["google.colab"]}  # nothing imported yet
    assert bootstrap(kit, fake) == "ready"
    assert len(fake.calls) == 2


def test_kit_missing_but_packages_in_place_installs_only_the_kit(kit, no_activate, monkeypatch):
    monkeypatch.chdir(kit)
    fake = colab_after_restart()
    del fake.installed[env.DIST_NAME]
    assert bootstrap(kit, fake) == "ready"
    assert len(fake.calls) == 1 and fake.calls[0][-3:] == ["--no-deps", "-e", str(kit)]


def test_pip_failure_is_reported_in_thai_with_pip_output(kit, no_activate):
    fake = colab_fresh()
    fake.fail_with = 1
    with pytest.raises(RuntimeError) as err:
        bootstrap(kit, fake)
    assert "ติดตั้งแพ็กเกจไม่สำเร็จ" in str(err.value)
    assert "No matching distribution" in str(err.value)


def test_outside_colab_bootstrap_does_nothing(kit, capsys):
    def refuse(*a, **k):
        raise AssertionError("no command may run outside Colab")

    assert colab.bootstrap(kit, run=refuse, modules={}) == "not-colab"
    assert capsys.readouterr() == ("", "")


# --- the notebook cell ---------------------------------------------------------------------------


@pytest.fixture
def setup_calls(monkeypatch):
    """Record the cell's ``helpers.setup()`` calls (the real one is tested in test_startup's doctests)."""
    import helpers

    calls = []
    monkeypatch.setattr(helpers, "setup", lambda: calls.append(Path.cwd()) or {"font": "Sarabun"})
    return calls


def _run_cell(source: str) -> dict:
    namespace: dict = {}
    exec(compile(source, "kit-setup-cell", "exec"), namespace)
    return namespace


def test_cell_outside_colab_runs_only_the_setup_and_prints_nothing(monkeypatch, capsys, setup_calls):
    assert "google.colab" not in sys.modules
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("the cell ran a command locally"))
    namespace = _run_cell(colab.cell_source())
    assert len(setup_calls) == 1 and namespace["helpers"].__name__ == "helpers"
    assert "KIT_DIR" not in namespace, "the Colab part did not run"
    assert capsys.readouterr() == ("", "")


def test_cell_runs_the_real_setup_outside_colab(capsys):
    import matplotlib

    with matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):  # rcParams are restored afterwards
        _run_cell(colab.cell_source())
        assert matplotlib.rcParams["font.family"][0] == "Sarabun"
    assert capsys.readouterr() == ("", "")


def test_cell_without_the_kit_says_in_thai_how_to_open_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "helpers", None)  # makes `import helpers` fail
    with pytest.raises(ModuleNotFoundError) as info:
        _run_cell(colab.cell_source())
    message = str(info.value)
    assert message == "".join(colab.NOT_INSTALLED_MESSAGE)
    assert "python3 kit.py lab" in message and "py kit.py lab" in message and "Windows" in message
    assert "Binder" in message and "Colab" in message and "README" in message
    assert info.value.__cause__ is None and info.value.__suppress_context__, "no English traceback above it"


def test_cell_on_simulated_colab_clones_once_then_sets_up(tmp_path, monkeypatch, capsys, setup_calls):
    kit_dir = tmp_path / "content" / "thai-opendata-kit"
    commands = []

    def fake_run(cmd, **kwargs):
        commands.append(list(cmd))
        if cmd[:2] == ["git", "clone"]:
            _clone_into(kit_dir)  # the "clone": the files the bootstrap reads
            return subprocess.CompletedProcess(cmd, 0)
        raise AssertionError(f"unexpected command {cmd}")  # this venv already meets every requirement

    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.chdir(tmp_path)
    source = colab.cell_source(kit_dir=str(kit_dir))
    _run_cell(source)
    assert commands == [
        ["git", "clone", "--quiet", "--depth", "1", "--branch", env.REPO_BRANCH, env.REPO_URL, str(kit_dir)]
    ]
    assert "พร้อมใช้บน Colab" in capsys.readouterr().out
    assert setup_calls == [kit_dir / "notebooks"], "the set-up runs after the bootstrap, in notebooks/"
    _run_cell(source)  # a second run does not clone again, and sets up again
    assert len(commands) == 1 and len(setup_calls) == 2


def test_cell_on_simulated_colab_stops_before_the_setup_when_a_restart_is_needed(
    tmp_path, monkeypatch, capsys, setup_calls
):
    kit_dir = _clone_into(tmp_path / "content" / "thai-opendata-kit")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("the clone exists: nothing to run"))
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    import matplotlib  # noqa: F401  (imported, as on Colab at start)

    # matplotlib's files are newer than the copy already imported: the bootstrap must ask for a restart
    monkeypatch.setattr(sys.modules["matplotlib"], "__version__", "3.10.0")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(Exception) as info:
        _run_cell(colab.cell_source(kit_dir=str(kit_dir)))
    assert type(info.value).__name__ == "RestartNeeded" and "รีสตาร์ต" in str(info.value)
    assert "Restart session" in capsys.readouterr().out
    assert setup_calls == [], "the cell stops at the restart message; helpers.setup() waits for the rerun"


def test_cell_is_small_one_form_and_names_the_repository_from_env():
    source = colab.cell_source()
    lines = source.splitlines()
    assert env.REPO_URL in source and repr(env.REPO_BRANCH) in source
    assert len(lines) <= 25
    assert lines[0].startswith("#@title เตรียมชุดเรียน (รันเซลล์นี้ก่อนทุกครั้ง"), "Colab shows it as a form"
    assert lines[1] == "# kit:setup:start" and lines[-1] == "# kit:setup:end"
    assert "ค่าเริ่มต้น" in source and "ค่าตั้งต้น" not in source, "the glossary's word"
    assert "sys.path" not in source
    code = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert code[0] == "import sys" and code[1] == "if 'google.colab' in sys.modules:"
    assert code[-2:] == ["else:", "    helpers.setup()"], "the set-up comes last, in a block: no result shown"
    assert colab.CELL_TAGS == ["kit-setup"], "not nbval-skip: nbval runs the set-up"


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
        capture_output=True,
        text=True,
        cwd="/",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "not-colab"


def test_colab_module_run_by_path_loads_the_lock_parser_next_to_it(tmp_path):
    """Before the kit is installed, ``helpers.lockfile`` is found next to colab.py, not imported."""
    clone = _clone_into(tmp_path / "clone")
    code = (
        "import runpy, sys\n"
        "g = runpy.run_path(sys.argv[1] + '/helpers/colab.py')\n"
        "assert 'helpers' not in sys.modules\n"
        "reqs = g['kit_requirements'](sys.argv[1] + '/pyproject.toml')\n"
        "plan = g['install_list'](reqs, sys.argv[1] + '/requirements.lock', version_of=lambda n: None)\n"
        "print(json.dumps(plan))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", "import json\n" + code, str(clone)],
        capture_output=True,
        text=True,
        cwd=str(tmp_path),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    expected = colab.install_list(REQUIREMENTS, LOCK, version_of=lambda n: None)
    assert json.loads(done.stdout) == expected and len(expected) > 20


# --- making the kit importable without sys.path edits --------------------------------------------


def test_activate_processes_only_the_distribution_pth(tmp_path, monkeypatch):
    site_dir, src = tmp_path / "site", tmp_path / "src"
    site_dir.mkdir()
    (src / "kitfakemodule").mkdir(parents=True)
    (src / "kitfakemodule" / "__init__.py").write_text("VALUE = 42\n")
    info = site_dir / "kit_fake_dist-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kit-fake-dist\nVersion: 0.1\n")
    (info / "RECORD").write_text(
        "__editable__.kit_fake_dist-0.1.pth,,\nkit_fake_dist-0.1.dist-info/METADATA,,\n"
    )
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
    monkeypatch.setattr(
        env, "versions", lambda packages=env.KEY_PACKAGES: dict(real, jupyterlab=None, pooch=None)
    )
    env.report()
    out = capsys.readouterr().out
    assert "ที่รัน: Google Colab" in out
    assert re.search(r"jupyterlab:\s+ใช้ของ Colab", out)
    assert re.search(r"pooch:\s+ยังไม่ได้ติดตั้ง", out), "a missing kit package is still reported"
