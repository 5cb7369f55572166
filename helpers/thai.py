"""Facts about Thai calendars and names that several modules need, defined once.

ค่าคงที่ภาษาไทยที่ใช้ร่วมกันทั้งชุดเรียน (ชื่อเดือน ผลต่างระหว่าง พ.ศ. กับ ค.ศ.) เก็บไว้ที่นี่ที่เดียว
โมดูลอื่นต้อง import จากที่นี่ ห้ามเขียนซ้ำ

>>> BE_OFFSET
543
>>> THAI_MONTHS[0], THAI_MONTHS_ABBR[11]
('มกราคม', 'ธ.ค.')
>>> len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == len(THAI_MONTHS_SHORT) == 12
True
"""

from __future__ import annotations

__all__ = ["BE_OFFSET", "THAI_MONTHS", "THAI_MONTHS_ABBR", "THAI_MONTHS_SHORT", "month_name_th"]

#: พ.ศ. = ค.ศ. + 543 (the Thai solar calendar's year since 1941 starts on 1 January).
BE_OFFSET = 543

#: Official Thai month names (index 0 = January), as the Royal Institute writes them.
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)

#: Official abbreviations used in government documents (ม.ค. … ธ.ค.).
THAI_MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)

#: Spoken short forms without the -คม/-ยน/-พันธ์ ending (มกรา … ธันวา).
THAI_MONTHS_SHORT = (
    "มกรา",
    "กุมภา",
    "มีนา",
    "เมษา",
    "พฤษภา",
    "มิถุนา",
    "กรกฎา",
    "สิงหา",
    "กันยา",
    "ตุลา",
    "พฤศจิกา",
    "ธันวา",
)


def month_name_th(month: int, *, short: bool = False) -> str:
    """Return the Thai name of month 1-12 (``short=True``: the official abbreviation).

    >>> month_name_th(4), month_name_th(4, short=True)
    ('เมษายน', 'เม.ย.')
    >>> month_name_th(13)
    Traceback (most recent call last):
    ...
    ValueError: เดือนต้องเป็นเลข 1 ถึง 12 แต่ได้ 13
    """
    if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องเป็นเลข 1 ถึง 12 แต่ได้ {month!r}")
    return (THAI_MONTHS_ABBR if short else THAI_MONTHS)[month - 1]
