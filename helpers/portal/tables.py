"""Turn CKAN package dicts into learner-friendly pandas objects with Thai labels.

Field values are read defensively: portals send sizes as "1.2 MB", counts as text, ``null``
formats or no ``resources`` at all.  What can be read exactly is kept, anything else becomes
unknown (``<NA>``, ``NaT`` or an empty text) — never a crash and never a guess.

>>> from helpers.portal.snapshot import Snapshot
>>> info = PortalDataset(Snapshot().package("covid-19-daily"))
>>> info.info["หน่วยงานเจ้าของข้อมูล"], info.info["ความถี่ในการปรับปรุงข้อมูล"]
('กรมควบคุมโรค', 'ทุก 1 วัน')
"""

from __future__ import annotations

import copy
import math
import numbers
import re
import warnings

import pandas as pd

from . import errors

__all__ = [
    "SEARCH_COLUMNS",
    "RESOURCE_COLUMNS",
    "search_table",
    "organizations_table",
    "resources_table",
    "PortalDataset",
    "gd_field",
    "whole_number",
]

SEARCH_COLUMNS = ["name", "title", "organization", "formats", "last_modified", "license", "num_resources"]
RESOURCE_COLUMNS = ["id", "name", "format", "size", "last_modified", "first_year", "datastore_active", "url"]

# Thai labels of the metadata shown by PortalDataset.info (GD-Catalog field names on the right).
INFO_LABELS = [
    ("ชื่อชุดข้อมูล (title)", "title"),
    ("ชื่อในลิงก์ (name)", "name"),
    ("หน่วยงานเจ้าของข้อมูล", "organization"),
    ("คำอธิบาย", "notes"),
    ("คำสำคัญ (tags)", "tags"),
    ("ประเภทข้อมูล", "data_type"),
    ("ความถี่ในการปรับปรุงข้อมูล", "update_frequency"),
    ("ขอบเขตเชิงพื้นที่", "geo_coverage"),
    ("รูปแบบไฟล์", "data_format"),
    ("ภาษา", "data_language"),
    ("แหล่งที่มา", "data_source"),
    ("วันที่เผยแพร่", "data_release_date"),
    ("ปรับปรุงคำอธิบายล่าสุด", "metadata_modified"),
    ("สัญญาอนุญาต (license)", "license_title"),
    ("อนุญาตให้เก็บเกี่ยวข้อมูล (harvest)", "allow_harvest"),
    ("จำนวนไฟล์ข้อมูล", "num_resources"),
]
# Shown by repr when present; listed as missing when the record does not give them.
SUMMARY_LABELS = [
    "หน่วยงานเจ้าของข้อมูล",
    "ประเภทข้อมูล",
    "ความถี่ในการปรับปรุงข้อมูล",
    "ขอบเขตเชิงพื้นที่",
    "สัญญาอนุญาต (license)",
    "ปรับปรุงคำอธิบายล่าสุด",
]

_BOOL_TH = {"true": "ใช่", "false": "ไม่ใช่", "partial": "บางส่วน"}


