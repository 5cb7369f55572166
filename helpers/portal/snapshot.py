"""The offline catalogue: REAL data.go.th records bundled in ``data/real/catalog/``.

สำเนาแค็ตตาล็อกแบบออฟไลน์ของชุดเรียน ทุกระเบียนเป็นคำอธิบายชุดข้อมูล (metadata) จริงจาก data.go.th
ไม่มีชุดข้อมูลจำลอง ไฟล์ที่ใช้ (ดูที่มาใน ``data/datapackage.json`` ชื่อที่ขึ้นต้นด้วย ``datagoth-``):

* ``datagoth_records_sample.jsonl`` — 1,238 real records (1,236 from a mirror of ``package_search``
  synced in July 2026, trimmed by the mirror: notes ≤ 600 characters, tags ≤ 8, no maintainer
  fields; plus ``covid-19-daily`` and ``rtddi``).  Their metadata was last modified in 2020–2021;
  the real portal held 41,236 data sets when the mirror was synced.
* ``package_search_*.json`` — full real ``package_search`` answers; a package found there replaces
  the trimmed record of the same name (today: ``covid-19-daily``, with DGA's fields and real ids).
* ``package_list_*.json`` — the real ``package_list`` answer (32,473 names, June 2025).

What the kit adds, and why it may: the records keep their own fields; a field a record lacks stays
missing.  Two things are *read* from the records, never made up:

* ``id`` of a package and of a resource, taken from the resource's download URL, which CKAN builds
  as ``/dataset/<package id>/resource/<resource id>/download/<file>`` (checked on covid-19-daily,
  whose real ids are in the full answer).  A URL of another shape (a short link, another site)
  gives no id.
* tags as CKAN's ``{"name": ...}`` dicts (the mirror kept only the names).

Search is a plain, predictable substring match (NFC + casefold) over name, title, notes, tags,
organisation and resource names: every word of the query must appear.  Why not Solr (what CKAN
uses)?  A workshop needs the same answer every time, no server and no Thai word segmentation model;
a substring match finds Thai words without cutting them into tokens.

>>> snap = Snapshot()
>>> len(snap.packages)
1238
>>> snap.search("ฝุ่น")   # PM2.5 is not in this sample of the catalogue
[]
>>> [p["name"] for p in snap.search("ปีใหม่ บาดเจ็บ")]
['item_7d61f508-d2e1-4f0c-8408-dfde29f111f5']
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import paths
from . import errors

__all__ = ["Snapshot", "catalog_dir", "RECORDS_FILE", "OFFLINE_DATASTORE_ID", "LOCAL_FILES"]

RECORDS_FILE = "datagoth_records_sample.jsonl"
OFFLINE_DATASTORE_ID = "kit-mots-tourism-province-monthly"  # the kit's own id, not a portal UUID
DATASTORE_TABLE = "mots-tourism-province-monthly"  # a data set of helpers.data (data/real/tourism/)
DATASTORE_NOTE = (
    "คำตอบนี้ชุดเรียนประกอบขึ้นจากตัวเลขจริงของกระทรวงการท่องเที่ยวและกีฬา (ผู้เยี่ยมเยือนและรายได้จากการท่องเที่ยว "
    "รายจังหวัด รายเดือน ม.ค. 2563 – มิ.ย. 2565 ตาราง mots-tourism-province-monthly ใน data/real/tourism/) "
    "ในรูปแบบของ datastore_search เพราะไม่มีคำตอบจริงที่บันทึกไว้"
)

# Resources whose file the kit ships in data/ (real files, see data/datapackage.json), by the
# resource's real URL: (path inside data/, Thai note shown when the copy is served offline).
LOCAL_FILES: dict[str, tuple[str, str]] = {
    "https://data.go.th/dataset/d46af694-d117-4253-b426-1203a6213d30/resource/"
    "78d4f56e-8f2f-4bb8-90c8-93d945237dff/download/___51-58_cutname_newyear_edit.xlsx": (
        "real/injuries/niems_newyear_2551-2558_sample.csv",
        "ไฟล์นี้เป็นตัวอย่าง ไม่ใช่ไฟล์เต็มบนพอร์ทัล: ระเบียนจริง 80 แถว (ปีละ 10 ราย พ.ศ. 2551–2558) ที่ทีมแฮกกาธอน"
        "ปี 2558 ตัดจากไฟล์ XLSX ของสถาบันการแพทย์ฉุกเฉินแห่งชาติมาเป็น CSV และเพิ่มคอลัมน์ year",
    ),
    "https://data.go.th/dataset/f5804870-7dc2-42df-86f3-769d6cc2ae23/resource/"
    "51d0dfa8-bd17-4a2d-8035-978ed597510f/download/3bura-_data_dictionary.xlsx": (
        "real/injuries/ddc_rtddi_data_dictionary.xlsx",
        "ไฟล์นี้เป็นสำเนาที่ดาวน์โหลดจากพอร์ทัลเมื่อ พ.ศ. 2564 (เก็บไว้ในที่เก็บโค้ดสาธารณะ) ไฟล์บนพอร์ทัลตอนนี้อาจเป็นรุ่นใหม่กว่า",
    ),
    "https://data.go.th/dataset/8a956917-436d-4afd-a2d4-59e4dd8e906e/resource/"
    "894664f5-447a-46ec-9fe2-1b6ae8f18be5/download/confirmed-cases-since-120465.csv": (
        "real/covid/ddc_confirmed_cases_2565-04-12_excerpt.csv",
        "ไฟล์นี้เป็นส่วนที่ตัดมา (excerpt) ไม่ใช่ไฟล์เต็มบนพอร์ทัล: ผู้ติดเชื้อ 335 รายที่ประกาศวันที่ 12 เม.ย. 2565 ในภาคเหนือ",
    ),
}

_CKAN_FILE_URL = re.compile(
    r"/dataset/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
    r"/resource/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/"
)


def catalog_dir() -> Path:
    """Folder of the real catalogue files (``data/real/catalog`` inside the kit's data folder).

    >>> catalog_dir().parts[-2:]
    ('real', 'catalog')
    """
    return paths.data_dir() / "real" / "catalog"


def ids_from_url(url) -> tuple[str, str] | None:
    """(package id, resource id) read from a CKAN download URL, or None for any other URL.

    >>> ids_from_url("https://data.go.th/dataset/8a956917-436d-4afd-a2d4-59e4dd8e906e/resource/"
    ...              "5fe98719-5d48-4364-8e7e-1b785e9aff78/download/covid-19-daily-evlnnd.zip")
    ('8a956917-436d-4afd-a2d4-59e4dd8e906e', '5fe98719-5d48-4364-8e7e-1b785e9aff78')
    >>> ids_from_url("https://is.gd/abc") is None
    True
    """
    match = _CKAN_FILE_URL.search(url) if isinstance(url, str) else None
    return (match.group(1), match.group(2)) if match else None


def _norm(text) -> str:
    return unicodedata.normalize("NFC", str(text)).casefold() if text is not None else ""


def _as_package(rec: dict) -> dict:
    """A record (changed in place) in the shape of a CKAN package dict: only what the record states."""
    pkg = rec
    if isinstance(pkg.get("tags"), list):
        pkg["tags"] = [t if isinstance(t, dict) else {"name": t} for t in pkg["tags"]]
    pkg_ids = set()
    for res in pkg.get("resources") or []:
        found = ids_from_url(res.get("url"))
        if found:
            pkg_ids.add(found[0])
            res.setdefault("id", found[1])
    if "id" not in pkg and len(pkg_ids) == 1:  # only when all CKAN download URLs name one package
        pkg["id"] = pkg_ids.pop()
    return pkg


@lru_cache(maxsize=4)
def _load(folder: str, stamp: tuple) -> tuple[list, list, dict]:
    # Cached by folder and the files' modification times: a notebook parses the 2.9 MB file once.
    base = Path(folder)
    full = {}
    for file in sorted(base.glob("package_search_*.json")):
        answer = json.loads(file.read_text(encoding="utf-8"))
        for pkg in answer.get("result", {}).get("results", []):
            full[pkg["name"]] = pkg
    packages = []
    with (base / RECORDS_FILE).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                pkg = _as_package(copy.deepcopy(full[rec["name"]]) if rec["name"] in full else rec)
                if "_source" in rec:
                    pkg["_source"] = rec["_source"]
                packages.append(pkg)
    names = []
    for file in sorted(base.glob("package_list_*.json")):
        names = json.loads(file.read_text(encoding="utf-8")).get("result", [])
    info = {"records": len(packages), "package_list_file": file.name if names else None}
    return packages, names, info


def _stamp(folder: Path) -> tuple:
    files = sorted(folder.glob("*.json")) + [folder / RECORDS_FILE]
    return tuple((f.name, f.stat().st_mtime) for f in files if f.is_file())


@lru_cache(maxsize=2)
def _datastore_table(data_dir: str) -> tuple[list, list]:
    from .. import data

    df = data.load(DATASTORE_TABLE)
    kinds = {"i": "int", "u": "int", "f": "numeric", "b": "bool"}
    fields = [{"id": "_id", "type": "int"}] + [
        {"id": str(c), "type": kinds.get(df[c].dtype.kind, "text")} for c in df.columns
    ]
    records = []
    for n, row in enumerate(df.astype(object).where(df.notna(), None).itertuples(index=False), start=1):
        values = [v.item() if hasattr(v, "item") else v for v in row]
        records.append({"_id": n, **dict(zip(map(str, df.columns), values))})
    return fields, records


class Snapshot:
    """Read-only access to the real catalogue (default folder: :func:`catalog_dir`).

    Every method returns copies, so callers may change what they get.

    >>> Snapshot().package("covid-19-daily")["organization"]["title"]
    'กรมควบคุมโรค'
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = Path(folder) if folder is not None else catalog_dir()
        if not (self.folder / RECORDS_FILE).is_file():
            raise errors.OfflineNotAvailable(
                "ไฟล์ระเบียนของแค็ตตาล็อก", hint=f"(ไม่พบ {RECORDS_FILE} ในโฟลเดอร์ {self.folder})"
            )
        self.packages, self._names, self.info = _load(str(self.folder), _stamp(self.folder))
        self._by_name = {p["name"]: p for p in self.packages}
        self._by_id = {p["id"]: p for p in self.packages if p.get("id")}
        self._resources: dict[str, dict] = {}
        self._by_url: dict[str, dict] = {}
        for p in self.packages:
            for r in p.get("resources") or []:
                if r.get("id"):
                    self._resources.setdefault(r["id"], r)
                if r.get("url"):
                    self._by_url.setdefault(r["url"], r)
        self._index = None

    def _search_index(self) -> list:
        # Built on first search: (normalised text, normalised title, package), in CKAN's default
        # order for equal scores (last modified first, then name), so that results need one stable sort.
        if self._index is None:
            rows = []
            for p in self.packages:
                o = p.get("organization") if isinstance(p.get("organization"), dict) else {}
                tags = [t.get("name") for t in p.get("tags") or [] if isinstance(t, dict)]
                res = [r.get("name") for r in p.get("resources") or []]
                text = " ".join(
                    _norm(v)
                    for v in (
                        p.get("name"),
                        p.get("title"),
                        p.get("notes"),
                        o.get("title"),
                        o.get("name"),
                        *tags,
                        *res,
                    )
                    if v
                )
                rows.append((text, _norm(p.get("title")), p))
            rows.sort(key=lambda r: r[2]["name"])
            rows.sort(key=lambda r: r[2].get("metadata_modified") or "", reverse=True)
            self._index = rows
        return self._index

    # -- package_search ------------------------------------------------------------------------
    def search_page(
        self,
        query: str = "",
        organization: str | None = None,
        fmt: str | None = None,
        rows: int = 20,
        start: int = 0,
        tags=None,
    ) -> tuple[int, list[dict]]:
        """(number of matches, the ``rows`` matches from ``start``) — ``package_search``'s count and results.

        Order: packages with more query words in the title first, then the most recently modified,
        then by name (A–Z).  ``fmt`` matches a resource format exactly (``"xsl"`` is not ``"xls"``);
        ``organization`` matches the organisation's name or title; ``tags`` (a text or a list)
        must all be tags of the package.

        >>> count, page = Snapshot().search_page("อุบัติเหตุ", rows=2)
        >>> count, [p["name"] for p in page]
        (8, ['actruck', 'acbus'])
        """
        words = [_norm(w) for w in str(query or "").split()]
        org = _norm(organization) if organization else None
        fmt_n = _norm(fmt).strip().lstrip(".") if fmt else None
        want_tags = {_norm(t) for t in ([tags] if isinstance(tags, str) else list(tags or []))}
        hits = []
        for text, title, p in self._search_index():
            if words and not all(w in text for w in words):
                continue
            if org is not None:
                o = p.get("organization") if isinstance(p.get("organization"), dict) else {}
                if org not in (_norm(o.get("name")), _norm(o.get("title"))):
                    continue
            if fmt_n and fmt_n not in {_norm(r.get("format")).strip() for r in p.get("resources") or []}:
                continue
            if want_tags and not want_tags <= {_norm(t.get("name")) for t in p.get("tags") or []}:
                continue
            hits.append((sum(w in title for w in words), p))
        hits.sort(key=lambda h: h[0], reverse=True)  # stable: keeps the index order within a score
        start, rows = max(int(start), 0), max(int(rows), 0)
        return len(hits), [copy.deepcopy(p) for _, p in hits[start : start + rows]]

    def search(
        self,
        query: str = "",
        organization: str | None = None,
        fmt: str | None = None,
        rows: int = 20,
        start: int = 0,
        tags=None,
    ) -> list[dict]:
        """The matching packages (see :meth:`search_page`).

        >>> [p["name"] for p in Snapshot().search("ท่องเที่ยว", fmt="json")]
        ['tourism_kios', 'eco_tourism']
        """
        return self.search_page(query, organization, fmt, rows, start, tags)[1]

    # -- package_show / resource_show ----------------------------------------------------------
    def package(self, name_or_id: str) -> dict:
        """The package dict for a name (slug) or id; :class:`PortalNotFound` when absent.

        >>> Snapshot().package("no-such-data")
        Traceback (most recent call last):
        ...
        helpers.portal.errors.PortalNotFound: ไม่พบชุดข้อมูล “no-such-data” (not found) ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง (ค้นในสำเนาแค็ตตาล็อกแบบออฟไลน์)
        """
        p = self._by_name.get(name_or_id) or self._by_id.get(name_or_id)
        if p is None:
            raise errors.PortalNotFound("ชุดข้อมูล", name_or_id, "(ค้นในสำเนาแค็ตตาล็อกแบบออฟไลน์)")
        return copy.deepcopy(p)

    def resource(self, resource_id: str) -> dict:
        """The resource dict for a resource id, or :class:`PortalNotFound`.

        >>> Snapshot().resource("51d0dfa8-bd17-4a2d-8035-978ed597510f")["name"]
        'Data Dictionary ข้อมูล 3 ฐาน'
        """
        hit = self._resources.get(resource_id)
        if hit is None:
            raise errors.PortalNotFound("ทรัพยากร (resource)", resource_id, "(ค้นในสำเนาแค็ตตาล็อกแบบออฟไลน์)")
        return copy.deepcopy(hit)

    def resource_by_url(self, url: str) -> dict | None:
        """The resource whose ``url`` is ``url``, or None.

        >>> Snapshot().resource_by_url("https://example.org/nothing.csv") is None
        True
        """
        hit = self._by_url.get(url)
        return copy.deepcopy(hit) if hit is not None else None

    # -- organization_list / package_list --------------------------------------------------------
    def organizations(self) -> list[dict]:
        """Organisations of the records, as ``organization_list(all_fields=True)`` dicts (derived).

        The records carry only the organisation's title (its slug, ``name``, only where a full
        answer gives it, e.g. ``ddc``), so ``name`` is the real slug when known, else the title.
        ``package_count`` counts the records here, not the packages on the portal.  Records without
        an organisation (``rtddi``) are in no row.  Sorted by ``name`` like CKAN.

        >>> orgs = Snapshot().organizations()
        >>> len(orgs), [o for o in orgs if o["name"] == "ddc"][0]["title"]
        (88, 'กรมควบคุมโรค')
        """
        by_title: dict[str, dict] = {}
        for p in self.packages:
            o = p.get("organization") if isinstance(p.get("organization"), dict) else {}
            title = o.get("title")
            if not title:
                continue
            row = by_title.setdefault(title, {"name": None, "title": title, "package_count": 0})
            row["package_count"] += 1
            if o.get("name"):
                row["name"] = o["name"]
        out = [dict(r, name=r["name"] or r["title"]) for r in by_title.values()]
        return sorted(out, key=lambda r: r["name"])

    def package_list(self) -> list[str]:
        """The real ``package_list`` answer bundled with the catalogue (32,473 names, June 2025).

        >>> names = Snapshot().package_list()
        >>> len(names), "covid-19-daily" in names
        (32473, True)
        """
        return list(self._names)

    # -- files the kit ships -------------------------------------------------------------------
    def local_file(self, resource: dict) -> str | None:
        """The path (inside ``data/``) of the file the kit ships for a resource, or None.

        >>> Snapshot().local_file(Snapshot().resource("51d0dfa8-bd17-4a2d-8035-978ed597510f"))
        'real/injuries/ddc_rtddi_data_dictionary.xlsx'
        """
        # By the real URL, or by the resource id (a live portal or a mirror may serve another URL)
        urls = [resource.get("url")]
        if isinstance(resource.get("id"), str) and resource["id"] in self._resources:
            urls.append(self._resources[resource["id"]].get("url"))
        hits = [LOCAL_FILES[u] for u in urls if isinstance(u, str) and u in LOCAL_FILES]
        return hits[0][0] if hits else None

    def local_path(self, resource: dict) -> Path | None:
        """The shipped file of a resource as a full path, or None.

        >>> Snapshot().local_path({"url": "https://is.gd/abc"}) is None
        True
        """
        rel = self.local_file(resource)
        return paths.data_dir() / rel if rel else None

    @staticmethod
    def local_note(rel: str) -> str | None:
        """The Thai note that says what a shipped copy is (a sample, an excerpt ...).

        >>> Snapshot.local_note("real/covid/ddc_confirmed_cases_2565-04-12_excerpt.csv").split(":")[0]
        'ไฟล์นี้เป็นส่วนที่ตัดมา (excerpt) ไม่ใช่ไฟล์เต็มบนพอร์ทัล'
        """
        for file, note in LOCAL_FILES.values():
            if file == rel:
                return note
        return None

    @staticmethod
    def local_hash(rel: str | None) -> str | None:
        """The published hash (``alg:hex``) of a file in ``data/``, from ``data/datapackage.json``.

        The data package is the one place where the files' hashes are kept (its own tests keep
        them right), so nothing here goes stale when a file is replaced.

        >>> Snapshot.local_hash("real/covid/ddc_confirmed_cases_2565-04-12_excerpt.csv")[:7]
        'sha256:'
        >>> Snapshot.local_hash(None) is None
        True
        """
        if not rel:
            return None
        for res in _datapackage_resources(str(paths.data_dir())):
            if res.get("path") == rel:
                value = res.get("hash") or (res.get("stats") or {}).get("hash")
                if not value:
                    return None
                value = str(value)
                if ":" not in value:  # frictionless writes a bare md5 or sha256
                    value = ("sha256:" if len(value) == 64 else "md5:") + value
                return value
        return None

    # -- datastore_search ----------------------------------------------------------------------
    def datastore(
        self,
        resource_id: str,
        filters: dict | None = None,
        q: str | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> dict:
        """A ``datastore_search`` result for the kit's table :data:`OFFLINE_DATASTORE_ID`.

        No real ``datastore_search`` answer is stored, so the kit serves real figures (MOTS visitors
        and income by province and month) in that API's shape: ``resource_id``, ``fields``,
        ``records`` (with ``_id``), ``total`` (rows matching ``filters`` and ``q``), ``offset``,
        ``limit`` and ``kit_note`` (what this answer is).  ``filters`` compares values as text
        (``2563`` and ``"2563"`` agree), a list means any of its values; ``q``: every word appears
        in the row.

        >>> ans = Snapshot().datastore(OFFLINE_DATASTORE_ID, filters={"province": "เชียงใหม่"}, limit=2)
        >>> ans["total"], [r["month"] for r in ans["records"]]
        (30, ['มกราคม', 'กุมภาพันธ์'])
        >>> Snapshot().datastore("no-such-id")
        Traceback (most recent call last):
        ...
        helpers.portal.errors.PortalNotFound: ไม่พบทรัพยากร (resource) “no-such-id” (not found) ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง (ค้นในสำเนาแค็ตตาล็อกแบบออฟไลน์)
        """
        hint = (
            f"แบบออฟไลน์ใช้ datastore() ได้กับตารางของชุดเรียน “{OFFLINE_DATASTORE_ID}” เท่านั้น "
            "(ตัวเลขจริงของกระทรวงการท่องเที่ยวและกีฬา)"
        )
        if resource_id != OFFLINE_DATASTORE_ID:
            self.resource(resource_id)  # PortalNotFound for an unknown id
            raise errors.OfflineNotAvailable("ตารางข้อมูล (DataStore) ของทรัพยากรนี้", hint=hint)
        fields, records = _datastore_table(str(paths.data_dir()))
        names = [f["id"] for f in fields]
        for col, value in (filters or {}).items():
            if col not in names:
                raise errors.PortalArgumentValueError(
                    f"datastore() ใช้ตัวกรอง (filters) กับคอลัมน์ “{col}” ไม่ได้ เพราะตารางนี้ไม่มีคอลัมน์นั้น "
                    f"คอลัมน์ที่มี: {', '.join(n for n in names if n != '_id')}"
                )
            accepted = {str(v) for v in (value if isinstance(value, (list, tuple, set)) else [value])}
            records = [r for r in records if str(r[col]) in accepted]
        words = [_norm(w) for w in str(q or "").split()]
        if words:
            records = [r for r in records if all(w in " ".join(_norm(v) for v in r.values()) for w in words)]
        end = None if limit is None else offset + limit
        return {
            "resource_id": resource_id,
            "fields": copy.deepcopy(fields),
            "records": copy.deepcopy(records[offset:end]),
            "total": len(records),
            "offset": offset,
            "limit": limit,
            "kit_note": DATASTORE_NOTE,
        }


def _datapackage_resources(data_dir: str) -> list:
    file = Path(data_dir) / "datapackage.json"
    if not file.is_file():
        return []
    return _read_datapackage(str(file), file.stat().st_mtime)


@lru_cache(maxsize=4)
def _read_datapackage(file: str, mtime: float) -> list:
    try:
        return json.loads(Path(file).read_text(encoding="utf-8")).get("resources", [])
    except ValueError:
        return []
