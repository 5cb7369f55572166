"""Check that this machine is ready for the kit and say in Thai how to fix what is not.

ตรวจความพร้อมของเครื่องก่อนเริ่มเรียน: รุ่นของ Python รุ่นของแพ็กเกจหลักเทียบกับ
``requirements.lock`` ฟอนต์ไทยและการจัดวางสระวรรณยุกต์ในกราฟ ค่าตรวจสอบ (checksum) ของไฟล์ข้อมูล
และสิทธิ์เขียนไฟล์ ทุกปัญหามีวิธีแก้เป็นภาษาไทย

* In a notebook: ``helpers.doctor.run()`` prints a short report whose text is the same on every
  ready machine (no versions, timings or paths), so nbval can compare it.
* In a terminal: ``python -m helpers.doctor`` (or ``make doctor``) prints the details too, and
  exits with 1 when something must be fixed (``--strict``: also for warnings).

Each check is a function that returns a :class:`CheckResult`, so tests can simulate failures.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import platform
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import env, paths

__all__ = [
    "OK",
    "WARN",
    "FAIL",
    "CheckResult",
    "lock_pins",
    "check_python",
    "check_packages",
    "check_font",
    "check_data",
    "check_write_access",
    "checks",
    "format_report",
    "run",
    "main",
]

OK, WARN, FAIL = "ok", "warn", "fail"
_ICON = {OK: "✅", WARN: "⚠️", FAIL: "❌"}
#: Thai text that the check draws: tone marks over upper vowels, Thai digits.
THAI_SAMPLE = "ผู้ใหญ่ น้ำ ญี่ปุ่น ปั้นจั่น ๒๕๖๗ กรุงเทพมหานคร"
_FIX_INSTALL = (
    "ติดตั้งแพ็กเกจตามรุ่นที่ชุดเรียนทดสอบแล้ว: รัน make lab ที่โฟลเดอร์ชุดเรียน "
    "(หรือ pip install -r requirements.lock แล้ว pip install --no-deps -e .) แล้วรีสตาร์ตเคอร์เนล"
)
_FIX_INSTALL_COLAB = (
    "รันเซลล์แรกของโน้ตบุ๊ก (เซลล์สำหรับ Colab) อีกครั้ง แล้วรีสตาร์ตเซสชันตามที่เซลล์นั้นบอก"
)


def _fix_install() -> str:
    from . import colab

    return _FIX_INSTALL_COLAB if colab.on_colab() else _FIX_INSTALL


@dataclass(frozen=True)
class CheckResult:
    """One line of the report: what was checked, how it went and how to fix it."""

    name: str  #: short id: python, packages, font, data, write
    status: str  #: "ok", "warn" or "fail"
    summary: str  #: one Thai line, the same on every machine when the check passes
    details: tuple[str, ...] = field(default=())  #: Thai/English lines with versions, names
    fix: str = ""  #: what to do, in Thai (empty when the status is ok)

    @property
    def ok(self) -> bool:
        return self.status == OK


# --- Python ---------------------------------------------------------------------------------------


def _requires_python() -> str:
    try:
        return importlib.metadata.metadata(env.DIST_NAME)["Requires-Python"] or ">=3.11"
    except importlib.metadata.PackageNotFoundError:
        return ">=3.11"


def check_python(version: str | None = None, requires: str | None = None) -> CheckResult:
    """Check the Python version against the kit's ``requires-python``.

    >>> check_python("3.12.4", ">=3.11").status
    'ok'
    >>> r = check_python("3.10.12", ">=3.11")
    >>> r.status, r.summary
    ('fail', 'Python 3.10.12 เก่าเกินไป ชุดเรียนต้องใช้ 3.11 ขึ้นไป')
    """
    from packaging.specifiers import SpecifierSet

    version = version or platform.python_version()
    requires = requires or _requires_python()
    minimum = requires.replace(">=", "").split(",")[0].strip()
    if version in SpecifierSet(requires):
        return CheckResult("python", OK, f"Python รุ่นนี้ใช้ได้ (ชุดเรียนต้องการ {minimum} ขึ้นไป)", (f"Python {version}",))
    return CheckResult(
        "python",
        FAIL,
        f"Python {version} เก่าเกินไป ชุดเรียนต้องใช้ {minimum} ขึ้นไป",
        (f"Python {version}",),
        f"ติดตั้ง Python {minimum} ขึ้นไป (เช่น 3.12 จาก python.org หรือใช้ conda) แล้วสร้าง .venv ใหม่ด้วย make lab "
        "หรือใช้ลิงก์ Binder / Colab ใน README ซึ่งเตรียมทุกอย่างไว้ให้แล้ว",
    )


# --- packages -------------------------------------------------------------------------------------


def lock_pins(lock: Path | str | None = None, environment: dict | None = None) -> dict[str, str]:
    """Return ``{package: pinned version}`` of ``requirements.lock`` for this machine.

    Lock lines carry environment markers (``; python_full_version < '3.12'``); they are
    evaluated with ``packaging.markers`` for this interpreter (or for ``environment``).

    >>> pins = lock_pins()
    >>> pins["matplotlib"] >= "3.11"
    True
    >>> text = "contourpy==1.3.3 ; python_full_version < '3.12'\\ncontourpy==1.4.0 ; python_full_version >= '3.12'\\n"
    >>> lock_pins(text, {"python_full_version": "3.12.1"})
    {'contourpy': '1.4.0'}
    """
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    if lock is None:
        lock = paths.repo_root() / "requirements.lock"
    text = lock if isinstance(lock, str) and "\n" in lock else Path(lock).read_text(encoding="utf-8")
    pins: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        req = Requirement(line)
        if req.marker is not None and not req.marker.evaluate(environment):
            continue
        exact = [s.version for s in req.specifier if s.operator == "=="]
        if exact:
            pins[canonicalize_name(req.name)] = exact[0]
    return pins


def _installed_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _kit_dependencies() -> list[str]:
    """Names of the kit's runtime dependencies (pyproject ``dependencies``), or KEY_PACKAGES."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    try:
        requires = importlib.metadata.requires(env.DIST_NAME) or []
    except importlib.metadata.PackageNotFoundError:
        return list(env.KEY_PACKAGES)
    names = []
    for line in requires:
        req = Requirement(line)
        if req.marker is None or "extra" not in str(req.marker):
            names.append(canonicalize_name(req.name))
    return names or list(env.KEY_PACKAGES)


