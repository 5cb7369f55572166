"""Read the kit's lock files (``uv pip compile`` output): pins, environment markers, who needs what.

ตัวอ่านไฟล์ล็อก (lock file) หนึ่งเดียวของชุดเรียน ใช้ได้ทั้งไฟล์ล็อกสำหรับผู้เรียนและไฟล์ล็อกสำหรับการทดสอบ
ไฟล์ล็อกที่ ``uv pip compile --universal`` สร้างมีบรรทัด ``ชื่อ==รุ่น`` ซึ่งอาจมีเงื่อนไขสภาพแวดล้อม
(environment marker) ต่อท้าย เช่น ``numpy==2.2.6 ; python_full_version < '3.12'`` บรรทัด ``# via``
ที่บอกว่าแพ็กเกจใดต้องการแพ็กเกจนี้ และอาจมีบรรทัดต่อ (``\\``) กับ ``--hash=...``

Used by ``helpers.doctor`` (installed versions against the lock), ``helpers.colab`` (what Colab
lacks) and the tests of the environment files.  This module runs *by path* on Colab before the
kit is installed (``helpers.colab`` loads it next to itself), so it imports only the standard
library and ``packaging`` (which Colab, pip and every environment of the kit have), and never
uses relative imports.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

__all__ = ["PROJECT", "Pin", "LockError", "parse", "read", "pins", "environment"]

#: The name ``Pin.via`` uses for the project itself (``thai-opendata-kit (pyproject.toml)``, ``-r file``).
PROJECT = "<project>"

# Who needs a pin, as uv and pip-tools write it: "thai-opendata-kit (pyproject.toml)",
# "-r requirements.in", "-c constraints.txt" all mean the project's own requirements.
_PROJECT_PARENT = re.compile(r"\((?:pyproject\.toml|setup\.cfg|setup\.py)\)|^-[rc]\s")


class LockError(ValueError):
    """A line of a lock file that is not ``name==version [; marker]`` (the message is Thai)."""


@dataclass(frozen=True)
class Pin:
    """One pinned package of a lock: ``name==version``, its marker and who needs it.

    >>> pin = Pin("numpy", "2.2.6", "python_full_version < '3.12'")
    >>> pin.line
    "numpy==2.2.6 ; python_full_version < '3.12'"
    >>> pin.applies({"python_full_version": "3.11.7"}), pin.applies({"python_full_version": "3.13.0"})
    (True, False)
    """

    name: str  #: canonical name (PEP 503): lower case, runs of ``-_.`` become ``-``
    version: str
    marker: str | None = None  #: environment marker text, or None when the pin applies everywhere
    via: tuple[str, ...] = field(
        default=()
    )  #: canonical names of the packages that need it (PROJECT: the kit)

    @property
    def requirement(self) -> str:
        """``name==version`` without the marker (for an environment where it applies)."""
        return f"{self.name}=={self.version}"

    @property
    def line(self) -> str:
        """The requirement as the lock writes it, marker included (for pip to evaluate)."""
        return self.requirement + (f" ; {self.marker}" if self.marker else "")

    def applies(self, env: dict | None = None) -> bool:
        """Whether the pin applies in ``env`` (a marker environment, see :func:`environment`).

        Keys missing from ``env`` are taken from this interpreter (``packaging`` does the same).

        >>> Pin("pywinpty", "3.1.2", "os_name == 'nt'").applies({"os_name": "posix"})
        False
        """
        return self.marker is None or Marker(self.marker).evaluate(env)


def environment(python_full_version: str | None = None, **overrides: str) -> dict[str, str]:
    """Return a marker environment: this interpreter's, or another Python version / platform.

    ``python_full_version`` also sets ``python_version`` and ``implementation_version``;
    ``overrides`` set any other marker variable (``sys_platform="win32"``, ``os_name="nt"`` ...).

    >>> env = environment("3.13.15", sys_platform="linux")
    >>> env["python_version"], env["python_full_version"], env["sys_platform"]
    ('3.13', '3.13.15', 'linux')
    >>> environment()["python_full_version"] == __import__("platform").python_version()
    True
    """
    env = dict(default_environment())
    if python_full_version is not None:
        env["python_full_version"] = python_full_version
        env["python_version"] = ".".join(python_full_version.split(".")[:2])
        if env.get("implementation_name") == "cpython":
            env["implementation_version"] = python_full_version
    env.update(overrides)
    return env


def _logical_lines(text: str):
    """Yield ``(line number, text)`` with backslash continuations joined (pip's rule)."""
    buffer, start = "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not buffer:
            start = number
        if raw.endswith("\\") and not raw.lstrip().startswith("#"):
            buffer += raw[:-1] + " "
            continue
        yield start, buffer + raw
        buffer = ""
    if buffer:
        yield start, buffer


def parse(text: str) -> list[Pin]:
    """Parse the text of a lock into its pins, in file order (markers are not evaluated here).

    Comments, blank lines and pip options (``--hash=...``, ``-e``, ``--index-url``) are skipped;
    ``# via`` notes under a pin (one line or a list) become :attr:`Pin.via`.

    >>> lock = '''# This file was autogenerated by uv via the following command:
    ... #    uv pip compile --universal pyproject.toml -o requirements.lock
    ... numpy==2.2.6 ; python_full_version < '3.12' \\\\
    ...     --hash=sha256:0123
    ...     # via
    ...     #   thai-opendata-kit (pyproject.toml)
    ...     #   pandas
    ... Pandas==3.1.1
    ...     # via thai-opendata-kit (pyproject.toml)
    ... '''
    >>> for pin in parse(lock):
    ...     print(pin.line, pin.via)
    numpy==2.2.6 ; python_full_version < '3.12' ('<project>', 'pandas')
    pandas==3.1.1 ('<project>',)
    >>> parse("pandas>=2\\n")
    Traceback (most recent call last):
    ...
    helpers.lockfile.LockError: บรรทัด 1 ของไฟล์ล็อกไม่ได้ระบุรุ่นแบบ ชื่อ==รุ่น: pandas>=2
    """
    found: list[Pin] = []
    via: list[str] = []
    in_via = False

    def close() -> None:
        if found and via:
            last = found[-1]
            found[-1] = Pin(last.name, last.version, last.marker, tuple(dict.fromkeys(last.via + tuple(via))))
        via.clear()

    for number, line in _logical_lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            note = stripped.lstrip("#").strip()
            if not found or not line[0].isspace():  # header or a free comment: ends a via list
                in_via = False
                continue
            if note.startswith("via"):
                in_via, note = True, note[3:].strip()
            if in_via and note:
                via.append(PROJECT if _PROJECT_PARENT.search(note) else canonicalize_name(note.split()[0]))
            continue
        close()
        in_via = False
        if stripped.startswith("-"):  # pip options: -e, --index-url, a --hash line on its own ...
            continue
        requirement_text = re.split(r"\s--hash[=\s]", stripped, maxsplit=1)[0].strip()
        try:
            req = Requirement(requirement_text)
        except InvalidRequirement as err:
            raise LockError(f"บรรทัด {number} ของไฟล์ล็อกอ่านไม่ได้: {requirement_text} ({err})") from None
        exact = [s.version for s in req.specifier if s.operator in ("==", "===")]
        if req.url or len(req.specifier) != 1 or not exact:
            raise LockError(f"บรรทัด {number} ของไฟล์ล็อกไม่ได้ระบุรุ่นแบบ ชื่อ==รุ่น: {requirement_text}")
        # the marker as the lock writes it (packaging would rewrite its quotes)
        marker = requirement_text.split(";", 1)[1].strip() if req.marker is not None else None
        found.append(Pin(canonicalize_name(req.name), exact[0], marker))
    close()
    return found


def read(path: str | os.PathLike) -> list[Pin]:
    """Parse the lock file at ``path`` (the runtime lock or the test lock).

    >>> from helpers.paths import repo_root
    >>> any(pin.name == "matplotlib" for pin in read(repo_root() / "requirements.lock"))
    True
    """
    return parse(Path(path).read_text(encoding="utf-8"))


def pins(lock: str | os.PathLike | list[Pin], env: dict | None = None) -> dict[str, str]:
    """Return ``{canonical name: version}`` of the pins that apply in ``env`` (default: here).

    ``lock`` is a path or already parsed pins.  Two pins of one package that both apply (a lock
    made wrongly) raise :class:`LockError` rather than picking one.

    >>> lock = parse("contourpy==1.3.3 ; python_full_version < '3.12'\\n"
    ...              "contourpy==1.4.0 ; python_full_version >= '3.12'\\nseaborn==0.13.2\\n")
    >>> pins(lock, environment("3.11.7"))
    {'contourpy': '1.3.3', 'seaborn': '0.13.2'}
    >>> pins(lock, environment("3.13.0"))
    {'contourpy': '1.4.0', 'seaborn': '0.13.2'}
    """
    parsed = lock if isinstance(lock, list) else read(lock)
    chosen: dict[str, str] = {}
    for pin in parsed:
        if not pin.applies(env):
            continue
        if pin.name in chosen and chosen[pin.name] != pin.version:
            raise LockError(
                f"ไฟล์ล็อกระบุ {pin.name} ไว้สองรุ่น ({chosen[pin.name]} และ {pin.version}) "
                "สำหรับเครื่องเดียวกัน ให้สร้างไฟล์ล็อกใหม่"
            )
        chosen[pin.name] = pin.version
    return chosen
