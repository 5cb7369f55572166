"""Thai digits and numbers written as text → real numbers.

แปลงเลขไทย (๐-๙) เป็นเลขอารบิก และแปลงตัวเลขที่เขียนเป็นข้อความ เช่น ``"1,234 บาท"``, ``"(500)"``,
``"๑๒ คน"`` ให้เป็นตัวเลขจริง ค่าที่อ่านไม่ได้หรือหมายถึง "ไม่มีข้อมูล" (``-``, ``ไม่ทราบ``, ``n/a``)
จะกลายเป็น NaN เสมอ ไม่มีการเดาค่าที่อาจผิด
"""

from __future__ import annotations

import numbers as _numbers
import re

import numpy as np
import pandas as pd

from ._common import SPACE_LIKE, ZERO_WIDTH, as_series, factorize, is_missing, map_distinct

__all__ = ["to_arabic_digits", "to_number", "MISSING_WORDS", "UNITS"]

# str.translate is a C loop over the characters; pythainlp's thai_digit_to_arabic_digit does the
# same job in a Python loop per character, so the table is built here for speed.
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_CLEAN = str.maketrans({**{c: None for c in ZERO_WIDTH}, **{c: " " for c in SPACE_LIKE},
                        "\u2212": "-", "\u2013": "-", "\u2014": "-",  # minus, en dash, em dash
                        **{ord(k): v for k, v in zip("๐๑๒๓๔๕๖๗๘๙", "0123456789")}})

#: Text that means "no value" (compared after stripping, case-insensitive) → NaN.
MISSING_WORDS = frozenset({
    "", "-", "--", "---", "–", "—", ".", "..", "...", "…", "ไม่ทราบ", "ไม่ระบุ", "ไม่มีข้อมูล",
    "ไม่มี", "n/a", "na", "nan", "null", "none", "#n/a", "#value!", "#div/0!", "x",
})

#: Trailing (or leading) units that are simply dropped.  Multipliers such as "ล้าน" or "พัน" are
#: deliberately NOT here: "1.5 ล้านบาท" stays NaN instead of silently becoming 1.5.
UNITS = ("บาท", "คน", "ราย", "ครั้ง", "%", "เปอร์เซ็นต์", "ปี", "วัน", "เดือน", "ตัว", "แห่ง",
         "หลัง", "ครัวเรือน", "ไร่", "ตัน", "กก.", "กิโลกรัม", "ลิตร", "กม.", "กิโลเมตร", "ชั่วโมง",
         "ชม.", "นาที", "คัน", "ลูก", "ต้น", "ฉบับ", "เรื่อง", "หน่วย", "µg/m³", "มคก./ลบ.ม.")
_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?P<open>\()?\s*(?P<sign>[-+])?\s*(?:฿|ร้อยละ)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"      # 1,234,567.89
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?"               # 1 234 567 (space as thousands separator)
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"             # 1234.5, 1e5
    r"|\.\d+)"                                      # .5
    r"(?:\.-)?"                                     # 1,500.- (Thai price style)
    rf"\s*(?:{_UNIT_RE})?\s*(?P<close>\))?\s*(?:{_UNIT_RE})?",
    re.IGNORECASE,
)


