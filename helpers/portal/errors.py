"""Errors of the portal client, each with a clear Thai message and the English technical term.

ข้อผิดพลาดทุกแบบของ ``helpers.portal`` อธิบายเป็นภาษาไทย พร้อมคำศัพท์ภาษาอังกฤษในวงเล็บ
เพื่อให้ผู้เรียนค้นหาต่อได้ ทุกคลาสเป็นลูกของ :class:`PortalError`.

>>> err = PortalTimeout(timeout=0.5)
>>> isinstance(err, PortalError), err.fallback
(True, True)
>>> print(err)
พอร์ทัลไม่ตอบภายใน 0.5 วินาที (timeout) เครือข่ายอาจช้าหรือเซิร์ฟเวอร์ไม่ว่าง
"""

from __future__ import annotations

__all__ = [
    "PortalError",
    "PortalBlocked",
    "PortalHTMLResponse",
    "PortalNotFound",
    "PortalNotAuthorized",
    "PortalServerError",
    "PortalTimeout",
    "PortalConnectionError",
    "PortalBadJSON",
    "DownloadIncomplete",
    "ChecksumMismatch",
    "UnsupportedURLScheme",
    "DownloadTooLarge",
    "OfflineNotAvailable",
    "PortalUnexpectedAnswer",
    "PortalArgumentError",
    "PortalArgumentTypeError",
    "PortalArgumentValueError",
    "CachedFileDamaged",
]


class PortalError(Exception):
    """Base class: ``str(err)`` is the Thai message; ``term`` is the English technical term.

    ``fallback`` tells whether answering from the bundled snapshot makes sense after this error
    (true for network and server trouble, false for a wrong name or a wrong URL).

    >>> PortalError("ข้อความ").term
    'portal error'
    """

    term = "portal error"
    fallback = False

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PortalBlocked(PortalError):
    """HTTP 403 with an HTML page: the portal's firewall blocks data-centre addresses.

    >>> "firewall" in str(PortalBlocked())
    True
    """

    term = "HTTP 403 Forbidden"
    fallback = True

    def __init__(self, host: str = "data.go.th"):
        self.host = host
        super().__init__(
            f"{host} ปฏิเสธคำขอ (HTTP 403 Forbidden) และส่งหน้าเว็บ “Your request has been blocked by "
            "our security systems” กลับมา สาเหตุคือไฟร์วอลล์ (firewall) ของพอร์ทัลบล็อกคำขอที่มาจาก"
            "ศูนย์ข้อมูล (data centre) เช่น Binder, Colab หรือคลาวด์ ไม่ใช่ความผิดของโค้ดเรา "
            "ถ้าต้องการข้อมูลล่าสุด ให้รันโน้ตบุ๊กบนเครื่องของเราเอง หรือดาวน์โหลดไฟล์ผ่านเว็บเบราว์เซอร์"
        )


class PortalHTMLResponse(PortalError):
    """The portal answered with a web page (HTML) instead of JSON or a data file.

    >>> print(PortalHTMLResponse(status=200, url="https://example.org/api/action/x"))
    พอร์ทัลตอบกลับเป็นหน้าเว็บ (HTML) แทนข้อมูล (HTTP 200) อาจเป็นหน้าแจ้งปิดปรับปรุงระบบ หรือที่อยู่ https://example.org/api/action/x ไม่ใช่เอพีไอ (API) ของ CKAN
    """

    term = "HTML response"
    fallback = True

    def __init__(self, status: int, url: str):
        self.status = status
        super().__init__(
            f"พอร์ทัลตอบกลับเป็นหน้าเว็บ (HTML) แทนข้อมูล (HTTP {status}) อาจเป็นหน้าแจ้งปิดปรับปรุงระบบ "
            f"หรือที่อยู่ {url} ไม่ใช่เอพีไอ (API) ของ CKAN"
        )


