"""helpers.launch: the learner's copy, the JupyterLab command and environment, tests, wheelhouse.

The learner path is driven for real with git: a repository made in tmp_path from the kit's own
.gitignore and notebooks, a clone of it, the launcher's preparation step, an edit saved with
nbformat, then ``git status`` and a ``git pull`` of an update.  No server is started.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers import launch, lockfile, paths, webfont

ROOT = paths.repo_root()
GIT_ENV = {
    "GIT_AUTHOR_NAME": "kit",
    "GIT_AUTHOR_EMAIL": "kit@example.invalid",
    "GIT_COMMITTER_NAME": "kit",
    "GIT_COMMITTER_EMAIL": "kit@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **GIT_ENV},
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


@pytest.fixture
def origin(tmp_path):
    """A repository like the kit's: its .gitignore and its notebooks, one commit on main."""
    repo = tmp_path / "origin"
    (repo / "notebooks").mkdir(parents=True)
    shutil.copyfile(ROOT / ".gitignore", repo / ".gitignore")
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        shutil.copyfile(notebook, repo / "notebooks" / notebook.name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "course")
    return repo


def _edit(path: Path, text: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(
        nbformat.v4.new_code_cell(
            text, outputs=[nbformat.v4.new_output("stream", name="stdout", text="ผลของผู้เรียน\n")]
        )
    )
    nbformat.write(notebook, path)


def test_learner_edits_never_block_git_and_survive_an_update(origin, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    first = launch.prepare_learner_copy(clone)
    course = sorted(p.name for p in (clone / "notebooks").glob("*.ipynb"))
    assert first.added == course and len(course) == len(
        list((paths.repo_root() / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    )
    mine = clone / launch.LEARNER_DIR
    _edit(mine / "04_verify_data.ipynb", "print('งานของฉัน')")
    assert git(clone, "status", "--porcelain") == "", "the learner's folder must be untracked and ignored"

    # the course is updated: a new notebook, a changed one the learner edited, a changed one they did not
    _edit(origin / "notebooks" / "04_verify_data.ipynb", "print('course fix 03')")
    _edit(origin / "notebooks" / "05_clean_data.ipynb", "print('course fix 04')")
    shutil.copyfile(origin / "notebooks" / "00_welcome.ipynb", origin / "notebooks" / "10_extra.ipynb")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "update")
    git(clone, "pull", "-q", "--ff-only")

    second = launch.prepare_learner_copy(clone)
    assert second.added == ["10_extra.ipynb"]
    assert second.kept == ["04_verify_data.ipynb"]
    assert second.refreshed == ["05_clean_data.ipynb"]
    edited = (mine / "04_verify_data.ipynb").read_text(encoding="utf-8")
    assert "งานของฉัน" in edited and "course fix 03" not in edited
    assert "course fix 04" in (mine / "05_clean_data.ipynb").read_text(encoding="utf-8")
    assert git(clone, "status", "--porcelain") == ""
    # a third launch changes nothing
    third = launch.prepare_learner_copy(clone)
    assert (third.added, third.refreshed, third.kept) == ([], [], ["04_verify_data.ipynb"])


def test_learner_folder_is_ignored_and_not_collected():
    import tomllib

    assert f"/{launch.LEARNER_DIR}/" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    pytest_ini = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
        "ini_options"
    ]
    assert launch.LEARNER_DIR in pytest_ini["norecursedirs"]
    assert launch.LEARNER_DIR not in pytest_ini["testpaths"]
    assert launch.LEARNER_DIR.isascii() and re.fullmatch(r"[a-z0-9-]+", launch.LEARNER_DIR)


def test_notebooks_in_the_learner_folder_find_data_and_links(tmp_path):
    """The data folder comes from the package location, not the notebook's folder."""
    folder = tmp_path / launch.LEARNER_DIR
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from helpers import paths; print(paths.data_dir())"],
        check=False,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "KIT_DATA_DIR": ""},
    )
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == ROOT / "data"
    # every relative link of a course notebook also resolves from my-notebooks/ (a sibling folder)
    checked = 0
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        for cell in nbformat.read(notebook, as_version=4).cells:
            if cell.cell_type != "markdown":
                continue
            for target in re.findall(r"\]\(([^)\s]+)\)", cell.source):
                if re.match(r"[a-z]+:|#", target) or target == "KIT_DIR":
                    continue
                target = target.split("#", 1)[0]
                from_copy = (ROOT / launch.LEARNER_DIR / target).resolve()
                copied = (ROOT / "notebooks" / target).resolve().parent == ROOT / "notebooks"
                assert copied or from_copy.exists(), (
                    f"{notebook.name}: {target} breaks in {launch.LEARNER_DIR}/"
                )
                checked += 1
    assert checked > 10


@pytest.fixture
def recorded_run(monkeypatch):
    calls = []

    def run(cmd, **kwargs):
        calls.append((cmd, kwargs))
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(launch.subprocess, "run", run)
    return calls


