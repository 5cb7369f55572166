"""The :class:`Portal` client: live CKAN answers when reachable, the bundled snapshot when not.

ตัวเชื่อมต่อพอร์ทัลข้อมูลเปิด (CKAN) ใช้ ckanapi ถามพอร์ทัลจริงเมื่อเชื่อมต่อได้
และตอบจากสำเนาแค็ตตาล็อกในชุดเรียนเมื่อออฟไลน์ (``KIT_OFFLINE=1``) หรือเมื่อพอร์ทัลใช้งานไม่ได้

>>> kit = Portal(offline=True, verbose=False)
>>> kit
Portal(base_url='https://data.go.th', offline=True, api_key=None)
>>> kit.search("ปีใหม่", fmt="xlsx")["name"].tolist()
['item_b76304e9-0c8b-422c-888c-01f38ed940d3', 'item_7d61f508-d2e1-4f0c-8408-dfde29f111f5']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pandas as pd

from .. import paths
from . import args, errors
from .http import USER_AGENT, KitSession, check_scheme, translate
from .snapshot import OFFLINE_DATASTORE_ID, Snapshot
from .tables import PortalDataset, organizations_table, search_table, whole_number

__all__ = [
    "Portal",
    "DEFAULT_URL",
    "OPEND_URL",
    "PAGE_SIZE",
    "OFFLINE_NOTICE",
    "OFFLINE_DATASTORE_ID",
    "safe_filename",
    "is_offline_env",
]

DEFAULT_URL = "https://data.go.th"
OPEND_URL = "https://opend.data.go.th"
PAGE_SIZE = 10_000  # ckanext-thai_gdc caps datastore_search at 10,000 rows per call
MAX_PAGES = 1_000  # at most 10 million DataStore rows in one call
MAX_BYTES = 500 * 1024 * 1024
CHUNK = 64 * 1024
RECORD = ".kit-download.json"

# The figures are checked against the catalogue files by tests/test_portal_offline.py.
OFFLINE_NOTICE = (
    "📴 โหมดออฟไลน์ (offline): ตอบจากสำเนาคำอธิบายชุดข้อมูล (metadata) จริงของ data.go.th 1,238 ชุด "
    "ที่บันทึกไว้ในชุดเรียน แทนการเชื่อมต่อพอร์ทัลจริง (ส่วนใหญ่ปรับปรุงล่าสุดใน พ.ศ. 2563–2564 "
    "ขณะที่พอร์ทัลจริงมีราว 41,236 ชุดใน พ.ศ. 2569)"
)

# "Say so once per session": one flag for the whole Python process (one notebook kernel).
_NOTICE = {"shown": False, "datastore": False}


def is_offline_env() -> bool:
    """True when the environment asks for offline mode (``KIT_OFFLINE`` = 1/true/yes).

    >>> isinstance(is_offline_env(), bool)
    True
    """
    return os.environ.get("KIT_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _interactive() -> bool:
    # Progress bars only for a person watching: never in tests, nbval or offline mode, so that
    # nothing is written to stderr there.
    if is_offline_env() or "PYTEST_CURRENT_TEST" in os.environ:
        return False
    if "ipykernel" in sys.modules:
        return True
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def safe_filename(url: str, fallback: str = "download") -> str:
    """A file name that is safe on every system, taken from the last part of a URL.

    Thai letters are kept; path separators, ``..`` and odd characters are not.

    >>> safe_filename("https://data.go.th/dataset/x/resource/y/download/trend-domistic-tourists.json")
    'trend-domistic-tourists.json'
    >>> safe_filename("https://x.org/a/..%2F..%2Fetc%2Fpasswd")
    'passwd'
    >>> safe_filename("https://x.org/ข้อมูล ฝุ่น 2566.csv?x=1")
    'ข้อมูล_ฝุ่น_2566.csv'
    >>> safe_filename("https://x.org/", fallback="resource-1.csv")
    'resource-1.csv'
    """
    last = unquote(urlsplit(str(url)).path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    last = unicodedata.normalize("NFC", last)
    name = re.sub(r"[^\w.\-\u0E00-\u0E7F]+", "_", last).strip("._ ")
    if not name:
        name = fallback
    if len(name) > 120:  # keep the suffix, cut the stem
        stem, dot, suffix = name.rpartition(".")
        name = (stem[:110] + dot + suffix[:9]) if dot and len(suffix) < 10 else name[:120]
    return name


def _atomic_write_text(path: Path, text: str) -> None:
    # Write next to the target, then os.replace: a reader never sees half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _atomic_copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _text_key(text: str, length: int) -> str:
    # A short cache key for a TEXT (a URL, the parameters of a call), not a file: pooch.file_hash,
    # the kit's one file hash, needs a file, so hashlib does this one job.
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def _known_hash(value) -> str | None:
    """``sha256:<hex>`` from a CKAN ``hash`` field when it is a SHA-256, else None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip().lower()
    if value.startswith("sha256:"):
        value = value[7:]
    return f"sha256:{value}" if re.fullmatch(r"[0-9a-f]{64}", value) else None