class PortalNotFound(PortalError, LookupError):
    """A data set or resource that does not exist (HTTP 404 / CKAN ``Not Found Error``).

    >>> print(PortalNotFound("ชุดข้อมูล", "no-such-thing"))
    ไม่พบชุดข้อมูล “no-such-thing” (not found) ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง
    """

    term = "not found"

    def __init__(self, what: str, name: str, extra: str = "", hint: str | None = None):
        self.name = name
        hint = hint or "ตรวจการสะกดชื่ออีกครั้ง หรือใช้ search() ค้นหาชื่อที่ถูกต้อง"
        super().__init__(f"ไม่พบ{what} “{name}” (not found) {hint}" + (f" {extra}" if extra else ""))


class PortalNotAuthorized(PortalError):
    """CKAN ``Authorization Error`` (for example a missing or wrong opend ``api-key``).

    >>> "api-key" in str(PortalNotAuthorized())
    True
    """

    term = "not authorized"

    def __init__(self):
        super().__init__(
            "พอร์ทัลไม่อนุญาตให้เข้าถึงข้อมูลนี้ (not authorized) ถ้าใช้เกตเวย์ opend.data.go.th "
            "ต้องมีรหัส api-key: ตั้งค่าในตัวแปรสภาพแวดล้อม KIT_OPEND_API_KEY หรือเรียก portal.ask_api_key()"
        )


class PortalServerError(PortalError):
    """HTTP 5xx (or 429 Too Many Requests) that did not go away after the retries.

    >>> print(PortalServerError(status=503, attempts=3))
    เซิร์ฟเวอร์ของพอร์ทัลขัดข้อง (HTTP 503 server error) ส่งคำขอไปแล้ว 3 ครั้งก็ยังไม่สำเร็จ ลองใหม่ภายหลัง
    """

    term = "server error"
    fallback = True

    def __init__(self, status: int, attempts: int = 1):
        self.status = status
        if status == 429:
            text = (
                f"พอร์ทัลแจ้งว่ามีคำขอมากเกินไป (HTTP 429 Too Many Requests) "
                f"ส่งคำขอไปแล้ว {attempts} ครั้ง ควรรอสักครู่แล้วค่อยลองใหม่"
            )
        else:
            text = (
                f"เซิร์ฟเวอร์ของพอร์ทัลขัดข้อง (HTTP {status} server error) "
                f"ส่งคำขอไปแล้ว {attempts} ครั้งก็ยังไม่สำเร็จ ลองใหม่ภายหลัง"
            )
        super().__init__(text)


class PortalTimeout(PortalError, TimeoutError):
    """No answer within the time limit.

    >>> PortalTimeout(timeout=(3, 20)).timeout
    20
    """

    term = "timeout"
    fallback = True

    def __init__(self, timeout):
        if isinstance(timeout, tuple):  # requests accepts (connect, read)
            timeout = max(timeout)
        self.timeout = timeout
        super().__init__(f"พอร์ทัลไม่ตอบภายใน {timeout:g} วินาที (timeout) เครือข่ายอาจช้าหรือเซิร์ฟเวอร์ไม่ว่าง")


class PortalConnectionError(PortalError, ConnectionError):
    """The connection could not be made (refused, no network, DNS failure, TLS problem).

    >>> print(PortalConnectionError("data.go.th"))
    เชื่อมต่อ data.go.th ไม่ได้ (connection error) อาจไม่มีอินเทอร์เน็ต เซิร์ฟเวอร์ปิดอยู่ หรือเครือข่ายบล็อกไว้
    """

    term = "connection error"
    fallback = True

    def __init__(self, host: str):
        self.host = host
        super().__init__(
            f"เชื่อมต่อ {host} ไม่ได้ (connection error) อาจไม่มีอินเทอร์เน็ต เซิร์ฟเวอร์ปิดอยู่ หรือเครือข่ายบล็อกไว้"
        )


class PortalBadJSON(PortalError, ValueError):
    """The answer claimed success but was not valid JSON.

    >>> "malformed JSON" in str(PortalBadJSON())
    True
    """

    term = "malformed JSON"
    fallback = True

    def __init__(self):
        super().__init__("คำตอบจากพอร์ทัลไม่ใช่ JSON ที่ถูกต้อง (malformed JSON) อาจถูกตัดกลางทางหรือเซิร์ฟเวอร์มีปัญหา")


