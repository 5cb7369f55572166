"""The recorded catalogue snapshot in ``data/catalog/``: the portal's answers when offline.

สำเนาแคตตาล็อก (snapshot) ที่บันทึกไว้ในชุดเรียน ใช้ตอบแทนพอร์ทัลเมื่อทำงานแบบออฟไลน์
ไฟล์สร้างโดย ``scripts/make_catalog_snapshot.py`` และเก็บรูปแบบคำตอบของ CKAN ไว้ตามจริง

Search here is a plain, predictable substring match over name, title, notes, tags and the
organisation (every word of the query must appear somewhere).  Why not Solr (what CKAN uses)?
A workshop needs the same answer every time, no server and no Thai word segmentation model;
a substring match finds Thai words without cutting them into tokens.

>>> snap = Snapshot()
>>> len(snap.packages) >= 30
True
>>> [p["name"] for p in snap.search("ฝุ่น")][:3]
['air-pollution-annual-report', 'pm25-bangkok-districts', 'pm25-daily-2566']
"""

from __future__ import annotations

import copy
import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from .. import paths
from . import errors

__all__ = ["Snapshot", "catalog_dir"]


def catalog_dir() -> Path:
    """Folder of the recorded snapshot (``data/catalog`` inside the kit's data folder).

    >>> catalog_dir().name
    'catalog'
    """
    return paths.data_dir() / "catalog"


@lru_cache(maxsize=8)
def _load(folder: str, mtime: float) -> tuple[dict, list]:
    # Cached by folder and modification time: a notebook reads the 160 kB file once.
    base = Path(folder)
    search = json.loads((base / "package_search.json").read_text(encoding="utf-8"))
    orgs = json.loads((base / "organization_list.json").read_text(encoding="utf-8"))
    return search, orgs["result"]


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


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", str(text)).casefold()