@contextlib.contextmanager
def _quiet_pooch():
    # pooch logs "Downloading ..." and the SHA256 to stderr; nbval compares stderr.
    import pooch

    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class _Downloader:
    """A pooch downloader (``downloader(url, output_file, pooch)``) with the kit's rules.

    Written by hand because pooch's HTTPDownloader has no size limit, no check of the
    announced Content-Length, no Thai errors and no shared session (User-Agent, retries).
    pooch still does the rest: temporary file in the same folder, hash check, rename.
    """

    def __init__(self, session: KitSession, max_bytes: int, progress: bool):
        self.session, self.max_bytes, self.progress = session, max_bytes, progress

    def __call__(self, url, output_file, pooch=None, check_only=False):
        from tqdm.auto import tqdm

        response = self.session.get(url, stream=True)
        try:
            announced = response.headers.get("Content-Length")
            announced = int(announced) if announced and announced.isdigit() else None
            if announced is not None and announced > self.max_bytes:
                raise errors.DownloadTooLarge(self.max_bytes)
            got = 0
            with (
                open(output_file, "wb") as out,
                tqdm(
                    total=announced,
                    unit="B",
                    unit_scale=True,
                    desc="ดาวน์โหลด",
                    disable=not self.progress,
                    leave=False,
                ) as bar,
            ):
                try:
                    for chunk in response.iter_content(CHUNK):
                        got += len(chunk)
                        if got > self.max_bytes:
                            raise errors.DownloadTooLarge(self.max_bytes)
                        out.write(chunk)
                        bar.update(len(chunk))
                except errors.PortalError:
                    raise
                except Exception as exc:  # urllib3 IncompleteRead, reset, read timeout
                    err = translate(exc, url, self.session.timeout)
                    if isinstance(err, (errors.DownloadIncomplete, errors.PortalConnectionError)):
                        # urllib3 drops the part of a read that was cut off: count what the wire gave
                        wire = response.raw.tell() if response.raw is not None else got
                        raise errors.DownloadIncomplete(max(got, wire), announced) from None
                    raise err from None
            wire = response.raw.tell() if response.raw is not None else got
            if announced is not None and wire < announced:
                raise errors.DownloadIncomplete(wire, announced)
        finally:
            response.close()


