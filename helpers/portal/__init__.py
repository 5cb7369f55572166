"""Search, inspect and download from data.go.th (or any CKAN) — offline from the bundled snapshot.

ค้นหา ดูคำอธิบาย และดาวน์โหลดชุดข้อมูลจากศูนย์กลางข้อมูลเปิดภาครัฐ (data.go.th) หรือพอร์ทัล CKAN อื่น
เมื่อเชื่อมต่อไม่ได้หรือตั้ง ``KIT_OFFLINE=1`` ฟังก์ชันเดียวกันจะตอบจากสำเนาแคตตาล็อกใน ``data/catalog/``
และบอกหนึ่งครั้งว่ากำลังทำงานแบบออฟไลน์

In a notebook::

    from helpers import portal
    portal.search("ฝุ่น")                       # DataFrame of data sets
    ds = portal.dataset("pm25-daily-2566")       # metadata with Thai labels; ds.resources
    path = portal.download(ds.resources.iloc[0]) # local file (cached, checked)
    portal.datastore(resource_id, limit=100)     # DataStore rows as a DataFrame
    portal.organizations()

Another portal: ``portal.configure(base_url="https://gdcatalog.go.th")`` or ``KIT_PORTAL_URL``;
for a teacher's own code ``portal.Portal(base_url=...)``.

>>> configure(offline=True, verbose=False)   # what KIT_OFFLINE=1 does, without the notice
>>> search("ฝุ่น", rows=3)["name"].tolist()
['air-pollution-annual-report', 'pm25-bangkok-districts', 'pm25-daily-2566']
>>> configure()                              # back to the environment's settings
"""

from __future__ import annotations

import os

import pandas as pd

from . import errors
from .client import DEFAULT_URL, OFFLINE_NOTICE, OPEND_URL, PAGE_SIZE, Portal, _session_key, is_offline_env
from .errors import (CachedFileDamaged, ChecksumMismatch, DownloadIncomplete, DownloadTooLarge,
                     OfflineNotAvailable, PortalArgumentError, PortalArgumentTypeError,
                     PortalArgumentValueError, PortalBadJSON, PortalBlocked, PortalConnectionError,
                     PortalError, PortalHTMLResponse, PortalNotAuthorized, PortalNotFound,
                     PortalServerError, PortalTimeout, PortalUnexpectedAnswer, UnsupportedURLScheme)
from .snapshot import Snapshot, catalog_dir
from .tables import PortalDataset

__all__ = [
    "search", "dataset", "download", "datastore", "organizations", "configure", "get_portal",
    "ask_api_key", "Portal", "PortalDataset", "Snapshot", "catalog_dir", "DEFAULT_URL", "OPEND_URL",
    "PAGE_SIZE", "OFFLINE_NOTICE", "errors", "PortalError", "PortalBlocked", "PortalHTMLResponse",
    "PortalNotFound", "PortalNotAuthorized", "PortalServerError", "PortalTimeout",
    "PortalConnectionError", "PortalBadJSON", "PortalUnexpectedAnswer", "DownloadIncomplete",
    "ChecksumMismatch", "CachedFileDamaged", "UnsupportedURLScheme", "DownloadTooLarge",
    "OfflineNotAvailable", "PortalArgumentError", "PortalArgumentTypeError", "PortalArgumentValueError",
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
    return (os.environ.get("KIT_PORTAL_URL"), is_offline_env(), os.environ.get("KIT_CACHE_DIR"),
            os.environ.get("KIT_DATA_DIR"), hash(key))


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
    print("บันทึก api-key ไว้ในหน่วยความจำของเซสชันนี้แล้ว (ไม่แสดงและไม่เขียนลงไฟล์)" if key
          else "ไม่ได้ใส่ api-key จึงล้างค่าที่เคยใส่ไว้")


def search(query: str = "", organization: str | None = None, fmt: str | None = None,
           rows: int = 20) -> pd.DataFrame:
    """Find data sets (see :meth:`Portal.search`): name, title, organization, formats, last_modified, license, num_resources.

    >>> configure(offline=True, verbose=False)
    >>> search("ท่องเที่ยว", fmt="JSON")[["name", "organization"]]
                            name                organization
    0  domestic-tourism-province  กระทรวงการท่องเที่ยวและกีฬา
    >>> configure()
    """
    return get_portal().search(query, organization=organization, fmt=fmt, rows=rows)


def dataset(name: str) -> PortalDataset:
    """One data set's metadata (see :meth:`Portal.dataset`): ``.info``, ``.resources``, ``.raw``.

    >>> configure(offline=True, verbose=False)
    >>> print(dataset("pm25-daily-2566"))
    ชุดข้อมูล: ค่าฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน (PM2.5) เฉลี่ย 24 ชั่วโมง รายสถานี ปี 2566
    ชื่อย่อ (name): pm25-daily-2566
    หน่วยงานเจ้าของข้อมูล: กรมควบคุมมลพิษ
    ประเภทข้อมูล: ข้อมูลสถิติ
    ความถี่ในการปรับปรุงข้อมูล: ทุก 1 วัน
    ขอบเขตเชิงภูมิศาสตร์: ประเทศ
    สัญญาอนุญาต (license): Open Data Common
    ปรับปรุงคำอธิบายล่าสุด: 2024-02-20T10:30:00
    หมายเหตุ: เป็นข้อมูลจำลองในสำเนาแคตตาล็อกของชุดเรียน
    ไฟล์ข้อมูล (resources) 2 ไฟล์:
      1. [CSV] PM2.5 รายวัน ปี 2566 (แบบกว้าง)
      2. [CSV] รายชื่อสถานีตรวจวัดคุณภาพอากาศ
    ดูรายละเอียดทั้งหมดที่ .info และตารางไฟล์ที่ .resources
    >>> configure()
    """
    return get_portal().dataset(name)


def download(resource, dest=None, *, max_bytes: int | None = None, sha256: str | None = None):
    """Download a resource to a local file (see :meth:`Portal.download`); returns a Path.

    ``max_bytes`` (size limit) and ``sha256`` (expected checksum) are passed on to the portal.

    >>> configure(offline=True, verbose=False)
    >>> path = download(dataset("domestic-tourism-province").resources.iloc[0])
    >>> path.name, path.stat().st_size > 0
    ('trend-domistic-tourists.json', True)
    >>> configure()
    """
    return get_portal().download(resource, dest, max_bytes=max_bytes, sha256=sha256)


def datastore(resource_id: str, filters: dict | None = None, limit: int | None = None) -> pd.DataFrame:
    """DataStore rows as a DataFrame, 10,000 per request (see :meth:`Portal.datastore`).

    >>> configure(offline=True, verbose=False)
    >>> rid = dataset("domestic-tourism-province").resources.loc[0, "id"]
    >>> datastore(rid, limit=2)[["YearInfo", "MonthInfo", "Province"]]
       YearInfo  MonthInfo       Province
    0      2562          1  กรุงเทพมหานคร
    1      2562          2  กรุงเทพมหานคร
    >>> configure()
    """
    return get_portal().datastore(resource_id, filters=filters, limit=limit)


def organizations() -> pd.DataFrame:
    """The publishing organisations: name, title, package_count (see :meth:`Portal.organizations`).

    >>> configure(offline=True, verbose=False)
    >>> int(organizations()["package_count"].sum()) >= 30
    True
    >>> configure()
    """
    return get_portal().organizations()
