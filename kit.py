"""One entry point for every machine: ``python kit.py lab`` (``py kit.py lab`` on Windows).

คำสั่งเดียวใช้ได้ทุกเครื่อง ทั้ง Linux, macOS และ Windows (ไม่ต้องมี make)::

    python kit.py lab          เปิด JupyterLab ที่โน้ตบุ๊กต้อนรับ (สำเนาของผู้เรียนใน my-notebooks/)
    python kit.py lab --live   เหมือนกัน แต่เรียกข้อมูลจริงจาก data.go.th
    python kit.py test         ทดสอบทุกอย่าง (ติดตั้งเครื่องมือทดสอบเพิ่มให้เอง)
    python kit.py doctor       ตรวจความพร้อมของเครื่อง
    python kit.py install      สร้าง .venv และติดตั้งแพ็กเกจเท่านั้น (--test: รวมเครื่องมือทดสอบ)
    python kit.py wheelhouse DIR   ดาวน์โหลดไฟล์ติดตั้ง (wheel) ทุกไฟล์ไว้ใน DIR สำหรับห้องเรียนที่อินเทอร์เน็ตช้า

This file uses the standard library only: it runs before anything is installed.  It creates
``.venv`` (``.venv/Scripts/python.exe`` on Windows, ``.venv/bin/python`` elsewhere), installs the
lock and the kit (``pip install --no-deps -e .``), reinstalls only when a lock, ``pyproject.toml``
or the Python version changed (a stamp file holds their hashes), then hands over to ``.venv``'s
Python running ``-m helpers.launch``, which does the rest with the installed packages.

``--wheelhouse DIR`` (or ``KIT_WHEELHOUSE=DIR``) installs from a folder made by ``kit.py wheelhouse``
with no network (``pip --no-index --find-links DIR``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
STAMP_NAME = ".kit-installed.json"
#: Oldest and newest Python (major, minor) the locks have wheels for (scripts/check_lock_platforms.py).
OLDEST, NEWEST = (3, 11), (3, 15)
#: What each command installs: the learner's lock, or the lock with the test tools.
COMMAND_LOCK = {
    "lab": RUNTIME_LOCK,
    "doctor": RUNTIME_LOCK,
    "install": RUNTIME_LOCK,
    "wheelhouse": RUNTIME_LOCK,
    "test": TEST_LOCK,
    "test-browser": TEST_LOCK,
    "site": TEST_LOCK,
}

USAGE = """\
วิธีใช้ / usage: python kit.py COMMAND   (Windows: py kit.py COMMAND)
  lab [--live] [--wheelhouse DIR]   เปิด JupyterLab ที่โน้ตบุ๊กต้อนรับ (open JupyterLab)
  test [PYTEST-ARGS]                ทดสอบทุกอย่าง (run every test)
  test-browser                      ทดสอบในเบราว์เซอร์จริง: JupyterLab และเว็บไซต์ (browser tests)
  site [--out DIR]                  สร้างเว็บไซต์ของชุดเรียนจากโน้ตบุ๊ก (build the course website)
  doctor                            ตรวจความพร้อมของเครื่อง (environment check)
  install [--test]                  ติดตั้งเท่านั้น (create .venv and install)
  wheelhouse DIR [--python X.Y] [--platform TAG] [--test]
                                    ดาวน์โหลด wheel ทุกไฟล์ไว้ใน DIR (download every wheel into DIR)"""


class KitError(Exception):
    """A problem the learner can fix; the message is one Thai line, then English."""


def python_problem(version: tuple[int, ...]) -> str | None:
    """Return one Thai (then English) line when ``version`` cannot run the kit, else None.

    >>> python_problem((3, 12, 1)) is None
    True
    >>> print(python_problem((3, 10, 4)))  # doctest: +ELLIPSIS
    ชุดเรียนนี้ใช้ Python 3.11 ถึง 3.15 แต่เครื่องนี้เป็น Python 3.10.4: ...
    """
    if OLDEST <= tuple(version[:2]) <= NEWEST:
        return None
    found = ".".join(str(part) for part in version[:3])
    span = f"{OLDEST[0]}.{OLDEST[1]} ถึง {NEWEST[0]}.{NEWEST[1]}"
    return (
        f"ชุดเรียนนี้ใช้ Python {span} แต่เครื่องนี้เป็น Python {found}: ติดตั้ง Python 3.12 จาก "
        f"https://www.python.org/downloads/ แล้วรันคำสั่งเดิมด้วย Python รุ่นนั้น (Windows: py -3.12 kit.py lab) "
        f"/ This kit needs Python {OLDEST[0]}.{OLDEST[1]}-{NEWEST[0]}.{NEWEST[1]}, found {found}."
    )


def venv_python(venv: Path = VENV, os_name: str | None = None) -> Path:
    """Return the path of the virtual environment's Python for this platform.

    >>> venv_python(Path("v"), os_name="nt").as_posix()
    'v/Scripts/python.exe'
    >>> venv_python(Path("v"), os_name="posix").as_posix()
    'v/bin/python'
    """
    if (os_name or os.name) == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def file_digest(path: Path) -> str:
    """Return the sha256 of a file, or "" when it does not exist.

    Hand-written with hashlib because this file may use the standard library only (the kit's
    hash function, ``pooch.file_hash``, is not installed yet when kit.py runs).

    >>> file_digest(Path("no such file"))
    ''
    """
    if not path.is_file():
        return ""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def wanted_stamp(lock: str, root: Path = ROOT, python: tuple[int, ...] | None = None) -> dict[str, str]:
    """Return what an install of ``lock`` depends on: the files' hashes and the Python version.

    >>> sorted(wanted_stamp(TEST_LOCK))
    ['pyproject.toml', 'python', 'requirements-test.lock', 'requirements.lock']
    """
    version = python or sys.version_info
    files = [RUNTIME_LOCK, "pyproject.toml"] + ([TEST_LOCK] if lock == TEST_LOCK else [])
    stamp = {name: file_digest(root / name) for name in files}
    stamp["python"] = ".".join(str(part) for part in version[:2])
    return stamp


def read_stamp(venv: Path = VENV) -> dict[str, str]:
    """Return the stamp of the last install in ``venv`` (empty when there is none or it is unreadable).

    >>> read_stamp(Path("no such venv"))
    {}
    """
    try:
        return json.loads((venv / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def up_to_date(stamp: dict[str, str], wanted: dict[str, str]) -> bool:
    """True when the last install covered everything ``wanted`` lists, with the same hashes.

    The test lock holds the runtime lock, so an install for ``test`` also serves ``lab``.

    >>> up_to_date({"requirements.lock": "a", "python": "3.12"}, {"requirements.lock": "a", "python": "3.12"})
    True
    >>> up_to_date({"requirements.lock": "a", "python": "3.12"}, {"requirements.lock": "b", "python": "3.12"})
    False
    """
    return all(stamp.get(key) == value for key, value in wanted.items())


def wheelhouse_args(wheelhouse: str | os.PathLike | None) -> list[str]:
    """Return pip's options for an install from a local folder only (no network), or [].

    >>> wheelhouse_args(None)
    []
    >>> wheelhouse_args("/media/usb/wheels")[:2]
    ['--no-index', '--find-links']
    """
    if not wheelhouse:
        return []
    return ["--no-index", "--find-links", str(Path(wheelhouse).expanduser().resolve())]


def install_commands(
    python: Path, lock: str, wheelhouse: str | os.PathLike | None = None, root: Path = ROOT
) -> list[list[str]]:
    """Return the pip commands that install ``lock`` and the kit into the venv of ``python``.

    >>> cmds = install_commands(Path("py"), RUNTIME_LOCK, root=Path("kit"))
    >>> [" ".join(c[1:]) for c in cmds]  # doctest: +NORMALIZE_WHITESPACE
    ['-m pip install --upgrade pip', '-m pip install -r kit/requirements.lock',
     '-m pip install --no-deps -e kit']
    """
    offline = wheelhouse_args(wheelhouse)
    pip = [str(python), "-m", "pip", "install"]
    commands = [] if offline else [pip + ["--upgrade", "pip"]]  # offline: the venv's own pip will do
    commands.append(pip + offline + ["-r", str(root / lock)])
    commands.append(pip + offline + ["--no-deps", "-e", str(root)])
    return commands


def handover_command(python: Path, command: str, args: list[str]) -> list[str]:
    """Return the command that runs ``helpers.launch`` with the venv's Python.

    >>> handover_command(Path("py"), "lab", ["--live"])
    ['py', '-m', 'helpers.launch', 'lab', '--live']
    """
    return [str(python), "-m", "helpers.launch", command, *args]


def _run(cmd: list[str], cwd: Path = ROOT) -> None:
    print("→ " + " ".join(cmd), flush=True)
    if subprocess.run(cmd, check=False, cwd=cwd).returncode != 0:
        raise KitError(
            f"คำสั่งนี้ไม่สำเร็จ: {' '.join(cmd)} ตรวจการเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่ "
            "หรือใช้โฟลเดอร์ wheel ที่ครูเตรียมไว้ (--wheelhouse DIR) / A command failed (see above)."
        )


def create_venv(venv: Path = VENV) -> None:
    """Create ``venv`` with this Python, explaining in Thai when the venv module is missing."""
    try:
        import ensurepip  # noqa: F401  (Debian/Ubuntu ship it in a separate package)
        import venv as _venv  # noqa: F401
    except ImportError:
        raise KitError(
            "Python เครื่องนี้สร้างสภาพแวดล้อมเสมือน (virtual environment) ไม่ได้: "
            "ติดตั้งด้วย sudo apt install python3-venv (Debian/Ubuntu) แล้วลองใหม่ "
            "/ This Python cannot create virtual environments: install python3-venv."
        ) from None
    print(f"สร้าง {venv.name} ด้วย Python {sys.version.split()[0]} ...", flush=True)
    _run([sys.executable, "-m", "venv", str(venv)])


def ensure_installed(
    lock: str, wheelhouse: str | os.PathLike | None = None, venv: Path = VENV, root: Path = ROOT
) -> Path:
    """Create ``venv`` when needed, install ``lock`` and the kit when a stamp says so; return its Python."""
    python = venv_python(venv)
    wanted = wanted_stamp(lock, root)
    stamp = read_stamp(venv)
    if python.is_file() and up_to_date(stamp, wanted):
        return python
    if python.is_file() and stamp.get("python") not in (None, wanted["python"]):
        # the venv's Python is another version than the one running kit.py: build a new venv
        print(
            f"สร้าง {venv.name} ใหม่ด้วย Python {wanted['python']} (เดิมเป็น Python {stamp['python']}) ...",
            flush=True,
        )
        shutil.rmtree(venv)
    if not python.is_file():
        create_venv(venv)
    print("ติดตั้งแพ็กเกจตามรุ่นที่ล็อกไว้ (ครั้งแรกใช้เวลาสักครู่) ...", flush=True)
    for cmd in install_commands(python, lock, wheelhouse, root):
        _run(cmd, cwd=root)
    (venv / STAMP_NAME).write_text(json.dumps(wanted, indent=1, sort_keys=True), encoding="utf-8")
    return python


def split_options(args: list[str]) -> tuple[str | None, bool, list[str]]:
    """Take ``--wheelhouse DIR`` and ``--test`` out of ``args``: return (wheelhouse, test, the rest).

    >>> split_options(["--live", "--wheelhouse", "w", "--test"])
    ('w', True, ['--live'])
    >>> split_options(["--wheelhouse=w"])[0]
    'w'
    """
    wheelhouse, test, rest = os.environ.get("KIT_WHEELHOUSE") or None, False, []
    items = iter(args)
    for item in items:
        if item == "--wheelhouse":
            wheelhouse = next(items, None)
            if wheelhouse is None:
                raise KitError(
                    "ระบุโฟลเดอร์หลัง --wheelhouse ด้วย เช่น --wheelhouse D:\\wheels "
                    "/ --wheelhouse needs a folder."
                )
        elif item.startswith("--wheelhouse="):
            wheelhouse = item.split("=", 1)[1]
        elif item == "--test":
            test = True
        else:
            rest.append(item)
    return wheelhouse, test, rest


def main(argv: list[str] | None = None) -> int:
    """Run one kit command; return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help", "help") or argv[0] not in COMMAND_LOCK:
        print(USAGE)
        return 0 if argv and argv[0] in ("-h", "--help", "help") else 2
    problem = python_problem(sys.version_info)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        wheelhouse, test, rest = split_options(rest)
        lock = TEST_LOCK if test and command == "install" else COMMAND_LOCK[command]
        if test and command == "wheelhouse":
            rest.append("--test")  # download the test lock too (the kit alone runs the download)
        python = ensure_installed(lock, wheelhouse)
    except KitError as err:
        print(err, file=sys.stderr)
        return 1
    if command == "install":
        print(f"พร้อมใช้งาน: {python}")
        return 0
    try:
        return subprocess.run(handover_command(python, command, rest), check=False, cwd=ROOT).returncode
    except KeyboardInterrupt:  # Ctrl-C stops JupyterLab: not an error
        return 0


if __name__ == "__main__":
    sys.exit(main())
