"""Load the kit's bundled data sets by name, checking each file's sha256 first.

โมดูลนี้เปิดข้อมูลที่มากับชุดเรียนด้วยชื่อสั้น ๆ เช่น ``load("provinces")`` ทุกไฟล์ถูกอธิบายไว้ใน
``data/datapackage.json`` (Frictionless Data Package) พร้อมค่าตรวจสอบความถูกต้องของไฟล์
(checksum, sha256) ก่อนอ่านไฟล์ทุกครั้ง ``load()`` จะตรวจว่าไฟล์ยังเหมือนต้นฉบับ ถ้าไฟล์หายหรือถูกแก้
จะแจ้งข้อผิดพลาดภาษาไทยพร้อมวิธีกู้คืน และจะไม่คืนตารางที่อ่านได้ครึ่ง ๆ กลาง ๆ

* ``datasets()`` — ตารางรายชื่อข้อมูลทั้งหมด (ชื่อ ชื่อไทย ชนิด จำนวนแถว สัญญาอนุญาต)
* ``load(name)`` — อ่านเป็น DataFrame ด้วย encoding รูปแบบไฟล์ และแผ่นงานที่ถูกต้อง
* ``path(name)`` — ที่อยู่ของไฟล์
* ``info(name)`` — คำอธิบาย แหล่งที่มา สัญญาอนุญาต และระดับความเชื่อมั่น
* ``restore(name)`` — นำไฟล์ต้นฉบับกลับมาเมื่อไฟล์หายหรือถูกแก้ (รันในเซลล์ได้เลย)

From a terminal (any folder): ``python -m helpers.data restore NAME`` or ``python -m helpers.data
verify``; the fix messages print this command with the kit's own interpreter.

How files are read: the kit's tables (``provinces``, ``facts/*``) and checkpoints use their Table
Schema (text codes such as ``province_code`` stay text, ``date`` fields become datetimes); the real
agency files (``data/real/``) are read exactly as pandas reads them with the right encoding and
nothing else, so the learner sees the file's problems (the cleaning recipes in ``helpers.recipes``
start from there); a real workbook comes back as its first sheet's raw grid (``header=None``).
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pooch

from .commands import python_command
from .paths import data_dir, repo_root

__all__ = ["DataFileError", "datasets", "load", "path", "info", "verify", "package", "restore", "file_hash"]

PACKAGE_FILE = "datapackage.json"


class DataFileError(RuntimeError):
    """A bundled data file is missing or altered (Thai message with how to restore it).

    >>> issubclass(DataFileError, RuntimeError)
    True
    """

    def __init__(self, message: str, *, name: str | None = None, file: str | None = None):
        super().__init__(message)
        self.name = name
        self.file = file


_cache: dict = {"package": None, "key": None, "verified": {}}


def _restore_hint(rel: str, name: str | None = None) -> str:
    # Both fixes work wherever the learner is: a notebook cell needs no path, and the terminal
    # command names this interpreter and module by absolute path (JupyterLab's terminal opens in
    # another folder and its ``python`` may not be the kit's).
    arg = name or rel
    return (
        f"วิธีกู้คืน: รันในเซลล์ของโน้ตบุ๊กว่า  helpers.data.restore({arg!r})  "
        f"หรือพิมพ์ในเทอร์มินัลว่า  {python_command('-m', 'helpers.data', 'restore', arg)}  "
        "(ถ้าใช้ผ่าน Binder หรือ Colab จะเปิดชุดเรียนใหม่ก็ได้)"
    )


def file_hash(file: Path) -> str:
    """Return the ``sha256:<hex>`` digest of a file, as ``datapackage.json`` records it (pooch's hash).

    >>> file_hash(data_dir() / "provinces.csv") == package_resource_hash("provinces")
    True
    """
    return "sha256:" + pooch.file_hash(str(file), alg="sha256")


def package_resource_hash(name: str) -> str:
    """Return the hash ``datapackage.json`` records for a data set (``sha256:<hex>``).

    >>> package_resource_hash("provinces").startswith("sha256:")
    True
    """
    return _resource(name)["hash"]


def _damaged_package(file: Path, why: str) -> DataFileError:
    return DataFileError(
        f"ไฟล์คำอธิบายข้อมูล data/{PACKAGE_FILE} เสียหาย ({why}) จึงตรวจและเปิดข้อมูลของชุดเรียนไม่ได้ "
        "อาจเกิดจากการเปิดไฟล์นี้แล้วแก้ไขหรือบันทึกทับโดยไม่ตั้งใจ " + _restore_hint(PACKAGE_FILE),
        file=PACKAGE_FILE,
    )


def package() -> dict:
    """Return the parsed ``data/datapackage.json`` (read once, re-read when the file changes).

    >>> package()["name"]
    'thai-opendata-kit-data'
    """
    file = data_dir() / PACKAGE_FILE
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise DataFileError(
            f"ไม่พบไฟล์คำอธิบายข้อมูล data/{PACKAGE_FILE} จึงตรวจและเปิดข้อมูลของชุดเรียนไม่ได้ "
            + _restore_hint(PACKAGE_FILE),
            file=PACKAGE_FILE,
        ) from None
    key = (str(file), stat.st_mtime_ns, stat.st_size)
    if _cache["key"] != key:
        try:
            doc = json.loads(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise _damaged_package(file, "ไม่ใช่ข้อความ UTF-8") from None
        except json.JSONDecodeError as exc:
            raise _damaged_package(file, f"รูปแบบ JSON ผิดที่บรรทัด {exc.lineno} ตำแหน่ง {exc.colno}") from None
        resources = doc.get("resources") if isinstance(doc, dict) else None
        if not isinstance(resources, list) or not all(
            isinstance(r, dict)
            and isinstance(r.get("name"), str)
            and isinstance(r.get("path"), str)
            and isinstance(r.get("hash"), str)
            for r in resources
        ):
            raise _damaged_package(file, "ไม่มีรายการชุดข้อมูล (resources) ที่มีชื่อ ที่อยู่ไฟล์ และค่าตรวจสอบครบ")
        _cache["package"] = doc
        _cache["key"] = key
        _cache["verified"] = {}
    return _cache["package"]


def _resources() -> dict[str, dict]:
    return {r["name"]: r for r in package()["resources"]}


def _resource(name: str) -> dict:
    resources = _resources()
    if name not in resources:
        close = difflib.get_close_matches(str(name), list(resources), n=3, cutoff=0.5)
        extra = f" หรือหมายถึง {', '.join(repr(c) for c in close)}" if close else ""
        raise KeyError(f"ไม่มีชุดข้อมูลชื่อ {name!r} ในชุดเรียน{extra} (ดูรายชื่อทั้งหมดด้วย helpers.data.datasets())")
    return resources[name]


def path(name: str) -> Path:
    """Return the path of a bundled data set's file (it is not opened or checked).

    >>> path("provinces").name
    'provinces.csv'
    >>> path("niems-newyear-2551-cp874").relative_to(data_dir()).as_posix()
    'real/injuries/niems_newyear_2551_sample_cp874.csv'
    """
    return data_dir() / _resource(name)["path"]


def verify(name: str) -> Path:
    """Check that the file exists and its sha256 matches ``datapackage.json``; return its path.

    ตรวจว่าไฟล์ยังอยู่และไม่ถูกแก้ไข ถ้าไม่ผ่านจะเกิด ``DataFileError`` พร้อมวิธีกู้คืน

    >>> verify("provinces").name
    'provinces.csv'
    """
    res = _resource(name)
    rel = res["path"]
    file = data_dir() / rel
    try:
        stat = file.stat()
    except FileNotFoundError:
        raise DataFileError(
            f"ไม่พบไฟล์ data/{rel} ของชุดข้อมูล '{name}' (อาจถูกลบหรือย้ายไป) " + _restore_hint(rel, name),
            name=name,
            file=rel,
        ) from None
    key = (stat.st_mtime_ns, stat.st_size, res["hash"])
    if _cache["verified"].get(str(file)) == key:  # already checked and unchanged since
        return file
    if file_hash(file) != res["hash"]:
        raise DataFileError(
            f"ไฟล์ data/{rel} ของชุดข้อมูล '{name}' ถูกแก้ไขไปจากต้นฉบับ: ค่าตรวจสอบความถูกต้องของไฟล์ "
            f"(checksum แบบ sha256) ไม่ตรงกับที่บันทึกไว้ใน data/{PACKAGE_FILE} จึงไม่เปิดให้ "
            f"เพื่อไม่ให้ได้ตารางที่ผิดโดยไม่รู้ตัว " + _restore_hint(rel, name),
            name=name,
            file=rel,
        )
    _cache["verified"][str(file)] = key
    return file


def _schema_dtypes(res: dict) -> tuple[dict, list]:
    fields = res.get("schema", {}).get("fields", [])
    dtypes = {f["name"]: str for f in fields if f["type"] == "string"}
    if res["path"].startswith("checkpoints/"):
        # checkpoints come back with the dtypes the recipe produced (whole numbers stay whole
        # numbers even with gaps), so load("...-clean") equals running the recipe again
        dtypes.update({f["name"]: "Int64" for f in fields if f["type"] == "integer"})
    dates = [f["name"] for f in fields if f["type"] in ("date", "datetime")]
    return dtypes, dates


def _read(res: dict, file: Path) -> pd.DataFrame:
    fmt = res.get("format")
    # Real agency files come back exactly as pandas reads them (with the right encoding and
    # nothing else), so the learner meets the file's own problems.
    as_published = res["path"].startswith("real/")
    if fmt == "jsonl":
        return pd.read_json(file, lines=True, encoding=res.get("encoding", "utf-8"), dtype=False)
    if fmt == "xlsx" and "kit:sheets" in res:
        # calamine reads the real multi-sheet workbooks about 200x faster than openpyxl (0.02 s
        # against 4 s for the MOTS 2563 workbook); openpyxl stays the fallback.
        engine = "calamine" if _has_calamine() else "openpyxl"
        return pd.read_excel(file, sheet_name=res["kit:sheets"][0], header=None, engine=engine)
    if fmt == "csv":
        encoding = res.get("encoding", "utf-8")
        if as_published:
            return pd.read_csv(file, encoding=encoding)
        dtypes, dates = _schema_dtypes(res)
        frame = pd.read_csv(file, encoding=encoding, dtype=dtypes)
        for col in dates:
            frame[col] = pd.to_datetime(frame[col], format="ISO8601")
        return frame
    if fmt == "xlsx":
        sheet = res.get("dialect", {}).get("excel", {}).get("sheet", 0)
        return pd.read_excel(file, sheet_name=sheet, header=None, engine="openpyxl")
    if fmt == "json":
        doc = json.loads(file.read_text(encoding=res.get("encoding", "utf-8")))
        prop = res.get("kit:records_property")
        if prop:
            columns = [f["name"] for f in res.get("schema", {}).get("fields", [])] or None
            return pd.DataFrame(doc[prop], columns=columns)
        # CKAN answers recorded for offline use: {"result": {"results": [...]}} or {"result": [...]}
        body = doc.get("result", doc) if isinstance(doc, dict) else doc
        if isinstance(body, dict) and isinstance(body.get("results"), list):
            body = body["results"]
        elif isinstance(body, dict) and isinstance(body.get("records"), list):
            body = body["records"]
        if isinstance(body, list) and body and not isinstance(body[0], dict):
            return pd.DataFrame({"name": body})  # package_list: a list of names
        if isinstance(body, list):
            return pd.json_normalize(body)
        if isinstance(body, dict):
            return pd.json_normalize(body)
    raise ValueError(
        f"ชุดข้อมูล '{res['name']}' (data/{res['path']}) ไม่ใช่ตารางข้อมูล จึงเปิดเป็น DataFrame ไม่ได้ "
        f"ใช้ helpers.data.path('{res['name']}') เพื่อหาที่อยู่ไฟล์แล้วเปิดอ่านเอง"
    )


def _has_calamine() -> bool:
    import importlib.util

    return importlib.util.find_spec("python_calamine") is not None


def load(name: str) -> pd.DataFrame:
    """Read a bundled data set into a new DataFrame after checking its sha256.

    อ่านชุดข้อมูลตามชื่อ (ดูชื่อทั้งหมดด้วย ``datasets()``) หลังตรวจค่า sha256 แล้ว

    >>> provinces = load("provinces")
    >>> len(provinces), provinces["province_code"].iloc[0]
    (77, '10')
    >>> int(provinces["population_31dec2562"].sum())
    66558935
    >>> raw = load("niems-newyear-2551-cp874")   # ไฟล์จริง อ่านด้วย encoding cp874 ตามที่ประกาศไว้
    >>> raw.shape, raw.columns[1]
    ((100, 20), 'ชื่อเทศกาล')
    >>> grid = load("mots-tourism-2563-xlsx")    # สมุดงานดิบ: แผ่นงานแรกทั้งแผ่น ยังไม่มีหัวตาราง
    >>> grid.iloc[0, 1]
    'รายงานเบื้องต้นเดือนมกราคม ปี 2563(P)'
    >>> load("provinse")
    Traceback (most recent call last):
    ...
    KeyError: "ไม่มีชุดข้อมูลชื่อ 'provinse' ในชุดเรียน หรือหมายถึง 'provinces'..."
    """
    res = _resource(name)
    file = verify(name)
    return _read(res, file)


#: Thai words for the confidence labels recorded in datapackage.json (the package keeps them in
#: English, as codes; learners read them in Thai).
CONFIDENCE_TH = {
    "high": "สูง",
    "medium": "ปานกลาง",
    "low": "ต่ำ",
    "medium/low": "ปานกลางถึงต่ำ",
    "documentation": "เอกสารประกอบ",
    "unconfirmed (year label)": "ยังไม่ยืนยัน (ป้ายปีของตารางน่าจะผิด)",
    "real file as published or shared (copy not checked byte for byte against the agency's)": "ไฟล์จริงตามที่เผยแพร่หรือแบ่งปัน (สำเนายังไม่ได้ตรวจเทียบทีละไบต์กับไฟล์ของหน่วยงาน)",
    "real figures, cleaned by the kit's recipe (see kit:recipe)": "ตัวเลขจริง ทำความสะอาดด้วยสูตรของชุดเรียน (ดู recipe ในคำอธิบายชุดข้อมูล)",
    "derived by the kit from a real file of data/real/": "ชุดเรียนสร้างจากไฟล์จริงใน data/real/",
    "high (population, codes); area is a secondary source": "สูง (ประชากรและรหัสจังหวัด) ส่วนพื้นที่มาจากแหล่งทุติยภูมิ",
    "high (Thai abbreviations, ISO codes); medium (3-letter English codes: no official list)": (
        "สูง (อักษรย่อภาษาไทยและรหัส ISO) ปานกลาง (อักษรย่อภาษาอังกฤษ 3 ตัว ซึ่งไม่มีรายการทางการ)"
    ),
}


def confidence_th(label: str | None) -> str | None:
    """Return the Thai wording of a recorded confidence label (the label itself when none is known).

    >>> confidence_th("medium"), confidence_th("high (two sources agree)")
    ('ปานกลาง', 'สูง (two sources agree)')
    """
    if not label:
        return label
    if label in CONFIDENCE_TH:
        return CONFIDENCE_TH[label]
    head, _, rest = label.partition(" ")
    return f"{CONFIDENCE_TH[head]} {rest}" if head in CONFIDENCE_TH and rest else label


class DatasetInfo(dict):
    """A dict of a data set's metadata that prints as readable Thai text."""

    def __repr__(self) -> str:
        kind = "ข้อมูลจำลอง (simulated) ใช้ฝึกเท่านั้น" if self["simulated"] is True else "ข้อมูลจริงจากหน่วยงาน"
        lines = [
            f"{self['title']}  [{self['name']}]",
            f"  ชนิด: {kind}",
            f"  ไฟล์: data/{self['path']} ({self['format']}, {self['encoding'] or '-'})",
        ]
        if self.get("rows") is not None:
            lines.append(f"  จำนวนแถว: {self['rows']:,}")
        lines.append(f"  คำอธิบาย: {self['description']}")
        for src in self["sources"]:
            lines.append(f"  ที่มา: {src}")
        lines.append(f"  สัญญาอนุญาต: {self['license']}")
        if self.get("confidence"):
            lines.append(f"  ความเชื่อมั่น: {confidence_th(self['confidence'])}")
        if self.get("definition"):
            lines.append(f"  นิยาม/ข้อควรระวัง: {self['definition']}")
        if self.get("generated_by"):
            lines.append(f"  สร้างโดย: {self['generated_by']}")
        return "\n".join(lines)

    __str__ = __repr__

    def _repr_pretty_(self, printer, cycle):  # IPython / Jupyter display
        printer.text(repr(self))


def _license_text(res: dict) -> str:
    return "; ".join(lic.get("title") or lic.get("name", "") for lic in res.get("licenses", []))


def info(name: str) -> DatasetInfo:
    """Describe a data set: Thai title and description, sources, licence, simulated or real.

    คืนค่าเป็น dict ที่พิมพ์ออกมาเป็นข้อความภาษาไทยอ่านง่าย

    >>> meta = info("niems-newyear-2551-cp874")
    >>> meta["simulated"], meta["encoding"], meta["rows"]
    (False, 'cp874', 100)
    >>> info("provinces")["simulated"]
    False
    >>> print(info("road-7-dangerous-days"))       # doctest: +ELLIPSIS
    อุบัติเหตุทางถนนช่วง 7 วันอันตราย ปีใหม่และสงกรานต์ (ยอดทางการ)  [road-7-dangerous-days]
      ชนิด: ข้อมูลจริงจากหน่วยงาน
    ...
    """
    res = _resource(name)
    sources = [
        s.get("title", "") + (f" <{s['path']}>" if s.get("path") else "") for s in res.get("sources", [])
    ]
    return DatasetInfo(
        name=res["name"],
        title=res.get("title", ""),
        description=res.get("description", ""),
        path=res["path"],
        format=res.get("format"),
        encoding=res.get("encoding"),
        simulated=res.get("kit:simulated"),
        rows=res.get("kit:rows"),
        sources=sources,
        license=_license_text(res),
        confidence=res.get("kit:confidence"),
        definition=res.get("kit:definition"),
        generated_by=res.get("kit:generated_by"),
        hash=res.get("hash"),
        fields=[(f["name"], f.get("title", ""), f["type"]) for f in res.get("schema", {}).get("fields", [])],
    )


def _kind(res: dict) -> str:
    sim = res.get("kit:simulated")
    return "จำลอง" if sim is True else "จริง"


def datasets() -> pd.DataFrame:
    """List every bundled data set: name, Thai title, real or simulated, rows, licence, file.

    >>> table = datasets()
    >>> list(table.columns)
    ['name', 'title', 'kind', 'rows', 'license', 'path']
    >>> table.set_index("name").loc["provinces", "kind"]
    'จริง'
    >>> table.set_index("name").loc["mots-tourism-2563-clean", "kind"]
    'จริง'
    """
    rows = [
        {
            "name": r["name"],
            "title": r.get("title", ""),
            "kind": _kind(r),
            "rows": r.get("kit:rows"),
            "license": _license_text(r),
            "path": "data/" + r["path"],
        }
        for r in package()["resources"]
    ]
    table = pd.DataFrame(rows, columns=["name", "title", "kind", "rows", "license", "path"])
    table["rows"] = table["rows"].astype("Int64")
    return table


# --------------------------------------------------------------------------------------------
# restore: put a bundled file back (from git, or rebuilt by the kit's own recipe)


def _write_atomic(target: Path, payload: bytes, expected_hash: str | None = None) -> bool:
    """Write ``payload`` to a temporary file beside ``target`` and rename it into place.

    With ``expected_hash`` (``sha256:<hex>``) the temporary file is checked first; when it differs
    nothing is replaced and False is returned.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        if expected_hash is not None and file_hash(Path(tmp)) != expected_hash:
            Path(tmp).unlink()
            return False
        os.replace(tmp, target)
        return True
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _from_git(rel: str) -> bytes | None:
    """The committed bytes of ``data/<rel>`` (``git show``: the blob, never end-of-line converted)."""
    git = shutil.which("git")
    if git is None or not (repo_root() / ".git").exists():
        return None
    try:
        done = subprocess.run(
            [git, "-C", str(repo_root()), "show", f"HEAD:data/{rel}"],
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def _from_recipe(name: str) -> bytes | None:
    from . import recipes  # the checkpoints' own recipes (imported late: they import helpers.clean)

    if name not in recipes.RECIPES:
        return None
    return recipes.checkpoint_csv(recipes.RECIPES[name][1]())


def _broken() -> list[str]:
    names = []
    for res in package()["resources"]:
        try:
            verify(res["name"])
        except DataFileError:
            names.append(res["name"])
    return names


def restore(name: str | None = None, *, quiet: bool = False) -> list[str]:
    """Put bundled data files back as they were shipped; return the files restored.

    กู้คืนไฟล์ข้อมูลของชุดเรียนที่หายหรือถูกแก้ไข ``restore("provinces")`` กู้ชุดเดียว
    ``restore("datapackage.json")`` กู้ไฟล์คำอธิบายข้อมูล และ ``restore()`` ตรวจทุกไฟล์แล้วกู้เฉพาะไฟล์ที่เสีย
    วิธีกู้: เอาไฟล์ต้นฉบับจาก git ของชุดเรียน ถ้าไม่มี git ไฟล์ checkpoint จะสร้างใหม่ด้วยสูตรของชุดเรียนเอง
    ไฟล์ที่กู้แล้วจะถูกตรวจค่า checksum อีกครั้งก่อนบอกว่าสำเร็จ

    >>> restore("provinces", quiet=True)          # the file is fine: nothing to do
    []
    """
    if name in (None, PACKAGE_FILE):
        try:
            package()
            package_ok = True
        except DataFileError:
            package_ok = False
        if not package_ok:
            payload = _from_git(PACKAGE_FILE)
            if payload is None:
                raise DataFileError(
                    f"กู้คืน data/{PACKAGE_FILE} ไม่ได้ เพราะโฟลเดอร์นี้ไม่ใช่สำเนาแบบ git ของชุดเรียน "
                    "ให้ดาวน์โหลดหรือโคลนชุดเรียนใหม่ แล้วคัดลอกไฟล์นี้มาแทน",
                    file=PACKAGE_FILE,
                )
            _write_atomic(data_dir() / PACKAGE_FILE, payload)
            _cache["key"] = None
            package()  # raises if even the committed file is unreadable
            restored = [PACKAGE_FILE]
        else:
            restored = []
        if name == PACKAGE_FILE:
            return _report(restored, quiet)
        names = _broken()
    else:
        _resource(name)  # unknown names get the Thai KeyError with suggestions
        try:
            verify(name)
            return _report([], quiet)
        except DataFileError:
            names = [name]
        restored = []
    for each in names:
        res = _resource(each)
        rel = res["path"]
        # git's committed copy first; the recipe (checkpoints) only when git cannot give the file
        written = False
        for source, arg in ((_from_git, rel), (_from_recipe, each)):
            payload = source(arg)
            if payload is not None and _write_atomic(data_dir() / rel, payload, res["hash"]):
                written = True
                break
        if not written:
            raise DataFileError(
                f"กู้คืน data/{rel} ของชุดข้อมูล '{each}' ไม่ได้: ไม่พบต้นฉบับที่ค่าตรวจสอบตรงกับ "
                f"data/{PACKAGE_FILE} (โฟลเดอร์นี้อาจไม่ใช่สำเนาแบบ git ของชุดเรียน) "
                "ให้ดาวน์โหลดหรือโคลนชุดเรียนใหม่",
                name=each,
                file=rel,
            )
        _cache["verified"].pop(str(data_dir() / rel), None)
        verify(each)
        restored.append(rel)
    return _report(restored, quiet)


def _report(restored: list[str], quiet: bool) -> list[str]:
    if not quiet:
        if restored:
            print("กู้คืนแล้ว และตรวจค่า checksum ผ่าน: " + ", ".join(f"data/{r}" for r in restored))
        else:
            print("ไฟล์ข้อมูลครบและตรงกับต้นฉบับอยู่แล้ว ไม่ต้องกู้คืน")
    return restored


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m helpers.data verify`` or ``python -m helpers.data restore [NAME]``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m helpers.data",
        description="ตรวจหรือกู้คืนไฟล์ข้อมูลของชุดเรียน (verify or restore bundled data)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("verify", help="ตรวจค่า checksum ของทุกไฟล์")
    rest = sub.add_parser("restore", help="กู้คืนไฟล์ที่หายหรือถูกแก้ไข")
    rest.add_argument("name", nargs="?", help="ชื่อชุดข้อมูล หรือ datapackage.json (ไม่ใส่ = ทุกไฟล์ที่เสีย)")
    args = parser.parse_args(argv)
    try:
        if args.command == "verify":
            broken = _broken()
            if broken:
                print("ไฟล์ที่หายหรือถูกแก้ไข: " + ", ".join(broken))
                print("กู้คืนด้วย: " + python_command("-m", "helpers.data", "restore"))
                return 1
            print(f"ไฟล์ข้อมูลทั้ง {len(package()['resources'])} ไฟล์ตรงกับต้นฉบับ")
            return 0
        restore(args.name)
        return 0
    except (DataFileError, KeyError) as exc:
        print(exc.args[0] if exc.args else exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
