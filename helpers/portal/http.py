"""HTTP plumbing for the portal client: one ``requests.Session`` with the kit's safety rules.

* a browser-like User-Agent (gdcatalog.go.th answers HTTP 500 to unusual ones);
* a timeout on EVERY request (ckanapi 4.11 passes ``timeout=None`` unless told otherwise);
* bounded retries with exponential backoff on 429 and 5xx (urllib3 ``Retry``);
* every answer is checked before ckanapi sees it: an HTML page, a 403 firewall page or a 5xx
  becomes a :mod:`helpers.portal.errors` exception with a Thai message;
* the opend gateway's ``api-key`` header is only sent to the portal's own origin (scheme, host
  and port), is dropped on any redirect that leaves that origin, and is never shown or logged.

>>> s = KitSession(timeout=0.5)
>>> s.timeout, s.headers["User-Agent"].startswith("Mozilla/5.0")
(0.5, True)
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from . import errors

__all__ = ["USER_AGENT", "API_KEY_HEADER", "KitSession", "check_scheme", "origin", "translate"]

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 thai-opendata-kit/0.1"
)
RETRY_STATUSES = (429, 500, 502, 503, 504)
API_KEY_HEADER = "api-key"  # opend.data.go.th's header for the User Token
_URL_HINT = "ตรวจลิงก์อีกครั้ง ลิงก์ของไฟล์อาจถูกย้ายหรือลบไปแล้ว"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def check_scheme(url: str) -> str:
    """Return ``url`` when it is http(s); raise :class:`UnsupportedURLScheme` otherwise.

    >>> check_scheme("https://data.go.th")
    'https://data.go.th'
    >>> check_scheme("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    helpers.portal.errors.UnsupportedURLScheme: ที่อยู่ “file:///etc/passwd” ไม่ได้ขึ้นต้นด้วย http:// หรือ https:// (URL scheme “file”) ชุดเรียนเปิดได้เฉพาะลิงก์เว็บเท่านั้น
    """
    if urlsplit(str(url)).scheme.lower() not in ("http", "https"):
        raise errors.UnsupportedURLScheme(str(url))
    return str(url)


def origin(url: str) -> tuple[str, str, int | None] | None:
    """The origin of a URL: (scheme, host, port) with the default port filled in; None if unreadable.

    >>> origin("https://opend.data.go.th/get-ckan/package_search")
    ('https', 'opend.data.go.th', 443)
    >>> origin("http://127.0.0.1:8080/a") == origin("http://localhost:8080/a")
    False
    """
    try:
        parts = urlsplit(str(url))
        scheme = parts.scheme.lower()
        return scheme, (parts.hostname or "").lower(), parts.port or _DEFAULT_PORTS.get(scheme)
    except ValueError:  # a port that is not a number
        return None


def _check_key(key: str | None) -> str | None:
    # A key with a line break or a non-ASCII letter would make requests/http.client raise an
    # exception whose text contains the header value, i.e. the key: refuse it first, without showing it.
    if key is None:
        return None
    key = str(key).strip()
    if not key:
        return None
    if not all(33 <= ord(c) < 127 for c in key):
        raise errors.PortalArgumentValueError(
            "api-key มีอักขระที่ส่งในส่วนหัวของคำขอ (HTTP header) ไม่ได้ เช่น การขึ้นบรรทัดใหม่ ช่องว่าง "
            "หรือตัวอักษรไทย (ไม่แสดงค่า api-key เพื่อความปลอดภัย) คัดลอก User Token จาก opend.data.go.th ใหม่ "
            "แล้วตั้งค่าใน KIT_OPEND_API_KEY หรือเรียก portal.ask_api_key() อีกครั้ง"
        )
    return key


def _looks_like_html(response: requests.Response, peek: bytes) -> bool:
    ctype = response.headers.get("Content-Type", "").lower()
    head = peek.lstrip()[:15].lower()
    if head.startswith((b"{", b"[")):  # JSON sent with a wrong Content-Type is still JSON
        return False
    return "html" in ctype or head.startswith((b"<!doctype html", b"<html"))


class KitSession(requests.Session):
    """A ``requests.Session`` with a default timeout, bounded retries and answer checks.

    ``api_key`` (opend gateway) is sent as the ``api-key`` header only to URLs with the same
    origin (scheme, host and port) as ``key_url``, and is removed when a redirect leaves it.
    ``gateway=True`` rewrites ckanapi's ``/api/action/<name>`` to opend's ``/get-ckan/<name>``.
    ``repr`` never shows the key.

    >>> s = KitSession(api_key="secret-123", key_url="https://opend.data.go.th")
    >>> "secret" in repr(s)
    False
    >>> s.sends_key_to("https://opend.data.go.th/get-ckan/x"), s.sends_key_to("https://data.go.th/x")
    (True, False)
    """

    # Why a Session subclass and not a ``requests.auth.AuthBase``: an auth object runs once, when
    # the first request is prepared; on a redirect requests copies the prepared headers to the new
    # request and removes only ``Authorization`` (``rebuild_auth``).  opend's key travels in its own
    # ``api-key`` header, which requests would therefore forward to ANY host a redirect names.
    # ``rebuild_auth`` is the hook requests calls for every redirect hop, so the key is dropped there.

    def __init__(
        self,
        *,
        timeout=(5.0, 20.0),
        retries: int = 2,
        backoff: float = 0.5,
        api_key: str | None = None,
        key_url: str | None = None,
        gateway: bool = False,
    ):
        super().__init__()
        self.timeout = timeout
        self.retries = retries
        self.gateway = gateway
        self._api_key = _check_key(api_key)
        self._key_origin = origin(key_url) if key_url else None
        self.headers["User-Agent"] = USER_AGENT
        self.headers["Accept"] = "application/json, text/csv, */*;q=0.8"
        retry = Retry(
            # connect: at most one retry, so a silent firewall costs 2 connect timeouts, not 3;
            # read: none, so a slow server costs one timeout only.
            total=retries,
            connect=min(retries, 1),
            read=0,
            status=retries,
            other=0,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=None,  # CKAN reads are safe to repeat
            backoff_factor=backoff,
            backoff_max=10.0,
            # A Retry-After header could ask us to wait for minutes: keep the wait bounded.
            respect_retry_after_header=False,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.mount("http://", adapter)
        self.mount("https://", adapter)

    def __repr__(self) -> str:
        key = "'***'" if self._api_key else "None"
        return f"KitSession(timeout={self.timeout!r}, retries={self.retries}, api_key={key})"

    def request(self, method, url, *args, **kwargs):  # noqa: D401 - requests API
        check_scheme(url)
        if kwargs.get("timeout") is None:  # ckanapi passes timeout=None explicitly
            kwargs["timeout"] = self.timeout
        if self.gateway and "/api/action/" in url:
            # opend.data.go.th serves CKAN actions at /get-ckan/<action>; ckanapi cannot be told
            # another path, so the one URL rewrite lives here.
            url = url.replace("/api/action/", "/get-ckan/", 1)
        headers = {
            k: v for k, v in (kwargs.pop("headers", None) or {}).items() if k.lower() != API_KEY_HEADER
        }  # only this class decides where the key goes
        if self.sends_key_to(url):
            headers[API_KEY_HEADER] = self._api_key
        kwargs["headers"] = headers
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.RequestException as exc:
            raise translate(exc, url, self.timeout) from None
        check_response(response, url, attempts=self.retries + 1)
        return response

    def sends_key_to(self, url: str) -> bool:
        """True when ``url`` has exactly the origin (scheme, host, port) the api-key is meant for."""
        return bool(self._api_key and self._key_origin and origin(url) == self._key_origin)

    def rebuild_auth(self, prepared_request, response):  # called by requests for every redirect
        if not self.sends_key_to(prepared_request.url):
            prepared_request.headers.pop(API_KEY_HEADER, None)  # case-insensitive in requests
        super().rebuild_auth(prepared_request, response)


def check_response(response: requests.Response, url: str, attempts: int = 1) -> None:
    """Raise a Thai :class:`PortalError` for a firewall page, an HTML page or a 5xx/429 answer.

    JSON error envelopes (404 Not Found, 403 Authorization Error, 409 Validation Error) pass through
    so that ckanapi can turn them into its own exceptions.

    >>> r = requests.Response()
    >>> r.status_code, r._content = 403, b"<html>Your request has been blocked</html>"
    >>> r.headers["Content-Type"] = "text/html"
    >>> check_response(r, "https://data.go.th/api/action/package_search")
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalBlocked: data.go.th ปฏิเสธคำขอ (HTTP 403 Forbidden) ...
    """
    status = response.status_code
    host = urlsplit(url).hostname or url
    ctype = response.headers.get("Content-Type", "").lower()
    if status < 300 and "html" not in ctype:
        return  # the common case: do not touch a (possibly streamed) body
    if response.raw is not None and not response._content_consumed:  # noqa: SLF001
        peek = response.content[:2048]
    else:
        peek = (response.content or b"")[:2048]
    if _looks_like_html(response, peek):
        if status == 403:
            raise errors.PortalBlocked(host)
        if status >= 500 or status == 429:
            raise errors.PortalServerError(status, attempts)
        if status == 404:
            raise errors.PortalNotFound("หน้าที่ขอ", url, hint=_URL_HINT)
        raise errors.PortalHTMLResponse(status, url)
    if status >= 500 or status == 429:
        raise errors.PortalServerError(status, attempts)
    if status in (404, 403, 409, 400):
        if "json" in ctype or peek.lstrip()[:1] == b"{":
            return
        if status == 404:
            raise errors.PortalNotFound("ไฟล์หรือหน้าที่ขอ", url, hint=_URL_HINT)
        if status == 403:
            raise errors.PortalBlocked(host)
    if status >= 300:  # an unexpected redirect (ckanapi does not follow POST redirects) or error page
        raise errors.PortalHTMLResponse(status, url)


def translate(exc: Exception, url: str, timeout) -> errors.PortalError:
    """Turn a ``requests`` exception into the matching Thai :class:`PortalError`.

    >>> type(translate(requests.ConnectTimeout(), "https://data.go.th", 5)).__name__
    'PortalTimeout'
    >>> type(translate(requests.ConnectionError(), "https://data.go.th", 5)).__name__
    'PortalConnectionError'
    """
    if isinstance(exc, errors.PortalError):
        return exc
    host = urlsplit(url).hostname or url
    text = repr(exc)
    if isinstance(exc, requests.Timeout) or "timed out" in text.lower() or "ReadTimeout" in text:
        return errors.PortalTimeout(timeout)
    if isinstance(exc, requests.exceptions.InvalidSchema):
        return errors.UnsupportedURLScheme(url)
    if isinstance(exc, requests.exceptions.ChunkedEncodingError) or "IncompleteRead" in text:
        return errors.DownloadIncomplete(got=0, expected=None)
    return errors.PortalConnectionError(host)
