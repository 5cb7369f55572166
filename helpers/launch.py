"""Start the kit's tools from its virtual environment (``kit.py`` hands over to this module).

ตัวเปิดเครื่องมือของชุดเรียน ``kit.py`` สร้าง ``.venv`` และติดตั้งแพ็กเกจแล้วจึงเรียกโมดูลนี้ด้วย Python
ของ ``.venv``::

    python -m helpers.launch lab [--live]      เตรียมสำเนาโน้ตบุ๊กของผู้เรียน แล้วเปิด JupyterLab
    python -m helpers.launch test [ARGS]       pytest -n 2 --dist loadfile ในสภาพแวดล้อมของการทดสอบ
    python -m helpers.launch test-browser      การทดสอบในเบราว์เซอร์จริง
    python -m helpers.launch doctor            ตรวจความพร้อมของเครื่อง
    python -m helpers.launch wheelhouse DIR    ดาวน์โหลด wheel ของไฟล์ล็อกสำหรับทุกระบบปฏิบัติการ

Learners work in ``my-notebooks/``, an untracked copy of ``notebooks/`` made on the first launch
(see :func:`prepare_learner_copy`): their edits and saved outputs never change the committed
notebooks that ``kit.py test`` runs, and never block a ``git pull``.  JupyterLab opens at the
repository root, so its file browser and terminal reach ``data/``, ``docs/`` and both folders.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import lockfile, paths

__all__ = [
    "LEARNER_DIR",
    "SDIST_ONLY",
    "TARGET_PLATFORMS",
    "TARGET_PYTHONS",
    "TEST_ENV",
    "CopyReport",
    "browser_test_commands",
    "lab_command",
    "lab_environment",
    "main",
    "platform_tags",
    "prepare_learner_copy",
    "pytest_command",
    "target_environment",
    "target_pin_sets",
    "wheelhouse_commands",
]

#: The learner's own copy of the notebooks (untracked: listed in .gitignore).
LEARNER_DIR = "my-notebooks"
WELCOME = "00_welcome.ipynb"
#: Hashes of the files as they were copied, to tell an edited copy from an untouched one.
MANIFEST = ".kit-copies.json"
#: The environment of every test run (the same as the root conftest.py's defaults).
TEST_ENV = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1", "PYTHAINLP_READ_ONLY": "1", "MPLBACKEND": "Agg"}
#: JupyterLab's default: answers from the bundled data, as the stored notebook outputs were made.
LAB_OFFLINE_ENV = {"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1"}
TEST_JOBS = "2"

#: Python versions the locks have wheels for; kit.py's OLDEST/NEWEST must agree (a test checks).
TARGET_PYTHONS = ("3.11", "3.12", "3.13", "3.14", "3.15")
#: pip platform tag -> marker variables of a typical learner machine of that kind.
TARGET_PLATFORMS = {
    "win_amd64": {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "os_name": "nt",
        "platform_machine": "AMD64",
    },
    "macosx_14_0_arm64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "os_name": "posix",
        "platform_machine": "arm64",
    },
    "manylinux_2_28_x86_64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "platform_machine": "x86_64",
    },
}
#: Lock packages published only as source (pure Python: pip builds them without a compiler).
SDIST_ONLY = frozenset({"docopt"})
# pip widens a macOS tag to older macOS releases itself but takes a manylinux tag literally, so the
# Linux target lists every tag a glibc 2.28 machine accepts (RHEL 8, Ubuntu 20.04 and newer).
_MANYLINUX = [f"manylinux_2_{minor}_x86_64" for minor in range(28, 4, -1)] + [
    "manylinux2014_x86_64",
    "manylinux2010_x86_64",
    "manylinux1_x86_64",
]


# --------------------------------------------------------------------------- the learner's copy
@dataclass
class CopyReport:
    """What :func:`prepare_learner_copy` did, file by file."""

    folder: Path
    added: list[str] = field(default_factory=list)  #: new copies (first launch, or new in an update)
    refreshed: list[str] = field(default_factory=list)  #: untouched copies replaced by an updated notebook
    kept: list[str] = field(default_factory=list)  #: the learner's edited copies, left as they are

    def summary(self) -> str:
        """One Thai line for the terminal.

        >>> CopyReport(Path("my-notebooks"), added=["a.ipynb"], kept=["b.ipynb"]).summary()
        'โน้ตบุ๊กของคุณอยู่ใน my-notebooks/: คัดลอกใหม่ 1 ไฟล์, อัปเดต 0 ไฟล์, เก็บไฟล์ที่คุณแก้ไว้ 1 ไฟล์'
        """
        return (
            f"โน้ตบุ๊กของคุณอยู่ใน {self.folder.name}/: คัดลอกใหม่ {len(self.added)} ไฟล์, "
            f"อัปเดต {len(self.refreshed)} ไฟล์, เก็บไฟล์ที่คุณแก้ไว้ {len(self.kept)} ไฟล์"
        )


def _hash(path: Path) -> str:
    import pooch  # the kit's one hash function

    return pooch.file_hash(str(path), alg="sha256")


def prepare_learner_copy(root: Path | None = None) -> CopyReport:
    """Copy the course notebooks into the learner's folder without ever overwriting their work.

    สร้างสำเนาโน้ตบุ๊กของผู้เรียนใน ``my-notebooks/`` ครั้งแรกที่เปิดชุดเรียน ครั้งต่อไปจะเพิ่มเฉพาะ
    โน้ตบุ๊กที่มาใหม่จากการอัปเดต และอัปเดตสำเนาที่ผู้เรียนยังไม่ได้แก้ ส่วนไฟล์ที่ผู้เรียนแก้แล้วจะไม่ถูกเขียนทับ

    A copy is "untouched" while its hash equals the one recorded when it was copied (in
    ``my-notebooks/.kit-copies.json``); only such a copy is replaced when ``notebooks/`` changes.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "notebooks").mkdir()
    >>> _ = (root / "notebooks" / "00_welcome.ipynb").write_text("{}", encoding="utf-8")
    >>> prepare_learner_copy(root).added
    ['00_welcome.ipynb']
    >>> _ = (root / LEARNER_DIR / "00_welcome.ipynb").write_text('{"mine": 1}', encoding="utf-8")
    >>> _ = (root / "notebooks" / "00_welcome.ipynb").write_text('{"new": 1}', encoding="utf-8")
    >>> prepare_learner_copy(root).kept, (root / LEARNER_DIR / "00_welcome.ipynb").read_text(encoding="utf-8")
    (['00_welcome.ipynb'], '{"mine": 1}')
    """
    root = paths.repo_root() if root is None else Path(root)
    source, folder = root / "notebooks", root / LEARNER_DIR
    folder.mkdir(exist_ok=True)
    manifest_path = folder / MANIFEST
    try:
        copied = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        copied = {}
    report = CopyReport(folder)
    for original in sorted(source.glob("*.ipynb")):
        name, mine = original.name, folder / original.name
        upstream = _hash(original)
        if not mine.exists():
            shutil.copyfile(original, mine)
            report.added.append(name)
        elif _hash(mine) == upstream:
            pass  # the same as the course's version
        elif copied.get(name) == _hash(mine):
            shutil.copyfile(original, mine)  # untouched since we copied it: take the update
            report.refreshed.append(name)
        else:
            report.kept.append(name)
            continue
        copied[name] = upstream
    manifest_path.write_text(json.dumps(copied, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return report


# --------------------------------------------------------------------------- JupyterLab
def _scripts_dir() -> Path:
    """The venv's folder of programs: ``bin`` (``Scripts`` on Windows)."""
    return Path(sysconfig.get_path("scripts"))


