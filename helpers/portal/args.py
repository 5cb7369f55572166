"""Check the arguments of the portal functions before anything runs; Thai errors with an example.

ตรวจอาร์กิวเมนต์ของ ``search``, ``dataset``, ``datastore``, ``download`` ก่อนทำงาน
ถ้าชนิดข้อมูลหรือค่าไม่ถูก จะแจ้งเป็นภาษาไทยว่าต้องการอะไร พร้อมตัวอย่างที่ถูก
แทนข้อความ traceback ยาว ๆ จากข้างในไลบรารี

Written by hand: the checks are a few lines each, and a validation library (pydantic, typeguard)
would give English messages that do not say how to fix the call.

>>> text("search", "คำค้น (query)", 123, 'portal.search("ฝุ่น")')
Traceback (most recent call last):
...
helpers.portal.errors.PortalArgumentTypeError: search() ต้องการคำค้น (query) เป็นข้อความ (str) แต่ได้รับ
123 ซึ่งเป็นชนิดข้อมูล int ตัวอย่าง: portal.search("ฝุ่น")
"""

from __future__ import annotations

import numbers

from . import errors

__all__ = ["shown", "text", "texts", "count", "mapping", "type_error"]


def shown(value) -> str:
    """A short, safe picture of a value for an error message (at most 60 characters).

    >>> shown("10"), shown(None), shown("x" * 100)[-4:]
    ("'10'", 'None', "...'")
    """
    text_ = repr(value)
    return text_ if len(text_) <= 60 else text_[:56] + "...'"


def type_error(func: str, label: str, expected: str, value, example: str) -> errors.PortalArgumentTypeError:
    """The Thai error for an argument of the wrong type (returned, not raised).

    >>> err = type_error("dataset", "ชื่อในลิงก์ (name) ของชุดข้อมูล", "ข้อความ (str)", None, 'portal.dataset("x")')
    >>> print(err)
    dataset() ต้องการชื่อในลิงก์ (name) ของชุดข้อมูล เป็นข้อความ (str) แต่ได้รับ None
    ซึ่งเป็นชนิดข้อมูล NoneType ตัวอย่าง: portal.dataset("x")
    """
    hint = ""
    if isinstance(value, str) and value.strip().isdecimal():
        hint = " (ตัวเลขไม่ต้องใส่เครื่องหมายคำพูด)"
    return errors.PortalArgumentTypeError(
        f"{func}() ต้องการ{label} เป็น{expected} แต่ได้รับ {shown(value)} ซึ่งเป็นชนิดข้อมูล "
        f"{type(value).__name__}{hint} ตัวอย่าง: {example}"
    )


def _value_error(func: str, label: str, expected: str, value, example: str):
    return errors.PortalArgumentValueError(
        f"{func}() ต้องการ{label} เป็น{expected} แต่ได้รับ {shown(value)} ตัวอย่าง: {example}"
    )


def text(
    func: str, label: str, value, example: str, *, optional: bool = False, empty_ok: bool = True
) -> str | None:
    """``value`` when it is a ``str`` (or None when ``optional``); a Thai error otherwise.

    >>> text("search", "คำค้น (query)", "ฝุ่น", "...")
    'ฝุ่น'
    >>> text("dataset", "ชื่อในลิงก์ (name)", "  ", 'portal.dataset("covid-19-daily")', empty_ok=False)
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalArgumentValueError: dataset() ต้องการชื่อในลิงก์ (name) เป็นข้อความที่ไม่ว่าง
    แต่ได้รับ '  ' ตัวอย่าง: portal.dataset("covid-19-daily")
    """
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise type_error(func, label, "ข้อความ (str)", value, example)
    if not empty_ok and not value.strip():
        raise _value_error(func, label, "ข้อความที่ไม่ว่าง", value, example)
    return value


def texts(func: str, label: str, value, example: str) -> list[str]:
    """One text or a list of texts as a list (None gives ``[]``); a Thai error for anything else.

    >>> texts("search", "คำสำคัญ (tags)", "ปีใหม่", "..."), texts("search", "คำสำคัญ (tags)", None, "...")
    (['ปีใหม่'], [])
    >>> texts("search", "คำสำคัญ (tags)", [1], 'portal.search(tags=["ปีใหม่"])')
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalArgumentTypeError: search() ต้องการคำสำคัญ (tags) เป็นข้อความ (str)
    หรือรายการ (list) ของข้อความ แต่ได้รับ [1] ซึ่งเป็นชนิดข้อมูล list ตัวอย่าง: portal.search(tags=["ปีใหม่"])
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return [v for v in value if v.strip()]
    raise type_error(func, label, "ข้อความ (str) หรือรายการ (list) ของข้อความ", value, example)


def count(
    func: str, label: str, value, example: str, *, optional: bool = False, minimum: int = 0
) -> int | None:
    """``value`` as an ``int`` when it is a whole number >= ``minimum``; a Thai error otherwise.

    ``True``/``False`` and ``10.0`` are refused: a bool is not a count, and a float may hide a mistake.

    >>> count("search", "จำนวนแถว (rows)", 5, "...")
    5
    >>> count("search", "จำนวนแถว (rows)", "10", 'portal.search("ฝุ่น", rows=10)')
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalArgumentTypeError: search() ต้องการจำนวนแถว (rows) เป็นจำนวนเต็ม (int)
    แต่ได้รับ '10' ซึ่งเป็นชนิดข้อมูล str (ตัวเลขไม่ต้องใส่เครื่องหมายคำพูด) ตัวอย่าง:
    portal.search("ฝุ่น", rows=10)
    >>> count("datastore", "จำนวนแถวสูงสุด (limit)", -1, "portal.datastore(resource_id, limit=100)")
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalArgumentValueError: datastore() ต้องการจำนวนแถวสูงสุด (limit)
    เป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป แต่ได้รับ -1 ตัวอย่าง: portal.datastore(resource_id, limit=100)
    """
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):  # numpy ints are Integral
        raise type_error(func, label, "จำนวนเต็ม (int)", value, example)
    if value < minimum:
        raise _value_error(func, label, f"จำนวนเต็มตั้งแต่ {minimum:,} ขึ้นไป", value, example)
    return int(value)


def mapping(func: str, label: str, value, example: str) -> dict:
    """``value`` as a dict (None gives ``{}``); a Thai error for anything else.

    >>> mapping("datastore", "ตัวกรอง (filters)", None, "...")
    {}
    >>> mapping("datastore", "ตัวกรอง (filters)", "Province=เชียงใหม่", 'filters={"Province": "เชียงใหม่"}')
    Traceback (most recent call last):
    ...
    helpers.portal.errors.PortalArgumentTypeError: datastore() ต้องการตัวกรอง (filters) เป็นดิกชันนารี
    (dict) เช่น {"ชื่อคอลัมน์": ค่า} แต่ได้รับ 'Province=เชียงใหม่' ซึ่งเป็นชนิดข้อมูล str ตัวอย่าง:
    filters={"Province": "เชียงใหม่"}
    """
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise type_error(func, label, 'ดิกชันนารี (dict) เช่น {"ชื่อคอลัมน์": ค่า}', value, example)
    return dict(value)
