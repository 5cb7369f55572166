"""Search, inspect and download from data.go.th (or any CKAN) — offline from the bundled snapshot.

ค้นหา ดูคำอธิบาย และดาวน์โหลดชุดข้อมูลจากศูนย์กลางข้อมูลเปิดภาครัฐ (data.go.th) หรือพอร์ทัล CKAN อื่น
เมื่อเชื่อมต่อไม่ได้หรือตั้ง ``KIT_OFFLINE=1`` ฟังก์ชันเดียวกันจะตอบจากคำอธิบายชุดข้อมูลจริงของ data.go.th
1,238 ชุดใน ``data/real/catalog/`` (ดู :mod:`helpers.portal.snapshot`) และบอกหนึ่งครั้งว่ากำลังทำงานแบบออฟไลน์

In a notebook::

    from helpers import portal
    portal.search("อุบัติเหตุ")                   # DataFrame of data sets
    ds = portal.dataset("rtddi")                 # metadata with Thai labels; ds.resources
    path = portal.download(ds.resources.iloc[1]) # local file (cached, checked)
    portal.datastore(resource_id, limit=100)     # DataStore rows as a DataFrame
    portal.organizations(), portal.package_list()

Another portal: ``portal.configure(base_url="https://gdcatalog.go.th")`` or ``KIT_PORTAL_URL``;
for a teacher's own code ``portal.Portal(base_url=...)``.

>>> configure(offline=True, verbose=False)   # what KIT_OFFLINE=1 does, without the notice
>>> search("สงกรานต์", rows=3)["name"].tolist()
['acsongkran', 'item_f08c2f2e-8443-4329-a152-68ab04f37723', 'item_f33db12e-bfd5-4eec-aa8a-e5b3ff6e1cb1']
>>> configure()                              # back to the environment's settings
"""

from __future__ import annotations

import os

import pandas as pd

from . import errors
from .client import (
    DEFAULT_URL,
    OFFLINE_DATASTORE_ID,
    OFFLINE_NOTICE,
    OPEND_URL,
    PAGE_SIZE,
    Portal,
    _session_key,
    is_offline_env,
)
from .errors import (
    CachedFileDamaged,
    ChecksumMismatch,
    DownloadIncomplete,
    DownloadTooLarge,
    OfflineNotAvailable,
    PortalArgumentError,
    PortalArgumentTypeError,
    PortalArgumentValueError,
    PortalBadJSON,
    PortalBlocked,
    PortalConnectionError,
    PortalError,
    PortalHTMLResponse,
    PortalNotAuthorized,
    PortalNotFound,
    PortalServerError,
    PortalTimeout,
    PortalUnexpectedAnswer,
    UnsupportedURLScheme,
)
from .snapshot import Snapshot, catalog_dir
from .tables import PortalDataset

__all__ = [
    "search",
    "dataset",
    "download",
    "datastore",
    "organizations",
    "package_list",
    "configure",
    "get_portal",
    "ask_api_key",
    "Portal",
    "PortalDataset",
    "Snapshot",
    "catalog_dir",
    "DEFAULT_URL",
    "OPEND_URL",
    "PAGE_SIZE",
    "OFFLINE_NOTICE",
    "OFFLINE_DATASTORE_ID",
    "errors",
    "PortalError",
    "PortalBlocked",
    "PortalHTMLResponse",
    "PortalNotFound",
    "PortalNotAuthorized",
    "PortalServerError",
    "PortalTimeout",
    "PortalConnectionError",
    "PortalBadJSON",
    "PortalUnexpectedAnswer",
    "DownloadIncomplete",
    "ChecksumMismatch",
    "CachedFileDamaged",
    "UnsupportedURLScheme",
    "DownloadTooLarge",
    "OfflineNotAvailable",
    "PortalArgumentError",
    "PortalArgumentTypeError",
    "PortalArgumentValueError",
]