def lab_environment(
    base: dict[str, str], live: bool = False, scripts_dir: Path | None = None, prefix: str | None = None
) -> dict[str, str]:
    """Return the Jupyter server's environment: offline unless ``live``, the venv first on PATH.

    The terminal of JupyterLab inherits it, so ``python`` and ``pip`` there are the kit's.

    >>> env = lab_environment({"PATH": "/usr/bin"}, scripts_dir=Path("/kit/.venv/bin"), prefix="/kit/.venv")
    >>> env["KIT_OFFLINE"], env["PATH"].split(os.pathsep)[0], env["VIRTUAL_ENV"]
    ('1', '/kit/.venv/bin', '/kit/.venv')
    >>> lab_environment({"KIT_OFFLINE": "1", "PYTHAINLP_OFFLINE": "1"}, live=True)["KIT_OFFLINE"]
    '0'
    """
    env = dict(base)
    if live:
        env["KIT_OFFLINE"] = "0"
        env.pop("PYTHAINLP_OFFLINE", None)
    else:
        env.update(LAB_OFFLINE_ENV)
    scripts = str(scripts_dir or _scripts_dir())
    env["PATH"] = os.pathsep.join(
        [scripts] + [p for p in env.get("PATH", "").split(os.pathsep) if p and p != scripts]
    )
    env["VIRTUAL_ENV"] = prefix or sys.prefix
    return env