def whole_number(value) -> int | None:
    """A count or a size in bytes when ``value`` states one exactly (>= 0), else None (unknown).

    Accepted: ints, whole floats, and digit strings (Thai digits too, thousands commas allowed).
    Refused: negatives, booleans, and sizes with units such as "1.2 MB" — CKAN's ``size`` is bytes,
    and "MB" may mean 1,000,000 or 1,048,576 bytes, so the exact size cannot be known.

    >>> [whole_number(v) for v in (2048, 2048.0, "2,048", " ๒๐๔๘ ")]
    [2048, 2048, 2048, 2048]
    >>> [whole_number(v) for v in ("1.2 MB", None, "", -5, True, 1.5, "12,34", float("nan"))]
    [None, None, None, None, None, None, None, None]
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, numbers.Integral):
        return int(value) if value >= 0 else None
    if isinstance(value, numbers.Real):
        value = float(value)
        return int(value) if math.isfinite(value) and value >= 0 and value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{1,3}(,\d{3})+", text):  # \d matches Thai digits too
            text = text.replace(",", "")
        return int(text) if text.isdecimal() else None
    return None


def _str(value) -> str:
    # A text field that may come as null, a number or something odd: never "None", never a crash.
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return ""
    return value if isinstance(value, str) else str(value)


def _dicts(value) -> list[dict]:
    # A list field (resources, tags, extras) that may be missing, null, or hold non-dicts.
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _flag(value) -> bool:
    # GD-Catalog sends booleans as the text "True"/"False"; bool("False") would be True.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return value is True or (isinstance(value, numbers.Integral) and value == 1)


def _org_title(pkg: dict) -> str:
    org = pkg.get("organization")
    if isinstance(org, dict):
        return _str(org.get("title")) or _str(org.get("name"))
    return _str(org)


def _or_na(text: str):
    # A field the answer does not give stays missing (<NA>), never an invented empty value.
    return text if text.strip() else pd.NA


def _flag_or_na(value):
    # datastore_active: True/False when the portal says so, unknown (<NA>) when it does not.
    if value is None or (isinstance(value, str) and not value.strip()):
        return pd.NA
    return _flag(value)


def gd_field(pkg: dict, key: str, default=None):
    """A GD-Catalog field, whether at the top level (scheming) or in ``extras`` (classic CKAN).

    >>> gd_field({"extras": [{"key": "geo_coverage", "value": "จังหวัด"}]}, "geo_coverage")
    'จังหวัด'
    >>> gd_field({"geo_coverage": "ประเทศ"}, "geo_coverage")
    'ประเทศ'
    """
    if key in pkg and pkg[key] not in (None, ""):
        return pkg[key]
    for extra in _dicts(pkg.get("extras")):
        if extra.get("key") == key:
            return extra.get("value")
    return default


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        # Some CKANs return list fields as the text '["CSV", "XLSX"]'.
        import json

        try:
            return ", ".join(str(v) for v in json.loads(value))
        except ValueError:
            return value
    return str(value)


def _formats(pkg: dict) -> str:
    seen: list[str] = []
    for r in _dicts(pkg.get("resources")):
        fmt = _str(r.get("format")).strip().upper()
        if fmt and fmt not in seen:
            seen.append(fmt)
    return ", ".join(seen)


def _timestamp(value):
    if not isinstance(value, str) or not value.strip():
        return pd.NaT
    with warnings.catch_warnings():  # "could not infer format" for odd texts: NaT is the answer
        warnings.simplefilter("ignore")
        ts = pd.to_datetime(value, errors="coerce")
    if isinstance(ts, pd.Timestamp) and ts.tzinfo is not None:
        ts = ts.tz_convert(None)  # one column of naive UTC times, whatever each portal sends
    return ts


def search_table(packages: list[dict]) -> pd.DataFrame:
    """One row per package: the columns of :data:`SEARCH_COLUMNS`.

    A field the package does not give (no organisation, no licence, no date) is missing
    (``<NA>``/``NaT``); ``formats`` lists the formats that are stated ("" when none is).

    >>> search_table([]).columns.tolist()
    ['name', 'title', 'organization', 'formats', 'last_modified', 'license', 'num_resources']

    ``num_resources`` is CKAN's count when it is a number, else the length of ``resources``
    when that list is there, else unknown (``<NA>``).

    >>> search_table([{"name": "a", "num_resources": "สาม"}, {"name": "b"}])["num_resources"].tolist()
    [<NA>, <NA>]
    """
    rows = []
    for p in packages if isinstance(packages, list) else []:
        if not isinstance(p, dict):
            continue
        count = whole_number(p.get("num_resources"))
        if count is None and isinstance(p.get("resources"), list):
            count = len(_dicts(p["resources"]))
        rows.append(
            {
                "name": _str(p.get("name")),
                "title": _or_na(_str(p.get("title"))),
                "organization": _or_na(_org_title(p)),
                "formats": _formats(p),
                "last_modified": _timestamp(p.get("metadata_modified")),
                "license": _or_na(_str(p.get("license_title")) or _str(p.get("license_id"))),
                "num_resources": pd.NA if count is None else count,
            }
        )
    df = pd.DataFrame(rows, columns=SEARCH_COLUMNS)
    df["last_modified"] = pd.to_datetime(df["last_modified"])
    df["num_resources"] = df["num_resources"].astype("Int64")
    return df


def organizations_table(orgs: list) -> pd.DataFrame:
    """``organization_list`` answers (names or dicts) as a DataFrame: name, title, package_count.

    >>> organizations_table(["a", {"name": "b", "title": "บี", "package_count": 2}])
      name title  package_count
    0    a                   0
    1    b    บี              2
    """
    rows = []
    for o in orgs if isinstance(orgs, list) else []:
        if isinstance(o, str):
            rows.append({"name": o, "title": "", "package_count": 0})
        elif isinstance(o, dict):
            rows.append(
                {
                    "name": _str(o.get("name")),
                    "title": _str(o.get("title")) or _str(o.get("display_name")),
                    "package_count": whole_number(o.get("package_count")) or 0,
                }
            )
    return pd.DataFrame(rows, columns=["name", "title", "package_count"])


def resources_table(pkg: dict) -> pd.DataFrame:
    """The resources of a package: :data:`RESOURCE_COLUMNS`.

    >>> resources_table({"resources": [{"id": "r1", "format": "xsl"}]})[["id", "format"]]
       id format
    0  r1    XSL

    ``size`` is in bytes when the portal states it exactly, else ``<NA>`` (see :func:`whole_number`).
    Any field the resource does not give (no format, no id, no DataStore flag) is ``<NA>``.

    >>> row = resources_table({"resources": [{"id": "r1", "size": "1.2 MB", "format": None}]}).iloc[0]
    >>> row["size"], row["format"], row["datastore_active"]
    (<NA>, <NA>, <NA>)
    """
    rows = []
    for r in _dicts(pkg.get("resources")):
        size = whole_number(r.get("size"))
        rows.append(
            {
                "id": _or_na(_str(r.get("id"))),
                "name": _or_na(_str(r.get("name"))),
                "format": _or_na(_str(r.get("format")).strip().upper()),
                "size": pd.NA if size is None else size,
                "last_modified": _timestamp(r.get("last_modified") or r.get("created")),
                "first_year": _or_na(_str(r.get("resource_first_year_of_data"))),
                "datastore_active": _flag_or_na(r.get("datastore_active")),
                "url": _or_na(_str(r.get("url"))),
            }
        )
    df = pd.DataFrame(rows, columns=RESOURCE_COLUMNS)
    df["size"] = df["size"].astype("Int64")
    df["datastore_active"] = df["datastore_active"].astype("boolean")
    df["last_modified"] = pd.to_datetime(df["last_modified"])
    return df


class PortalDataset:
    """One portal data set's metadata: ``.info`` (Thai-labelled Series), ``.resources`` (DataFrame), ``.raw``.

    What ``portal.dataset(name)`` returns.  (Named apart from :class:`helpers.data.DatasetInfo`,
    which describes a file bundled in ``data/``; this one describes a CKAN package.)
    ``print(info)`` or just ``info`` in a notebook shows a short Thai summary.
    A field the package does not give is ``<NA>`` in ``.info`` and is named as missing in the summary.

    >>> from helpers.portal.snapshot import Snapshot
    >>> info = PortalDataset(Snapshot().package("rtddi"))
    >>> info.name, len(info.resources), info.resources.loc[1, "format"]
    ('rtddi', 4, 'XLSX')
    >>> info.info["หน่วยงานเจ้าของข้อมูล"]   # the 2021 file names no organisation
    <NA>
    """

    def __init__(self, package: dict, source: str = "live"):
        if not isinstance(package, dict):
            raise errors.PortalUnexpectedAnswer("package_show", "คำอธิบายชุดข้อมูลแบบดิกชันนารี (dict)")
        self.raw: dict = copy.deepcopy(package)
        self.source = source
        self.name: str = _str(package.get("name"))
        self.title: str = _str(package.get("title"))
        self.id: str = _str(package.get("id"))
        self.resources: pd.DataFrame = resources_table(package)
        self.simulated: bool = str(gd_field(package, "kit_simulated", "False")).lower() in ("true", "partial")
        self.info: pd.Series = self._info()

    def _info(self) -> pd.Series:
        p = self.raw
        unit = _str(gd_field(p, "update_frequency_unit", ""))
        interval = _str(gd_field(p, "update_frequency_interval", ""))
        tags = p.get("tags") if isinstance(p.get("tags"), list) else None
        values = {
            "organization": _or_na(_org_title(p)),
            "tags": pd.NA
            if tags is None
            else ", ".join(
                t for t in (_str(t.get("name")) if isinstance(t, dict) else _str(t) for t in tags) if t
            ),
            "update_frequency": _or_na((f"ทุก {interval} {unit}" if interval and unit else unit) or ""),
            "num_resources": len(self.resources),
        }
        out = {}
        for label, key in INFO_LABELS:
            value = values[key] if key in values else gd_field(p, key, None)
            if key in values:
                pass
            elif value is None:
                value = pd.NA  # the record does not give this field
            elif key == "allow_harvest":
                value = _BOOL_TH.get(str(value).lower(), str(value))
            elif key == "notes":
                value = " ".join(str(value).split())
            else:
                value = _text(value)
            out[label] = value
        return pd.Series(out, name=self.name, dtype="object")

    def __repr__(self) -> str:
        i = self.info
        lines = [f"ชุดข้อมูล: {self.title}", f"ชื่อในลิงก์ (name): {self.name}"]
        missing = []
        for label in SUMMARY_LABELS:
            value = i.get(label)
            if value is None or value is pd.NA:
                missing.append(label)
            elif value != "":
                lines.append(f"{label}: {value}")
        if missing:
            lines.append(f"ไม่ได้ระบุในคำอธิบายชุดข้อมูลนี้ (missing): {', '.join(missing)}")
        lines.append(f"ทรัพยากร (resource) {len(self.resources)} ไฟล์:")
        for n, r in enumerate(self.resources.itertuples(), start=1):
            extra = " มี DataStore" if pd.notna(r.datastore_active) and bool(r.datastore_active) else ""
            fmt = r.format if isinstance(r.format, str) else "ไม่ระบุรูปแบบ"
            lines.append(f"  {n}. [{fmt}] {r.name if isinstance(r.name, str) else ''}{extra}")
        lines.append("ดูรายละเอียดทั้งหมดที่ .info และตารางไฟล์ที่ .resources")
        return "\n".join(lines)

    __str__ = __repr__


def __getattr__(name):
    # The old name, kept for code written before the rename (issue 12); not in __all__.
    if name == "DatasetInfo":
        warnings.warn("helpers.portal.DatasetInfo is now PortalDataset", DeprecationWarning, stacklevel=2)
        return PortalDataset
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