def check_packages(
    pins: dict[str, str] | None = None,
    packages: list[str] | None = None,
    version_of=_installed_version,
    colab: bool | None = None,
) -> CheckResult:
    """Compare the installed versions of the kit's packages with the lock.

    A missing package, or matplotlib older than 3.11, is a failure; another version than the
    lock's is a warning (it usually works, but it is not what the kit was tested with).  On
    Colab the Jupyter packages that Colab manages itself are not compared.

    >>> check_packages({"pandas": "3.1.1"}, ["pandas"], version_of=lambda n: "3.1.1", colab=False).summary
    'แพ็กเกจหลักตรงกับรุ่นใน requirements.lock'
    >>> r = check_packages({"pandas": "3.1.1"}, ["pandas"], version_of=lambda n: "2.2.2", colab=False)
    >>> r.status, r.details
    ('warn', ('pandas 2.2.2 (ชุดเรียนทดสอบกับ 3.1.1)',))
    """
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    from . import colab as colab_module
    from . import thaifont

    pins = lock_pins() if pins is None else pins
    packages = _kit_dependencies() if packages is None else [canonicalize_name(p) for p in packages]
    colab = colab_module.on_colab() if colab is None else colab
    if colab:
        packages = [p for p in packages if p not in colab_module.COLAB_PROVIDES]
    missing, too_old, different = [], [], []
    for name in packages:
        have, want = version_of(name), pins.get(name)
        if have is None:
            missing.append(f"{name} (ยังไม่ได้ติดตั้ง)")
        elif name == "matplotlib" and Version(have).release[:2] < thaifont.MIN_MATPLOTLIB:
            too_old.append(f"matplotlib {have} (ต้องใช้ 3.11 ขึ้นไปเพื่อจัดวางอักษรไทย)")
        elif want is not None and Version(have) != Version(want):
            different.append(f"{name} {have} (ชุดเรียนทดสอบกับ {want})")
    if missing or too_old:
        return CheckResult(
            "packages",
            FAIL,
            f"แพ็กเกจขาดหรือเก่าเกินไป {len(missing) + len(too_old)} แพ็กเกจ",
            tuple(missing + too_old + different),
            _fix_install(),
        )
    if different:
        return CheckResult(
            "packages",
            WARN,
            f"แพ็กเกจ {len(different)} แพ็กเกจเป็นคนละรุ่นกับ requirements.lock",
            tuple(different),
            _fix_install(),
        )
    return CheckResult(
        "packages",
        OK,
        "แพ็กเกจหลักตรงกับรุ่นใน requirements.lock",
        (f"ตรวจ {len(packages)} แพ็กเกจ:", *(f"{name} {version_of(name)}" for name in packages)),
    )


