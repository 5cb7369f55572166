"""Load the kit's bundled data sets by name, checking each file's sha256 first.

โมดูลนี้เปิดข้อมูลที่มากับชุดเรียนด้วยชื่อสั้น ๆ เช่น ``load("provinces")`` ทุกไฟล์ถูกอธิบายไว้ใน
``data/datapackage.json`` (Frictionless Data Package) พร้อมค่าตรวจสอบความถูกต้องของไฟล์
(checksum, sha256) ก่อนอ่านไฟล์ทุกครั้ง ``load()`` จะตรวจว่าไฟล์ยังเหมือนต้นฉบับ ถ้าไฟล์หายหรือถูกแก้
จะแจ้งข้อผิดพลาดภาษาไทยพร้อมวิธีกู้คืน และจะไม่คืนตารางที่อ่านได้ครึ่ง ๆ กลาง ๆ

* ``datasets()`` — ตารางรายชื่อข้อมูลทั้งหมด (ชื่อ ชื่อไทย จริงหรือจำลอง จำนวนแถว สัญญาอนุญาต)
* ``load(name)`` — อ่านเป็น DataFrame ด้วย encoding รูปแบบไฟล์ และแผ่นงานที่ถูกต้อง
* ``path(name)`` — ที่อยู่ของไฟล์
* ``info(name)`` — คำอธิบาย แหล่งที่มา สัญญาอนุญาต และบอกว่าเป็นข้อมูลจำลองหรือไม่

How files are read: real tables (``provinces``, ``facts/*``) and checkpoints use their Table
Schema (text codes such as ``province_code`` stay text, ``date`` fields become datetimes); practice
files are read exactly as pandas reads them with the right encoding and nothing else, so the
learner sees the file's problems (the cleaning recipes in ``helpers.recipes`` start from there);
the Excel practice report comes back as the raw sheet grid (``header=None``).
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

import pandas as pd

from .paths import data_dir

__all__ = ["DataFileError", "datasets", "load", "path", "info", "verify", "package"]

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


def _restore_hint(rel: str) -> str:
    hint = f"กู้คืนไฟล์ต้นฉบับได้ด้วยคำสั่ง  git checkout -- data/{rel}"
    if rel.startswith("practice/"):
        hint += "  หรือสร้างใหม่ด้วย  python scripts/make_practice_data.py"
    elif rel.startswith("checkpoints/"):
        hint += "  หรือสร้างใหม่ด้วย  python scripts/make_checkpoints.py"
    return hint + "  (ถ้าใช้ผ่าน Binder หรือ Colab จะเปิดชุดเรียนใหม่ก็ได้)"


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
            + _restore_hint(PACKAGE_FILE), file=PACKAGE_FILE) from None
    key = (str(file), stat.st_mtime_ns, stat.st_size)
    if _cache["key"] != key:
        _cache["package"] = json.loads(file.read_text(encoding="utf-8"))
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
    >>> path("injuries-newyear-2551").relative_to(data_dir()).as_posix()
    'practice/injuries_newyear_2551.csv'
    """
    return data_dir() / _resource(name)["path"]


def _sha256(file: Path) -> str:
    digest = hashlib.sha256()
    with file.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


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
        raise DataFileError(f"ไม่พบไฟล์ data/{rel} ของชุดข้อมูล '{name}' (อาจถูกลบหรือย้ายไป) " + _restore_hint(rel),
                            name=name, file=rel) from None
    key = (stat.st_mtime_ns, stat.st_size, res["hash"])
    if _cache["verified"].get(str(file)) == key:   # already checked and unchanged since
        return file
    expected = res["hash"].split(":", 1)[1]
    if _sha256(file) != expected:
        raise DataFileError(
            f"ไฟล์ data/{rel} ของชุดข้อมูล '{name}' ถูกแก้ไขไปจากต้นฉบับ: ค่าตรวจสอบความถูกต้องของไฟล์ "
            f"(checksum แบบ sha256) ไม่ตรงกับที่บันทึกไว้ใน data/{PACKAGE_FILE} จึงไม่เปิดให้ "
            f"เพื่อไม่ให้ได้ตารางที่ผิดโดยไม่รู้ตัว " + _restore_hint(rel),
            name=name, file=rel)
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
    practice = res["path"].startswith("practice/")
    if fmt == "csv":
        encoding = res.get("encoding", "utf-8")
        if practice:
            return pd.read_csv(file, encoding=encoding)
        dtypes, dates = _schema_dtypes(res)
        frame = pd.read_csv(file, encoding=encoding, dtype=dtypes)
        for col in dates:
            frame[col] = pd.to_datetime(frame[col], format="ISO8601")
        return frame
    if fmt == "xlsx":
        sheet = res.get("dialect", {}).get("excel", {}).get("sheet", 0)
        return pd.read_excel(file, sheet_name=sheet, header=None)
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
        if isinstance(body, list):
            return pd.json_normalize(body)
        if isinstance(body, dict):
            return pd.json_normalize(body)
    raise ValueError(f"ชุดข้อมูล '{res['name']}' (data/{res['path']}) ไม่ใช่ตารางข้อมูล จึงเปิดเป็น DataFrame ไม่ได้ "
                     f"ใช้ helpers.data.path('{res['name']}') เพื่อหาที่อยู่ไฟล์แล้วเปิดอ่านเอง")