def __getattr__(name):
    # ``DatasetInfo`` was this class's name before issue 12 (helpers.data has its own DatasetInfo).
    if name == "DatasetInfo":
        from . import tables

        return tables.__getattr__(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_default: dict = {"portal": None, "env": None, "options": {}}


def _env_signature() -> tuple:
    # Rebuild the default portal when the environment changes (tests, a teacher's cell).
    key = os.environ.get("KIT_OPEND_API_KEY") or _session_key.get("key") or ""
    return (
        os.environ.get("KIT_PORTAL_URL"),
        is_offline_env(),
        os.environ.get("KIT_CACHE_DIR"),
        os.environ.get("KIT_DATA_DIR"),
        hash(key),
    )


def get_portal() -> Portal:
    """The session's default :class:`Portal` (what the module-level functions use).

    >>> isinstance(get_portal(), Portal)
    True
    """
    sig = _env_signature()
    if _default["portal"] is None or _default["env"] != sig:
        _default["portal"] = Portal(**_default["options"])
        _default["env"] = sig
    return _default["portal"]


def configure(**options) -> None:
    """Set the default portal's options (``base_url``, ``offline``, ``timeout`` ... of :class:`Portal`).

    ``configure()`` with no arguments goes back to the environment variables.

    >>> configure(base_url="https://gdcatalog.go.th", offline=True)
    >>> get_portal().base_url
    'https://gdcatalog.go.th'
    >>> configure()
    """
    if "base_url" in options and options["base_url"] is not None:
        from .http import check_scheme

        check_scheme(options["base_url"])
    _default.update(portal=None, env=None, options=dict(options))


def ask_api_key(prompt: str = "api-key ของ opend.data.go.th (ไม่แสดงบนจอ): ") -> None:
    """Type the opend User Token without showing it; kept in memory for this session only.

    The key is never printed, logged or written to disk.  In scripts use ``KIT_OPEND_API_KEY``.

    >>> import getpass
    >>> original = getpass.getpass
    >>> getpass.getpass = lambda prompt="": "demo-token"
    >>> ask_api_key()
    บันทึก api-key ไว้ในหน่วยความจำของเซสชันนี้แล้ว (ไม่แสดงและไม่เขียนลงไฟล์)
    >>> "demo-token" in repr(Portal(OPEND_URL, offline=True))
    False
    >>> getpass.getpass = original; _session_key.clear(); configure()
    """
    import getpass

    key = getpass.getpass(prompt).strip()
    if key:
        _session_key["key"] = key
    else:
        _session_key.pop("key", None)
    _default.update(portal=None, env=None)
    print(
        "บันทึก api-key ไว้ในหน่วยความจำของเซสชันนี้แล้ว (ไม่แสดงและไม่เขียนลงไฟล์)"
        if key
        else "ไม่ได้ใส่ api-key จึงล้างค่าที่เคยใส่ไว้"
    )


def search(
    query: str = "",
    organization: str | None = None,
    fmt: str | None = None,
    rows: int = 20,
    *,
    tags: str | list | None = None,
    start: int = 0,
) -> pd.DataFrame:
    """Find data sets (see :meth:`Portal.search`): a DataFrame of name, title, organization, formats ...

    >>> configure(offline=True, verbose=False)
    >>> search("ท่องเที่ยว", fmt="JSON")[["name", "organization"]]
               name   organization
    0  tourism_kios  กรุงเทพมหานคร
    1   eco_tourism  กรุงเทพมหานคร
    >>> configure()
    """
    return get_portal().search(query, organization=organization, fmt=fmt, rows=rows, tags=tags, start=start)


def dataset(name: str) -> PortalDataset:
    """One data set's metadata (see :meth:`Portal.dataset`): ``.info``, ``.resources``, ``.raw``.

    >>> configure(offline=True, verbose=False)
    >>> print(dataset("item_7d61f508-d2e1-4f0c-8408-dfde29f111f5"))
    ชุดข้อมูล: ผู้บาดเจ็บและเสียชีวิต ในช่วงเทศกาล ปี 51-58_CutName_NewYear_Edit
    ชื่อในลิงก์ (name): item_7d61f508-d2e1-4f0c-8408-dfde29f111f5
    หน่วยงานเจ้าของข้อมูล: สถาบันการแพทย์ฉุกเฉินแห่งชาติ
    สัญญาอนุญาต (license): Creative Commons Attributions
    ปรับปรุงคำอธิบายล่าสุด: 2021-10-31T05:47:05.637233
    ไม่ได้ระบุในคำอธิบายชุดข้อมูลนี้ (missing): ประเภทข้อมูล, ความถี่ในการปรับปรุงข้อมูล, ขอบเขตเชิงพื้นที่
    ทรัพยากร (resource) 2 ไฟล์:
      1. [XLSX] ผู้บาดเจ็บและเสียชีวิต ในช่วงเทศกาล ปี 51-58_CutName_NewYear_Edit
      2. [ZIP] All resource data
    ดูรายละเอียดทั้งหมดที่ .info และตารางไฟล์ที่ .resources
    >>> configure()
    """
    return get_portal().dataset(name)


def download(resource, dest=None, *, max_bytes: int | None = None, sha256: str | None = None):
    """Download a resource to a local file (see :meth:`Portal.download`); returns a Path.

    ``max_bytes`` (size limit) and ``sha256`` (expected checksum) are passed on to the portal.
    Offline only a few resources have a copy in the kit, and it says what the copy is:

    >>> configure(offline=True)
    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()):  # the offline notice prints once per session
    ...     newyear = dataset("item_7d61f508-d2e1-4f0c-8408-dfde29f111f5")
    >>> path = download(newyear.resources.iloc[0])  # doctest: +ELLIPSIS
    📎 ไฟล์นี้เป็นตัวอย่าง ไม่ใช่ไฟล์เต็มบนพอร์ทัล: ...
    >>> path.name, path.stat().st_size > 0
    ('niems_newyear_2551-2558_sample.csv', True)
    >>> configure()
    """
    return get_portal().download(resource, dest, max_bytes=max_bytes, sha256=sha256)


def datastore(
    resource_id: str,
    filters: dict | None = None,
    limit: int | None = None,
    *,
    offset: int = 0,
    q: str | None = None,
) -> pd.DataFrame:
    """DataStore rows as a DataFrame, 10,000 per request (see :meth:`Portal.datastore`).

    Offline: real MOTS figures in the DataStore's shape, for :data:`OFFLINE_DATASTORE_ID` only.

    >>> configure(offline=True, verbose=False)
    >>> df = datastore(OFFLINE_DATASTORE_ID, q="ภูเก็ต", offset=12, limit=2)
    >>> df[["year", "month"]].values.tolist(), df.attrs["total"]
    ([[2564, 'มกราคม'], [2564, 'กุมภาพันธ์']], 30)
    >>> configure()
    """
    return get_portal().datastore(resource_id, filters=filters, limit=limit, offset=offset, q=q)


def organizations() -> pd.DataFrame:
    """The publishing organisations: name, title, package_count (see :meth:`Portal.organizations`).

    >>> configure(offline=True, verbose=False)
    >>> orgs = organizations()
    >>> len(orgs), int(orgs["package_count"].sum())   # rtddi's record names no organisation
    (88, 1237)
    >>> configure()
    """
    return get_portal().organizations()


def package_list() -> list[str]:
    """Every data set name on the portal (see :meth:`Portal.package_list`).

    >>> configure(offline=True, verbose=False)
    >>> len(package_list())   # data.go.th in June 2025
    32473
    >>> configure()
    """
    return get_portal().package_list()