def running_as_root() -> bool:
    """True for the root user on Linux/macOS (Jupyter then needs ``--allow-root``); False on Windows.

    >>> isinstance(running_as_root(), bool)
    True
    """
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(root: Path, extra: list[str] | None = None, as_root: bool | None = None) -> list[str]:
    """Return the command that opens JupyterLab at ``root`` on the learner's welcome notebook.

    ``root_dir`` is given explicitly: with only a file to open, Jupyter would serve that file's
    folder, and the file browser and terminal would not reach ``data/`` and ``docs/``.

    >>> cmd = lab_command(Path("/kit"), as_root=False)
    >>> cmd[1:3], cmd[3], cmd[-1]
    (['-m', 'jupyterlab'], '--ServerApp.root_dir=/kit', 'my-notebooks/00_welcome.ipynb')
    >>> "--allow-root" in lab_command(Path("/kit"), as_root=True)
    True
    """
    root_flag = ["--allow-root"] if (running_as_root() if as_root is None else as_root) else []
    return [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        *root_flag,
        *(extra or []),
        f"{LEARNER_DIR}/{WELCOME}",
    ]


def run_lab(args: list[str], root: Path | None = None) -> int:
    """Prepare the learner's copy, then run JupyterLab at the repository root until it stops."""
    from . import webfont

    root = paths.repo_root() if root is None else root
    live = "--live" in args
    extra = [a for a in args if a != "--live"]
    print(prepare_learner_copy(root).summary(), flush=True)
    print(
        "เปิด JupyterLab ในโหมดข้อมูลจริง (ต้องใช้อินเทอร์เน็ต)"
        if live
        else "เปิด JupyterLab ในโหมดออฟไลน์: ใช้ข้อมูลที่มากับชุดเรียน (ใช้ --live เพื่อเรียกข้อมูลจริงจาก data.go.th)",
        flush=True,
    )
    font_env, font_args = webfont.lab_environment(Path(sys.prefix) / "kit-jupyter")
    env = lab_environment({**os.environ, **font_env}, live=live)
    try:
        return subprocess.run(lab_command(root, font_args + extra), check=False, cwd=root, env=env).returncode
    except KeyboardInterrupt:
        return 0


# --------------------------------------------------------------------------- tests and doctor
def environment_for_tests(base: dict[str, str]) -> dict[str, str]:
    """Return ``base`` with the test settings (offline, read-only corpora, no GUI backend).

    >>> environment_for_tests({"KIT_OFFLINE": "0"})["KIT_OFFLINE"]
    '1'
    """
    return {**base, **TEST_ENV}


def pytest_command(args: list[str]) -> list[str]:
    """Return the pytest command of ``kit.py test`` (two workers, one file per worker).

    The website test needs Chromium and runs with the browser tests (``browser_test_commands``).

    >>> pytest_command([])[1:]
    ['-m', 'pytest', '-n', '2', '--dist', 'loadfile', '--ignore=tests/site']
    >>> pytest_command(["-n", "4", "tests/test_kit.py"])[3:]
    ['--ignore=tests/site', '-n', '4', 'tests/test_kit.py']
    """
    chosen = any(
        a == "-n" or a.startswith("-n") and a[2:].isdigit() or a.startswith("--numprocesses") for a in args
    )
    workers = [] if chosen or "-p" in args and "no:xdist" in args else ["-n", TEST_JOBS, "--dist", "loadfile"]
    return [sys.executable, "-m", "pytest", *workers, "--ignore=tests/site", *args]


def browser_test_commands(args: list[str]) -> list[list[str]]:
    """Return the pytest commands of the real-browser tests (``make test-browser``): JupyterLab, then the site.

    Two runs, because both folders have a ``conftest.py`` and neither can be a package (``site`` would
    hide Python's own ``site`` module).  JupyterLab's set-up installs Debian's Chromium when missing,
    so it runs first.

    >>> [cmd[3:] for cmd in browser_test_commands([])]
    [['-p', 'no:xdist', 'tests/browser', '-m', 'browser', '--browser-setup'], ['-p', 'no:xdist', 'tests/site', '-m', 'site']]
    """
    lab = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:xdist",
        "tests/browser",
        "-m",
        "browser",
        "--browser-setup",
    ]
    site = [sys.executable, "-m", "pytest", "-p", "no:xdist", "tests/site", "-m", "site"]
    return [[*lab, *args], [*site, *args]]