class DownloadIncomplete(PortalError):
    """The download stopped before the announced size (truncated); nothing was kept.

    >>> print(DownloadIncomplete(got=10, expected=1000))
    ดาวน์โหลดไม่ครบ (truncated download): ได้มา 10 จาก 1,000 ไบต์ จึงไม่ได้เก็บไฟล์ไว้ ลองใหม่อีกครั้ง
    """

    term = "truncated download"
    fallback = True

    def __init__(self, got: int, expected: int | None):
        self.got, self.expected = got, expected
        part = f"ได้มา {got:,} จาก {expected:,} ไบต์" if expected else "การเชื่อมต่อขาดก่อนได้ไฟล์ครบ"
        super().__init__(f"ดาวน์โหลดไม่ครบ (truncated download): {part} จึงไม่ได้เก็บไฟล์ไว้ ลองใหม่อีกครั้ง")


class ChecksumMismatch(PortalError, ValueError):
    """The file's SHA-256 differs from the recorded one; the file was not kept.

    >>> "checksum" in str(ChecksumMismatch("data.csv"))
    True
    """

    term = "checksum mismatch"
    fallback = True

    def __init__(self, name: str):
        super().__init__(
            f"ค่าตรวจสอบความถูกต้องของไฟล์ (checksum, SHA-256) ของ “{name}” ไม่ตรงกับค่าที่บันทึกไว้ "
            "ไฟล์อาจเสียหายหรือถูกเปลี่ยน จึงไม่ได้เก็บไฟล์นี้ไว้"
        )


class UnsupportedURLScheme(PortalError, ValueError):
    """A URL that is not ``http://`` or ``https://`` (``file://``, ``ftp://``, ``javascript:`` ...).

    >>> print(UnsupportedURLScheme("ftp://example.org/a.csv"))
    ที่อยู่ “ftp://example.org/a.csv” ไม่ได้ขึ้นต้นด้วย http:// หรือ https:// (URL scheme “ftp”) ชุดเรียนเปิดได้เฉพาะลิงก์เว็บเท่านั้น
    """

    term = "URL scheme"

    def __init__(self, url: str):
        from urllib.parse import urlsplit

        self.url = url
        scheme = urlsplit(str(url)).scheme or "ไม่มี"
        super().__init__(
            f"ที่อยู่ “{url}” ไม่ได้ขึ้นต้นด้วย http:// หรือ https:// (URL scheme “{scheme}”) "
            "ชุดเรียนเปิดได้เฉพาะลิงก์เว็บเท่านั้น"
        )


class DownloadTooLarge(PortalError):
    """The file is bigger than the size limit; nothing was kept.

    >>> print(DownloadTooLarge(limit=1_000_000))
    ไฟล์ใหญ่เกินขีดจำกัด (size limit) 1,000,000 ไบต์ จึงหยุดดาวน์โหลดและไม่ได้เก็บไฟล์ไว้ ถ้าต้องการไฟล์นี้จริง ให้เพิ่ม max_bytes
    """

    term = "size limit"

    def __init__(self, limit: int):
        self.limit = limit
        size = f"{limit / 2**20:,.0f} MB" if limit >= 2**20 else f"{limit:,} ไบต์"
        super().__init__(
            f"ไฟล์ใหญ่เกินขีดจำกัด (size limit) {size} จึงหยุดดาวน์โหลดและไม่ได้เก็บไฟล์ไว้ "
            "ถ้าต้องการไฟล์นี้จริง ให้เพิ่ม max_bytes"
        )


