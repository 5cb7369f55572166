"""Thai digits and numbers written as text → real numbers.

แปลงเลขไทย (๐-๙) เป็นเลขอารบิก และแปลงตัวเลขที่เขียนเป็นข้อความ เช่น ``"1,234 บาท"``, ``"(500)"``,
``"๑๒ คน"``, ``"1.2 ล้าน"`` ให้เป็นตัวเลขจริง ค่าที่อ่านไม่ได้ กำกวม หรือหมายถึง "ไม่มีข้อมูล"
(``-``, ``ไม่ทราบ``, ``n/a``) จะกลายเป็น NaN เสมอ ไม่มีการเดาค่าที่อาจผิด และ ``report=True``
บอกเหตุผลของแต่ละค่าเป็นภาษาไทย
"""

from __future__ import annotations

import math
import numbers as _numbers
import re
from typing import TYPE_CHECKING, Literal, overload

import numpy as np
import pandas as pd
from pythainlp.util import thai_digit_to_arabic_digit

from . import _common
from ._common import (
    SPACE_LIKE,
    ZERO_WIDTH,
    as_series,
    factorize,
    is_blank,
    is_missing,
    map_distinct,
    object_array,
)
from .report import problem_report

if TYPE_CHECKING:
    from ._common import Column, NotTextT, Scalar

__all__ = ["MISSING_WORDS", "MULTIPLIERS", "PROBLEMS", "UNITS", "to_arabic_digits", "to_number"]

