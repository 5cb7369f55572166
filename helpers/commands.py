"""Build the command lines the kit prints in its Thai fix messages.

คำสั่งที่ชุดเรียนแนะนำให้พิมพ์ (เช่นในข้อความแจ้งข้อผิดพลาด) ต้องใช้ได้จริงทุกที่ ทั้งจากโฟลเดอร์หลักของ
ชุดเรียน จากโฟลเดอร์ ``notebooks/`` และจากเทอร์มินัลของ JupyterLab ซึ่งคำสั่ง ``python`` อาจไม่ใช่
Python ของชุดเรียน จึงสร้างคำสั่งด้วยที่อยู่เต็มของ Python ที่กำลังรันอยู่และของไฟล์ ``kit.py``
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys

from . import paths

__all__ = ["kit_command", "python_command", "join_command"]


def join_command(parts: list[str]) -> str:
    """Quote a command line for this platform's shell (POSIX shells, or cmd.exe/PowerShell on Windows).

    >>> join_command(["python", "my file.py"]) in ("python 'my file.py'", 'python "my file.py"')
    True
    """
    return _join(parts)


def _join(parts: list[str]) -> str:
    # Windows' cmd.exe and PowerShell quote differently from POSIX shells; list2cmdline is the
    # quoting CPython itself uses to start processes on Windows.
    return subprocess.list2cmdline(parts) if os.name == "nt" else shlex.join(parts)


def python_command(*args: str) -> str:
    """Return a command line that runs this interpreter with ``args``, from any folder.

    >>> cmd = python_command("-m", "helpers.doctor")
    >>> cmd.endswith("-m helpers.doctor") and "python" in cmd.lower()
    True
    """
    return _join([sys.executable, *map(str, args)])


def kit_command(*args: str, python: str | list[str] | None = None) -> str:
    """Return a command line that runs the kit's entry point ``kit.py`` with ``args``, from any folder.

    ``python`` names another interpreter (or launcher such as ``["py", "-3.12"]``); default: this one.

    >>> kit_command("doctor").endswith("kit.py doctor")
    True
    >>> kit_command("lab", python=["py", "-3.12"]).startswith("py -3.12 ")
    True
    """
    launcher = [sys.executable] if python is None else ([python] if isinstance(python, str) else list(python))
    return _join([*launcher, str(paths.repo_root() / "kit.py"), *map(str, args)])
