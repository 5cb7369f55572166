"""Publish a cleaned table as a good open data set: data dictionary, Frictionless data package, exports.

เผยแพร่ตารางที่ทำความสะอาดแล้วเป็นชุดข้อมูลเปิดที่ดี: พจนานุกรมข้อมูล (data dictionary)
คำอธิบายชุดข้อมูล (metadata) ตามช่องของ data.go.th แพ็กเกจข้อมูลแบบ Frictionless (datapackage.json)
ที่ตรวจความถูกต้องแล้ว และไฟล์ CSV (``utf-8-sig`` ให้ Excel แสดงภาษาไทยถูก) กับไฟล์ Excel

* ``record_fields(record)`` — ช่องคำอธิบายชุดข้อมูลของ data.go.th จากระเบียนจริงหนึ่งระเบียน
* ``check_metadata(meta)`` — ปัญหาในคำอธิบายชุดข้อมูล (ช่องที่ขาด ค่า "ไม่ทราบ" ชื่อช่องที่พิมพ์ผิด)
* ``data_dictionary(frame, columns)`` — พจนานุกรมข้อมูล: ทุกคอลัมน์มีชื่อไทย ชนิด หน่วย และนิยาม
* ``make_package(frame, metadata, folder, dictionary=...)`` — เขียน CSV + ``datapackage.json`` แล้วตรวจด้วย frictionless
* ``errors_table(report)`` — ข้อผิดพลาดในรายงานของ frictionless เป็นตารางภาษาไทย
* ``export_csv(frame, path)`` / ``export_excel(frame, path, ...)`` — ไฟล์สำหรับผู้ใช้ที่เปิดด้วย Excel
* ``write_text(path, text)`` — บันทึกข้อความ (เช่น หน้า HTML ของเรื่องเล่าจากข้อมูล) เป็น UTF-8

Citations and the one-page data story live in :mod:`helpers.story` (``story.cite``,
``story.data_story``); this module does not repeat them.  Every file is written atomically (a
temporary file in the same folder, then :func:`os.replace`), so an interrupted cell never leaves a
half-written file behind.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

__all__ = [
    "DATAGOTH_FIELDS",
    "REQUIRED_FIELDS",
    "UNKNOWN_VALUES",
    "record_fields",
    "check_metadata",
    "data_dictionary",
    "make_package",
    "errors_table",
    "export_csv",
    "export_excel",
    "write_text",
]

#: The metadata fields of a data.go.th record (CKAN names as the portal uses them) and their meaning.
DATAGOTH_FIELDS = {
    "title": "ชื่อชุดข้อมูล",
    "notes": "คำอธิบายชุดข้อมูล",
    "organization": "หน่วยงานเจ้าของข้อมูล",
    "maintainer": "ผู้ติดต่อ",
    "maintainer_email": "อีเมลผู้ติดต่อ",
    "license_id": "รหัสสัญญาอนุญาต",
    "license_title": "สัญญาอนุญาต",
    "update_frequency_unit": "ความถี่ในการปรับปรุงข้อมูล (หน่วย)",
    "update_frequency_interval": "ความถี่ในการปรับปรุงข้อมูล (ทุกกี่หน่วย)",
    "geo_coverage": "ขอบเขตเชิงพื้นที่",
    "data_category": "หมวดหมู่ข้อมูลตามการกำกับดูแลข้อมูล",
    "data_type": "ประเภทชุดข้อมูล",
    "high_value_dataset": "เป็นชุดข้อมูลที่มีคุณค่าสูงหรือไม่",
    "objective": "วัตถุประสงค์",
    "data_format": "รูปแบบไฟล์",
    "data_language": "ภาษาของข้อมูล",
    "data_source": "แหล่งที่มาของข้อมูล",
    "tags": "คำสำคัญ",
}

#: The fields a published data set must fill (the learner's metadata is checked against these).
REQUIRED_FIELDS = (
    "title",
    "notes",
    "organization",
    "license_title",
    "update_frequency_unit",
    "update_frequency_interval",
    "geo_coverage",
    "data_category",
    "data_type",
    "objective",
    "data_format",
    "data_language",
    "data_source",
)

#: Values that fill a field without saying anything.
UNKNOWN_VALUES = ("ไม่ทราบ", "ไม่ระบุ", "-", "n/a", "none", "null", "unknown")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

# Thai explanations of the frictionless error types a learner meets first.
_ERROR_TH = {
    "type-error": "ค่าในช่องไม่ใช่ชนิดข้อมูลที่พจนานุกรมข้อมูลบอกไว้",
    "constraint-error": "ค่าในช่องผิดเงื่อนไขของคอลัมน์ (เช่น ห้ามว่าง ห้ามติดลบ หรือต้องตรงรูปแบบ)",
    "primary-key": "คีย์หลัก (primary key) ว่างหรือซ้ำ: แต่ละแถวต้องระบุได้ด้วยค่าที่ไม่ซ้ำกัน",
    "unique-error": "ค่าซ้ำในคอลัมน์ที่กำหนดให้ห้ามซ้ำ",
    "extra-label": "ไฟล์มีคอลัมน์ที่พจนานุกรมข้อมูลไม่ได้อธิบาย",
    "missing-label": "พจนานุกรมข้อมูลมีคอลัมน์ที่ไฟล์ไม่มี",
    "incorrect-label": "ชื่อคอลัมน์ในไฟล์ไม่ตรงกับพจนานุกรมข้อมูล",
    "blank-row": "มีแถวว่างทั้งแถว",
    "duplicate-row": "มีแถวซ้ำกันทั้งแถว",
    "extra-cell": "แถวนี้มีช่องมากกว่าหัวตาราง",
    "missing-cell": "แถวนี้มีช่องน้อยกว่าหัวตาราง",
    "hash-count": "ค่าตรวจสอบความถูกต้องของไฟล์ (checksum) หรือขนาดไฟล์ไม่ตรงกับที่บันทึกไว้",
    "encoding-error": "อ่านไฟล์ด้วยการเข้ารหัสอักขระ (encoding) ที่บอกไว้ไม่ได้",
}


# --- reading a real record -------------------------------------------------------------------------


def _flatten(record: dict) -> dict:
    """A CKAN package as one flat dict: ``organization`` becomes its title, ``extras`` become keys."""
    flat = {key: value for key, value in record.items() if key not in {"organization", "extras", "tags"}}
    org = record.get("organization")
    if isinstance(org, dict):
        flat["organization"] = org.get("title") or org.get("name")
    elif org is not None:
        flat["organization"] = org
    tags = record.get("tags")
    if isinstance(tags, list):
        flat["tags"] = [t.get("name", t) if isinstance(t, dict) else t for t in tags]
    for extra in record.get("extras") or []:
        if isinstance(extra, dict) and "key" in extra:
            flat.setdefault(extra["key"], extra.get("value"))
    return flat


def record_fields(record: dict) -> pd.DataFrame:
    """List a data.go.th record's metadata fields: field name, Thai meaning, value, and where it is stored.

    ``record`` is one package dict as the portal's API returns it (e.g. ``portal.dataset(name).raw``).
    The standard fields come first in :data:`DATAGOTH_FIELDS` order; keys stored under ``extras``
    are listed after them (that is where a misspelt key hides).

    แสดงช่องคำอธิบายชุดข้อมูลตามแบบของ data.go.th พร้อมความหมายภาษาไทยและค่าที่กรอกไว้

    >>> rec = {"title": "ทดลอง", "organization": {"title": "กรมหนึ่ง"}, "geo_coverage": "ประเทศ",
    ...        "extras": [{"key": "height_value_dataset", "value": "1"}]}
    >>> record_fields(rec)[["field", "value", "stored_in"]].to_dict("records")   # doctest: +NORMALIZE_WHITESPACE
    [{'field': 'title', 'value': 'ทดลอง', 'stored_in': 'ช่องหลัก'},
     {'field': 'organization', 'value': 'กรมหนึ่ง', 'stored_in': 'ช่องหลัก'},
     {'field': 'geo_coverage', 'value': 'ประเทศ', 'stored_in': 'ช่องหลัก'},
     {'field': 'height_value_dataset', 'value': '1', 'stored_in': 'extras'}]
    """
    if not isinstance(record, dict):
        raise TypeError('record ต้องเป็น dict ของชุดข้อมูลหนึ่งชุด เช่น portal.dataset("covid-19-daily").raw')
    flat = _flatten(record)
    extras = {e["key"] for e in record.get("extras") or [] if isinstance(e, dict) and "key" in e}
    rows = [
        {"field": key, "meaning": label, "value": flat[key], "stored_in": "ช่องหลัก"}
        for key, label in DATAGOTH_FIELDS.items()
        if key in flat and key not in extras
    ]
    rows += [
        {"field": key, "meaning": DATAGOTH_FIELDS.get(key, ""), "value": flat[key], "stored_in": "extras"}
        for key in sorted(extras)
    ]
    return pd.DataFrame(rows, columns=["field", "meaning", "value", "stored_in"])


# --- checking metadata ------------------------------------------------------------------------------


def _is_unknown(value) -> bool:
    if isinstance(value, (list, tuple)):
        return len(value) > 0 and all(_is_unknown(v) for v in value)
    return isinstance(value, str) and value.strip().lower() in UNKNOWN_VALUES


def _is_empty(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return False


def check_metadata(metadata: dict, *, required=REQUIRED_FIELDS) -> list[str]:
    """Return the problems (Thai sentences) in a data set's metadata; an empty list means none found.

    It finds required fields that are missing or empty, fields filled with a value that says
    nothing (``"ไม่ทราบ"``, also inside a list), a key that looks like a misspelt data.go.th field
    (e.g. ``height_value_dataset``), a licence label without a version, and a frequency interval that
    is not a whole number.  Accepts a flat dict or a raw CKAN record (``organization`` and ``extras``
    are read as the portal stores them).

    ตรวจคำอธิบายชุดข้อมูล: ช่องที่ขาด ค่าที่ไม่บอกอะไร ชื่อช่องที่น่าจะพิมพ์ผิด และป้ายสัญญาอนุญาตที่ไม่ระบุรุ่น

    >>> for problem in check_metadata({"title": "ทดลอง", "objective": ["ไม่ทราบ"],
    ...                                "height_value_dataset": "1"}, required=("title", "objective")):
    ...     print(problem)
    objective (วัตถุประสงค์): กรอกไว้ว่า ['ไม่ทราบ'] ซึ่งไม่ได้บอกอะไรผู้ใช้ข้อมูล
    height_value_dataset: ไม่ใช่ช่องของ data.go.th แต่คล้าย high_value_dataset (เป็นชุดข้อมูลที่มีคุณค่าสูงหรือไม่) พิมพ์ผิดหรือเปล่า
    >>> check_metadata({"license_title": "Creative Commons Attributions"}, required=())
    ['license_title (สัญญาอนุญาต): "Creative Commons Attributions" ไม่ได้ระบุรุ่นและเงื่อนไข (เช่น CC BY 4.0) ผู้ใช้จึงไม่รู้ว่าทำอะไรได้บ้าง']
    >>> check_metadata({"title": "ครบ"}, required=("title",))
    []
    """
    if not isinstance(metadata, dict):
        raise TypeError('metadata ต้องเป็น dict เช่น {"title": "...", "notes": "..."}')
    flat = _flatten(metadata)
    problems = []
    for key in required:
        if _is_empty(flat.get(key)):
            problems.append(f"{key} ({DATAGOTH_FIELDS.get(key, key)}): ยังไม่ได้กรอก")
    for key, value in flat.items():
        if key in DATAGOTH_FIELDS and _is_unknown(value):
            problems.append(f"{key} ({DATAGOTH_FIELDS[key]}): กรอกไว้ว่า {value!r} ซึ่งไม่ได้บอกอะไรผู้ใช้ข้อมูล")
    for key in flat:
        if key in DATAGOTH_FIELDS:
            continue
        close = difflib.get_close_matches(key, list(DATAGOTH_FIELDS), n=1, cutoff=0.8)
        if close:
            problems.append(
                f"{key}: ไม่ใช่ช่องของ data.go.th แต่คล้าย {close[0]} ({DATAGOTH_FIELDS[close[0]]}) พิมพ์ผิดหรือเปล่า"
            )
    licence = flat.get("license_title")
    if isinstance(licence, str) and "creative commons" in licence.lower() and not re.search(r"\d", licence):
        problems.append(
            f'license_title (สัญญาอนุญาต): "{licence}" ไม่ได้ระบุรุ่นและเงื่อนไข (เช่น CC BY 4.0) ผู้ใช้จึงไม่รู้ว่าทำอะไรได้บ้าง'
        )
    interval = flat.get("update_frequency_interval")
    if not _is_empty(interval) and not _is_unknown(interval) and not str(interval).strip().isdigit():
        problems.append(
            f"update_frequency_interval ({DATAGOTH_FIELDS['update_frequency_interval']}): "
            f'ต้องเป็นจำนวนเต็ม เช่น "1" แต่ได้ {interval!r}'
        )
    return problems


# --- the data dictionary ----------------------------------------------------------------------------


def _field_type(series: pd.Series) -> str:
    """The Table Schema type of a column, from its pandas dtype."""
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        times = series.dropna()
        return "date" if (times == times.dt.normalize()).all() else "datetime"
    return "string"


def data_dictionary(frame: pd.DataFrame, columns: dict) -> pd.DataFrame:
    """Build the data dictionary of ``frame``: every column with a Thai title, type, unit and definition.

    ``columns`` maps each column name to ``{"title": ..., "unit": ..., "description": ...}`` and
    optionally ``"constraints"`` (Table Schema constraints, e.g. ``{"required": True}``).  The type
    comes from the column's data (not typed by hand, so it cannot disagree with the file).  A column
    without an entry, an entry for a column the table does not have, or an entry without a title or
    a definition is refused with a Thai message: a data dictionary that skips a column is the
    commonest gap in published data.  Use ``"unit": "-"`` for a column that has no unit.

    สร้างพจนานุกรมข้อมูล ทุกคอลัมน์ต้องมีชื่อภาษาไทย ชนิดข้อมูล หน่วย และนิยาม

    >>> df = pd.DataFrame({"province_code": ["10"], "deaths": [1]})
    >>> data_dictionary(df, {"province_code": {"title": "รหัสจังหวัด", "unit": "-", "description": "รหัส 2 หลัก"},
    ...                      "deaths": {"title": "ผู้เสียชีวิต", "unit": "คน", "description": "จำนวนคน"}})
              name        title     type unit  description constraints
    0  province_code  รหัสจังหวัด   string    -   รหัส 2 หลัก          {}
    1         deaths  ผู้เสียชีวิต  integer   คน       จำนวนคน          {}
    >>> data_dictionary(df, {"deaths": {"title": "ผู้เสียชีวิต", "unit": "คน", "description": "จำนวนคน"}})
    Traceback (most recent call last):
    ...
    ValueError: พจนานุกรมข้อมูลยังไม่ได้อธิบายคอลัมน์: province_code (ทุกคอลัมน์ต้องมีชื่อภาษาไทย หน่วย และนิยาม)
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("frame ต้องเป็นตาราง (pandas DataFrame)")
    if not isinstance(columns, dict):
        raise TypeError('columns ต้องเป็น dict: {ชื่อคอลัมน์: {"title": ..., "unit": ..., "description": ...}}')
    missing = [c for c in frame.columns if c not in columns]
    if missing:
        raise ValueError(
            f"พจนานุกรมข้อมูลยังไม่ได้อธิบายคอลัมน์: {', '.join(map(str, missing))}"
            " (ทุกคอลัมน์ต้องมีชื่อภาษาไทย หน่วย และนิยาม)"
        )
    extra = [c for c in columns if c not in frame.columns]
    if extra:
        raise ValueError(f"พจนานุกรมข้อมูลอธิบายคอลัมน์ที่ตารางไม่มี: {', '.join(map(str, extra))}")
    rows = []
    for name in frame.columns:
        entry = columns[name]
        lacking = [
            label
            for key, label in (("title", "ชื่อภาษาไทย"), ("unit", "หน่วย"), ("description", "นิยาม"))
            if _is_empty(entry.get(key))
        ]
        if lacking:
            raise ValueError(f'คอลัมน์ {name} ยังขาด {" และ ".join(lacking)} (ถ้าไม่มีหน่วย ให้ใส่ "-")')
        rows.append(
            {
                "name": str(name),
                "title": entry["title"],
                "type": _field_type(frame[name]),
                "unit": entry["unit"],
                "description": entry["description"],
                "constraints": dict(entry.get("constraints") or {}),
            }
        )
    return pd.DataFrame(rows, columns=["name", "title", "type", "unit", "description", "constraints"])