class Snapshot:
    """Read-only access to a recorded catalogue folder (default: :func:`catalog_dir`).

    Every method returns deep copies, so callers may change what they get.

    >>> Snapshot().package("pm25-daily-2566")["organization"]["title"]
    'กรมควบคุมมลพิษ'
    """

    def __init__(self, folder: str | Path | None = None):
        self.folder = Path(folder) if folder is not None else catalog_dir()
        file = self.folder / "package_search.json"
        search, self._orgs = _load(str(self.folder), file.stat().st_mtime)
        self._search = search
        self.packages: list[dict] = search["result"]["results"]
        self.info: dict = search.get("kit_snapshot", {})
        self._by_name = {p["name"]: p for p in self.packages}
        self._by_id = {p["id"]: p for p in self.packages}
        self._resources = {r["id"]: (r, p) for p in self.packages for r in p.get("resources", [])}

    # -- package_search ------------------------------------------------------------------------
    def search(self, query: str = "", organization: str | None = None, fmt: str | None = None,
               rows: int = 20) -> list[dict]:
        """Packages whose text contains every word of ``query``.

        Order: packages with more query words in the title first, then by name (A–Z).

        >>> [p["name"] for p in Snapshot().search("ท่องเที่ยว", fmt="json")]
        ['domestic-tourism-province']
        """
        words = [_norm(w) for w in str(query or "").split()]
        org = _norm(organization) if organization else None
        fmt_n = _norm(fmt).lstrip(".") if fmt else None
        hits = []
        for p in self.packages:
            o = p.get("organization") or {}
            if org and org not in (_norm(o.get("name", "")), _norm(o.get("title", ""))):
                continue
            if fmt_n and fmt_n not in {_norm(r.get("format", "")) for r in p.get("resources", [])}:
                continue
            title = _norm(p.get("title", ""))
            text = " ".join([
                _norm(p.get("name", "")), title, _norm(p.get("notes", "")),
                " ".join(_norm(t.get("name", "")) for t in p.get("tags", [])),
                _norm(o.get("title", "")), _norm(o.get("name", "")),
            ])
            if all(w in text for w in words):
                in_title = sum(w in title for w in words)
                hits.append((-in_title, p["name"], p))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [copy.deepcopy(p) for _, _, p in hits[: max(int(rows), 0)]]

    # -- package_show / resource_show ----------------------------------------------------------
    def package(self, name_or_id: str) -> dict:
        """The package dict for a name (slug) or id; :class:`PortalNotFound` when absent.

        >>> Snapshot().package("no-such-data")
        Traceback (most recent call last):
        ...
        helpers.portal.errors.PortalNotFound: ไม่พบชุดข้อมูล “no-such-data” (not found) ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง (ค้นในสำเนาแคตตาล็อกแบบออฟไลน์)
        """
        p = self._by_name.get(name_or_id) or self._by_id.get(name_or_id)
        if p is None:
            raise errors.PortalNotFound("ชุดข้อมูล", name_or_id, "(ค้นในสำเนาแคตตาล็อกแบบออฟไลน์)")
        return copy.deepcopy(p)

    def resource(self, resource_id: str) -> dict:
        """The resource dict for a resource id, or :class:`PortalNotFound`.

        >>> r = Snapshot().resource(Snapshot().package("pm25-daily-2566")["resources"][0]["id"])
        >>> r["kit_practice_file"]
        'practice/pm25_wide_2566.csv'
        """
        hit = self._resources.get(resource_id)
        if hit is None:
            raise errors.PortalNotFound("ทรัพยากร (resource)", resource_id, "(ค้นในสำเนาแคตตาล็อกแบบออฟไลน์)")
        return copy.deepcopy(hit[0])

    def resource_by_url(self, url: str) -> dict | None:
        """The resource whose ``url`` is ``url``, or None.

        >>> Snapshot().resource_by_url("https://example.org/nothing.csv") is None
        True
        """
        for r, _ in self._resources.values():
            if r.get("url") == url:
                return copy.deepcopy(r)
        return None

    # -- organization_list ---------------------------------------------------------------------
    def organizations(self) -> list[dict]:
        """``organization_list(all_fields=True)`` as recorded.

        >>> "pcd" in [o["name"] for o in Snapshot().organizations()]
        True
        """
        return copy.deepcopy(self._orgs)

    # -- datastore_search ----------------------------------------------------------------------
    def practice_path(self, resource: dict) -> Path | None:
        """The bundled practice file a resource maps to (``kit_practice_file``), or None.

        >>> Snapshot().practice_path({"kit_practice_file": "practice/tourism_domestic.json"}).name
        'tourism_domestic.json'
        """
        rel = resource.get("kit_practice_file")
        return paths.data_dir() / rel if rel else None

    def practice_hash(self, resource: dict) -> str | None:
        """The published hash of a resource's practice file (``alg:hex``) from ``data/datapackage.json``.

        The data package is the one place where the practice files' hashes are kept (its own
        tests keep them right), so the snapshot never goes stale when practice data is rebuilt.

        >>> Snapshot().practice_hash({"kit_practice_file": "practice/pm25_wide_2566.csv"})[:7]
        'sha256:'
        >>> Snapshot().practice_hash({}) is None
        True
        """
        rel = resource.get("kit_practice_file")
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

    def datastore(self, resource_id: str) -> dict:
        """``{"fields", "records", "total"}`` for a resource served offline by the DataStore.

        >>> Snapshot().datastore("no-such-id")
        Traceback (most recent call last):
        ...
        helpers.portal.errors.PortalNotFound: ไม่พบทรัพยากร (resource) “no-such-id” (not found) ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง (ค้นในสำเนาแคตตาล็อกแบบออฟไลน์)
        """
        res = self.resource(resource_id)
        path = self.practice_path(res)
        if not res.get("datastore_active") or path is None or path.suffix.lower() != ".json":
            raise errors.OfflineNotAvailable(
                "ตารางข้อมูล (DataStore) ของทรัพยากรนี้",
                hint="แบบออฟไลน์ใช้ datastore() ได้กับชุดข้อมูล domestic-tourism-province")
        data = json.loads(path.read_text(encoding="utf-8"))
        return {"fields": data.get("fields", []), "records": data.get("records", []),
                "total": data.get("total", len(data.get("records", [])))}
