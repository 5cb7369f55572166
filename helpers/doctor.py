"""Check that this machine is ready for the kit and say in Thai how to fix what is not.

ตรวจความพร้อมของเครื่องก่อนเริ่มเรียน: รุ่นของ Python รุ่นของแพ็กเกจหลักเทียบกับ
``requirements.lock`` ฟอนต์ไทยและการจัดวางสระวรรณยุกต์ในกราฟ ค่าตรวจสอบ (checksum) ของไฟล์ข้อมูล
และสิทธิ์เขียนไฟล์ ทุกปัญหามีวิธีแก้เป็นภาษาไทย

* In a notebook: ``helpers.doctor.run()`` prints a short report whose text is the same on every
  ready machine (no versions, timings or paths), so nbval can compare it.
* In a terminal: ``python -m helpers.doctor`` (or ``make doctor``) prints the details too, and
  exits with 1 when something must be fixed (``--strict``: also for warnings).

Each check is a function that returns a :class:`DoctorFinding`, so tests can simulate failures.
Every fix command it prints names this interpreter and the kit by absolute path
(``helpers.commands``), so it works from the kit's folder, from ``notebooks/`` and from
JupyterLab's terminal, whose ``python`` may not be the kit's.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import platform
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import commands, env, paths
from .commands import kit_command, python_command

__all__ = [
    "OK",
    "WARN",
    "FAIL",
    "DoctorFinding",
    "lock_pins",
    "check_python",
    "check_packages",
    "check_font",
    "check_data",
    "check_write_access",
    "checks",
    "format_report",
    "format_line",
    "python_supported",
    "run",
    "main",
]

OK, WARN, FAIL = "ok", "warn", "fail"
_ICON = {OK: "✅", WARN: "⚠️", FAIL: "❌"}
#: Thai text that the check draws: tone marks over upper vowels, Thai digits.
THAI_SAMPLE = "ผู้ใหญ่ น้ำ ญี่ปุ่น ปั้นจั่น ๒๕๖๗ กรุงเทพมหานคร"
_FIX_INSTALL_COLAB = "รันเซลล์แรกของโน้ตบุ๊ก (เซลล์สำหรับ Colab) อีกครั้ง แล้วรีสตาร์ตเซสชันตามที่เซลล์นั้นบอก"


def _fix_install() -> str:
    """How to install the locked packages: the kit's own command, or the Colab cell on Colab."""
    from . import colab

    if colab.on_colab():
        return _FIX_INSTALL_COLAB
    return f"ติดตั้งแพ็กเกจตามรุ่นที่ชุดเรียนทดสอบแล้วด้วยคำสั่ง  {kit_command('install')}  แล้วรีสตาร์ตเคอร์เนล"


@dataclass(frozen=True)
class DoctorFinding:
    """One line of the doctor's report: what was checked, how it went and how to fix it.

    (Not :class:`helpers.check.CheckResult`, which is a learner's answer to an exercise.)

    >>> DoctorFinding("python", OK, "Python รุ่นนี้ใช้ได้").ok
    True
    """

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
    except importlib.metadata.PackageNotFoundError:  # run from a clone without installing the kit
        return ">=3.11"