# --- writing files atomically -----------------------------------------------------------------------


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temporary path)`` in ``path``'s folder, then move the result onto ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix + ".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp makes the file private (0600); give it the permissions a normal new file gets.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` as UTF-8, atomically (e.g. a data story's HTML page); return the path.

    บันทึกข้อความเป็นไฟล์ UTF-8 (ถ้าเซลล์หยุดกลางทาง ไฟล์เดิมไม่เสีย)

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_text(Path(tmp) / "a.html", "<p>ไทย</p>").read_text(encoding="utf-8")
    '<p>ไทย</p>'
    """
    if not isinstance(text, str):
        raise TypeError(f"text ต้องเป็นข้อความ (str) แต่ได้ {type(text).__name__}")
    return _atomic(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"))


def export_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as CSV in ``utf-8-sig`` (with a BOM, so Excel shows Thai) and return the path.

    บันทึกตารางเป็น CSV ที่เปิดด้วย Excel แล้วภาษาไทยไม่เพี้ยน (ไม่มีคอลัมน์ดัชนี)

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = export_csv(pd.DataFrame({"จังหวัด": ["ลำปาง"]}), Path(tmp) / "t.csv")
    ...     p.read_bytes()[:3], pd.read_csv(p, encoding="utf-8-sig").columns.tolist()
    (b'\\xef\\xbb\\xbf', ['จังหวัด'])
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("frame ต้องเป็นตาราง (pandas DataFrame)")
    return _atomic(Path(path), lambda tmp: frame.to_csv(tmp, index=False, encoding="utf-8-sig"))


def _dictionary_frame(dictionary: pd.DataFrame) -> pd.DataFrame:
    table = dictionary[["name", "title", "type", "unit", "description"]]
    return table.set_axis(["ชื่อคอลัมน์", "ชื่อภาษาไทย", "ชนิดข้อมูล", "หน่วย", "นิยาม"], axis=1)


def _metadata_frame(metadata: dict) -> pd.DataFrame:
    def text(value):
        return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value

    rows = [(key, DATAGOTH_FIELDS.get(key, ""), text(value)) for key, value in metadata.items()]
    return pd.DataFrame(rows, columns=["ช่อง (data.go.th)", "ความหมาย", "ค่า"])


def export_excel(
    frame: pd.DataFrame,
    path: str | Path,
    *,
    dictionary: pd.DataFrame | None = None,
    metadata: dict | None = None,
) -> Path:
    """Write an Excel workbook: sheet "ข้อมูล" (the table), and "พจนานุกรมข้อมูล" / "คำอธิบายชุดข้อมูล" if given.

    Excel users then get the definitions in the same file as the numbers.

    บันทึกเป็นไฟล์ Excel พร้อมแผ่นงานพจนานุกรมข้อมูลและคำอธิบายชุดข้อมูล

    >>> import tempfile
    >>> df = pd.DataFrame({"deaths": [1]})
    >>> dd = data_dictionary(df, {"deaths": {"title": "ผู้เสียชีวิต", "unit": "คน", "description": "จำนวนคน"}})
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = export_excel(df, Path(tmp) / "t.xlsx", dictionary=dd, metadata={"title": "ทดลอง"})
    ...     list(pd.read_excel(p, sheet_name=None, engine="openpyxl"))
    ['ข้อมูล', 'พจนานุกรมข้อมูล', 'คำอธิบายชุดข้อมูล']
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("frame ต้องเป็นตาราง (pandas DataFrame)")
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"ไฟล์ Excel ต้องลงท้ายด้วย .xlsx แต่ได้ {path.name}")

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="ข้อมูล", index=False)
            if dictionary is not None:
                _dictionary_frame(dictionary).to_excel(writer, sheet_name="พจนานุกรมข้อมูล", index=False)
            if metadata is not None:
                _metadata_frame(metadata).to_excel(writer, sheet_name="คำอธิบายชุดข้อมูล", index=False)

    return _atomic(path, write)


