"""Thai dates → pandas datetimes: B.E./C.E. years, Thai month names, Thai digits, 2-digit years.

แปลงวันที่แบบไทยให้เป็นวันที่ของ pandas (datetime64) เช่น ``15/1/2567``, ``15/01/67``, ``2567-01-15``,
``15 ม.ค. 67``, ``15 มกราคม 2567``, ``วันจันทร์ที่ 15 มกราคม พ.ศ. 2567``, ``15 มค 2567``, ``15 พฤษ 2567``
(ชื่อเดือนที่พิมพ์ไม่ครบแต่ไม่ซ้ำกับเดือนอื่น), เลขไทย (มีอักขระล่องหนปนได้), เวลาพร้อมเศษวินาที
(``10:20:30.25``), ปี ค.ศ., เลขวันที่แบบ Excel และค่าที่เป็นวันที่อยู่แล้ว ถ้าวันที่อยู่ในข้อความยาว
ใช้ ``find_date_th``

กติกาเรื่องปี (สำคัญ อ่านก่อนใช้):

- ปี 4 หลัก: ถ้า ``era="auto"`` (ค่าเริ่มต้น) ดูทีละค่า ปีตั้งแต่ 2400 (``BE_FROM``) ขึ้นไปถือเป็น พ.ศ.
  (ลบ 543) ต่ำกว่านั้นถือเป็น ค.ศ.; ``era="be"`` ถือว่าทุกค่าเป็น พ.ศ.; ``era="ce"`` ถือว่าทุกค่าเป็น ค.ศ.
  ``be_to_ce`` ใช้กติกาเดียวกัน (ปี 4 หลักที่ต่ำกว่า 2400 ไม่ใช่ พ.ศ. จึงได้ค่าว่าง)
- **ปี 2 หลัก**: ``era="auto"`` หรือ ``"be"`` → พ.ศ. 25xx (``67`` = พ.ศ. 2567 = ค.ศ. 2024
  เพราะไฟล์ราชการไทยเขียน ``67`` แทน 2567) ช่วงที่ได้คือ พ.ศ. 2500–2599 (ค.ศ. 1957–2056);
  ``era="ce"`` → ค.ศ. 20xx เสมอ (``24`` = 2024)
- **ปี 2 หลักกับชื่อเดือนภาษาอังกฤษ** (``15-Jan-99`` แบบที่ Excel เขียน) เมื่อ ``era="auto"``:
  ถือเป็น ค.ศ. และเลือกศตวรรษด้วยช่วง 100 ปีที่เลื่อนตามปีปัจจุบัน (pivot window) คือได้ปีที่อยู่ในช่วง
  ตั้งแต่ปีปัจจุบันลบ 80 ถึงก่อนปีปัจจุบันบวก 20 เช่น ถ้าปีนี้คือ ค.ศ. 2025 ช่วงคือ 1945–2044
  ``15-Jan-99`` จึงเป็น 1999 (ไม่ใช่ 2099 ซึ่งเป็นอนาคต), ``15-Jan-44`` เป็น 2044, ``15-Jan-45`` เป็น 1945
- คำว่า ``พ.ศ.`` หรือ ``ค.ศ.`` ที่เขียนอยู่ในค่านั้นเองมีผลเหนือ ``era``
- ปี ค.ศ. ที่ได้ต้องอยู่ในช่วง 1700–2299 ไม่อย่างนั้นเป็น NaT (กันการเดาผิด เช่น ปี 2024 ที่บอกว่าเป็น พ.ศ.)
- ปี 1 หรือ 3 หลัก อ่านไม่ได้ → NaT

วันกับเดือน: ถ้าไม่ระบุ ``dayfirst`` จะดูทั้งคอลัมน์ ถ้ามีค่าที่อ่านได้แบบเดียว (``30/12/2567`` ต้องเป็น
วัน/เดือน/ปี, ``12/30/2021`` ต้องเป็น เดือน/วัน/ปี) ก็ใช้ลำดับนั้นทั้งคอลัมน์ ถ้าบอกไม่ได้ใช้ วัน/เดือน/ปี
และบอกไว้ในรายงาน (``report=True``)

วันที่ที่ไม่มีจริง (31 ก.พ., เดือน 13) → NaT ไม่มีการปัดไปวันอื่น; ``0000-00-00`` และคำที่แปลว่าไม่มีข้อมูล
(``-``, ``ไม่ระบุ``, ``n/a`` …) เป็นค่าว่างโดยไม่รายงาน; ข้อความยาวเกิน ``MAX_DATE_LENGTH`` ตัวอักษร → NaT
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import TYPE_CHECKING, Literal, overload

import numpy as np
import pandas as pd

from ..thai import BE_OFFSET, THAI_MONTHS, THAI_MONTHS_ABBR, THAI_MONTHS_SHORT
from ._common import MISSING_WORDS, SPACE_LIKE, ZERO_WIDTH, as_series, factorize

if TYPE_CHECKING:
    from ._common import Column, Date, Scalar

__all__ = [
    "BE_FROM",
    "EXCEL_AUTO_RANGE",
    "MAX_CE_YEAR",
    "MAX_DATE_LENGTH",
    "MIN_CE_YEAR",
    "NOTES",
    "PROBLEMS",
    "THAI_MONTHS",
    "be_to_ce",
    "ce_to_be",
    "find_date_th",
    "parse_date_th",
]

MIN_CE_YEAR = 1700
MAX_CE_YEAR = 2299
#: Under ``era="auto"`` a 4-digit year from this one up is B.E.; below it, C.E.
BE_FROM = 2400
#: Longer cells (after spaces are collapsed) are not a date: NaT at once, so time stays linear.
MAX_DATE_LENGTH = 100
#: A numeric column whose values all lie in this range is read as Excel serial dates (1954–2119).
EXCEL_AUTO_RANGE = (20_000, 80_000)
_EXCEL_ORIGIN = "1899-12-30"  # Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01)
_EXCEL_FIRST_EXACT = 61  # Excel counts a 29 Feb 1900 that never was: serials 1–60 are off by a day
_EXCEL_END = (pd.Timestamp(f"{MAX_CE_YEAR + 1}-01-01") - pd.Timestamp(_EXCEL_ORIGIN)).days
# 2-digit C.E. year → the year in [this year - 80, this year + 20).  dateutil centres its window
# (±50 years); government files mostly hold past dates (births, old records), hence 80 back, 20 ahead.
_PIVOT_PAST = 80
_UNIT = "datetime64[us]"  # pandas 3's default resolution for parsed strings

# English month names: no shared constant (helpers.thai holds the Thai facts only).
_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Frequent misspellings seen in real files (ฏ for ฎ, missing ์).
_MISSPELT = {"กุมภาพันธ": 2, "กรกฏาคม": 7, "กรกฏา": 7, "กฎ": 7, "sept": 9}
_MIN_PREFIX = 3  # shortest truncated Thai month name accepted ("พฤษ"); 2 letters are too often a word


def _month_key(token: str) -> str:
    return re.sub(r"[\s.\-,]", "", token).lower()


def _month_table() -> dict[str, int]:
    months: dict[str, int] = {}
    for i in range(12):
        for name in (THAI_MONTHS[i], THAI_MONTHS_ABBR[i], THAI_MONTHS_SHORT[i], _EN[i], _EN[i][:3]):
            months[_month_key(name)] = i + 1
    months.update(_MISSPELT)
    # truncated Thai names ("พฤษ", "กุมภ", "ธันว"): every prefix that belongs to one month only
    owners: dict[str, set[int]] = {}
    long_forms = [(name, i + 1) for i, name in enumerate(THAI_MONTHS)]
    long_forms += [(k, m) for k, m in _MISSPELT.items() if not k.isascii()]
    for name, month in long_forms:
        for end in range(_MIN_PREFIX, len(name) + 1):
            owners.setdefault(name[:end], set()).add(month)
    for prefix, which in owners.items():
        if len(which) == 1:
            months.setdefault(prefix, next(iter(which)))
    return months


_MONTHS = _month_table()

_WEEKDAYS = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัส": 3, "ศุกร์": 4, "เสาร์": 5, "อาทิตย์": 6}
# Every pattern below runs on a collapsed text (single spaces, Thai digits already Arabic; re.ASCII:
# other scripts' digits are not digits) of at most MAX_DATE_LENGTH characters and has no two
# adjacent quantifiers that can eat the same characters, so matching is linear.
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_PREFIX_RE = re.compile(rf"(?:วัน)?\s?(?P<wd>{_WEEKDAY_ALT})?\s?(?:ที่)?\s?,?\s?", re.ASCII)
_TIME = (
    r"(?:(?:\s?,?\s?(?:เวลา)?\s?|t)(?P<H>\d{1,2})[:.](?P<Mi>\d{2})"
    r"(?:[:.](?P<S>\d{2})(?:[.,](?P<F>\d+))?)?\s?(?:น\.?|นาฬิกา)?)?"
)
_NUMERIC_RE = re.compile(
    r"(?P<a>\d{1,4})\s?(?P<sep>[/\-.])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?"
    r"(?P<c>\d{1,4})" + _TIME,
    re.ASCII,
)
_TEXT_RE = re.compile(r"(?P<d>\d{1,2})(?P<mon>\D+)(?P<y>\d{1,4})" + _TIME, re.ASCII)
_ERA = r"(?:พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|b\.\s?e\.|be|c\.\s?e\.|ce|a\.\s?d\.|ad)"
_ERA_TAIL_RE = re.compile(_ERA + r"$", re.ASCII)
_DIGIT_RE = re.compile(r"\d", re.ASCII)
_SERIAL_RE = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_NORMALISE = str.maketrans(
    {
        **{c: None for c in ZERO_WIDTH},
        **{c: " " for c in SPACE_LIKE},
        **{ord(k): v for k, v in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789")},
    }
)

#: Texts of the ``problem`` column in the report of ``parse_date_th(..., report=True)``.
PROBLEMS = {
    "format": "อ่านรูปแบบวันที่ไม่ออก",
    "not_text": "ไม่ใช่ข้อความวันที่ (เช่น เป็นตัวเลข)",
    "serial_hint": "เป็นตัวเลขที่อาจเป็นเลขวันที่แบบ Excel ถ้าใช่ ให้ระบุ excel=True",
    "serial": (
        "ตัวเลขนี้แปลงเป็นวันที่แบบ Excel ไม่ได้ (รับ 0 ถึงน้อยกว่า 1 ซึ่งเป็นเวลาอย่างเดียว "
        f"และ 61 ขึ้นไปจนถึงสิ้นปี ค.ศ. {MAX_CE_YEAR}; เลข 1–60 ไม่แปลงเพราะ Excel นับวันในช่วงนั้นเกินไปหนึ่งวัน)"
    ),
    "impossible": "ไม่มีวันที่นี้จริง (เช่น 31 ก.พ. หรือเดือนที่ 13)",
    "swapped": "ไม่มีวันที่นี้จริง แต่ถ้าสลับวันกับเดือนจะอ่านได้",
    "year": f"ปีอยู่นอกช่วงที่รับได้ (ค.ศ. {MIN_CE_YEAR}–{MAX_CE_YEAR}) หรือมีจำนวนหลักไม่ใช่ 2 หรือ 4",
    "time": "เวลาไม่ถูกต้อง (ชั่วโมง 0–23 นาที/วินาที 0–59)",
    "ambiguous": "วันกับเดือนอาจสลับกันได้ (ทั้งสองค่าไม่เกิน 12)",
    "weekday": "ชื่อวันในสัปดาห์ไม่ตรงกับวันที่ (ใช้วันที่ตามตัวเลข)",
    "too_long": f"ข้อความยาวเกิน {MAX_DATE_LENGTH} ตัวอักษร ไม่ใช่วันที่ (ถ้ามีวันที่อยู่ในข้อความ ใช้ find_date_th)",
    "none": "ไม่พบวันที่ในข้อความ",
    "many": "พบวันที่มากกว่าหนึ่งวันที่ไม่ตรงกัน จึงไม่เลือกวันใด (ดูคอลัมน์ found)",
}

#: Notes about the whole column, listed in ``report.attrs["notes"]`` (``report=True``).
NOTES = {
    "dayfirst": (
        "อ่านค่าที่เป็นตัวเลขทั้งคอลัมน์เป็น วัน/เดือน/ปี เพราะมีค่าที่อ่านได้แบบนี้เท่านั้น เช่น {example} "
        "ถ้าไม่ถูกต้องให้ระบุ dayfirst=False"
    ),
    "monthfirst": (
        "อ่านค่าที่เป็นตัวเลขทั้งคอลัมน์เป็น เดือน/วัน/ปี (แบบอเมริกัน) เพราะมีค่าที่อ่านได้แบบนี้เท่านั้น "
        "เช่น {example} ถ้าไม่ถูกต้องให้ระบุ dayfirst=True"
    ),
    "conflict": (
        "คอลัมน์นี้มีทั้งค่าที่อ่านได้เฉพาะแบบ วัน/เดือน/ปี (เช่น {example}) และค่าที่อ่านได้เฉพาะแบบ "
        "เดือน/วัน/ปี (เช่น {other}) จึงใช้ค่าเริ่มต้นคือ วัน/เดือน/ปี และรายงานค่าที่อาจสลับกันไว้ในตาราง"
    ),
    "ambiguous": (
        "ทุกค่าที่เป็นตัวเลขมีวันและเดือนไม่เกิน 12 จึงบอกไม่ได้ว่าเขียนวันก่อนหรือเดือนก่อน "
        "ใช้ค่าเริ่มต้นคือ วัน/เดือน/ปี (ถ้าเป็น เดือน/วัน/ปี ให้ระบุ dayfirst=False)"
    ),
    "excel": (
        "ทุกค่าเป็นตัวเลขในช่วง {low:,}–{high:,} จึงอ่านเป็นเลขวันที่แบบ Excel (นับวันจาก 30 ธันวาคม "
        "ค.ศ. 1899) ถ้าไม่ใช่ให้ระบุ excel=False"
    ),
}
_BE_MARK = ("พศ", "be")
_FAIL = {p: (p,) + (None,) * 10 for p in PROBLEMS}
_BLANK = ("blank",) + (None,) * 10


def _check_era(era: str) -> str:
    if era not in ("auto", "be", "ce"):
        raise ValueError(f'era ต้องเป็น "auto", "be" (พ.ศ.) หรือ "ce" (ค.ศ.) ไม่ใช่ {era!r}')
    return era


def _this_year() -> int:
    """The current year (a function so that tests can fix "today" for the pivot window)."""
    return _dt.date.today().year


def _pivot(yy: int) -> int:
    """2-digit C.E. year → the year within [this year - 80, this year + 20)."""
    start = _this_year() - _PIVOT_PAST
    return start + (yy - start) % 100


def _ce_year(ystr: str, marker: str | None, era: str, english: bool = False) -> int | None:
    """The C.E. year for one year text, or None (explicit rule, see the module docstring)."""
    kind = era
    if marker:
        kind = "be" if re.sub(r"[\s.]", "", marker) in _BE_MARK else "ce"
    y = int(ystr)
    if len(ystr) == 2:
        if english and not marker and era == "auto":
            ce = _pivot(y)
        else:
            ce = 2500 + y - BE_OFFSET if kind in ("auto", "be") else 2000 + y
    elif len(ystr) == 4:
        if kind == "auto":
            kind = "be" if y >= BE_FROM else "ce"
        ce = y - BE_OFFSET if kind == "be" else y
    else:
        return None
    return ce if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else None


def _normalise(text: str) -> str:
    return " ".join(text.translate(_NORMALISE).split()).lower()


def _split(text: str, dayfirst: bool, era: str):
    """Regex-split one distinct text → (problem, y, m, d, H, Mi, S, us, weekday, swappable, 0).

    ``swappable`` is True for a d/m/y (or m/d/y) value written with numbers, whose day and month
    positions depend on ``dayfirst``; ISO (year first) values and month names are never swapped.
    """
    t = _normalise(text)
    if t in MISSING_WORDS:
        return _BLANK
    if len(t) > MAX_DATE_LENGTH:
        return _FAIL["too_long"]
    first = _DIGIT_RE.search(t)
    if first is None:
        return _FAIL["format"]
    # Both date shapes start with a digit and the prefix words hold none, so the prefix is exactly
    # the text before the first digit: no regex has to guess where it ends.
    pre, rest = t[: first.start()], t[first.start() :]
    english = False
    m = _NUMERIC_RE.fullmatch(rest)
    if m:
        a, b, c = m["a"], m["b"], m["c"]
        if int(a) == int(b) == int(c) == 0 and not any(int(m[g] or 0) for g in ("H", "Mi", "S", "F")):
            return _BLANK  # 0000-00-00: the "unknown date" marker of registers such as Air4Thai's
        if len(a) == 4:  # ISO order: year first (yyyy-mm-dd, yyyy/mm/dd); dayfirst does not apply
            ys, mo, d, swappable = a, int(b), int(c), False
        elif len(a) <= 2:
            ys, swappable = c, True
            d, mo = (int(a), int(b)) if dayfirst else (int(b), int(a))
        else:
            return _FAIL["format"]
        marker = None
    else:
        m = _TEXT_RE.fullmatch(rest)
        if not m:
            return _FAIL["format"]
        mon = m["mon"].strip(" -/,")
        era_match = _ERA_TAIL_RE.search(mon)
        marker = None
        if era_match:
            marker = era_match.group()
            mon = mon[: era_match.start()].strip(" -/,")
        mo = _MONTHS.get(_month_key(mon))
        if mo is None:
            return _FAIL["format"]
        ys, d, swappable = m["y"], int(m["d"]), False
        english = mon.isascii()
    pre_match = _PREFIX_RE.fullmatch(pre)
    if pre_match is None:
        return _FAIL["format"]
    wd = _WEEKDAYS[pre_match["wd"]] if pre_match["wd"] else None
    y = _ce_year(ys, marker, era, english)
    if y is None:
        return _FAIL["year"]
    hh, mi, ss = (int(m["H"]), int(m["Mi"]), int(m["S"] or 0)) if m["H"] else (0, 0, 0)
    if hh > 23 or mi > 59 or ss > 59:
        return _FAIL["time"]
    us = int((m["F"] or "0")[:6].ljust(6, "0"))  # microseconds: pandas' resolution, longer is cut
    return ("ok", y, mo, d, hh, mi, ss, us, wd, swappable, 0)


def _assemble(y, mo, d, hh, mi, ss, us) -> np.ndarray:
    if np.isnan(y).all():  # nothing readable: skip pandas' assembly (the cost of a long bad cell)
        return np.full(len(y), np.datetime64("NaT"), dtype=_UNIT)
    frame = pd.DataFrame(
        {"year": y, "month": mo, "day": d, "hour": hh, "minute": mi, "second": ss, "us": us}, dtype="float64"
    )
    return pd.to_datetime(frame, errors="coerce").to_numpy().astype(_UNIT)


def _datetime_like(v) -> bool:
    return isinstance(v, (_dt.date, np.datetime64))


def _real_number(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))


def _serial_in_auto_range(v) -> bool:
    try:
        return EXCEL_AUTO_RANGE[0] <= float(v) <= EXCEL_AUTO_RANGE[1]
    except (OverflowError, ValueError):
        return False


def _from_serials(serial: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Excel day numbers → (datetime64 array, usable mask), through pandas (rounded to the millisecond)."""
    ok = np.isfinite(serial) & (((serial >= 0) & (serial < 1)) | (serial >= _EXCEL_FIRST_EXACT))
    ok &= serial < _EXCEL_END
    out = np.full(len(serial), np.datetime64("NaT"), dtype=_UNIT)
    if ok.any():
        # whole days and the time of day apart: pandas turns float days into nanoseconds, which
        # overflow after 2192, while whole days keep a coarse unit.  Excel stores times to the
        # millisecond; rounding there removes float noise (0.090277778 → 02:10:00).
        days = np.floor(serial[ok])
        stamps = pd.to_datetime(days.astype(np.int64), unit="D", origin=_EXCEL_ORIGIN)
        stamps += pd.to_timedelta(np.round((serial[ok] - days) * 86_400_000), unit="ms")
        out[ok] = stamps.to_numpy().astype(_UNIT)
    return out, ok