def to_arabic_digits(s):
    """Replace Thai digits with 0-9 (strings only; other values are returned unchanged).

    แปลงเลขไทยในข้อความเป็นเลขอารบิก ส่วนอื่นของข้อความคงเดิม ค่าที่ไม่ใช่ข้อความ (ตัวเลข, NaN)
    คืนค่าเดิม รับได้ทั้งค่าเดี่ยวและ Series (คืน Series ที่มี index และชื่อเดิม)

    >>> to_arabic_digits("๒๕๖๗")
    '2567'
    >>> to_arabic_digits("วันที่ ๑๕ ม.ค.")
    'วันที่ 15 ม.ค.'
    >>> to_arabic_digits(pd.Series(["๑๒", None, 7], name="x")).tolist()
    ['12', None, 7]
    """
    series, scalar = as_series(s)
    if scalar:
        v = series.iloc[0]
        return v.translate(_TO_ARABIC) if isinstance(v, str) else v
    if not (pd.api.types.is_object_dtype(series.dtype) or pd.api.types.is_string_dtype(series.dtype)):
        return series.copy()

    def _translate(uniques):
        return np.array([u.translate(_TO_ARABIC) if isinstance(u, str) else u for u in uniques],
                        dtype=object)

    if isinstance(series.dtype, pd.StringDtype):
        values = map_distinct(series, _translate, series.dtype.na_value, object)
        return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)
    values = map_distinct(series, _translate, None, object, keep_non_text=True)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def _parse_number(v) -> float:
    """Parse one distinct value (called once per distinct value, not per row)."""
    if isinstance(v, bool) or is_missing(v):
        return np.nan
    if isinstance(v, _numbers.Number):
        try:
            return float(v)
        except (TypeError, ValueError):
            return np.nan
    if not isinstance(v, str):
        return np.nan
    t = " ".join(v.translate(_CLEAN).split())
    if t.lower() in MISSING_WORDS:
        return np.nan
    m = _NUMBER_RE.fullmatch(t)
    if m is None or bool(m["open"]) != bool(m["close"]) or (m["open"] and m["sign"]):
        return np.nan
    x = float(m["num"].replace(",", "").replace(" ", ""))
    return -x if (m["open"] or m["sign"] == "-") else x


def to_number(s):
    """Convert numbers written as text (Thai digits, commas, units, ``(neg)``) to float; else NaN.

    แปลงข้อความตัวเลขให้เป็นตัวเลขทศนิยม (float):

    - เลขไทย ``"๑,๒๓๔"`` → 1234.0, จุลภาคคั่นหลักพัน (ต้องคั่นทุก 3 หลักจริง ๆ: ``"12,34"`` → NaN)
    - ช่องว่างรอบ ๆ และช่องว่างคั่นหลักพัน ``"1 234"`` → 1234.0
    - หน่วยต่อท้าย เช่น บาท คน ราย % (``"12%"`` → 12.0 ไม่ใช่ 0.12) ถูกตัดทิ้ง
      แต่คำที่เป็นตัวคูณ เช่น ``"1.5 ล้านบาท"`` → NaN (ไม่เดา)
    - วงเล็บหมายถึงค่าติดลบแบบบัญชี ``"(500)"`` → -500.0
    - ``-``, ``–``, ``ไม่ทราบ``, ``ไม่ระบุ``, ``n/a``, ช่องว่าง → NaN (ดูรายการใน ``MISSING_WORDS``)
    - ค่าที่เป็นตัวเลขอยู่แล้วคงค่าเดิม, True/False และข้อความอื่น ๆ → NaN

    ดูค่าที่แปลงไม่ได้ด้วย ``unparsed(ข้อมูลเดิม, ผลลัพธ์)``

    >>> to_number("๑,๒๓๔ บาท")
    1234.0
    >>> to_number("(1,500.50)")
    -1500.5
    >>> to_number("ไม่ทราบ")
    nan
    >>> to_number(pd.Series(["12%", "-", "3 คน", "1.5 ล้าน"], name="n")).tolist()
    [12.0, nan, 3.0, nan]
    """
    series, scalar = as_series(s)
    if scalar:
        return _parse_number(series.iloc[0])
    if pd.api.types.is_bool_dtype(series.dtype):
        return pd.Series(np.nan, index=series.index, name=series.name, dtype="float64")
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.astype("float64")
    codes, uniques = factorize(series)
    values = np.append(np.array([_parse_number(v) for v in uniques], dtype="float64"), np.nan)[codes]
    # 1, 1.0 and True share one hash slot, but True must give NaN and 1 must give 1.0: redo those
    # rows one by one (only columns that mix numbers 0/1 with booleans ever get here)
    shared = np.fromiter((not isinstance(u, str) and _is_zero_one(u) for u in uniques), dtype=bool,
                         count=len(uniques))
    if shared.any():
        rows = np.flatnonzero(np.append(shared, False)[codes])
        raw = series.to_numpy(dtype=object)
        values[rows] = [_parse_number(v) for v in raw[rows]]
    return pd.Series(values, index=series.index, name=series.name, dtype="float64")


def _is_zero_one(v) -> bool:
    try:
        return bool(v == 0 or v == 1)
    except (TypeError, ValueError):
        return False