# --- Thai font ------------------------------------------------------------------------------------


def check_font(thaifont_module=None) -> CheckResult:
    """Check that the Thai font is registered, covers Thai, and that matplotlib shapes Thai.

    >>> r = check_font()
    >>> r.status, r.summary
    ('ok', 'ฟอนต์ไทย Sarabun ใช้ได้ และจัดวางสระกับวรรณยุกต์ไทยได้ถูกต้อง')
    """
    from . import thaifont

    tf = thaifont_module or thaifont
    if not tf.register_font():
        return CheckResult(
            "font",
            FAIL,
            "ไม่พบฟอนต์ไทย Sarabun ตัวอักษรไทยในกราฟจะกลายเป็นกล่องสี่เหลี่ยม",
            (),
            "ติดตั้งแพ็กเกจ fontpkg-sarabun (pip install fontpkg-sarabun หรือ make lab) แล้วรีสตาร์ตเคอร์เนล",
        )
    missing = tf.missing_glyphs(THAI_SAMPLE)
    if missing:
        return CheckResult(
            "font",
            FAIL,
            f"ฟอนต์ {tf.FONT_FAMILY} ไม่มีอักษรบางตัว: {' '.join(missing)}",
            (),
            "ติดตั้ง fontpkg-sarabun ใหม่ (pip install --force-reinstall fontpkg-sarabun) แล้วรีสตาร์ตเคอร์เนล",
        )
    if not tf.shaping_available():
        return CheckResult(
            "font",
            FAIL,
            "matplotlib รุ่นนี้จัดวางสระและวรรณยุกต์ไทยไม่ถูกต้อง (เช่น ญี่ปุ่น จะกลายเป็น ญีปุน)",
            (),
            "ติดตั้ง matplotlib 3.11 ขึ้นไป (pip install -r requirements.lock หรือ make lab) แล้วรีสตาร์ตเคอร์เนล",
        )
    return CheckResult(
        "font", OK, f"ฟอนต์ไทย {tf.FONT_FAMILY} ใช้ได้ และจัดวางสระกับวรรณยุกต์ไทยได้ถูกต้อง"
    )


# --- data -----------------------------------------------------------------------------------------


def _file_hash(path: Path, algorithm: str) -> str:
    # hashlib, not frictionless: frictionless would parse every table; here only the bytes matter.
    digest = hashlib.new(algorithm)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _expected_hash(value: str) -> tuple[str, str]:
    """Split a Data Package ``hash`` (``"sha256:..."``, or bare hex meaning MD5) into (algorithm, hex)."""
    if ":" in value:
        algorithm, hexdigest = value.split(":", 1)
        return algorithm.lower().replace("-", ""), hexdigest.lower()
    return "md5", value.lower()