def _example(uniques, mask) -> str:
    return str(uniques[np.flatnonzero(mask)[0]])


def _parse_distinct(uniques, dayfirst: bool | None, era: str, excel: bool | None = False):
    """Parse the distinct values → (datetime64 array, problem codes, alternative array, info dict)."""
    n = len(uniques)
    info = {"dayfirst": None, "order": "none", "excel": False, "notes": []}
    if excel is None:
        excel = n > 0 and all(_real_number(v) and _serial_in_auto_range(v) for v in uniques)
        if excel:
            info["notes"].append(NOTES["excel"].format(low=EXCEL_AUTO_RANGE[0], high=EXCEL_AUTO_RANGE[1]))
    info["excel"] = bool(excel)
    read_dayfirst = True if dayfirst is None else dayfirst
    cols = np.full((7, n), np.nan)
    problem = np.full(n, "ok", dtype=object)
    weekday = np.full(n, -1)
    swappable = np.zeros(n, dtype=bool)
    serial = np.full(n, np.nan)
    is_serial = np.zeros(n, dtype=bool)
    direct = {}
    for i, v in enumerate(uniques):
        if isinstance(v, str):
            if not v.strip():
                problem[i] = "blank"  # an empty cell, not a problem to report
                continue
            if excel:
                t = _normalise(v)
                if len(t) <= MAX_DATE_LENGTH and _SERIAL_RE.fullmatch(t):
                    serial[i], is_serial[i] = float(t), True
                    continue
            p, *parts = _split(v, read_dayfirst, era)
            problem[i] = p
            if p == "ok":
                cols[:, i] = parts[:7]
                weekday[i] = -1 if parts[7] is None else parts[7]
                swappable[i] = parts[8]
            elif p == "format" and not excel:
                t = _normalise(v)
                if len(t) <= MAX_DATE_LENGTH and _SERIAL_RE.fullmatch(t) and _serial_in_auto_range(t):
                    problem[i] = "serial_hint"
        elif _datetime_like(v):
            ts = pd.Timestamp(v)
            direct[i] = ts.tz_localize(None) if ts.tz is not None else ts
        elif _real_number(v) and excel:
            try:
                serial[i] = float(v)
            except OverflowError:  # an int too large for a float: not a serial
                serial[i] = np.inf
            is_serial[i] = True
        elif _real_number(v) and _serial_in_auto_range(v):
            problem[i] = "serial_hint"
        else:
            problem[i] = "not_text"
    # each value as read, and the other reading (day and month swapped) of every value that has a
    # day and a month in numbers (the order is decided below): one pandas call for both
    need = (problem == "ok") & (cols[2] != cols[1])
    swapped = cols[:, need][[0, 2, 1, 3, 4, 5, 6]]
    both = _assemble(*np.concatenate([cols, swapped], axis=1))
    result = both[:n]
    other = np.full(n, np.datetime64("NaT"), dtype=_UNIT)
    other[need] = both[n:]
    only_read = swappable & need & ~np.isnat(result) & np.isnat(other)  # 30/12: day first only
    only_other = swappable & need & np.isnat(result) & ~np.isnat(other)  # 12/30: month first only
    flip = False
    if dayfirst is not None:
        info["order"] = "given"
    elif only_read.any() and not only_other.any():
        info["order"] = "inferred"
        info["notes"].append(NOTES["dayfirst"].format(example=_example(uniques, only_read)))
    elif only_other.any() and not only_read.any():
        info["order"], flip = "inferred", True
        info["notes"].append(NOTES["monthfirst"].format(example=_example(uniques, only_other)))
    elif only_read.any():
        info["order"] = "conflict"
        info["notes"].append(
            NOTES["conflict"].format(
                example=_example(uniques, only_read), other=_example(uniques, only_other)
            )
        )
    elif (swappable & need & ~np.isnat(result) & ~np.isnat(other)).any():
        info["order"] = "ambiguous"
        info["notes"].append(NOTES["ambiguous"])
    if flip:
        # only values whose day and month differ have another reading (1/1/2021 reads the same)
        turn = swappable & need
        result[turn], other[turn] = other[turn], result[turn].copy()
        only_read, only_other = only_other, only_read
    if swappable.any():
        info["dayfirst"] = read_dayfirst != flip
    for i, ts in direct.items():
        result[i] = np.datetime64(ts.to_datetime64(), "us")
    if is_serial.any():
        stamps, ok = _from_serials(serial[is_serial])
        result[is_serial] = stamps
        problem[np.flatnonzero(is_serial)[~ok]] = "serial"
    # valid components but no such calendar day (31 Feb, month 13) → NaT, tell why
    impossible = (problem == "ok") & np.isnat(result) & ~np.isin(np.arange(n), list(direct)) & ~is_serial
    problem[impossible] = "impossible"
    ambiguous = swappable & need & ~np.isnat(result) & ~np.isnat(other)
    alternative = np.full(n, np.datetime64("NaT"), dtype=_UNIT)
    alternative[impossible | ambiguous] = other[impossible | ambiguous]
    problem[impossible & ~np.isnat(alternative)] = "swapped"
    # The column itself settles the order when it was inferred, or (order given) when some values
    # only make sense in the given order (e.g. 13/1/2567) and none only make sense swapped
    # (e.g. 1/13/2567): then 5/6/2567 is not reported as ambiguous.  Otherwise every value that
    # could be swapped is listed.
    settled = info["order"] == "inferred" or (
        info["order"] == "given" and bool(only_read.any()) and not (problem == "swapped").any()
    )
    if not settled:
        problem[ambiguous & (problem == "ok")] = "ambiguous"
    has_wd = weekday >= 0
    if has_wd.any():
        actual = pd.DatetimeIndex(result[has_wd]).day_of_week.to_numpy()
        bad = np.zeros(n, dtype=bool)
        bad[has_wd] = actual != weekday[has_wd]
        problem[bad & (problem == "ok")] = "weekday"
    return result, problem, alternative, info