# Thai digits are converted by pythainlp (thai_digit_to_arabic_digit, a str.translate); this table
# only removes invisible characters and turns odd spaces and dashes into plain ones.
_CLEAN = str.maketrans(
    {
        **{c: None for c in ZERO_WIDTH},
        **{c: " " for c in SPACE_LIKE},
        "\u2212": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)  # minus, en dash, em dash

#: Text that means "no value" (compared after stripping, case-insensitive) → NaN: the kit-wide words
#: of ``_common.MISSING_WORDS`` plus a few seen in number columns (dots, Excel errors, "x").
MISSING_WORDS = _common.MISSING_WORDS | frozenset(
    {
        "---",
        "..",
        "...",
        "…",
        "ไม่มี",
        "#n/a",
        "#value!",
        "#div/0!",
        "#ref!",
        "#num!",
        "x",
    }
)

#: Trailing (or leading) units that are simply dropped (a number may be glued to them: ``08ราย``).
UNITS = (
    "บาท",
    "คน",
    "ราย",
    "ครั้ง",
    "%",
    "เปอร์เซ็นต์",
    "ปี",
    "วัน",
    "เดือน",
    "ตัว",
    "แห่ง",
    "หลัง",
    "ครัวเรือน",
    "ไร่",
    "ตัน",
    "กก.",
    "กิโลกรัม",
    "ลิตร",
    "กม.",
    "กิโลเมตร",
    "ชั่วโมง",
    "ชม.",
    "นาที",
    "คัน",
    "ลูก",
    "ต้น",
    "ฉบับ",
    "เรื่อง",
    "หน่วย",
    "µg/m³",
    "มคก./ลบ.ม.",
)
#: Thai multiplier words after a number: ``1.2 ล้าน`` → 1,200,000; ``ล้าน`` may repeat or follow
#: another word (``3 แสนล้าน`` = 3 × 10¹¹, ``2 ล้านล้าน`` = 2 × 10¹²).  Value = power of ten.
MULTIPLIERS = {"ร้อย": 2, "พัน": 3, "หมื่น": 4, "แสน": 5, "ล้าน": 6}

#: Texts of the ``problem`` column in the report of ``to_number(..., report=True)``.
PROBLEMS = {
    "missing_word": "เป็นคำหรือเครื่องหมายที่แปลว่าไม่มีข้อมูล (เช่น -, ไม่ระบุ, (Blank)) จึงเป็นค่าที่หายไป",
    "not_text": "ไม่ใช่ตัวเลขหรือข้อความ (เช่น True/False หรือวันที่)",
    "no_digits": "ไม่มีตัวเลขอยู่ในข้อความ",
    "overflow": "ค่าใหญ่เกินกว่าจะเก็บเป็นตัวเลขได้ (อนันต์หรือเกินขอบเขตของ float)",
    "separator": "จุลภาคหรือจุดอยู่ผิดตำแหน่ง (เช่น 1,2 หรือ 1.200,50) อาจเป็นทศนิยมแบบยุโรปหรือพิมพ์ผิด จึงไม่เดา",
    "many_numbers": "มีตัวเลขมากกว่าหนึ่งจำนวน (เช่น ช่วง 10-20 หรือวันที่) จึงไม่เดา",
    "parentheses": "วงเล็บไม่ครบคู่",
    "sign": "มีทั้งวงเล็บ (ค่าติดลบแบบบัญชี) และเครื่องหมาย + หรือ - จึงไม่เดาว่าเป็นบวกหรือลบ",
    "other_text": "มีข้อความหรือหน่วยที่ไม่รู้จักปนกับตัวเลข (หน่วยที่ตัดทิ้งได้ดูที่ UNITS)",
}

_UNIT_RE = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_MULT_RE = "(?:{})(?:ล้าน)*".format("|".join(MULTIPLIERS))
_NUMBER_RE = re.compile(
    r"(?P<open>\()?\s*(?P<sign>[-+])?\s*(?:฿|ร้อยละ)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,234,567.89
    r"|\d{1,3}(?: \d{3})+(?:\.\d+)?"  # 1 234 567 (space as thousands separator)
    r"|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"  # 1234.5, 1e5
    r"|\.\d+)"  # .5
    r"(?:\.-)?"  # 1,500.- (Thai price style)
    rf"\s*(?P<mult>{_MULT_RE})?"  # 1.2 ล้าน
    rf"\s*(?:{_UNIT_RE})?\s*(?P<close>\))?\s*(?:{_UNIT_RE})?",
    re.IGNORECASE,
)
# Used only to explain a refusal: runs of digits with the separators between them.
_DIGIT_RUN_RE = re.compile(r"\d+(?:[.,]\d+)*")
# What float() and spreadsheets write for infinity: refused like "1e999".
_INFINITY = frozenset({"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "+∞", "-∞"})
# Quotes around a whole cell (a CSV exported twice: "118,118") and Excel's leading apostrophe.
_QUOTES = {'"': '"', "'": "'", "\u201c": "\u201d", "\u2018": "\u2019"}


@overload
def to_arabic_digits(s: str) -> str: ...
@overload
def to_arabic_digits(s: Column) -> pd.Series: ...
@overload
def to_arabic_digits(s: NotTextT) -> NotTextT: ...
def to_arabic_digits(s):
    """Replace Thai digits with 0-9 (strings only; other values are returned unchanged).

    แปลงเลขไทยในข้อความเป็นเลขอารบิก (ด้วย ``pythainlp.util.thai_digit_to_arabic_digit``) ส่วนอื่นของ
    ข้อความคงเดิม ค่าที่ไม่ใช่ข้อความ (ตัวเลข, NaN) คืนค่าเดิม รับได้ทั้งค่าเดี่ยวและ Series (คืน Series
    ที่มี index และชื่อเดิม) คอลัมน์ชนิด category ได้ผลเหมือนคอลัมน์ข้อความ (ชนิด object)

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
        return thai_digit_to_arabic_digit(v) if isinstance(v, str) else v
    if not pd.api.types.is_string_dtype(series.dtype):  # True for object (pandas 2 text) and str columns
        return series.copy()

    def _translate(uniques):  # object_array: a column of tuples must not become a 2-D array
        return object_array(thai_digit_to_arabic_digit(u) if isinstance(u, str) else u for u in uniques)

    if isinstance(series.dtype, pd.StringDtype):
        # fast path: the str array is built once from the distinct values.  It gives the same answer
        # as the object path below, so its mutants are equivalent: hence the pragma
        values = map_distinct(
            series,
            _translate,
            series.dtype.na_value,  # pragma: no mutate (fast path)
            object,  # pragma: no mutate (fast path)
        )
    else:
        values = map_distinct(series, _translate, None, object, keep_non_text=True)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def _unquote(t: str) -> str:
    if len(t) >= 2 and _QUOTES.get(t[0]) == t[-1]:
        return t[1:-1].strip()
    if t.startswith("'"):  # Excel's "store as text" apostrophe
        return t[1:].strip()
    return t


def _parse_number(v) -> tuple[float, str | None]:
    """Parse one distinct value → ``(number or NaN, problem code or None)``; called once per distinct value."""
    if isinstance(v, (bool, np.bool_)):
        return np.nan, "not_text"
    if is_missing(v):
        return np.nan, None
    if isinstance(v, _numbers.Number):
        try:
            x = float(v)
        except OverflowError:  # an int like 10**400
            return np.nan, "overflow"
        except (TypeError, ValueError):  # complex numbers and the like
            return np.nan, "not_text"
        return (x, None) if math.isfinite(x) else (np.nan, "overflow")
    if not isinstance(v, str):
        return np.nan, "not_text"
    if is_blank(v):
        return np.nan, None  # a blank cell: missing, nothing to report (unparsed skips it too)
    t = _unquote(" ".join(thai_digit_to_arabic_digit(v).translate(_CLEAN).split()))
    if not t or t.casefold() in MISSING_WORDS:  # not t: only quotes, such as '""'
        return np.nan, "missing_word"
    if t.casefold() in _INFINITY:
        return np.nan, "overflow"
    m = _NUMBER_RE.fullmatch(t)
    if m is None:
        return np.nan, _why_not(t)
    if bool(m["open"]) != bool(m["close"]):
        return np.nan, "parentheses"
    if m["open"] and m["sign"]:
        return np.nan, "sign"
    num = m["num"].replace(",", "").replace(" ", "")
    if m["mult"]:
        if "e" in num.lower():
            return np.nan, "other_text"  # "1e3 ล้าน": no one writes this on purpose
        power = sum(MULTIPLIERS[w] for w in re.findall("|".join(MULTIPLIERS), m["mult"]))
        num = f"{num}e{power}"  # float() rounds "1.2e6" exactly; 1.2 * 10**6 might not
    x = float(num)
    if not math.isfinite(x):
        return np.nan, "overflow"
    # accounting negatives: "(1,200)" is -1200, as in Thai government financial statements
    return (-x if (m["open"] or m["sign"] == "-") else x) + 0.0, None  # + 0.0: no "-0.0"


def _why_not(t: str) -> str:
    """The problem code for a text the number pattern refused (only explains; never parses)."""
    runs = _DIGIT_RUN_RE.findall(t)
    if not runs:
        return "no_digits"
    if len(runs) > 1:
        return "many_numbers"
    if t.count("(") != t.count(")"):
        return "parentheses"
    if "," in runs[0] or runs[0].count(".") > 1:
        return "separator"
    return "other_text"


@overload
def to_number(s: Scalar, report: Literal[False] = False) -> float: ...
@overload
def to_number(s: Column, report: Literal[False] = False) -> pd.Series[float]: ...
@overload
def to_number(s: Scalar, report: Literal[True]) -> tuple[float, pd.DataFrame]: ...
@overload
def to_number(s: Column, report: Literal[True]) -> tuple[pd.Series[float], pd.DataFrame]: ...
@overload
def to_number(
    s: Scalar | Column, report: bool = False
) -> float | pd.Series[float] | tuple[float | pd.Series[float], pd.DataFrame]: ...
def to_number(s, report: bool = False):
    """Convert numbers written as text (Thai digits, commas, units, ล้าน, ``(neg)``) to float; else NaN.

    แปลงข้อความตัวเลขให้เป็นตัวเลขทศนิยม (float):

    - เลขไทย ``"๑,๒๓๔"`` → 1234.0, จุลภาคคั่นหลักพัน (ต้องคั่นทุก 3 หลักจริง ๆ) และเครื่องหมายคำพูด
      ที่ครอบทั้งค่า ``'"118,118"'`` → 118118.0
    - ช่องว่างรอบ ๆ และช่องว่างคั่นหลักพัน ``"1 234"`` → 1234.0
    - หน่วยต่อท้าย (ติดกับตัวเลขก็ได้) เช่น บาท คน ราย กม. % (``"08ราย"`` → 8.0, ``"12%"`` → 12.0
      ไม่ใช่ 0.12) ถูกตัดทิ้ง ดูรายการใน ``UNITS``
    - คำบอกจำนวน ร้อย พัน หมื่น แสน ล้าน คูณให้ ``"1.2 ล้าน"`` → 1200000.0, ``"1.5 ล้านบาท"`` → 1500000.0,
      ``"3 แสนล้าน"`` → 300000000000.0
    - วงเล็บหมายถึงค่าติดลบแบบบัญชี (แบบงบการเงินของหน่วยงานรัฐ) ``"(500)"`` → -500.0
    - ``-``, ``ไม่ทราบ``, ``ไม่ระบุ``, ``(Blank)``, ``nan``, ช่องว่าง → NaN (ดูรายการใน ``MISSING_WORDS``)
    - ค่าที่เป็นตัวเลขอยู่แล้วคงค่าเดิม, True/False → NaN
    - ไม่เดา: ค่าที่กำกวม เช่น ``"1,2"`` (1.2 หรือ 12?), ``"1.200,50"`` (แบบยุโรป), ``"10-20"``
      (สองจำนวน), ค่าที่ใหญ่เกินเก็บได้ (``"1e999"``, อนันต์) และข้อความอื่น ๆ → NaN

    ``report=True`` คืน ``(ผลลัพธ์, ตาราง)`` ตารางมีคอลัมน์ ``value, count, problem`` หนึ่งแถวต่อค่าเดิม
    ที่ไม่ซ้ำกันซึ่งกลายเป็นค่าที่หายไป พร้อมเหตุผลภาษาไทย (ข้อความดูได้ที่ ``PROBLEMS``) หรือดูเฉพาะ
    รายการค่าด้วย ``unparsed(ข้อมูลเดิม, ผลลัพธ์)`` คอลัมน์ชนิด category ได้ผลเหมือนคอลัมน์ข้อความ

    >>> to_number("๑,๒๓๔ บาท")
    1234.0
    >>> to_number("(1,500.50)"), to_number("1.2 ล้าน"), to_number("08ราย")
    (-1500.5, 1200000.0, 8.0)
    >>> to_number("ไม่ทราบ")
    nan
    >>> to_number(pd.Series(["12%", "-", "3 คน", "1.5 ล้านบาท"], name="n")).tolist()
    [12.0, nan, 3.0, 1500000.0]
    >>> out, rep = to_number(pd.Series(["1,2", "10-20", "7", "1e999", "1,2"]), report=True)
    >>> out.tolist()
    [nan, nan, 7.0, nan, nan]
    >>> rep["value"].tolist(), rep["count"].tolist()
    (['1,2', '10-20', '1e999'], [2, 1, 1])
    >>> rep["problem"].iloc[1]
    'มีตัวเลขมากกว่าหนึ่งจำนวน (เช่น ช่วง 10-20 หรือวันที่) จึงไม่เดา'
    """
    series, scalar = as_series(s)
    if scalar:
        value, problem = _parse_number(series.iloc[0])
        if report:
            return value, problem_report([series.iloc[0]], np.array([0]), [problem], PROBLEMS)
        return value
    # The bool and number branches are fast paths: the general (text) branch below gives the same
    # answer (a test checks it), so their mutants are equivalent: hence the pragmas.
    dtype = series.dtype  # pragma: no mutate (fast paths)
    if pd.api.types.is_bool_dtype(dtype):  # pragma: no mutate (fast path)
        codes, uniques = factorize(series)
        values = np.full(len(series), np.nan)  # pragma: no mutate (fast path)
        problems = ["not_text"] * len(uniques)  # factorize leaves the missing values out of uniques
    elif pd.api.types.is_integer_dtype(dtype) or pd.api.types.is_float_dtype(dtype):
        values = series.astype("float64").to_numpy(copy=True)  # pragma: no mutate (fast path)
        infinite = np.isinf(values)
        values[infinite] = np.nan  # pragma: no mutate (fast path)
        codes, uniques = factorize(series.where(infinite))  # only the infinite values to report
        problems = ["overflow"] * len(uniques)
    else:
        codes, uniques = factorize(series)
        parsed = [_parse_number(v) for v in uniques]
        values = np.append(np.array([p[0] for p in parsed], dtype="float64"), np.nan)[codes]
        problems = [p[1] for p in parsed]
        # 1, 1.0 and True share one hash slot, but True must give NaN and 1 must give 1.0: redo those
        # rows one by one (only columns that mix numbers 0/1 with booleans ever get here)
        shared = np.fromiter(
            (not isinstance(u, str) and _is_zero_one(u) for u in uniques), dtype=bool, count=len(uniques)
        )
        if shared.any():
            rows = np.flatnonzero(np.append(shared, False)[codes])
            raw = series.to_numpy(dtype=object)
            redo = [_parse_number(v) for v in raw[rows]]
            values[rows] = [p[0] for p in redo]
            if report:
                codes, uniques, problems = _split_shared(codes, uniques, problems, rows, raw, redo)
    out = pd.Series(values, index=series.index, name=series.name, dtype="float64")
    return (out, problem_report(uniques, codes, problems, PROBLEMS)) if report else out


def _split_shared(codes, uniques, problems, rows, raw, redo):
    """Give True/False their own report entries when they shared a hash slot with 1/0."""
    codes = codes.copy()
    uniques, problems = list(uniques), list(problems)
    extra = {}
    for row, v, (_, problem) in zip(rows, raw[rows], redo):
        key = (type(v), v)
        if key not in extra:
            extra[key] = len(uniques)
            uniques.append(v)
            problems.append(problem)
        codes[row] = extra[key]
    return codes, uniques, problems


def _is_zero_one(v) -> bool:
    try:
        return bool(v == 0 or v == 1)
    except (TypeError, ValueError):
        return False