def check_data(data_dir: Path | None = None, limit: int = 5) -> CheckResult:
    """Check every file listed in ``data/datapackage.json``: it exists and its checksum matches.

    >>> import tempfile, json, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> check_data(tmp).summary
    'ไม่พบไฟล์ data/datapackage.json (รายการไฟล์ข้อมูลและค่าตรวจสอบ)'
    >>> _ = (tmp / "a.csv").write_bytes(b"x,y\\n1,2\\n")
    >>> res = {"name": "a", "path": "a.csv", "hash": "sha256:" + hashlib.sha256(b"x,y\\n1,2\\n").hexdigest()}
    >>> _ = (tmp / "datapackage.json").write_text(json.dumps({"resources": [res]}))
    >>> check_data(tmp).details
    ('ตรวจ 1 ไฟล์ตามรายการใน data/datapackage.json',)
    """
    data_dir = paths.data_dir() if data_dir is None else Path(data_dir)
    fix_fetch = (
        "ไฟล์ข้อมูลไม่ครบหรือถูกแก้ไข: ดาวน์โหลดชุดเรียนใหม่ (git pull หรือ git clone ใหม่ / "
        "ใช้ลิงก์ Binder หรือ Colab) อย่าแก้ไฟล์ในโฟลเดอร์ data/ โดยตรง ให้บันทึกผลลัพธ์เป็นไฟล์ใหม่แทน"
    )
    descriptor = data_dir / "datapackage.json"
    if not descriptor.is_file():
        return CheckResult(
            "data", FAIL, "ไม่พบไฟล์ data/datapackage.json (รายการไฟล์ข้อมูลและค่าตรวจสอบ)", (), fix_fetch
        )
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return CheckResult("data", FAIL, "อ่านไฟล์ data/datapackage.json ไม่ได้", (str(err),), fix_fetch)
    missing, changed, checked, unchecked = [], [], 0, 0
    for resource in package.get("resources", []):
        parts = resource.get("path")
        if parts is None or "data" in resource:  # inline data: nothing on disk to check
            continue
        parts = [parts] if isinstance(parts, str) else list(parts)
        if any(p.startswith(("http://", "https://")) for p in parts):
            continue
        files = [data_dir / p for p in parts]
        absent = [p for p, f in zip(parts, files) if not f.is_file()]
        if absent:
            missing.extend(absent)
            continue
        checked += len(files)
        expected = resource.get("hash")
        if not expected or len(files) != 1:
            unchecked += 0 if expected else len(files)
            continue
        algorithm, hexdigest = _expected_hash(expected)
        if _file_hash(files[0], algorithm) != hexdigest:
            changed.append(parts[0])
    details = tuple(f"ไม่พบ {p}" for p in missing[:limit]) + tuple(f"ค่าตรวจสอบไม่ตรง: {p}" for p in changed[:limit])
    if len(missing) + len(changed) > 2 * limit:
        details += ("...",)
    if missing or changed:
        return CheckResult(
            "data",
            FAIL,
            f"ไฟล์ข้อมูลหาย {len(missing)} ไฟล์ และค่าตรวจสอบไม่ตรง {len(changed)} ไฟล์",
            details,
            fix_fetch,
        )
    if checked == 0:
        return CheckResult("data", FAIL, "data/datapackage.json ไม่มีรายการไฟล์ข้อมูล", (), fix_fetch)
    return CheckResult(
        "data",
        OK,
        "ไฟล์ข้อมูลครบ และค่าตรวจสอบ (checksum) ถูกต้องทุกไฟล์",
        (f"ตรวจ {checked} ไฟล์ตามรายการใน data/datapackage.json",),
    )


# --- write access ---------------------------------------------------------------------------------


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".kit-doctor-"):
            pass
    except OSError:
        return False
    return True


def _notebooks_folder() -> Path:
    """The notebooks the learner works in: the kernel's folder when it holds the course.

    On a JupyterHub the kit may be installed once for everyone (read-only) while nbgitpuller
    gives each learner a copy of the notebooks in their home folder; that copy is what matters.
    """
    here = Path.cwd()
    return here if (here / "00_welcome.ipynb").is_file() else paths.notebooks_dir()


def check_write_access(folders: dict[str, Path] | None = None) -> CheckResult:
    """Check that the cache folder and the notebooks folder can be written to.

    ``folders`` maps a Thai label to a folder (default: the cache and notebooks folders).

    >>> check_write_access().summary
    'เขียนไฟล์ได้ทั้งโฟลเดอร์แคช (cache) และโฟลเดอร์ notebooks'
    """
    if folders is None:
        try:
            cache = paths.cache_dir()
        except OSError:  # cache_dir() creates the folder and may itself be refused
            cache = Path(os.environ.get("KIT_CACHE_DIR") or Path.home() / ".cache" / "thai-opendata-kit")
        folders = {"โฟลเดอร์แคช (cache)": cache, "โฟลเดอร์ notebooks": _notebooks_folder()}
    refused = [label for label, folder in folders.items() if not _writable(Path(folder))]
    if not refused:
        return CheckResult("write", OK, "เขียนไฟล์ได้ทั้ง" + " และ".join(folders))
    fixes = []
    if any("cache" in label for label in refused):
        fixes.append("ตั้งตัวแปรสภาพแวดล้อม KIT_CACHE_DIR ให้ชี้ไปยังโฟลเดอร์ที่เขียนได้ เช่น KIT_CACHE_DIR=~/kit-cache")
    if any("notebooks" in label for label in refused):
        fixes.append(
            "คัดลอกชุดเรียนไปไว้ในโฟลเดอร์ของคุณเอง (git clone หรือลิงก์ nbgitpuller ของ JupyterHub) "
            "เพื่อให้บันทึกโน้ตบุ๊กได้"
        )
    return CheckResult("write", FAIL, "เขียนไฟล์ไม่ได้ที่" + " และ".join(refused), (), " / ".join(fixes))