def load(name: str) -> pd.DataFrame:
    """Read a bundled data set into a new DataFrame after checking its sha256.

    อ่านชุดข้อมูลตามชื่อ (ดูชื่อทั้งหมดด้วย ``datasets()``) หลังตรวจค่า sha256 แล้ว

    >>> provinces = load("provinces")
    >>> len(provinces), provinces["province_code"].iloc[0]
    (77, '10')
    >>> int(provinces["population_31dec2562"].sum())
    66558935
    >>> raw = load("injuries-newyear-2551")      # ข้อมูลจำลอง อ่านด้วย encoding cp874
    >>> raw.shape
    (4910, 19)
    >>> load("provinse")
    Traceback (most recent call last):
    ...
    KeyError: "ไม่มีชุดข้อมูลชื่อ 'provinse' ในชุดเรียน หรือหมายถึง 'provinces' ..."
    """
    res = _resource(name)
    file = verify(name)
    return _read(res, file)


class DatasetInfo(dict):
    """A dict of a data set's metadata that prints as readable Thai text."""

    def __repr__(self) -> str:
        kind = "ข้อมูลจำลอง (simulated) ใช้ฝึกเท่านั้น" if self["simulated"] is True else (
            "ข้อมูลจริงจากหน่วยงาน" if self["simulated"] is False else "มีทั้งข้อมูลจริงและข้อมูลจำลอง")
        lines = [f"{self['title']}  [{self['name']}]",
                 f"  ชนิด: {kind}",
                 f"  ไฟล์: data/{self['path']} ({self['format']}, {self['encoding'] or '-'})"]
        if self.get("rows") is not None:
            lines.append(f"  จำนวนแถว: {self['rows']:,}")
        lines.append(f"  คำอธิบาย: {self['description']}")
        for src in self["sources"]:
            lines.append(f"  ที่มา: {src}")
        lines.append(f"  สัญญาอนุญาต: {self['license']}")
        if self.get("confidence"):
            lines.append(f"  ความเชื่อมั่น: {self['confidence']}")
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

    >>> meta = info("injuries-newyear-2551")
    >>> meta["simulated"], meta["encoding"], meta["rows"]
    (True, 'cp874', 4910)
    >>> info("provinces")["simulated"]
    False
    >>> print(info("road-7-dangerous-days"))       # doctest: +ELLIPSIS
    อุบัติเหตุทางถนนช่วง 7 วันอันตราย ปีใหม่และสงกรานต์ (ยอดทางการ)  [road-7-dangerous-days]
      ชนิด: ข้อมูลจริงจากหน่วยงาน
    ...
    """
    res = _resource(name)
    sources = [s.get("title", "") + (f" <{s['path']}>" if s.get("path") else "") for s in res.get("sources", [])]
    return DatasetInfo(
        name=res["name"], title=res.get("title", ""), description=res.get("description", ""),
        path=res["path"], format=res.get("format"), encoding=res.get("encoding"),
        simulated=res.get("kit:simulated"), rows=res.get("kit:rows"),
        sources=sources, license=_license_text(res),
        confidence=res.get("kit:confidence"), definition=res.get("kit:definition"),
        generated_by=res.get("kit:generated_by"), hash=res.get("hash"),
        fields=[(f["name"], f.get("title", ""), f["type"]) for f in res.get("schema", {}).get("fields", [])],
    )


def _kind(res: dict) -> str:
    sim = res.get("kit:simulated")
    return "จำลอง" if sim is True else ("จริง" if sim is False else "ผสม")


def datasets() -> pd.DataFrame:
    """List every bundled data set: name, Thai title, real or simulated, rows, licence, file.

    >>> table = datasets()
    >>> list(table.columns)
    ['name', 'title', 'kind', 'rows', 'license', 'path']
    >>> table.set_index("name").loc["provinces", "kind"]
    'จริง'
    >>> table.set_index("name").loc["pm25-wide-2566", "kind"]
    'จำลอง'
    """
    rows = [{"name": r["name"], "title": r.get("title", ""), "kind": _kind(r), "rows": r.get("kit:rows"),
             "license": _license_text(r), "path": "data/" + r["path"]} for r in package()["resources"]]
    table = pd.DataFrame(rows, columns=["name", "title", "kind", "rows", "license", "path"])
    table["rows"] = table["rows"].astype("Int64")
    return table
