"""Turn CKAN package dicts into learner-friendly pandas objects with Thai labels.

>>> from helpers.portal.snapshot import Snapshot
>>> info = DatasetInfo(Snapshot().package("pm25-daily-2566"))
>>> info.info["หน่วยงานเจ้าของข้อมูล"]
'กรมควบคุมมลพิษ'
"""

from __future__ import annotations

import copy

import pandas as pd

__all__ = ["SEARCH_COLUMNS", "RESOURCE_COLUMNS", "search_table", "organizations_table",
           "resources_table", "DatasetInfo", "gd_field"]

SEARCH_COLUMNS = ["name", "title", "organization", "formats", "last_modified", "license",
                  "num_resources"]
RESOURCE_COLUMNS = ["id", "name", "format", "size", "last_modified", "first_year",
                    "datastore_active", "url"]

# Thai labels of the metadata shown by DatasetInfo.info (GD-Catalog field names on the right).
INFO_LABELS = [
    ("ชื่อชุดข้อมูล (title)", "title"),
    ("ชื่อย่อ (name)", "name"),
    ("หน่วยงานเจ้าของข้อมูล", "organization"),
    ("คำอธิบาย", "notes"),
    ("คำสำคัญ (tags)", "tags"),
    ("ประเภทข้อมูล", "data_type"),
    ("ความถี่ในการปรับปรุงข้อมูล", "update_frequency"),
    ("ขอบเขตเชิงภูมิศาสตร์", "geo_coverage"),
    ("รูปแบบไฟล์", "data_format"),
    ("ภาษา", "data_language"),
    ("แหล่งที่มา", "data_source"),
    ("วันที่เผยแพร่", "data_release_date"),
    ("ปรับปรุงคำอธิบายล่าสุด", "metadata_modified"),
    ("สัญญาอนุญาต (license)", "license_title"),
    ("อนุญาตให้เก็บเกี่ยวข้อมูล (harvest)", "allow_harvest"),
    ("จำนวนไฟล์ข้อมูล", "num_resources"),
    ("ข้อมูลจำลองของชุดเรียน", "kit_simulated"),
]

_BOOL_TH = {"true": "ใช่", "false": "ไม่ใช่", "partial": "บางส่วน"}


def gd_field(pkg: dict, key: str, default=None):
    """A GD-Catalog field, whether at the top level (scheming) or in ``extras`` (classic CKAN).

    >>> gd_field({"extras": [{"key": "geo_coverage", "value": "จังหวัด"}]}, "geo_coverage")
    'จังหวัด'
    >>> gd_field({"geo_coverage": "ประเทศ"}, "geo_coverage")
    'ประเทศ'
    """
    if key in pkg and pkg[key] not in (None, ""):
        return pkg[key]
    for extra in pkg.get("extras") or []:
        if isinstance(extra, dict) and extra.get("key") == key:
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
    for r in pkg.get("resources") or []:
        fmt = (r.get("format") or "").strip().upper()
        if fmt and fmt not in seen:
            seen.append(fmt)
    return ", ".join(seen)


def _timestamp(value):
    return pd.to_datetime(value, errors="coerce") if value else pd.NaT


def search_table(packages: list[dict]) -> pd.DataFrame:
    """One row per package: the columns of :data:`SEARCH_COLUMNS`.

    >>> search_table([]).columns.tolist()
    ['name', 'title', 'organization', 'formats', 'last_modified', 'license', 'num_resources']
    """
    rows = []
    for p in packages:
        org = p.get("organization") or {}
        rows.append({
            "name": p.get("name", ""),
            "title": p.get("title", ""),
            "organization": org.get("title") or org.get("name", ""),
            "formats": _formats(p),
            "last_modified": _timestamp(p.get("metadata_modified")),
            "license": p.get("license_title") or p.get("license_id") or "",
            "num_resources": int(p.get("num_resources", len(p.get("resources") or []))),
        })
    df = pd.DataFrame(rows, columns=SEARCH_COLUMNS)
    df["last_modified"] = pd.to_datetime(df["last_modified"])
    df["num_resources"] = df["num_resources"].astype("int64")
    return df


def organizations_table(orgs: list) -> pd.DataFrame:
    """``organization_list`` answers (names or dicts) as a DataFrame: name, title, package_count.

    >>> organizations_table(["a", {"name": "b", "title": "บี", "package_count": 2}])
      name title  package_count
    0    a                   0
    1    b    บี              2
    """
    rows = []
    for o in orgs:
        if isinstance(o, str):
            rows.append({"name": o, "title": "", "package_count": 0})
        else:
            rows.append({"name": o.get("name", ""), "title": o.get("title") or o.get("display_name", ""),
                         "package_count": int(o.get("package_count") or 0)})
    return pd.DataFrame(rows, columns=["name", "title", "package_count"])