def _minimum(requires: str) -> str:
    """The lowest Python of a ``requires-python`` such as ``>=3.11`` (standard library only)."""
    found = re.search(r">=\s*(\d+(?:\.\d+)*)", requires)
    return found.group(1) if found else "3.11"


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def check_python(version: str | None = None, requires: str | None = None) -> DoctorFinding:
    """Check the Python version against the kit's ``requires-python``.

    It needs only the standard library when ``packaging`` is missing (an old Python without the
    kit's packages must still get the Thai answer).

    >>> check_python("3.12.4", ">=3.11").status
    'ok'
    >>> r = check_python("3.10.12", ">=3.11")
    >>> r.status, r.summary
    ('fail', 'Python 3.10.12 เก่าเกินไป ชุดเรียนต้องใช้ Python 3.11 ขึ้นไป')
    """
    version = version or platform.python_version()
    requires = requires or _requires_python()
    minimum = _minimum(requires)
    try:
        from packaging.specifiers import SpecifierSet

        supported = SpecifierSet(requires).contains(version, prereleases=True)
    except ImportError:  # packaging is one of the kit's packages: it may be missing here
        supported = _release(version) >= _release(minimum)
    if supported:
        return DoctorFinding(
            "python", OK, f"Python รุ่นนี้ใช้ได้ (ชุดเรียนต้องการ {minimum} ขึ้นไป)", (f"Python {version}",)
        )
    if _release(version) < _release(minimum):
        summary = f"Python {version} เก่าเกินไป ชุดเรียนต้องใช้ Python {minimum} ขึ้นไป"
    else:
        summary = f"ชุดเรียนยังไม่รองรับ Python {version} (รองรับ {requires})"
    # The kit's command with a newer Python: this interpreter is the one that cannot run the kit.
    launcher = ["py", "-3.12"] if os.name == "nt" else ["python3.12"]
    # kit_command would name this (too old) Python: name the launcher of a supported one instead.
    command = commands.kit_command("lab", python=launcher)
    return DoctorFinding(
        "python",
        FAIL,
        summary,
        (f"Python {version}",),
        f"ติดตั้ง Python {minimum} ขึ้นไป (เช่น 3.12 จาก python.org หรือใช้ conda) แล้วเปิดชุดเรียนด้วย Python รุ่นนั้น "
        f"เช่น  {command}  หรือใช้ลิงก์ Binder / Colab ใน README ซึ่งเตรียมทุกอย่างไว้ให้แล้ว",
    )


def python_supported(version: str | None = None) -> DoctorFinding | None:
    """Return the failed Python check when this Python cannot run the kit, else None.

    ``run()`` and ``main()`` then print only that one Thai line: the other checks would fail in
    confusing ways on an unsupported Python.

    >>> python_supported("3.12.4") is None
    True
    >>> print(format_line(python_supported("3.10.13")))  # doctest: +ELLIPSIS
    ❌ Python 3.10.13 เก่าเกินไป ชุดเรียนต้องใช้ Python 3.11 ขึ้นไป วิธีแก้: ติดตั้ง Python 3.11 ขึ้นไป ...
    """
    finding = check_python(version)
    return None if finding.ok else finding


def format_line(finding: DoctorFinding) -> str:
    """Return one finding as a single line: icon, summary and fix.

    >>> format_line(DoctorFinding("data", FAIL, "ไม่พบไฟล์", (), "ดาวน์โหลดใหม่"))
    '❌ ไม่พบไฟล์ วิธีแก้: ดาวน์โหลดใหม่'
    """
    return f"{_ICON[finding.status]} {finding.summary}" + (f" วิธีแก้: {finding.fix}" if finding.fix else "")


# --- packages -------------------------------------------------------------------------------------


def lock_pins(lock: Path | str | None = None, environment: dict | None = None) -> dict[str, str]:
    """Return ``{package: pinned version}`` of a lock file for this machine (``helpers.lockfile``).

    ``lock`` is the path of a lock (default: the kit's ``requirements.lock``, what learners
    install).  Environment markers (``; python_full_version < '3.12'``) are evaluated for this
    interpreter, or for ``environment`` (see ``helpers.lockfile.environment``).

    >>> pins = lock_pins()
    >>> pins["matplotlib"] >= "3.11"
    True
    >>> from helpers import lockfile
    >>> lock_pins(environment=lockfile.environment("3.11.7"))["contourpy"]
    '1.3.3'
    """
    from . import lockfile

    return lockfile.pins(paths.repo_root() / "requirements.lock" if lock is None else lock, environment)


def _installed_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _kit_ranges() -> dict:
    """The kit's runtime requirements that apply here: ``{name: SpecifierSet}`` (pyproject ranges)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    try:
        requires = importlib.metadata.requires(env.DIST_NAME) or []
    except importlib.metadata.PackageNotFoundError:
        return {}
    ranges = {}
    for line in requires:
        req = Requirement(line)
        if req.marker is not None and ("extra" in str(req.marker) or not req.marker.evaluate()):
            continue
        ranges[canonicalize_name(req.name)] = req.specifier
    return ranges


def _kit_dependencies() -> list[str]:
    """Names of the kit's runtime dependencies (pyproject ``dependencies``), or KEY_PACKAGES."""
    return list(_kit_ranges()) or list(env.KEY_PACKAGES)