def _flag(value) -> bool | None:
    """None stays None ("decide from the data"); anything else counts as True or False."""
    return None if value is None else bool(value)


@overload
def parse_date_th(
    s: Scalar,
    dayfirst: bool | None = None,
    era: str = "auto",
    report: Literal[False] = False,
    excel: bool | None = None,
) -> Date: ...
@overload
def parse_date_th(
    s: Column,
    dayfirst: bool | None = None,
    era: str = "auto",
    report: Literal[False] = False,
    excel: bool | None = None,
) -> pd.Series[pd.Timestamp]: ...
@overload
def parse_date_th(
    s: Scalar,
    dayfirst: bool | None = None,
    era: str = "auto",
    *,
    report: Literal[True],
    excel: bool | None = None,
) -> tuple[Date, pd.DataFrame]: ...
@overload
def parse_date_th(
    s: Column,
    dayfirst: bool | None = None,
    era: str = "auto",
    *,
    report: Literal[True],
    excel: bool | None = None,
) -> tuple[pd.Series[pd.Timestamp], pd.DataFrame]: ...
@overload
def parse_date_th(
    s: Scalar | Column,
    dayfirst: bool | None = None,
    era: str = "auto",
    report: bool = False,
    excel: bool | None = None,
) -> Date | pd.Series[pd.Timestamp] | tuple[Date | pd.Series[pd.Timestamp], pd.DataFrame]: ...
def parse_date_th(
    s, dayfirst: bool | None = None, era: str = "auto", report: bool = False, excel: bool | None = None
):
    """Parse Thai dates (B.E. or C.E., Thai/English month names, Thai digits) to datetime64; else NaT.

    แปลงวันที่แบบไทยเป็นวันที่ของ pandas ค่าเดี่ยวได้ ``Timestamp`` (หรือ ``NaT``) Series (รวมถึง
    Series ชนิด category) ได้ Series ชนิด ``datetime64`` ที่มีจำนวนแถว index และชื่อเดิม
    รูปแบบที่อ่านได้: ``15/1/2567``, ``15-01-67``, ``15.01.2567``, ``2567-01-15`` (ปีขึ้นก่อน =
    ปี-เดือน-วัน เสมอ), ``15 ม.ค. 67``, ``15 มค 2567``, ``15 มกราคม 2567``, ``15 พฤษ 2567``,
    ``วันจันทร์ที่ 15 มกราคม พ.ศ. 2567``, ``15 Jan 2024``, เลขไทย, เวลาต่อท้าย (``10:30``, ``10.30 น.``,
    ``10:20:30.25``, ``10:20:30,5``) และค่าที่เป็นวันที่อยู่แล้ว (datetime, Timestamp)

    - ``dayfirst``: ``None`` (ค่าเริ่มต้น) ดูจากข้อมูลทั้งคอลัมน์ ถ้ามีค่าอย่าง ``30/12/2567`` ก็อ่านเป็น
      วัน/เดือน/ปี ถ้ามีค่าอย่าง ``12/30/2021`` ก็อ่านเป็น เดือน/วัน/ปี ถ้าบอกไม่ได้ (ทุกค่าไม่เกิน 12
      หรือมีทั้งสองแบบ) ใช้ วัน/เดือน/ปี; ``True`` บังคับ วัน/เดือน/ปี (``1/2/2567`` คือ 1 กุมภาพันธ์);
      ``False`` บังคับ เดือน/วัน/ปี (2 มกราคม)
    - ``era``: ``"auto"`` / ``"be"`` / ``"ce"`` ดูกติกาเรื่องปีด้านบนของโมดูล (ปี 2 หลัก: ``67`` → พ.ศ. 2567
      เมื่อ ``era="auto"``; ``era="ce"`` → ค.ศ. 2067)
    - ``excel``: ``True`` อ่านตัวเลข (และข้อความที่เป็นตัวเลขล้วน) เป็นเลขวันที่แบบ Excel เช่น ``45292`` =
      1 ม.ค. 2024, ``0.090277778`` = เวลา 02:10 (เวลาอย่างเดียวได้วันที่ 30 ธ.ค. 1899 ตามแบบของ Excel
      ใช้ ``.dt.time`` เพื่อเอาเฉพาะเวลา) ปัดเป็นมิลลิวินาที; ``None`` (ค่าเริ่มต้น) อ่านแบบ Excel
      เฉพาะเมื่อทุกค่าเป็นตัวเลขในช่วง ``EXCEL_AUTO_RANGE`` (20,000–80,000); ``False`` ไม่อ่านตัวเลขเลย
    - ``report=True``: คืน ``(ผลลัพธ์, ตารางรายงาน)`` ตารางมีคอลัมน์ ``value, count, parsed, problem,
      alternative`` หนึ่งแถวต่อค่าที่ไม่ซ้ำกันซึ่งอ่านไม่ได้ หรือวันกับเดือนอาจสลับกัน (``alternative``
      คือวันที่ถ้าสลับ) ข้อความใน ``problem`` ดูได้ที่ ``PROBLEMS`` และ ``ตาราง.attrs`` บอกเรื่องของ
      ทั้งคอลัมน์: ``"dayfirst"`` (ลำดับที่ใช้), ``"order"`` (``"given"`` ระบุเอง, ``"inferred"`` ดูจาก
      ข้อมูล, ``"ambiguous"``, ``"conflict"``, ``"none"``), ``"excel"`` และ ``"notes"`` (ข้อความภาษาไทย)

    ความเร็ว: แปลงแต่ละค่าที่ไม่ซ้ำกันเพียงครั้งเดียว แล้วกระจายผลกลับทุกแถว เวลาที่ใช้เป็นเชิงเส้นเสมอ

    >>> parse_date_th("15/1/2567")
    Timestamp('2024-01-15 00:00:00')
    >>> parse_date_th("วันจันทร์ที่ ๑๕ มกราคม พ.ศ. ๒๕๖๗")
    Timestamp('2024-01-15 00:00:00')
    >>> parse_date_th("15 ม.ค. 67"), parse_date_th("15/01/24", era="ce")
    (Timestamp('2024-01-15 00:00:00'), Timestamp('2024-01-15 00:00:00'))
    >>> parse_date_th("31 ก.พ. 2567"), parse_date_th("0000-00-00")
    (NaT, NaT)
    >>> parse_date_th("2024-01-15 10:20:30.25")
    Timestamp('2024-01-15 10:20:30.250000')
    >>> s = pd.Series(["2567-01-15", "15 มค 2567", "1/2/2024", "ไม่ทราบ", "xx"], name="วันที่")
    >>> parsed, rep = parse_date_th(s, report=True)
    >>> parsed.dt.strftime("%Y-%m-%d").tolist()
    ['2024-01-15', '2024-01-15', '2024-02-01', nan, nan]
    >>> rep[["value", "problem"]].values.tolist()
    [['xx', 'อ่านรูปแบบวันที่ไม่ออก'], ['1/2/2024', 'วันกับเดือนอาจสลับกันได้ (ทั้งสองค่าไม่เกิน 12)']]
    >>> us, rep = parse_date_th(pd.Series(["12/30/2021", "1/2/2022"]), report=True)
    >>> us.dt.strftime("%Y-%m-%d").tolist(), rep.attrs["dayfirst"], rep.empty
    (['2021-12-30', '2022-01-02'], False, True)
    >>> parse_date_th(pd.Series(["10/26/2020", "45292"]), excel=True).tolist()
    [Timestamp('2020-10-26 00:00:00'), Timestamp('2024-01-01 00:00:00')]
    """
    _check_era(era)
    dayfirst, excel = _flag(dayfirst), _flag(excel)
    series, scalar = as_series(s)
    if isinstance(series.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(series.dtype):
        out = series.copy()
        rep = _empty_report({"dayfirst": None, "order": "none", "excel": False, "notes": []})
    else:
        codes, uniques = factorize(series)
        parsed_u, problem, alternative, info = _parse_distinct(uniques, dayfirst, era, excel)
        table = np.empty(len(parsed_u) + 1, dtype=_UNIT)
        table[:-1] = parsed_u
        table[-1] = np.datetime64("NaT")
        out = pd.Series(table[codes], index=series.index, name=series.name)
        rep = _build_report(uniques, codes, parsed_u, problem, alternative, info) if report else None
    if scalar:
        value = out.iloc[0]
        return (value, rep) if report else value
    return (out, rep) if report else out


def _empty_report(info: dict) -> pd.DataFrame:
    rep = pd.DataFrame(
        {
            "value": pd.Series(dtype=object),
            "count": pd.Series(dtype="int64"),
            "parsed": pd.Series(dtype=_UNIT),
            "problem": pd.Series(dtype=object),
            "alternative": pd.Series(dtype=_UNIT),
        }
    )
    rep.attrs.update(info)
    return rep


def _build_report(uniques, codes, parsed_u, problem, alternative, info, last=None) -> pd.DataFrame:
    """One row per distinct flagged value; ``last`` = (name, object array) replaces ``alternative``."""
    flagged = np.flatnonzero((problem != "ok") & (problem != "blank"))
    if len(flagged) == 0:
        rep = _empty_report(info)
        return (
            rep
            if last is None
            else rep.drop(columns="alternative").assign(**{last[0]: pd.Series(dtype=object)})
        )
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    name, values = ("alternative", alternative) if last is None else last
    rep = pd.DataFrame(
        {
            "value": pd.Series(np.asarray(uniques, dtype=object)[flagged], dtype=object),
            "count": counts[flagged].astype("int64"),
            "parsed": parsed_u[flagged],
            "problem": [PROBLEMS[p] for p in problem[flagged]],
            name: values[flagged],
        }
    )
    order = np.lexsort((-rep["count"].to_numpy(), rep["parsed"].notna().to_numpy()))  # unreadable first
    rep = rep.iloc[order].reset_index(drop=True)
    rep.attrs.update(info)
    return rep


# ------------------------------------------------------------------------ dates inside text
def _loose(key: str) -> str:
    """Regex for one month key that also allows a dot or a space after each letter (ม. ค., ม.ค.)."""
    return r"\.?\s?".join(re.escape(ch) for ch in key)


_MONTH_ALT = "|".join(_loose(k) for k in sorted(_MONTHS, key=len, reverse=True))
_FIND_TIME = (
    r"(?:(?:\s?(?:เวลา\s?)?|t)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:น\.?|นาฬิกา))?"
    r"|\s?(?:เวลา\s?)?\d{1,2}\.\d{2}(?:\.\d{2})?\s?(?:น\.?|นาฬิกา))?"
)
# Each candidate is short and starts at a digit, so finditer stays linear in the text length.
_FIND_NUMERIC_RE = re.compile(
    r"(?<!\d)\d{1,4}\s?([/\-.])\s?\d{1,2}\s?\1\s?\d{1,4}(?!\d)" + _FIND_TIME + r"(?!\d)", re.ASCII
)
_FIND_TEXT_RE = re.compile(
    r"(?<!\d)\d{1,2}\s?[-/]?\s?(?:"
    + _MONTH_ALT
    + r")\.?\s?[-/,]?\s?(?:"
    + _ERA
    + r"\s?)?\d{1,4}(?!\d)"
    + _FIND_TIME
    + r"(?!\d)",
    re.ASCII,
)


_RANGE_START_RE = re.compile(r"(?<!\d)(\d{1,2})\s?[-–~]\s?$", re.ASCII)


def _candidates(t: str) -> tuple[str, ...]:
    """The distinct date-shaped pieces of one normalised text, in order.

    A day range before a month name ("1-31 ม.ค. 2567") also gives its first day as a candidate,
    so that the range counts as two dates (refused) and not as its last day.
    """
    found = [m.group() for m in _FIND_NUMERIC_RE.finditer(t)]
    for m in _FIND_TEXT_RE.finditer(t):
        found.append(m.group())
        start = _RANGE_START_RE.search(t[max(0, m.start() - 6) : m.start()])
        if start:
            found.append(start[1] + m.group().lstrip("0123456789"))
    return tuple(dict.fromkeys(found))  # distinct, in order


@overload
def find_date_th(
    s: Scalar, dayfirst: bool | None = None, era: str = "auto", report: Literal[False] = False
) -> Date: ...
@overload
def find_date_th(
    s: Column, dayfirst: bool | None = None, era: str = "auto", report: Literal[False] = False
) -> pd.Series[pd.Timestamp]: ...
@overload
def find_date_th(
    s: Scalar, dayfirst: bool | None = None, era: str = "auto", *, report: Literal[True]
) -> tuple[Date, pd.DataFrame]: ...
@overload
def find_date_th(
    s: Column, dayfirst: bool | None = None, era: str = "auto", *, report: Literal[True]
) -> tuple[pd.Series[pd.Timestamp], pd.DataFrame]: ...
@overload
def find_date_th(
    s: Scalar | Column, dayfirst: bool | None = None, era: str = "auto", report: bool = False
) -> Date | pd.Series[pd.Timestamp] | tuple[Date | pd.Series[pd.Timestamp], pd.DataFrame]: ...
def find_date_th(s, dayfirst: bool | None = None, era: str = "auto", report: bool = False):
    """Find the one date written inside a text cell (a title, a note); none or several → NaT.

    หาวันที่ที่เขียนอยู่ในข้อความ เช่น ``ณ วันที่ 30 พฤศจิกายน 2560``, ``(ปรับปรุงล่าสุด : 11/08/2558)``,
    ``[update 10-06-2559]`` อ่านวันที่ด้วยกติกาเดียวกับ ``parse_date_th`` (``dayfirst`` และ ``era``
    ความหมายเดียวกัน) ค่าเดี่ยวได้ ``Timestamp`` Series ได้ Series ที่มี index และชื่อเดิม
    ถ้าไม่พบวันที่ หรือพบวันที่มากกว่าหนึ่งวันที่ไม่ตรงกัน ได้ ``NaT`` (ไม่เดา) ``report=True`` คืน
    ``(ผลลัพธ์, ตาราง)`` ตารางมีคอลัมน์ ``value, count, parsed, problem, found`` (``found`` คือข้อความ
    วันที่ที่พบ) สำหรับค่าที่ได้ NaT หรือมีเรื่องควรตรวจ

    >>> find_date_th("ณ วันที่ 30 พฤศจิกายน 2560")
    Timestamp('2017-11-30 00:00:00')
    >>> find_date_th(pd.Series(["(ปรับปรุงล่าสุด : 11/08/2558)", "[update 10-06-2559]"])).tolist()
    [Timestamp('2015-08-11 00:00:00'), Timestamp('2016-06-10 00:00:00')]
    >>> out, rep = find_date_th("ตั้งแต่ 1 ม.ค. 2567 ถึง 31 ม.ค. 2567", report=True)
    >>> out, rep["problem"].tolist()
    (NaT, ['พบวันที่มากกว่าหนึ่งวันที่ไม่ตรงกัน จึงไม่เลือกวันใด (ดูคอลัมน์ found)'])
    """
    _check_era(era)
    dayfirst = _flag(dayfirst)
    series, scalar = as_series(s)
    if isinstance(series.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(series.dtype):
        return parse_date_th(s, dayfirst=dayfirst, era=era, report=report)
    codes, uniques = factorize(series)
    n = len(uniques)
    per_cell: list[tuple[str, ...]] = []
    pool: dict[str, int] = {}
    for v in uniques:
        found = _candidates(_normalise(v)) if isinstance(v, str) else ()
        per_cell.append(found)
        for f in found:
            pool.setdefault(f, len(pool))
    texts = np.array(list(pool), dtype=object)
    parsed_c, problem_c, _, info = _parse_distinct(texts, dayfirst, era, excel=False)
    result = np.full(n, np.datetime64("NaT"), dtype=_UNIT)
    problem = np.full(n, "ok", dtype=object)
    for i, v in enumerate(uniques):
        found = per_cell[i]
        if _datetime_like(v):
            ts = pd.Timestamp(v)
            result[i] = np.datetime64(
                (ts.tz_localize(None) if ts.tz is not None else ts).to_datetime64(), "us"
            )
            continue
        if not isinstance(v, str):
            problem[i] = "not_text"
            continue
        if not found:
            problem[i] = "blank" if _normalise(v) in MISSING_WORDS else "none"
            continue
        idx = [pool[f] for f in found]
        dates = {parsed_c[j] for j in idx if not np.isnat(parsed_c[j])}
        if len(dates) == 1:
            result[i] = dates.pop()
            flagged = [problem_c[j] for j in idx if problem_c[j] not in ("ok", "blank")]
            problem[i] = flagged[0] if flagged else "ok"
        elif len(dates) > 1:
            problem[i] = "many"
        else:
            problem[i] = next((problem_c[j] for j in idx if problem_c[j] != "blank"), "blank")
    table = np.empty(n + 1, dtype=_UNIT)
    table[:-1] = result
    table[-1] = np.datetime64("NaT")
    out = pd.Series(table[codes], index=series.index, name=series.name)
    rep = None
    if report:
        found_text = np.array([" | ".join(f) for f in per_cell], dtype=object)
        rep = _build_report(uniques, codes, result, problem, None, info, last=("found", found_text))
    if scalar:
        value = out.iloc[0]
        return (value, rep) if report else value
    return (out, rep) if report else out


# --------------------------------------------------------------------------------------- years
_YEAR_RE = re.compile(r"\D*?(\d+)\D*", re.ASCII)
_MAX_YEAR_TEXT = 100  # a longer text is not a year: refused before any regex or int() runs


def _year_number(v) -> tuple[int | None, str]:
    """One year-like value → (integer, digits text) or (None, ''); never raises."""
    if isinstance(v, (bool, np.bool_)) or v is None:
        return None, ""
    if isinstance(v, (int, np.integer)):
        y = int(v)
        return (y, str(y)) if 0 <= y < 10_000 else (None, "")
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if not math.isfinite(f) or not f.is_integer() or not 0 <= f < 10_000:
            return None, ""
        return int(f), str(int(f))
    if isinstance(v, str):
        t = " ".join(v.translate(_NORMALISE).split())
        if len(t) > _MAX_YEAR_TEXT:
            return None, ""
        m = _YEAR_RE.fullmatch(t)
        if m and len(m[1]) <= 4:
            return int(m[1]), m[1]
    return None, ""


def _convert_years(x, to: str):
    def one(v):
        y, digits = _year_number(v)
        if y is None or len(digits) not in (2, 4):
            return pd.NA
        text = v.lower() if isinstance(v, str) else ""
        if to == "ce":
            if "ค.ศ" in text or "คศ" in text:
                return pd.NA
            if len(digits) == 4 and y < BE_FROM:  # the era="auto" rule: below 2400 is not B.E.
                return pd.NA
            ce = 2500 + y - BE_OFFSET if len(digits) == 2 else y - BE_OFFSET
            return ce if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else pd.NA
        if "พ.ศ" in text or "พศ" in text:
            return pd.NA
        ce = 2000 + y if len(digits) == 2 else y
        return ce + BE_OFFSET if MIN_CE_YEAR <= ce <= MAX_CE_YEAR else pd.NA

    series, scalar = as_series(x)
    if scalar:
        r = one(series.iloc[0])
        return np.nan if r is pd.NA else r
    codes, uniques = factorize(series)
    mapped = pd.array([one(v) for v in uniques] + [pd.NA], dtype="Int64")
    return pd.Series(mapped.take(codes), index=series.index, name=series.name)


@overload
def be_to_ce(x: Scalar) -> int | float: ...
@overload
def be_to_ce(x: Column) -> pd.Series[int]: ...
def be_to_ce(x):
    """Buddhist-era year → Common-era year (year − 543); int, str or Series; else NaN/<NA>.

    แปลงปี พ.ศ. เป็น ค.ศ. รับตัวเลข ข้อความ (เลขไทยได้ เช่น ``"พ.ศ. ๒๕๖๗"``, ``"ปีใหม่ 51"``) หรือ Series
    ผลเป็นจำนวนเต็ม (Series ชนิด ``Int64``) ปี 2 หลักถือเป็น พ.ศ. 25xx (``51`` → 2551 → 2008)
    ปี 4 หลักต้องตั้งแต่ 2400 ขึ้นไป (กติกาเดียวกับ ``parse_date_th``) ค่าที่ไม่ใช่ปี พ.ศ. ที่เป็นไปได้
    (เช่น 2024 ซึ่งน่าจะเป็น ค.ศ. อยู่แล้ว ข้อความที่มี ค.ศ. ตัวเลขติดลบ ทศนิยม หรือยาวมาก) → ว่าง ไม่มี error

    >>> be_to_ce(2567), be_to_ce("๒๕๖๗"), be_to_ce("ปีใหม่ 51")
    (2024, 2024, 2008)
    >>> be_to_ce(2024), be_to_ce("9" * 5000), be_to_ce(float("inf"))
    (nan, nan, nan)
    >>> be_to_ce(pd.Series([2566, None, "2567"])).tolist()
    [2023, <NA>, 2024]
    """
    return _convert_years(x, "ce")


@overload
def ce_to_be(x: Scalar) -> int | float: ...
@overload
def ce_to_be(x: Column) -> pd.Series[int]: ...
def ce_to_be(x):
    """Common-era year → Buddhist-era year (year + 543); int, str or Series; else NaN/<NA>.

    แปลงปี ค.ศ. เป็น พ.ศ. ปี 2 หลักถือเป็น ค.ศ. 20xx (``24`` → 2024 → 2567)
    ค่าที่ดูเป็น พ.ศ. อยู่แล้ว (เช่น 2567) → ว่าง เพื่อไม่ให้บวก 543 ซ้ำ

    >>> ce_to_be(2024), ce_to_be("2024"), ce_to_be(24)
    (2567, 2567, 2567)
    >>> ce_to_be(2567), ce_to_be(10 ** 400)
    (nan, nan)
    >>> ce_to_be(pd.Series([2023, 2024], name="ปี")).tolist()
    [2566, 2567]
    """
    return _convert_years(x, "be")