# --- the data package ---------------------------------------------------------------------------------


def _schema(dictionary: pd.DataFrame, primary_key) -> dict:
    fields = []
    for row in dictionary.to_dict("records"):
        field = {
            "name": row["name"],
            "title": row["title"],
            "type": row["type"],
            "description": row["description"],
            "unit": row["unit"],
        }
        if row.get("constraints"):
            field["constraints"] = dict(row["constraints"])
        fields.append(field)
    schema = {"fields": fields}
    if primary_key:
        keys = [primary_key] if isinstance(primary_key, str) else list(primary_key)
        unknown = [k for k in keys if k not in set(dictionary["name"])]
        if unknown:
            raise ValueError(f"คีย์หลัก (primary key) {', '.join(unknown)} ไม่อยู่ในพจนานุกรมข้อมูล")
        schema["primaryKey"] = keys
    return schema


def _descriptor(metadata: dict, name: str, resources: list[dict]) -> dict:
    sources = metadata.get("data_source")
    sources = [sources] if isinstance(sources, str) else list(sources or [])
    licence = {"title": metadata["license_title"]}
    if metadata.get("license_id"):
        licence["name"] = metadata["license_id"]
    if metadata.get("license_url"):
        licence["path"] = metadata["license_url"]
    descriptor = {
        "name": name,
        "title": metadata["title"],
        "description": metadata["notes"],
        "licenses": [licence],
        "contributors": [{"title": metadata["organization"], "role": "publisher"}],
        "sources": [{"title": str(s)} for s in sources],
    }
    if metadata.get("tags"):
        descriptor["keywords"] = list(metadata["tags"])
    # The data.go.th fields travel too, under the portal's own names (custom properties are allowed
    # in a Data Package), so the agency can copy them into the portal's form as they are.
    descriptor.update(
        {k: v for k, v in metadata.items() if k not in {"title", "name", "tags", "license_url"}}
    )
    descriptor["resources"] = resources
    return descriptor