# --- the report -----------------------------------------------------------------------------------


#: (result name, function name) in report order; looked up at call time so tests can replace one.
_CHECKS = (
    ("python", "check_python"),
    ("packages", "check_packages"),
    ("font", "check_font"),
    ("data", "check_data"),
    ("write", "check_write_access"),
)


def checks() -> list[CheckResult]:
    """Run every check and return the results in report order.

    >>> [r.name for r in checks()]
    ['python', 'packages', 'font', 'data', 'write']
    """
    results = []
    for name, function in _CHECKS:
        try:
            results.append(globals()[function]())
        except Exception as err:  # one broken check must not hide the others
            results.append(
                CheckResult(name, FAIL, f"ตรวจข้อนี้ไม่สำเร็จ ({type(err).__name__})", (str(err),), _fix_install())
            )
    return results


def format_report(results: list[CheckResult], details: bool = False) -> str:
    """Return the Thai report as text: one line per check, then the fixes.

    >>> print(format_report([CheckResult("python", OK, "Python ใช้ได้"),
    ...                      CheckResult("data", FAIL, "ไม่พบไฟล์", (), "ดาวน์โหลดใหม่")]))
    ตรวจความพร้อมของชุดเรียน
    ✅ Python ใช้ได้
    ❌ ไม่พบไฟล์
       วิธีแก้: ดาวน์โหลดใหม่
    สรุป: ต้องแก้ 1 ข้อ ก่อนเริ่มเรียน
    """
    lines = ["ตรวจความพร้อมของชุดเรียน"]
    for result in results:
        lines.append(f"{_ICON[result.status]} {result.summary}")
        if details or not result.ok:
            lines.extend(f"   · {d}" for d in result.details)
        if result.fix:
            lines.append(f"   วิธีแก้: {result.fix}")
    failures = sum(r.status == FAIL for r in results)
    warnings = sum(r.status == WARN for r in results)
    if failures:
        lines.append(f"สรุป: ต้องแก้ {failures} ข้อ ก่อนเริ่มเรียน")
    elif warnings:
        lines.append(f"สรุป: ใช้เรียนได้ แต่ควรแก้ {warnings} ข้อ เพื่อให้ผลตรงกับในโน้ตบุ๊ก")
    else:
        lines.append("สรุป: พร้อมเรียนแล้ว")
    return "\n".join(lines)


def run(details: bool = False) -> None:
    """Print the Thai readiness report (used by the welcome notebook: ``helpers.doctor.run()``).

    Without ``details`` the text is the same on every ready machine: no versions, timings or paths.

    >>> run()  # doctest: +ELLIPSIS
    ตรวจความพร้อมของชุดเรียน
    ✅ Python รุ่นนี้ใช้ได้ (ชุดเรียนต้องการ 3.11 ขึ้นไป)
    ...
    """
    print(format_report(checks(), details=details))


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.doctor [--strict] [--quiet]``; returns the exit code.

    Exit code 1 when a check failed (with ``--strict``: also on a warning), else 0.
    """
    argv = sys.argv[1:] if argv is None else argv
    unknown = [a for a in argv if a not in ("--strict", "--quiet", "-h", "--help")]
    if unknown or "-h" in argv or "--help" in argv:
        print("ใช้: python -m helpers.doctor [--strict] [--quiet]\n"
              "  --strict  ถือว่าคำเตือนเป็นปัญหาด้วย (exit code 1)\n"
              "  --quiet   ไม่แสดงรุ่นของแพ็กเกจ")
        return 2 if unknown else 0
    results = checks()
    print(format_report(results, details="--quiet" not in argv))
    bad = {FAIL, WARN} if "--strict" in argv else {FAIL}
    return 1 if any(r.status in bad for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