class Portal:
    """A CKAN portal (data.go.th by default) with an offline twin: the real records in ``data/real/catalog/``.

    Parameters (all optional):

    * ``base_url`` — any CKAN (``https://gdcatalog.go.th``, a mirror ...); default ``$KIT_PORTAL_URL``
      or ``https://data.go.th``.  ``https://opend.data.go.th`` uses the opend gateway
      (``/get-ckan/<action>`` with an ``api-key`` header from ``$KIT_OPEND_API_KEY``).
    * ``offline`` — answer from the snapshot only; default ``$KIT_OFFLINE``.
    * ``api_key`` — the opend User Token (never printed, logged or written to disk).
    * ``timeout`` (seconds for every request: one number, or (connect, read)), ``retries`` and
      ``backoff`` (429/5xx, bounded), ``max_bytes`` (download size limit, default 500 MB).
    * ``fallback`` — after a network/portal failure print the Thai reason and answer from the
      snapshot (default True); False raises the :mod:`~helpers.portal.errors` exception.
    * ``cache_ttl`` — seconds a live answer is reused from the cache (0 = never).
    * ``catalog`` / ``cache`` — folders of the snapshot and of the cache (defaults from
      :mod:`helpers.paths`).  ``verbose=False`` silences the messages; ``progress`` forces
      the progress bars on or off (default: only for a person at a notebook or terminal).

    >>> Portal("ftp://example.org")
    Traceback (most recent call last):
    ...
    helpers.portal.errors.UnsupportedURLScheme: ที่อยู่ “ftp://example.org” ไม่ได้ขึ้นต้นด้วย http:// หรือ https:// (URL scheme “ftp”) ชุดเรียนเปิดได้เฉพาะลิงก์เว็บเท่านั้น
    >>> "abc" in repr(Portal(OPEND_URL, api_key="abc", offline=True))
    False
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        offline: bool | None = None,
        api_key: str | None = None,
        timeout: float | tuple = (5.0, 20.0),
        retries: int = 2,
        backoff: float = 0.5,
        max_bytes: int = MAX_BYTES,
        fallback: bool = True,
        cache_ttl: float = 3600.0,
        catalog: str | Path | None = None,
        cache: str | Path | None = None,
        verbose: bool = True,
        progress: bool | None = None,
        gateway: bool | None = None,
    ):
        args.text("Portal", "ที่อยู่ของพอร์ทัล (base_url)", base_url, 'Portal("https://data.go.th")', optional=True)
        args.text(
            "Portal",
            "ค่า api-key",
            api_key,
            'Portal("https://opend.data.go.th", api_key=token)',
            optional=True,
        )
        url = base_url or os.environ.get("KIT_PORTAL_URL") or DEFAULT_URL
        self.base_url = check_scheme(url.strip()).rstrip("/")
        host = urlsplit(self.base_url).hostname or ""
        self.gateway = bool(gateway) if gateway is not None else host.startswith("opend.")
        self.offline = is_offline_env() if offline is None else bool(offline)
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.max_bytes, self.fallback, self.cache_ttl = max_bytes, fallback, cache_ttl
        self.verbose, self.progress = verbose, progress
        self._catalog_dir = catalog
        self._cache_dir = cache
        self._api_key = (
            api_key
            if api_key is not None
            else (os.environ.get("KIT_OPEND_API_KEY") or _session_key.get("key"))
        )
        self._went_offline = False
        self._session: KitSession | None = None
        self._snapshot: Snapshot | None = None

    def __repr__(self) -> str:
        key = "'***'" if self._api_key else "None"
        return f"Portal(base_url={self.base_url!r}, offline={self.offline}, api_key={key})"

    # -- plumbing ------------------------------------------------------------------------------
    @property
    def snapshot(self) -> Snapshot:
        """The offline catalogue (:class:`~helpers.portal.snapshot.Snapshot`).

        >>> len(Portal(offline=True).snapshot.packages)
        1238
        """
        if self._snapshot is None:
            self._snapshot = Snapshot(self._catalog_dir)
        return self._snapshot

    @property
    def cache(self) -> Path:
        """Folder for downloads and live answers (``helpers.paths.cache_dir()`` by default).

        >>> Portal(offline=True).cache == paths.cache_dir()
        True
        """
        folder = Path(self._cache_dir) if self._cache_dir is not None else paths.cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @property
    def session(self) -> KitSession:
        """The HTTP session (User-Agent, timeout, retries); made on first use.

        >>> Portal(offline=True, timeout=3).session.timeout
        3
        """
        if self._session is None:
            self._session = KitSession(
                timeout=self.timeout,
                retries=self.retries,
                backoff=self.backoff,
                api_key=self._api_key,
                key_url=self.base_url,
                gateway=self.gateway,
            )
        return self._session

    def _say(self, text: str) -> None:
        if self.verbose:
            print(text)

    def _announce_offline(self) -> None:
        if self.verbose and not _NOTICE["shown"]:
            _NOTICE["shown"] = True
            print(OFFLINE_NOTICE)

    def _show_progress(self) -> bool:
        return _interactive() if self.progress is None else bool(self.progress)

    @property
    def is_offline(self) -> bool:
        """True when answers come from the snapshot (asked for, or after a network failure).

        >>> Portal(offline=True).is_offline
        True
        """
        return self.offline or self._went_offline

    def _call(self, action: str, **params):
        """One CKAN action through ckanapi, with every failure turned into a Thai PortalError."""
        import ckanapi

        if self.gateway:  # GET query string: lists and dicts travel as JSON text
            params = {
                k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
                for k, v in params.items()
            }
        ckan = ckanapi.RemoteCKAN(
            self.base_url, user_agent=USER_AGENT, session=self.session, get_only=self.gateway
        )
        try:
            return ckan.call_action(action, params, requests_kwargs={"timeout": self.timeout})
        except errors.DownloadIncomplete:
            raise errors.PortalBadJSON() from None  # an API answer cut off mid-way
        except errors.PortalError:
            raise
        except ckanapi.NotFound:
            what = "ทรัพยากร (resource)" if action.startswith(("resource", "datastore")) else "ชุดข้อมูล"
            name = params.get("id") or params.get("resource_id") or action
            raise errors.PortalNotFound(what, str(name)) from None
        except ckanapi.NotAuthorized:
            raise errors.PortalNotAuthorized() from None
        except (ckanapi.ValidationError, ckanapi.SearchQueryError, ckanapi.SearchError) as exc:
            raise errors.PortalError(
                f"พอร์ทัลไม่รับคำขอนี้ (validation error): ตรวจคำค้นหรือพารามิเตอร์อีกครั้ง — {exc}"
            ) from None
        except ckanapi.CKANAPIError:
            raise errors.PortalBadJSON() from None
        except Exception as exc:  # requests errors raised outside Session.request
            raise translate(exc, self.base_url, self.timeout) from None

    @staticmethod
    def _expect(action: str, result, kind: type, list_field: str | None = None):
        # Valid JSON in a shape CKAN does not send: do not use it (and do not cache it).
        if not isinstance(result, kind):
            raise errors.PortalUnexpectedAnswer(action, "ดิกชันนารี (dict)" if kind is dict else "รายการ (list)")
        if list_field is not None and not isinstance(result.get(list_field), list):
            raise errors.PortalUnexpectedAnswer(action, f"รายการ (list) ในช่อง {list_field}")
        return result

    def _cached_call(self, action: str, expect: type = dict, list_field: str | None = None, **params):
        """A live action answer, reused from the cache for ``cache_ttl`` seconds (no request).

        An answer that is not of type ``expect`` (or whose ``list_field`` is not a list) raises
        :class:`PortalUnexpectedAnswer`, so that the snapshot fallback applies, and is not cached.
        """
        key_src = json.dumps([self.base_url, action, params], sort_keys=True, ensure_ascii=False, default=str)
        key = _text_key(key_src, 32)
        folder = self.cache / "answers"
        file = folder / f"{action}-{key}.json"
        if self.cache_ttl > 0 and file.is_file() and time.time() - file.stat().st_mtime < self.cache_ttl:
            try:
                return self._expect(
                    action, json.loads(file.read_text(encoding="utf-8"))["result"], expect, list_field
                )
            except (ValueError, KeyError, TypeError):
                file.unlink(missing_ok=True)  # a damaged cache entry: ask again
        result = self._expect(action, self._call(action, **params), expect, list_field)
        if self.cache_ttl > 0:
            folder.mkdir(parents=True, exist_ok=True)
            _atomic_write_text(file, json.dumps({"action": action, "result": result}, ensure_ascii=False))
        return result

    def _live_or_snapshot(self, live, offline, available=lambda: True):
        """Ask the portal; on a network/portal failure say why (Thai) and answer from the snapshot.

        ``available()`` tells whether the snapshot can answer this question at all; when it cannot,
        the original error is raised (a fallback that only says "not in the snapshot" hides the cause).
        """
        if self.is_offline:
            self._announce_offline()
            return offline()
        try:
            return live()
        except errors.PortalError as exc:
            if not (self.fallback and exc.fallback and available()):
                raise
            self._say(f"⚠️ {exc}")
            if isinstance(exc, (errors.PortalBlocked, errors.PortalConnectionError, errors.PortalTimeout)):
                self._went_offline = True  # do not make a class wait for the same failure again
            self._announce_offline()
            return offline()

    # -- the five learner functions ------------------------------------------------------------
    def search(
        self,
        query: str = "",
        organization: str | None = None,
        fmt: str | None = None,
        rows: int = 20,
        *,
        tags: str | list | None = None,
        start: int = 0,
    ) -> pd.DataFrame:
        """Find data sets: a DataFrame with name, title, organization, formats, last_modified,
        license and num_resources (``df.attrs["source"]`` says "live" or "snapshot",
        ``df.attrs["count"]`` how many match in all).

        ``organization`` is the organisation's name (slug) or its title, ``fmt`` a resource format,
        ``tags`` one tag or a list (all must be there), ``rows`` how many to return (at most 1,000,
        CKAN's cap) and ``start`` how many to skip (paging).  A field a record lacks is ``<NA>``.

        >>> kit = Portal(offline=True, verbose=False)
        >>> df = kit.search("อุบัติเหตุ", organization="กรมการขนส่งทางบก", rows=3)
        >>> df.attrs["count"], df["name"].tolist()
        (5, ['actruck', 'acbus', 'acsongkran'])
        >>> kit.search("อุบัติเหตุ", organization="กรมการขนส่งทางบก", start=3)["name"].tolist()
        ['acnewyear', 'acpo']
        """
        query = args.text("search", "คำค้น (query)", query, 'portal.search("ท่องเที่ยว")', optional=True) or ""
        organization = args.text(
            "search",
            "หน่วยงาน (organization)",
            organization,
            'portal.search("อุบัติเหตุ", organization="กรมการขนส่งทางบก")',
            optional=True,
        )
        fmt = args.text("search", "รูปแบบไฟล์ (fmt)", fmt, 'portal.search("ท่องเที่ยว", fmt="CSV")', optional=True)
        rows = args.count("search", "จำนวนแถว (rows)", rows, 'portal.search("ท่องเที่ยว", rows=10)')
        start = args.count("search", "ลำดับเริ่มต้น (start)", start, 'portal.search("ท่องเที่ยว", start=20)')
        tag_list = args.texts("search", "คำสำคัญ (tags)", tags, 'portal.search(tags="อุบัติเหตุช่วงปีใหม่")')
        rows = min(rows, 1000)  # CKAN's own cap on package_search rows

        def live():
            fq = []
            if organization:
                fq.append(f"organization:{organization}")
            if fmt:
                fq.append(f'res_format:"{fmt.upper()}"')
            fq.extend(f'tags:"{t}"' for t in tag_list)
            extra = {"start": start} if start else {}
            result = self._cached_call(
                "package_search", list_field="results", q=query or "*:*", fq=" ".join(fq), rows=rows, **extra
            )
            df = search_table(result["results"])
            df.attrs["source"] = "live"
            count = whole_number(result.get("count"))
            df.attrs["count"] = len(df) if count is None else count
            return df

        def offline():
            count, hits = self.snapshot.search_page(
                query, organization=organization, fmt=fmt, rows=rows, start=start, tags=tag_list
            )
            df = search_table(hits)
            df.attrs["source"] = "snapshot"
            df.attrs["count"] = count
            return df

        return self._live_or_snapshot(live, offline)

    def dataset(self, name: str) -> PortalDataset:
        """A data set's metadata: ``.info`` (Thai labels), ``.resources`` (DataFrame), ``.raw``.

        >>> ds = Portal(offline=True, verbose=False).dataset("covid-19-daily")
        >>> ds.info["ความถี่ในการปรับปรุงข้อมูล"], ds.resources["format"].tolist()[:3]
        ('ทุก 1 วัน', ['ZIP', 'XLSX', 'XLSX'])
        """
        name = args.text(
            "dataset", "ชื่อในลิงก์ (name) ของชุดข้อมูล", name, 'portal.dataset("covid-19-daily")', empty_ok=False
        )
        return self._live_or_snapshot(
            lambda: PortalDataset(self._cached_call("package_show", id=name), source="live"),
            lambda: PortalDataset(self.snapshot.package(name), source="snapshot"),
            lambda: self._in_snapshot(self.snapshot.package, name),
        )

    def package_list(self) -> list[str]:
        """The names (slugs) of every data set on the portal (CKAN ``package_list``).

        Offline: the real answer of data.go.th recorded in June 2025 (32,473 names), which is far
        more than the 1,238 records whose metadata the kit holds.

        >>> names = Portal(offline=True, verbose=False).package_list()
        >>> len(names), names.count("rtddi")
        (32473, 1)
        """
        return self._live_or_snapshot(
            lambda: [str(n) for n in self._cached_call("package_list", expect=list)],
            self.snapshot.package_list,
        )

    @staticmethod
    def _in_snapshot(lookup, key) -> bool:
        try:
            lookup(key)
        except errors.PortalError:
            return False
        return True

    def organizations(self) -> pd.DataFrame:
        """Publishing organisations: name, title, package_count.

        Offline the list is derived from the records (see :meth:`Snapshot.organizations`): ``name``
        is the real slug where a record gives it (``ddc``), else the title itself.

        >>> orgs = Portal(offline=True, verbose=False).organizations()
        >>> biggest = orgs.sort_values("package_count").iloc[-1]
        >>> biggest["name"], int(biggest["package_count"])
        ('สำนักงานพระพุทธศาสนาแห่งชาติ', 159)
        """

        def live():
            # CKAN silently caps all_fields lists (25 by default, 200-300 on Thai GD-Catalog sites)
            # whatever limit we ask for, so page by what actually came back until nothing new comes.
            orgs, seen, offset = [], set(), 0
            for _ in range(100):  # bounded: 100 pages
                page = self._cached_call(
                    "organization_list", expect=list, all_fields=True, limit=1000, offset=offset
                )
                fresh = [o for o in page if _org_key(o) not in seen]
                if not page or not fresh:
                    break
                seen.update(_org_key(o) for o in fresh)
                orgs.extend(fresh)
                offset += len(page)
            df = organizations_table(orgs)
            df.attrs["source"] = "live"
            return df

        def offline():
            df = organizations_table(self.snapshot.organizations())
            df.attrs["source"] = "snapshot"
            return df

        return self._live_or_snapshot(live, offline)

    def datastore(
        self,
        resource_id: str,
        filters: dict | None = None,
        limit: int | None = None,
        *,
        offset: int = 0,
        q: str | None = None,
    ) -> pd.DataFrame:
        """Rows of a DataStore table as a DataFrame, fetched 10,000 rows per request.

        ``filters`` is ``{column: value}`` (or a list of accepted values), ``q`` a full-text search,
        ``offset`` how many rows to skip and ``limit`` the most rows to return (default: all).
        ``df.attrs["total"]`` is the number of matching rows on the server.

        Offline there is no recorded DataStore answer, so the kit serves REAL figures in the API's
        shape from one table, :data:`OFFLINE_DATASTORE_ID` (MOTS visitors and income by province and
        month, 2563–2565); ``df.attrs["note"]`` says so in Thai and it is printed once per session.

        >>> kit = Portal(offline=True, verbose=False)
        >>> df = kit.datastore(OFFLINE_DATASTORE_ID, filters={"province": "เชียงใหม่", "year": 2564}, limit=3)
        >>> df["foreign_visitors"].tolist(), df.attrs["total"]
        ([2628, 2744, 3518], 12)
        """
        example = f'portal.datastore("{OFFLINE_DATASTORE_ID}", limit=100)'
        resource_id = args.text("datastore", "รหัสทรัพยากร (resource_id)", resource_id, example, empty_ok=False)
        filters = args.mapping(
            "datastore",
            "ตัวกรอง (filters)",
            filters,
            f'portal.datastore("{OFFLINE_DATASTORE_ID}", filters={{"province": "เชียงใหม่"}})',
        )
        limit = args.count("datastore", "จำนวนแถวสูงสุด (limit)", limit, example, optional=True)
        offset = args.count(
            "datastore",
            "จำนวนแถวที่ข้าม (offset)",
            offset,
            f'portal.datastore("{OFFLINE_DATASTORE_ID}", offset=100, limit=100)',
        )
        q = args.text(
            "datastore", "คำค้น (q)", q, f'portal.datastore("{OFFLINE_DATASTORE_ID}", q="ภูเก็ต")', optional=True
        )

        def columns(fields):
            fields = fields if isinstance(fields, list) else []
            return [
                str(f["id"])
                for f in fields
                if isinstance(f, dict) and f.get("id") not in (None, "_id", "_full_text")
            ]

        def rows_of(page) -> list:
            records = self._expect("datastore_search", page.get("records"), list)
            if not all(isinstance(r, dict) for r in records):
                raise errors.PortalUnexpectedAnswer("datastore_search", "แถวแบบดิกชันนารี (dict)")
            return records

        def live():
            from tqdm.auto import tqdm

            want = limit
            params = {"resource_id": resource_id}
            if filters:
                params["filters"] = filters
            if q:
                params["q"] = q
            first = self._expect(
                "datastore_search",
                self._call(
                    "datastore_search",
                    limit=min(PAGE_SIZE, want if want is not None else PAGE_SIZE),
                    offset=offset,
                    **params,
                ),
                dict,
            )
            total = whole_number(first.get("total"))  # None: unknown, page until an empty page
            left = None if total is None else max(total - offset, 0)
            target = (left if want is None else min(want, left)) if left is not None else want
            records = rows_of(first)
            with tqdm(
                total=target,
                initial=len(records),
                unit="แถว",
                desc="DataStore",
                disable=not self._show_progress(),
                leave=False,
            ) as bar:
                # Bounded: without a total, a broken server could send pages forever.
                for _ in range(MAX_PAGES):
                    if target is not None and len(records) >= target:
                        break
                    if total is None and not records:
                        break
                    step = PAGE_SIZE if target is None else min(PAGE_SIZE, target - len(records))
                    page = self._expect(
                        "datastore_search",
                        self._call("datastore_search", offset=offset + len(records), limit=step, **params),
                        dict,
                    )
                    got = rows_of(page)
                    if not got:
                        break
                    records.extend(got)
                    bar.update(len(got))
            if target is not None:
                records = records[:target]
            df = pd.DataFrame.from_records(records, columns=columns(first.get("fields")))
            df.attrs["source"] = "live"
            df.attrs["total"] = len(records) if total is None else total
            return df

        def offline():
            data = self.snapshot.datastore(resource_id, filters=filters, q=q, offset=offset, limit=limit)
            df = pd.DataFrame.from_records(data["records"], columns=columns(data["fields"]))
            df.attrs["source"] = "snapshot"
            df.attrs["total"] = int(data["total"])
            df.attrs["note"] = data["kit_note"]
            if self.verbose and not _NOTICE["datastore"]:
                _NOTICE["datastore"] = True
                print(f"📝 {data['kit_note']}")
            return df

        return self._live_or_snapshot(
            live, offline, lambda: self._in_snapshot(self.snapshot.datastore, resource_id)
        )

    def download(
        self,
        resource,
        dest: str | Path | None = None,
        *,
        max_bytes: int | None = None,
        sha256: str | None = None,
    ) -> Path:
        """Download one resource and return the local :class:`~pathlib.Path`.

        ``resource`` is a resource id, an http(s) URL, a resource dict, or a row of
        ``dataset(...).resources``.  The file is streamed (progress bar for a person watching),
        limited to ``max_bytes``, written to a temporary file in the same folder and renamed only
        when complete, and its SHA-256 is checked (against ``sha256`` or the portal's ``hash``)
        and recorded.  A second call answers from the cache without any request.  ``dest`` is a
        folder to copy the file into (default: the cache folder).

        Offline, the kit has the metadata of the records, not their files.  For the few resources
        whose real file (or a real sample of it) ships in ``data/real/`` (see
        :data:`~helpers.portal.snapshot.LOCAL_FILES`) that copy is served, under its own name, with
        a Thai note saying what it is; any other resource gives :class:`OfflineNotAvailable`.

        >>> kit = Portal(offline=True, verbose=False)
        >>> res = kit.dataset("rtddi").resources.iloc[1]
        >>> kit.download(res).name
        'ddc_rtddi_data_dictionary.xlsx'
        >>> kit.download(kit.dataset("rtddi").resources.iloc[0])
        Traceback (most recent call last):
        ...
        helpers.portal.errors.OfflineNotAvailable: ตอนนี้ทำงานแบบออฟไลน์ (offline) และสำเนาแค็ตตาล็อกในชุดเรียนไม่มีตัวไฟล์ของทรัพยากรนี้ ...
        """
        self._check_download_args(resource, dest, max_bytes, sha256)
        limit = self.max_bytes if max_bytes is None else max_bytes
        early_key, early_hash = self._quick_key(resource)
        cached, damaged = None, None
        if early_key:  # a file we already have answers without any request
            cached, damaged = self._cached_download(
                self._download_folder(early_key), _known_hash(sha256) or early_hash
            )
        if cached is None:
            res = self._as_resource(resource)
            key = res.get("id") or _text_key(res["url"], 24)
            folder = self._download_folder(key)
            expected = _known_hash(sha256) or _known_hash(res.get("hash"))
            name = safe_filename(res.get("url", ""), fallback=f"resource-{key[:8]}")
            cached, again = self._cached_download(folder, expected)
            damaged = damaged or again
        if cached is None:
            local = self.snapshot.local_path(res)
            try:
                cached = self._live_or_snapshot(
                    lambda: self._download_live(res, folder, name, expected, limit),
                    lambda: self._download_offline(res, folder, _known_hash(sha256)),
                    lambda: local is not None and local.is_file(),
                )
            except errors.PortalError as exc:
                if damaged:  # say first that the copy we had is gone, then why no new one came
                    raise errors.CachedFileDamaged(damaged, reason=str(exc)) from None
                raise
            if damaged:
                self._say(f"⚠️ {errors.CachedFileDamaged(damaged)}")
        self._say_what_copy(cached)
        if dest is None:
            return cached
        target = Path(dest).expanduser() / cached.name
        if target.resolve() != cached.resolve():
            _atomic_copy(cached, target)
        return target

    # -- download internals --------------------------------------------------------------------
    @staticmethod
    def _check_download_args(resource, dest, max_bytes, sha256) -> None:
        example = "portal.download(ds.resources.iloc[0])"
        if not isinstance(resource, (str, dict, pd.Series, PortalDataset)):
            raise args.type_error(
                "download",
                "ทรัพยากร (resource)",
                "แถวหนึ่งแถวจากตาราง .resources, รหัสทรัพยากร (resource id) หรือลิงก์ http(s)",
                resource,
                example,
            )
        if isinstance(resource, str):
            args.text("download", "ทรัพยากร (resource)", resource, example, empty_ok=False)
        if dest is not None and not isinstance(dest, (str, os.PathLike)):
            raise args.type_error(
                "download",
                "โฟลเดอร์ปลายทาง (dest)",
                "ข้อความหรือ Path",
                dest,
                'portal.download(ds.resources.iloc[0], dest="data/raw")',
            )
        args.count(
            "download",
            "ขนาดไฟล์สูงสุด (max_bytes)",
            max_bytes,
            "portal.download(ds.resources.iloc[0], max_bytes=100_000_000)",
            optional=True,
            minimum=1,
        )
        sha_example = 'portal.download(url, sha256="9f86d081...")  (เลขฐานสิบหก 64 ตัว)'
        args.text("download", "ค่า SHA-256 (sha256)", sha256, sha_example, optional=True)
        if sha256 is not None and _known_hash(sha256) is None:
            raise errors.PortalArgumentValueError(
                f"download() ต้องการค่า SHA-256 (sha256) เป็นเลขฐานสิบหก 64 ตัว แต่ได้รับ {args.shown(sha256)} "
                f"ตัวอย่าง: {sha_example}"
            )

    def _say_what_copy(self, path: Path) -> None:
        # A file served from the kit's own copy says what it is (a sample, an excerpt ...), every time.
        try:
            source = str(json.loads((path.parent / RECORD).read_text(encoding="utf-8")).get("source", ""))
        except (OSError, ValueError, AttributeError):
            return
        note = Snapshot.local_note(source[len("snapshot:") :]) if source.startswith("snapshot:") else None
        if note:
            self._say(f"📎 {note}")

    def _download_folder(self, key: str) -> Path:
        return self.cache / "downloads" / re.sub(r"[^\w\-]", "_", key)

    def _quick_key(self, resource) -> tuple[str | None, str | None]:
        """The cache key (resource id or URL hash) and known hash, found without any request."""
        if isinstance(resource, (pd.Series, dict)):
            resource = _stated(resource)
        if isinstance(resource, dict):
            if not resource.get("id") and resource.get("url"):
                check_scheme(resource["url"])
                snap = self.snapshot.resource_by_url(resource["url"])
                key = (snap or {}).get("id") or _text_key(resource["url"], 24)
                return key, _known_hash(resource.get("hash") or (snap or {}).get("hash"))
            return resource.get("id") or None, _known_hash(resource.get("hash"))
        if isinstance(resource, str):
            text = resource.strip()
            if "://" in text:
                check_scheme(text)
                snap = self.snapshot.resource_by_url(text)
                if snap:
                    return snap["id"], _known_hash(snap.get("hash"))
                return _text_key(text, 24), None
            return text or None, None
        return None, None

    def _as_resource(self, resource) -> dict:
        if isinstance(resource, PortalDataset):
            if resource.resources.empty:
                raise errors.OfflineNotAvailable("ไฟล์ในชุดข้อมูลนี้")
            resource = resource.resources.iloc[0]
        if isinstance(resource, (pd.Series, dict)):
            resource = _stated(resource)
        if isinstance(resource, dict):
            res = dict(resource)
            if res.get("url"):
                check_scheme(res["url"])
            if res.get("id"):  # fill missing fields (url, hash) from the snapshot
                try:
                    full = self.snapshot.resource(res["id"])
                except errors.PortalNotFound:
                    full = {}
                res = {**full, **{k: v for k, v in res.items() if v != ""}}
            elif res.get("url"):  # a row without an id: the snapshot may know it by its URL
                full = self.snapshot.resource_by_url(res["url"]) or {}
                res = {**full, **{k: v for k, v in res.items() if v != ""}}
            return res
        text = str(resource).strip()
        if "://" in text or text.lower().startswith(("javascript:", "data:", "file:", "mailto:")):
            check_scheme(text)
            return self.snapshot.resource_by_url(text) or {"url": text}
        if self.is_offline:
            return self.snapshot.resource(text)
        try:
            return {"id": text, **self._cached_call("resource_show", id=text)}
        except errors.PortalError as exc:
            if not (self.fallback and exc.fallback):
                raise
            try:
                snap = self.snapshot.resource(text)
            except errors.PortalNotFound:
                raise exc from None
            self._say(f"⚠️ {exc}")
            if isinstance(exc, (errors.PortalBlocked, errors.PortalConnectionError, errors.PortalTimeout)):
                self._went_offline = True
            return snap

    def _cached_download(self, folder: Path, expected: str | None) -> tuple[Path | None, str | None]:
        """(the verified cached file or None, the name of a damaged copy that was removed or None).

        The file is re-hashed every time before it is served.  Two digests can reject it: the one
        the kit recorded in ``.kit-download.json`` when it saved the file (so damage is caught even
        when the portal publishes no hash) and the expected one (portal ``hash`` or ``sha256=``).
        """
        import pooch

        record_file = folder / RECORD
        if not record_file.is_file():
            return None, None
        try:
            record = json.loads(record_file.read_text(encoding="utf-8"))
            path = folder / str(record["file"])
            recorded = record.get("sha256")
        except (ValueError, KeyError, TypeError, AttributeError):
            return None, None  # an unreadable record: the file is fetched again
        if path.parent != folder or not path.is_file():
            return None, None
        digest = pooch.file_hash(str(path), alg="sha256")
        if digest != recorded:  # changed on disk since the kit saved it: never serve it
            path.unlink(missing_ok=True)
            record_file.unlink(missing_ok=True)
            return None, path.name
        if expected and f"sha256:{digest}" != expected:
            return None, None  # intact but outdated: the portal now publishes another file
        source = str(record.get("source", ""))
        if source.startswith("snapshot:"):  # a copy of a file in data/: is it still the current one?
            published = self.snapshot.local_hash(source[len("snapshot:") :])
            if published and published.startswith("sha256:") and published[7:] != digest:
                return None, None
        return path, None

    def _write_record(self, folder: Path, path: Path, url: str, source: str) -> None:
        import pooch

        record = {
            "file": path.name,
            "url": url,
            "sha256": pooch.file_hash(str(path), alg="sha256"),
            "size": path.stat().st_size,
            "source": source,
        }
        text = json.dumps(record, ensure_ascii=False, indent=1)  # pragma: no mutate (JSON layout only)
        _atomic_write_text(folder / RECORD, text)

    def _clear(self, folder: Path) -> None:
        # Remove an unverified earlier copy so that pooch cannot return it unchecked.
        # Temporary files are left alone: they belong to a download running in another process.
        if folder.is_dir():
            for item in folder.iterdir():
                if item.is_file() and not item.name.startswith(("tmp", ".tmp-")):
                    item.unlink(missing_ok=True)

    def _download_live(self, res: dict, folder: Path, name: str, expected: str | None, limit: int) -> Path:
        import pooch

        url = check_scheme(res.get("url") or "")
        self._clear(folder)
        folder.mkdir(parents=True, exist_ok=True)
        downloader = _Downloader(self.session, limit, self._show_progress())
        try:
            with _quiet_pooch():
                path = Path(
                    pooch.retrieve(
                        url,
                        known_hash=expected,
                        fname=name,
                        path=folder,
                        downloader=downloader,
                        progressbar=False,
                    )
                )
        except errors.PortalError:
            raise
        except ValueError:  # pooch: "hash of downloaded file ... does not match" (file deleted)
            raise errors.ChecksumMismatch(name) from None
        except Exception as exc:
            raise translate(exc, url, self.timeout) from None
        self._write_record(folder, path, url, "live")
        return path

    def _download_offline(self, res: dict, folder: Path, wanted: str | None = None) -> Path:
        # ``wanted``: the caller's own sha256= (never the portal's hash: a bundled sample or
        # excerpt is not the portal's file, but a caller who names a file must get exactly it).
        rel = self.snapshot.local_file(res)
        src = paths.data_dir() / rel if rel else None
        if src is None or not src.is_file():
            url = res.get("url") or ""
            raise errors.OfflineNotAvailable(
                "ตัวไฟล์ของทรัพยากรนี้",
                hint=(
                    "(มีเพียงคำอธิบายชุดข้อมูล) "
                    + (f"ไฟล์อยู่ที่ {url} " if url else "")
                    + "ถ้าต้องการไฟล์ ให้ต่ออินเทอร์เน็ตแล้วเรียก portal.configure(offline=False) ก่อนดาวน์โหลดอีกครั้ง "
                    "หรือเปิดลิงก์ในเว็บเบราว์เซอร์บนเครื่องของเราเอง (data.go.th มักปฏิเสธการเชื่อมต่อจากคลาวด์ "
                    "เช่น Binder และ Colab)"
                ),
            )
        import pooch

        expected = self.snapshot.local_hash(rel)  # published in data/datapackage.json
        self._clear(folder)
        target = folder / src.name  # the copy's own name: a CSV sample of an XLSX is not an .xlsx
        _atomic_copy(src, target)
        checks = [expected.partition(":")[::2]] if expected else []
        if wanted:
            checks.append(("sha256", wanted[len("sha256:") :]))
        for alg, want in checks:
            if pooch.file_hash(str(target), alg=alg).lower() != want.lower():
                target.unlink()
                raise errors.ChecksumMismatch(src.name)
        self._write_record(folder, target, res.get("url", ""), f"snapshot:{rel}")
        return target


def _stated(resource) -> dict:
    # A resource dict or a row of .resources without its missing values (<NA>, NaT, None):
    # "unknown" must not reach code that asks ``if value``.
    items = resource.to_dict().items() if isinstance(resource, pd.Series) else resource.items()
    return {k: v for k, v in items if v is not None and not (pd.api.types.is_scalar(v) and pd.isna(v))}


def _org_key(org) -> str | None:
    # organization_list gives dicts (all_fields=True) or bare names; anything else has no key.
    if isinstance(org, dict):
        return org.get("id") or org.get("name")
    return org if isinstance(org, str) else None


# The opend key typed with ask_api_key(): kept in memory for this session only.
_session_key: dict[str, str] = {}