def check_packages(
    pins: dict[str, str] | None = None,
    packages: list[str] | None = None,
    version_of=_installed_version,
    colab: bool | None = None,
    ranges: dict | None = None,
) -> DoctorFinding:
    """Compare the installed versions of the kit's packages with the lock.

    A missing package, or matplotlib older than 3.11, is a failure; another version than the
    lock's is a warning (it usually works, but it is not what the kit was tested with).  On
    Colab the Jupyter packages that Colab manages itself are not compared, and Colab's own
    versions are fine when they are within the kit's ranges (``ranges``, default: pyproject's),
    which is what the Colab cell leaves in place (``helpers.colab.install_list``).

    >>> from packaging.specifiers import SpecifierSet
    >>> r = check_packages({"pandas": "3.1.1"}, ["pandas"], version_of=lambda n: "2.2.3", colab=True,
    ...                    ranges={"pandas": SpecifierSet(">=2.2")})
    >>> r.status
    'ok'

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
    ranges = (_kit_ranges() if ranges is None else ranges) if colab else {}
    missing, too_old, different = [], [], []
    for name in packages:
        have, want = version_of(name), pins.get(name)
        if have is None:
            missing.append(f"{name} (ยังไม่ได้ติดตั้ง)")
        elif name == "matplotlib" and Version(have).release[:2] < thaifont.MIN_MATPLOTLIB:
            too_old.append(f"matplotlib {have} (ต้องใช้ 3.11 ขึ้นไปเพื่อจัดวางอักษรไทย)")
        elif colab:  # Colab keeps its own versions where the kit's ranges allow them
            if name in ranges and not ranges[name].contains(have, prereleases=True):
                too_old.append(f"{name} {have} (ชุดเรียนต้องการ {ranges[name]})")
        elif want is not None and Version(have) != Version(want):
            different.append(f"{name} {have} (ชุดเรียนทดสอบกับ {want})")
    if missing or too_old:
        return DoctorFinding(
            "packages",
            FAIL,
            f"แพ็กเกจขาดหรือเป็นรุ่นที่ชุดเรียนใช้ไม่ได้ {len(missing) + len(too_old)} แพ็กเกจ",
            tuple(missing + too_old + different),
            _fix_install(),
        )
    if different:
        return DoctorFinding(
            "packages",
            WARN,
            f"แพ็กเกจ {len(different)} แพ็กเกจเป็นคนละรุ่นกับ requirements.lock",
            tuple(different),
            _fix_install(),
        )
    return DoctorFinding(
        "packages",
        OK,
        "แพ็กเกจหลักเป็นรุ่นที่ชุดเรียนใช้ได้ (ใช้รุ่นของ Colab ที่เข้ากันได้)"
        if colab
        else "แพ็กเกจหลักตรงกับรุ่นใน requirements.lock",
        (f"ตรวจ {len(packages)} แพ็กเกจ:", *(f"{name} {version_of(name)}" for name in packages)),
    )


# --- Thai font ------------------------------------------------------------------------------------


def check_font(thaifont_module=None) -> DoctorFinding:
    """Check that the Thai font is registered, covers Thai, and that matplotlib shapes Thai.

    >>> r = check_font()
    >>> r.status, r.summary
    ('ok', 'ฟอนต์ไทย Sarabun ใช้ได้ และจัดวางสระกับวรรณยุกต์ไทยได้ถูกต้อง')
    """
    from . import thaifont

    tf = thaifont_module or thaifont
    if not tf.register_font():
        return DoctorFinding(
            "font",
            FAIL,
            "ไม่พบฟอนต์ไทย Sarabun ตัวอักษรไทยในกราฟจะกลายเป็นกล่องสี่เหลี่ยม",
            (),
            "ติดตั้งแพ็กเกจ fontpkg-sarabun ด้วยคำสั่ง  "
            f"{python_command('-m', 'pip', 'install', 'fontpkg-sarabun')}  "
            "แล้วรีสตาร์ตเคอร์เนล",
        )
    missing = tf.missing_glyphs(THAI_SAMPLE)
    if missing:
        return DoctorFinding(
            "font",
            FAIL,
            f"ฟอนต์ {tf.FONT_FAMILY} ไม่มีอักษรบางตัว: {' '.join(missing)}",
            (),
            "ติดตั้ง fontpkg-sarabun ใหม่ด้วยคำสั่ง  "
            f"{python_command('-m', 'pip', 'install', '--force-reinstall', '--no-deps', 'fontpkg-sarabun')}  "
            "แล้วรีสตาร์ตเคอร์เนล",
        )
    if not tf.shaping_available():
        return DoctorFinding(
            "font",
            FAIL,
            "matplotlib รุ่นนี้จัดวางสระและวรรณยุกต์ไทยไม่ถูกต้อง (เช่น ญี่ปุ่น จะกลายเป็น ญีปุน)",
            (),
            f"ต้องใช้ matplotlib 3.11 ขึ้นไป: {_fix_install()}",
        )
    return DoctorFinding("font", OK, f"ฟอนต์ไทย {tf.FONT_FAMILY} ใช้ได้ และจัดวางสระกับวรรณยุกต์ไทยได้ถูกต้อง")


# --- data -----------------------------------------------------------------------------------------


def _file_hash(path: Path, algorithm: str) -> str:
    # pooch's hash, the kit's one hash function (not frictionless: it would parse every table).
    import pooch

    return pooch.file_hash(str(path), alg=algorithm)


def _expected_hash(value: str) -> tuple[str, str]:
    """Split a Data Package ``hash`` (``"sha256:..."``, or bare hex meaning MD5) into (algorithm, hex)."""
    if ":" in value:
        algorithm, hexdigest = value.split(":", 1)
        return algorithm.lower().replace("-", ""), hexdigest.lower()
    return "md5", value.lower()


def check_data(data_dir: Path | None = None, limit: int = 5) -> DoctorFinding:
    """Check every file listed in ``data/datapackage.json``: it exists and its checksum matches.

    >>> import tempfile, json, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> check_data(tmp).summary
    'ไม่พบไฟล์ data/datapackage.json (รายการไฟล์ข้อมูลและค่าตรวจสอบ)'
    >>> _ = (tmp / "a.csv").write_bytes(b"x,y\\n1,2\\n")
    >>> digest = "sha256:ac2bd77a64cae3e9e3fa2f6b8dbc7e0a8f4d2c0dd5d7c8ab6f1c4b0cb0f3bc1f"  # not the file's
    >>> res = {"name": "a", "path": "a.csv", "hash": digest}
    >>> _ = (tmp / "datapackage.json").write_text(json.dumps({"resources": [res]}))
    >>> check_data(tmp).details
    ('ค่าตรวจสอบไม่ตรง: a.csv',)
    >>> res["hash"] = "sha256:" + _file_hash(tmp / "a.csv", "sha256")
    >>> _ = (tmp / "datapackage.json").write_text(json.dumps({"resources": [res]}))
    >>> check_data(tmp).details
    ('ตรวจ 1 ไฟล์ตามรายการใน data/datapackage.json',)
    """
    data_dir = paths.data_dir() if data_dir is None else Path(data_dir)
    fix_fetch = (
        "ไฟล์ข้อมูลไม่ครบหรือถูกแก้ไข: กู้คืนด้วยการรันในเซลล์ของโน้ตบุ๊กว่า  helpers.data.restore()  "
        f"หรือพิมพ์ในเทอร์มินัลว่า  {python_command('-m', 'helpers.data', 'restore')}  "
        "(ถ้ากู้ไม่ได้ ให้ดาวน์โหลดหรือโคลนชุดเรียนใหม่ หรือใช้ลิงก์ Binder / Colab) "
        "และอย่าแก้ไฟล์ในโฟลเดอร์ data/ โดยตรง ให้บันทึกผลลัพธ์เป็นไฟล์ใหม่แทน"
    )
    descriptor = data_dir / "datapackage.json"
    if not descriptor.is_file():
        return DoctorFinding(
            "data", FAIL, "ไม่พบไฟล์ data/datapackage.json (รายการไฟล์ข้อมูลและค่าตรวจสอบ)", (), fix_fetch
        )
    try:
        package = json.loads(descriptor.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return DoctorFinding("data", FAIL, "อ่านไฟล์ data/datapackage.json ไม่ได้", (str(err),), fix_fetch)
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
    details = tuple(f"ไม่พบ {p}" for p in missing[:limit]) + tuple(
        f"ค่าตรวจสอบไม่ตรง: {p}" for p in changed[:limit]
    )
    if len(missing) + len(changed) > 2 * limit:
        details += ("...",)
    if missing or changed:
        return DoctorFinding(
            "data",
            FAIL,
            f"ไฟล์ข้อมูลหาย {len(missing)} ไฟล์ และค่าตรวจสอบไม่ตรง {len(changed)} ไฟล์",
            details,
            fix_fetch,
        )
    if checked == 0:
        return DoctorFinding("data", FAIL, "data/datapackage.json ไม่มีรายการไฟล์ข้อมูล", (), fix_fetch)
    return DoctorFinding(
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


def check_write_access(folders: dict[str, Path] | None = None) -> DoctorFinding:
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
        return DoctorFinding("write", OK, "เขียนไฟล์ได้ทั้ง" + " และ".join(folders))
    fixes = []
    if any("cache" in label for label in refused):
        fixes.append("ตั้งตัวแปรสภาพแวดล้อม KIT_CACHE_DIR ให้ชี้ไปยังโฟลเดอร์ที่เขียนได้ เช่น KIT_CACHE_DIR=~/kit-cache")
    if any("notebooks" in label for label in refused):
        fixes.append(
            "คัดลอกชุดเรียนไปไว้ในโฟลเดอร์ของคุณเอง (git clone หรือลิงก์ nbgitpuller ของ JupyterHub) เพื่อให้บันทึกโน้ตบุ๊กได้"
        )
    return DoctorFinding("write", FAIL, "เขียนไฟล์ไม่ได้ที่" + " และ".join(refused), (), " / ".join(fixes))


# --- the report -----------------------------------------------------------------------------------


#: (result name, function name) in report order; looked up at call time so tests can replace one.
_CHECKS = (
    ("python", "check_python"),
    ("packages", "check_packages"),
    ("font", "check_font"),
    ("data", "check_data"),
    ("write", "check_write_access"),
)


def checks() -> list[DoctorFinding]:
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
                DoctorFinding(
                    name, FAIL, f"ตรวจข้อนี้ไม่สำเร็จ ({type(err).__name__})", (str(err),), _fix_install()
                )
            )
    return results


def format_report(results: list[DoctorFinding], details: bool = False) -> str:
    """Return the Thai report as text: one line per check, then the fixes.

    >>> print(format_report([DoctorFinding("python", OK, "Python ใช้ได้"),
    ...                      DoctorFinding("data", FAIL, "ไม่พบไฟล์", (), "ดาวน์โหลดใหม่")]))
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
    unsupported = python_supported()
    print(format_line(unsupported) if unsupported else format_report(checks(), details=details))


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.doctor [--strict] [--quiet]``; returns the exit code.

    Exit code 1 when a check failed (with ``--strict``: also on a warning), else 0; 2 for an
    unknown option.  An unsupported Python gets one Thai line and exit code 1.

    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     code = main(["--nonsense"])
    >>> code, out.getvalue().splitlines()[0].endswith("-m helpers.doctor [--strict] [--quiet]")
    (2, True)
    """
    argv = sys.argv[1:] if argv is None else argv
    unknown = [a for a in argv if a not in ("--strict", "--quiet", "-h", "--help")]
    if unknown or "-h" in argv or "--help" in argv:
        print(
            f"ใช้: {python_command('-m', 'helpers.doctor')} [--strict] [--quiet]\n"
            "  --strict  ถือว่าคำเตือนเป็นปัญหาด้วย (exit code 1)\n"
            "  --quiet   ไม่แสดงรุ่นของแพ็กเกจ"
        )
        return 2 if unknown else 0
    unsupported = python_supported()
    if unsupported:  # one Thai line: the other checks would only fail in confusing ways
        print(format_line(unsupported))
        return 1
    results = checks()
    print(format_report(results, details="--quiet" not in argv))
    bad = {FAIL, WARN} if "--strict" in argv else {FAIL}
    return 1 if any(r.status in bad for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