class OfflineNotAvailable(PortalError, LookupError):
    """Offline, and the snapshot has no copy of what was asked for.

    >>> "offline" in str(OfflineNotAvailable("ไฟล์ของทรัพยากรนี้"))
    True
    """

    term = "offline"

    def __init__(self, what: str, hint: str | None = None):
        hint = hint or (
            "ชุดข้อมูลที่มีไฟล์จริงแนบมากับชุดเรียน ได้แก่ rtddi, covid-19-daily "
            "และ item_7d61f508-d2e1-4f0c-8408-dfde29f111f5 (ผู้บาดเจ็บช่วงปีใหม่)"
        )
        super().__init__(f"ตอนนี้ทำงานแบบออฟไลน์ (offline) และสำเนาแค็ตตาล็อกในชุดเรียนไม่มี{what} {hint}")


class PortalUnexpectedAnswer(PortalError, ValueError):
    """Valid JSON, but not in the shape CKAN documents (for example ``result`` is not a dict).

    >>> print(PortalUnexpectedAnswer("package_show", "ข้อมูลชุดข้อมูล (dict)"))
    คำตอบของ package_show จากพอร์ทัลมีรูปแบบที่ชุดเรียนไม่รู้จัก (unexpected answer) ควรได้ข้อมูลชุดข้อมูล
    (dict) พอร์ทัลอาจเปลี่ยนรูปแบบคำตอบหรือกำลังมีปัญหา
    """

    term = "unexpected answer"
    fallback = True

    def __init__(self, action: str, expected: str):
        self.action = action
        super().__init__(
            f"คำตอบของ {action} จากพอร์ทัลมีรูปแบบที่ชุดเรียนไม่รู้จัก (unexpected answer) ควรได้{expected} "
            "พอร์ทัลอาจเปลี่ยนรูปแบบคำตอบหรือกำลังมีปัญหา"
        )


class PortalArgumentError(PortalError):
    """A function of the portal client was called with an argument it cannot use.

    The message says what was expected and gives an example (see :mod:`helpers.portal.args`).
    Never answered from the snapshot: the call itself has to be fixed.

    >>> issubclass(PortalArgumentTypeError, PortalArgumentError), PortalArgumentError("x").fallback
    (True, False)
    """

    term = "invalid argument"


class PortalArgumentTypeError(PortalArgumentError, TypeError):
    """An argument of the wrong type, e.g. ``search(123)`` or ``rows="10"``.

    >>> isinstance(PortalArgumentTypeError("x"), TypeError)
    True
    """

    term = "wrong argument type"


class PortalArgumentValueError(PortalArgumentError, ValueError):
    """An argument of the right type but an impossible value, e.g. ``limit=-1``.

    >>> isinstance(PortalArgumentValueError("x"), ValueError)
    True
    """

    term = "invalid argument value"


class CachedFileDamaged(PortalError):
    """A cached download no longer matches the SHA-256 the kit recorded when it saved it.

    The damaged copy is always removed.  ``reason`` is set when a fresh copy could not be had
    (then this error is raised); without it the text is the notice printed before a re-download.

    >>> print(CachedFileDamaged("a.csv"))
    ไฟล์ “a.csv” ในแคช (cache) ถูกเปลี่ยนหรือเสียหาย: ค่าตรวจสอบความถูกต้องของไฟล์ (checksum, SHA-256)
    ไม่ตรงกับค่าที่บันทึกไว้ตอนดาวน์โหลด จึงลบสำเนานั้นทิ้งและดาวน์โหลดใหม่
    >>> "ดาวน์โหลดใหม่ไม่สำเร็จ" in str(CachedFileDamaged("a.csv", reason="..."))
    True
    """

    term = "damaged cache"

    def __init__(self, name: str, reason: str | None = None):
        self.name, self.reason = name, reason
        head = (
            f"ไฟล์ “{name}” ในแคช (cache) ถูกเปลี่ยนหรือเสียหาย: ค่าตรวจสอบความถูกต้องของไฟล์ "
            "(checksum, SHA-256) ไม่ตรงกับค่าที่บันทึกไว้ตอนดาวน์โหลด จึงลบสำเนานั้นทิ้ง"
        )
        tail = f" แต่ดาวน์โหลดใหม่ไม่สำเร็จ: {reason}" if reason else "และดาวน์โหลดใหม่"
        super().__init__(head + tail)