# --------------------------------------------------------------------------- wheelhouse
def platform_tags(platform: str) -> list[str]:
    """Return the pip ``--platform`` values that stand for one target.

    >>> platform_tags("win_amd64")
    ['win_amd64']
    >>> "manylinux2014_x86_64" in platform_tags("manylinux_2_28_x86_64")
    True
    """
    return list(_MANYLINUX) if platform.startswith("manylinux") else [platform]


def target_environment(python: str, platform: str, patch: int = 0) -> dict[str, str]:
    """Return the marker environment of CPython ``python``.``patch`` on the pip ``platform`` tag.

    >>> env = target_environment("3.13", "win_amd64")
    >>> env["sys_platform"], env["python_version"], env["python_full_version"]
    ('win32', '3.13', '3.13.0')
    """
    return lockfile.environment(
        f"{python}.{patch}",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        **TARGET_PLATFORMS[platform],
    )


#: Patch releases considered for one Python: a lock may split a pin at one (soupsieve at 3.11.5).
_PATCHES = range(31)


def target_pin_sets(lock: Path | list, python: str, platform: str) -> dict[str, list[str]]:
    """Return ``{first patch version: [name==version ...]}``, one entry per distinct set of pins.

    The markers are evaluated here because pip evaluates them for the machine it runs on, not for
    ``--platform``; a marker on ``python_full_version`` gives one Python two sets.

    >>> lock = lockfile.parse("pywinpty==3.1.2 ; os_name == 'nt'\\nsoupsieve==2.10 ; python_full_version < '3.11.5'\\n"
    ...                       "soupsieve==4.1.3 ; python_full_version >= '3.11.5'\\n")
    >>> target_pin_sets(lock, "3.11", "win_amd64")
    {'3.11.0': ['pywinpty==3.1.2', 'soupsieve==2.10'], '3.11.5': ['pywinpty==3.1.2', 'soupsieve==4.1.3']}
    >>> target_pin_sets(lock, "3.12", "macosx_14_0_arm64")
    {'3.12.0': ['soupsieve==4.1.3']}
    """
    parsed = lock if isinstance(lock, list) else lockfile.read(lock)
    sets: dict[str, list[str]] = {}
    for patch in _PATCHES:
        env = target_environment(python, platform, patch)
        pins = list(dict.fromkeys(pin.requirement for pin in parsed if pin.applies(env)))
        if pins not in sets.values():
            sets[f"{python}.{patch}"] = pins
    return sets


def target_args(python: str, platform: str) -> list[str]:
    """Return pip's options that choose wheels for one target (not this machine).

    ``python`` may name a patch release (``3.11.5``): pip then checks ``Requires-Python`` against it.

    >>> target_args("3.12", "win_amd64")
    ['--only-binary=:all:', '--platform', 'win_amd64', '--python-version', '3.12', '--implementation', 'cp']
    """
    tags = [arg for tag in platform_tags(platform) for arg in ("--platform", tag)]
    return ["--only-binary=:all:", *tags, "--python-version", python, "--implementation", "cp"]


def _merged_sets(locks: list, python: str, platform: str) -> dict[str, list[str]]:
    """The distinct pin sets of several locks together for one target."""
    pins = [pin for lock in locks for pin in (lock if isinstance(lock, list) else lockfile.read(lock))]
    return target_pin_sets(pins, python, platform)


def wheelhouse_commands(
    dest: Path,
    locks: list[Path],
    pythons=TARGET_PYTHONS,
    platforms=tuple(TARGET_PLATFORMS),
    work: Path | None = None,
) -> list[list[str]]:
    """Return the pip commands that fill ``dest`` with every file the locks need on each target.

    One ``pip download --no-deps`` per (Python, platform) with that target's pins (written to
    ``work``), then ``pip wheel`` for the source-only packages: they are pure Python, so one wheel
    serves every machine and the lab PCs never build anything.

    >>> lock = lockfile.parse("docopt==0.6.2\\nnumpy==2.4.6\\n")
    >>> work = Path(tempfile.mkdtemp())
    >>> cmds = wheelhouse_commands(Path("w"), [lock], ["3.12"], ["win_amd64"], work=work)
    >>> [c[3] for c in cmds], cmds[0][-2:], (work / "3.12.0-win_amd64.txt").read_text()
    (['download', 'wheel'], ['-r', '...3.12.0-win_amd64.txt'], 'numpy==2.4.6\\n')
    >>> cmds[1][-1]
    'docopt==0.6.2'
    """
    work = Path(tempfile.mkdtemp(prefix="kit-wheelhouse-")) if work is None else work
    pip = [sys.executable, "-m", "pip"]
    commands, sources = [], set()
    for python in pythons:
        for platform in platforms:
            for version, wanted in _merged_sets(locks, python, platform).items():
                sources |= {pin for pin in wanted if pin.split("==")[0] in SDIST_ONLY}
                pins_file = work / f"{version}-{platform}.txt"
                pins_file.write_text(
                    "".join(f"{pin}\n" for pin in sorted(set(wanted) - sources)), encoding="utf-8"
                )
                commands.append(
                    pip
                    + [
                        "download",
                        "--no-deps",
                        *target_args(version, platform),
                        "-d",
                        str(dest),
                        "-r",
                        str(pins_file),
                    ]
                )
    for pin in sorted(sources):
        commands.append(pip + ["wheel", "--no-deps", "-w", str(dest), pin])
    return commands