def resources_table(pkg: dict) -> pd.DataFrame:
    """The resources of a package: :data:`RESOURCE_COLUMNS`.

    >>> resources_table({"resources": [{"id": "r1", "format": "xsl"}]})[["id", "format"]]
       id format
    0  r1    XSL
    """
    rows = []
    for r in pkg.get("resources") or []:
        size = r.get("size")
        rows.append({
            "id": r.get("id", ""),
            "name": r.get("name") or "",
            "format": (r.get("format") or "").strip().upper(),
            "size": pd.NA if size in (None, "") else int(size),
            "last_modified": _timestamp(r.get("last_modified") or r.get("created")),
            "first_year": r.get("resource_first_year_of_data") or "",
            "datastore_active": bool(r.get("datastore_active")),
            "url": r.get("url") or "",
        })
    df = pd.DataFrame(rows, columns=RESOURCE_COLUMNS)
    df["size"] = df["size"].astype("Int64")
    df["last_modified"] = pd.to_datetime(df["last_modified"])
    return df


class DatasetInfo:
    """A data set's metadata: ``.info`` (Thai-labelled Series), ``.resources`` (DataFrame), ``.raw``.

    ``print(info)`` or just ``info`` in a notebook shows a short Thai summary.

    >>> from helpers.portal.snapshot import Snapshot
    >>> info = DatasetInfo(Snapshot().package("domestic-tourism-province"))
    >>> info.name, info.simulated, len(info.resources)
    ('domestic-tourism-province', True, 1)
    >>> info.resources.loc[0, "format"]
    'JSON'
    """

    def __init__(self, package: dict, source: str = "live"):
        self.raw: dict = copy.deepcopy(package)
        self.source = source
        self.name: str = package.get("name", "")
        self.title: str = package.get("title", "")
        self.id: str = package.get("id", "")
        self.resources: pd.DataFrame = resources_table(package)
        self.simulated: bool = str(gd_field(package, "kit_simulated", "False")).lower() in ("true", "partial")
        self.info: pd.Series = self._info()

    def _info(self) -> pd.Series:
        p = self.raw
        org = p.get("organization") or {}
        unit = gd_field(p, "update_frequency_unit", "")
        interval = gd_field(p, "update_frequency_interval", "")
        values = {
            "organization": org.get("title") or org.get("name", ""),
            "tags": ", ".join(t.get("name", "") for t in p.get("tags") or []),
            "update_frequency": (f"ทุก {interval} {unit}" if interval and unit else unit) or "",
            "num_resources": len(p.get("resources") or []),
        }
        out = {}
        for label, key in INFO_LABELS:
            value = values[key] if key in values else gd_field(p, key, "")
            if key == "kit_simulated" and not value:
                continue
            if key in ("allow_harvest", "kit_simulated"):
                value = _BOOL_TH.get(str(value).lower(), str(value))
            elif key == "notes":
                value = " ".join(str(value or "").split())
            elif key != "num_resources":
                value = _text(value)
            out[label] = value
        return pd.Series(out, name=self.name, dtype="object")

    def __repr__(self) -> str:
        i = self.info
        lines = [f"ชุดข้อมูล: {self.title}", f"ชื่อย่อ (name): {self.name}"]
        for label in ("หน่วยงานเจ้าของข้อมูล", "ประเภทข้อมูล", "ความถี่ในการปรับปรุงข้อมูล",
                      "ขอบเขตเชิงภูมิศาสตร์", "สัญญาอนุญาต (license)", "ปรับปรุงคำอธิบายล่าสุด"):
            if i.get(label):
                lines.append(f"{label}: {i[label]}")
        flag = str(gd_field(self.raw, "kit_simulated", "")).lower()
        if flag == "partial":
            lines.append("หมายเหตุ: ชื่อย่อและหน่วยงานเป็นของจริง ส่วนรายละเอียดอื่นในสำเนานี้เป็นข้อมูลจำลอง")
        elif flag == "true":
            lines.append("หมายเหตุ: เป็นข้อมูลจำลองในสำเนาแคตตาล็อกของชุดเรียน")
        lines.append(f"ไฟล์ข้อมูล (resources) {len(self.resources)} ไฟล์:")
        for n, r in enumerate(self.resources.itertuples(), start=1):
            extra = " มี DataStore" if r.datastore_active else ""
            lines.append(f"  {n}. [{r.format}] {r.name}{extra}")
        lines.append("ดูรายละเอียดทั้งหมดที่ .info และตารางไฟล์ที่ .resources")
        return "\n".join(lines)

    __str__ = __repr__