def test_lab_opens_the_learner_copy_at_the_root_offline(origin, recorded_run, monkeypatch):
    config = {}
    monkeypatch.setattr(
        webfont,
        "lab_environment",
        lambda folder: config.setdefault("dir", folder) and ({"KIT_FONT_TEST": "1"}, ["--font-arg"]),
    )
    monkeypatch.setenv("KIT_OFFLINE", "0")
    monkeypatch.setenv("PATH", "/usr/bin")
    assert launch.run_lab([], root=origin) == 0
    cmd, kwargs = recorded_run[0]
    assert kwargs["cwd"] == origin, "JupyterLab's root is the repository: data/ and docs/ are reachable"
    assert cmd[:4] == [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={origin}"]
    assert cmd[-1] == "my-notebooks/00_welcome.ipynb" and (origin / cmd[-1]).is_file()
    assert "--font-arg" in cmd and kwargs["env"]["KIT_FONT_TEST"] == "1"
    assert config["dir"] == Path(sys.prefix) / "kit-jupyter"
    env = kwargs["env"]
    assert env["KIT_OFFLINE"] == "1" and env["PYTHAINLP_OFFLINE"] == "1"
    assert "MPLBACKEND" not in env or env["MPLBACKEND"] == os.environ.get("MPLBACKEND")
    assert env["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    assert env["VIRTUAL_ENV"] == sys.prefix


def test_lab_live_asks_for_real_data(origin, recorded_run, monkeypatch):
    monkeypatch.setenv("PYTHAINLP_OFFLINE", "1")
    launch.run_lab(["--live"], root=origin)
    cmd, kwargs = recorded_run[0]
    assert "--live" not in cmd
    assert kwargs["env"]["KIT_OFFLINE"] == "0" and "PYTHAINLP_OFFLINE" not in kwargs["env"]


def test_root_needs_allow_root_and_windows_has_no_root(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    assert "--allow-root" in launch.lab_command(ROOT)
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert "--allow-root" not in launch.lab_command(ROOT)
    monkeypatch.delattr(os, "geteuid")  # Windows
    assert launch.running_as_root() is False


def test_windows_terminal_finds_the_kits_python():
    env = launch.lab_environment(
        {"PATH": os.pathsep.join(["/a", "/kit/.venv/Scripts"])},
        scripts_dir=Path("/kit/.venv/Scripts"),
        prefix="/kit/.venv",
    )
    assert env["PATH"].split(os.pathsep) == ["/kit/.venv/Scripts", "/a"], "first, and only once"


def test_test_command_runs_pytest_with_the_test_environment(recorded_run, monkeypatch):
    monkeypatch.setenv("KIT_OFFLINE", "0")
    assert launch.main(["test", "tests/test_kit.py"]) == 0
    cmd, kwargs = recorded_run[0]
    assert cmd == [
        sys.executable,
        "-m",
        "pytest",
        "-n",
        "2",
        "--dist",
        "loadfile",
        "--ignore=tests/site",
        "tests/test_kit.py",
    ]
    assert {k: kwargs["env"][k] for k in launch.TEST_ENV} == launch.TEST_ENV
    assert kwargs["cwd"] == ROOT
    launch.main(["test-browser"])
    (lab, lab_kwargs), (site, site_kwargs) = recorded_run[1], recorded_run[2]
    assert lab[3:] == ["-p", "no:xdist", "tests/browser", "-m", "browser", "--browser-setup"]
    assert site[3:] == ["-p", "no:xdist", "tests/site", "-m", "site"]  # two runs: two conftest.py
    assert lab_kwargs["env"]["KIT_OFFLINE"] == site_kwargs["env"]["KIT_OFFLINE"] == "1"
    launch.main(["doctor"])
    assert recorded_run[3][0] == [sys.executable, "-m", "helpers.doctor"]


def test_wheelhouse_covers_every_target_with_the_right_pins(tmp_path):
    locks = [ROOT / "requirements.lock"]
    cmds = launch.wheelhouse_commands(tmp_path / "w", locks, work=tmp_path)
    downloads = [c for c in cmds if c[3] == "download"]
    assert len(downloads) >= len(launch.TARGET_PYTHONS) * len(launch.TARGET_PLATFORMS)
    for cmd in downloads:
        assert cmd[4] == "--no-deps" and "--only-binary=:all:" in cmd
        assert cmd[cmd.index("-d") + 1] == str(tmp_path / "w")
    pins = {p.stem.replace(".0-", "-", 1): set(p.read_text().split()) for p in tmp_path.glob("*.0-*.txt")}
    assert any(p.startswith("pywinpty==") for p in pins["3.12-win_amd64"])
    assert not any(p.startswith("pywinpty==") for p in pins["3.12-manylinux_2_28_x86_64"])
    assert any(p.startswith("appnope==") for p in pins["3.12-macosx_14_0_arm64"])
    numpy = lockfile.pins(locks[0], launch.target_environment("3.15", "win_amd64"))["numpy"]
    assert (tmp_path / "3.11.5-win_amd64.txt").is_file(), "soupsieve splits Python 3.11 at 3.11.5"
    assert f"numpy=={numpy}" in pins["3.15-win_amd64"]
    assert not any(p.startswith("docopt==") for ps in pins.values() for p in ps), "built once as a wheel"
    assert [c[3:5] + c[-1:] for c in cmds if c[3] == "wheel"] == [["wheel", "--no-deps", "docopt==0.6.2"]]


def test_wheelhouse_refuses_unknown_targets(capsys):
    assert launch.run_wheelhouse(["w", "--python", "3.9"]) == 2
    assert "3.9" in capsys.readouterr().err
    assert launch.run_wheelhouse([]) == 2