# --------------------------------------------------------------------------- command line
def _option_values(args: list[str], name: str) -> tuple[list[str], list[str]]:
    """Split ``--name VALUE`` pairs out of ``args``: return (values, the rest)."""
    values, rest, items = [], [], iter(args)
    for item in items:
        if item == name:
            values.append(next(items, ""))
        else:
            rest.append(item)
    return values, rest


def run_wheelhouse(args: list[str], root: Path | None = None) -> int:
    """Download the wheels of the runtime lock (``--test``: also the test lock) into a folder."""
    root = paths.repo_root() if root is None else root
    pythons, args = _option_values(args, "--python")
    platforms, args = _option_values(args, "--platform")
    test = "--test" in args
    folders = [a for a in args if a != "--test"]
    wrong = sorted(set(pythons) - set(TARGET_PYTHONS)) + sorted(set(platforms) - set(TARGET_PLATFORMS))
    if len(folders) != 1 or wrong:
        print(
            "ใช้แบบนี้: python kit.py wheelhouse โฟลเดอร์ [--python 3.12] [--platform win_amd64] [--test] "
            f"(Python ที่ใช้ได้: {', '.join(TARGET_PYTHONS)}; ระบบ: {', '.join(TARGET_PLATFORMS)})"
            + (f" ไม่รู้จัก: {', '.join(wrong)}" if wrong else ""),
            file=sys.stderr,
        )
        return 2
    dest = Path(folders[0]).expanduser().resolve()
    dest.mkdir(parents=True, exist_ok=True)
    locks = [root / "requirements.lock"] + ([root / "requirements-test.lock"] if test else [])
    for cmd in wheelhouse_commands(
        dest, locks, pythons or TARGET_PYTHONS, platforms or tuple(TARGET_PLATFORMS)
    ):
        print("→ " + " ".join(cmd), flush=True)
        if subprocess.run(cmd, check=False).returncode != 0:
            print(
                "ดาวน์โหลดไม่สำเร็จ: ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วรันคำสั่งเดิมอีกครั้ง (ไฟล์ที่ได้แล้วจะไม่ดาวน์โหลดซ้ำ)",
                file=sys.stderr,
            )
            return 1
    count = sum(1 for _ in dest.glob("*.whl"))
    print(
        f"ได้ไฟล์ wheel {count} ไฟล์ใน {dest} คัดลอกโฟลเดอร์นี้ไปที่เครื่องในห้องเรียน แล้วรัน "
        f"python kit.py lab --wheelhouse โฟลเดอร์นั้น (Windows: py kit.py lab --wheelhouse ...)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one launcher command (``lab``, ``test``, ``test-browser``, ``doctor``, ``wheelhouse``)."""
    argv = sys.argv[1:] if argv is None else argv
    command, args = (argv[0], argv[1:]) if argv else ("", [])
    root = paths.repo_root()
    if command == "lab":
        return run_lab(args, root)
    programs = {
        "test": (pytest_command(args), environment_for_tests(dict(os.environ))),
        "doctor": ([sys.executable, "-m", "helpers.doctor", *args], None),
        "site": ([sys.executable, str(root / "scripts" / "build_site.py"), *args], None),
    }
    if command in programs:
        cmd, env = programs[command]
        return subprocess.run(cmd, check=False, cwd=root, env=env).returncode
    if command == "test-browser":
        env = environment_for_tests(dict(os.environ))
        statuses = [
            subprocess.run(cmd, check=False, cwd=root, env=env).returncode
            for cmd in browser_test_commands(args)
        ]
        return next((status for status in statuses if status), 0)
    if command == "wheelhouse":
        return run_wheelhouse(args, root)
    print("ใช้ได้: lab, test, test-browser, site, doctor, wheelhouse (ดู python kit.py --help)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