def make_package(
    frame: pd.DataFrame,
    metadata: dict,
    folder: str | Path,
    *,
    dictionary: pd.DataFrame,
    name: str,
    primary_key: str | list[str] | None = None,
):
    """Write ``frame`` as ``<name>.csv`` (utf-8-sig), its data dictionary and ``datapackage.json``; validate.

    ``metadata`` uses data.go.th's field names (:data:`DATAGOTH_FIELDS`, plus ``license_url``, the
    link to the licence's full text; ``license_url`` or ``license_id`` is required); it is checked first with :func:`check_metadata` and refused, in Thai, if it has
    problems.  ``dictionary`` comes from :func:`data_dictionary` and becomes the table's schema
    (Thai titles, types, units, definitions, constraints; ``primary_key`` names the column(s) that
    identify a row).  The data dictionary is also written as a second resource,
    ``<name>_data_dictionary.csv``, as data.go.th's own packages carry one.  Returns frictionless's
    validation report (``report.valid``; see :func:`errors_table`).

    เขียนแพ็กเกจข้อมูล (CSV + พจนานุกรมข้อมูล + datapackage.json) แล้วตรวจด้วย frictionless

    >>> import tempfile
    >>> df = pd.DataFrame({"province_code": ["10", None], "deaths": [5, 7]})
    >>> dd = data_dictionary(df, {
    ...     "province_code": {"title": "รหัสจังหวัด", "unit": "-", "description": "รหัส 2 หลัก",
    ...                       "constraints": {"required": True}},
    ...     "deaths": {"title": "ผู้เสียชีวิต", "unit": "คน", "description": "จำนวนคน"}})
    >>> meta = {"title": "ทดลอง", "notes": "ตาราง", "organization": "ฉัน", "license_title": "CC BY 4.0",
    ...         "license_url": "https://creativecommons.org/licenses/by/4.0/deed.th",
    ...         "update_frequency_unit": "ปี", "update_frequency_interval": "1", "geo_coverage": "จังหวัด",
    ...         "data_category": "ข้อมูลสาธารณะ", "data_type": "ข้อมูลสถิติ", "objective": ["การเรียนรู้"],
    ...         "data_format": ["CSV"], "data_language": ["ไทย"], "data_source": ["ที่มา"]}
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     report = make_package(df, meta, tmp, dictionary=dd, name="test")
    ...     sorted(p.name for p in Path(tmp).iterdir())
    ['datapackage.json', 'test.csv', 'test_data_dictionary.csv']
    >>> report.valid, errors_table(report)["ชนิดข้อผิดพลาด"].tolist()
    (False, ['constraint-error'])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     make_package(df, {"title": "ทดลอง"}, tmp, dictionary=dd, name="test")      # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: คำอธิบายชุดข้อมูลยังมีปัญหา 13 ข้อ แก้ก่อนเผยแพร่:
    - notes (คำอธิบายชุดข้อมูล): ยังไม่ได้กรอก
    ...
    """
    from frictionless import validate

    if not isinstance(frame, pd.DataFrame):
        raise TypeError("frame ต้องเป็นตาราง (pandas DataFrame)")
    if not isinstance(name, str) or not _SLUG.match(name):
        raise ValueError(f"name ต้องเป็นภาษาอังกฤษตัวเล็ก ตัวเลข - _ หรือ . เท่านั้น (ชื่อในลิงก์) แต่ได้ {name!r}")
    problems = check_metadata(metadata)
    if _is_empty(metadata.get("license_url")) and _is_empty(metadata.get("license_id")):
        problems.append(
            'license_url: ใส่ลิงก์ของข้อความสัญญาอนุญาตฉบับเต็ม (หรือ license_id เช่น "CC-BY-4.0")'
            " ผู้ใช้จะได้อ่านเงื่อนไขได้เอง"
        )
    if problems:
        raise ValueError(
            f"คำอธิบายชุดข้อมูลยังมีปัญหา {len(problems)} ข้อ แก้ก่อนเผยแพร่:\n" + "\n".join(f"- {p}" for p in problems)
        )
    if list(dictionary["name"]) != [str(c) for c in frame.columns]:
        raise ValueError("พจนานุกรมข้อมูลไม่ตรงกับคอลัมน์ของตาราง: สร้างใหม่ด้วย data_dictionary(ตาราง, ...)")
    folder = Path(folder)
    table_file, dictionary_file = f"{name}.csv", f"{name}_data_dictionary.csv"
    export_csv(frame, folder / table_file)
    export_csv(_dictionary_frame(dictionary), folder / dictionary_file)
    csv = {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig"}
    resources = [
        {
            "name": name,
            "title": metadata["title"],
            "path": table_file,
            **csv,
            "schema": _schema(dictionary, primary_key),
        },
        {
            "name": f"{name}_data_dictionary",
            "title": "พจนานุกรมข้อมูล (data dictionary)",
            "path": dictionary_file,
            **csv,
            "schema": {
                "fields": [{"name": c, "type": "string"} for c in _dictionary_frame(dictionary).columns]
            },
        },
    ]
    descriptor = _descriptor(metadata, name, resources)
    text = json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"
    package_file = write_text(folder / "datapackage.json", text)
    return validate(str(package_file.resolve()))


def errors_table(report) -> pd.DataFrame:
    """The errors of a frictionless report as a Thai table: file, row, column, error type, cell, explanation.

    ``แถวที่`` counts as a spreadsheet does: row 1 is the header, so the first data row is row 2.

    แปลงรายงานของ frictionless เป็นตารางภาษาไทย พร้อมคำอธิบายของข้อผิดพลาดแต่ละชนิด

    >>> from frictionless import Resource, Schema, validate
    >>> schema = Schema.from_descriptor({"fields": [{"name": "n", "type": "integer"}]})
    >>> report = validate(Resource(data=[["n"], ["x"]], schema=schema))
    >>> errors_table(report)[["แถวที่", "คอลัมน์", "ชนิดข้อผิดพลาด", "ค่าในช่อง"]].to_dict("records")
    [{'แถวที่': 2, 'คอลัมน์': 'n', 'ชนิดข้อผิดพลาด': 'type-error', 'ค่าในช่อง': 'x'}]
    """
    rows = []
    for task in report.tasks:
        for error in task.errors:
            kind = error.type
            rows.append(
                {
                    "ไฟล์": task.name,
                    "แถวที่": getattr(error, "row_number", None),
                    "คอลัมน์": getattr(error, "field_name", None),
                    "ชนิดข้อผิดพลาด": kind,
                    "ค่าในช่อง": getattr(error, "cell", None),
                    "คำอธิบาย": _ERROR_TH.get(kind, error.note or error.message),
                }
            )
    for error in report.errors:  # errors of the package itself (e.g. a broken descriptor)
        rows.append(
            {
                "ไฟล์": "datapackage.json",
                "แถวที่": None,
                "คอลัมน์": None,
                "ชนิดข้อผิดพลาด": error.type,
                "ค่าในช่อง": None,
                "คำอธิบาย": _ERROR_TH.get(error.type, error.note or error.message),
            }
        )
    table = pd.DataFrame(rows, columns=["ไฟล์", "แถวที่", "คอลัมน์", "ชนิดข้อผิดพลาด", "ค่าในช่อง", "คำอธิบาย"])
    table["แถวที่"] = table["แถวที่"].astype("Int64")
    return table
