"""Tidy Thai text (invisible characters, odd spaces, doubled vowels) and sort it the Thai way.

ทำความสะอาดข้อความภาษาไทย และเรียงลำดับตามพจนานุกรมไทย
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, TypeVar, overload

import numpy as np
import pandas as pd
from pythainlp.util import collate, normalize

from ._common import SPACE_LIKE, ZERO_WIDTH, as_series, map_distinct

if TYPE_CHECKING:
    from ._common import Column, NotTextT

    _T = TypeVar("_T")

__all__ = ["clean_text", "sort_key_th", "sort_th", "text_columns"]

_INVISIBLE = str.maketrans({**{c: None for c in ZERO_WIDTH}, **{c: " " for c in SPACE_LIKE}})
# A space before ำ (sara am) is a PDF-extraction garble ("ก ำแพงเพชร"); pythainlp's normalize
# removes spaces only before tone marks and upper/lower vowels, not before ำ, hence this regex.
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e])")


# pythainlp's normalize applies its rules once, in a fixed order, and one rule can make text that
# an earlier rule would have changed: "อํๅ" → "อํา" (ๅ → า comes after ํา → ำ), which a second call
# turns into "อำ".  Repeating the steps until nothing changes makes clean_text idempotent.  Each
# round removes or reorders marks, so it settles in two or three rounds; the cap is a safety net.
_MAX_ROUNDS = 8


def _clean_step(t: str) -> str:
    t = " ".join(t.translate(_INVISIBLE).split())
    t = _SPACE_BEFORE_MARK.sub("", t)
    return normalize(t).strip()


def _clean_one(v: str) -> str:
    """The scalar core of ``clean_text`` (also used by ``provinces``): the steps, to a fixed point."""
    t = _clean_step(v)
    for _ in range(_MAX_ROUNDS):
        again = _clean_step(t)
        if again == t:
            break
        t = again
    return t


@overload
def clean_text(s: str, blank_to_na: Literal[False] = False) -> str: ...
@overload
def clean_text(s: str, blank_to_na: bool) -> str | float: ...  # blank_to_na=True: "" becomes NaN
@overload
def clean_text(s: Column, blank_to_na: bool = False) -> pd.Series: ...
@overload
def clean_text(s: NotTextT, blank_to_na: bool = False) -> NotTextT: ...
def clean_text(s, blank_to_na: bool = False):
    """Remove zero-width characters, turn NBSP into spaces, collapse spaces, strip, pythainlp-normalize.

    ทำความสะอาดข้อความ: ลบอักขระล่องหน (zero-width space), เปลี่ยน NBSP เป็นช่องว่างปกติ,
    ยุบช่องว่างซ้ำ (รวมแท็บและขึ้นบรรทัดใหม่) ให้เหลือหนึ่งช่อง, ตัดช่องว่างหัวท้าย, ลบช่องว่างหน้า ``ำ``
    และแก้ตัวสะกดซ้ำด้วย ``pythainlp.util.normalize`` (เช่น ``เเ`` → ``แ``, วรรณยุกต์ซ้ำ)
    ค่าที่ไม่ใช่ข้อความคืนค่าเดิม ``blank_to_na=True`` เปลี่ยนข้อความว่างเป็น NaN
    ทำซ้ำกี่ครั้งก็ได้ผลเท่าเดิม (``clean_text(clean_text(x)) == clean_text(x)``) และคอลัมน์ชนิด category
    ได้ผลเหมือนคอลัมน์ข้อความ (ชนิด object)

    >>> clean_text("  เเมว\\u200b  ดำ\\u00a0 ")
    'แมว ดำ'
    >>> clean_text("ก ำแพงเพชร"), clean_text("อํๅ")
    ('กำแพงเพชร', 'อำ')
    >>> clean_text(pd.Series([" ", "น้้ำ", 5]), blank_to_na=True).tolist()
    [nan, 'น้ำ', 5]
    """
    series, scalar = as_series(s)

    def _clean_uniques(uniques):
        out = np.empty(len(uniques), dtype=object)
        for i, v in enumerate(uniques):
            if isinstance(v, str):
                c = _clean_one(v)
                out[i] = np.nan if (blank_to_na and c == "") else c
            else:
                out[i] = v
        return out

    if scalar:
        return _clean_uniques([series.iloc[0]])[0]
    if not pd.api.types.is_string_dtype(series.dtype):  # True for object (pandas 2 text) and str columns
        return series.copy()
    if isinstance(series.dtype, pd.StringDtype):
        # fast path: the str array is built once from the distinct values.  It gives the same answer
        # as the object path below, so its mutants are equivalent: hence the pragma
        values = map_distinct(
            series,
            _clean_uniques,
            series.dtype.na_value,  # pragma: no mutate (fast path)
            object,  # pragma: no mutate (fast path)
        )
    else:
        values = map_distinct(series, _clean_uniques, None, object, keep_non_text=True)
    return pd.Series(values, index=series.index, name=series.name, dtype=series.dtype)


def sort_key_th(s: pd.Series) -> pd.Series[float]:
    """Thai dictionary-order rank of each value, for ``sort_values(key=sort_key_th)``.

    ใช้กับ ``DataFrame.sort_values("คอลัมน์", key=clean.sort_key_th)`` เพื่อเรียงตามพจนานุกรมไทย
    ค่าว่างอยู่ท้ายสุด

    >>> df = pd.DataFrame({"จังหวัด": ["เลย", "กระบี่", "ตาก"]})
    >>> df.sort_values("จังหวัด", key=sort_key_th)["จังหวัด"].tolist()
    ['กระบี่', 'ตาก', 'เลย']
    """
    series, _ = as_series(s)
    uniques = [u for u in pd.unique(series.dropna()) if isinstance(u, str)]
    rank = {v: i for i, v in enumerate(collate(uniques))}
    return series.map(rank).astype("float64")


@overload
def sort_th(values: pd.Series, reverse: bool = False) -> pd.Series: ...
@overload
def sort_th(values: Iterable[_T], reverse: bool = False) -> list[_T]: ...
def sort_th(values, reverse: bool = False):
    """Sort Thai words in dictionary order (pythainlp ``collate``); list → list, Series → Series.

    เรียงคำภาษาไทยตามลำดับพจนานุกรม (``sorted()`` ธรรมดาจะวางคำที่ขึ้นต้นด้วย เ แ โ ใ ไ ผิดที่)
    รับ list/tuple ได้ list, รับ Series ได้ Series ที่เรียงแล้ว (index ติดไปกับค่า) ค่าว่าง/ค่าที่ไม่ใช่
    ข้อความอยู่ท้ายสุด Series ที่ได้เป็นแถวเดิมของข้อมูลที่ส่งเข้ามา (ชนิดข้อมูลเดิม รวมถึง category)

    >>> sort_th(["ไก่", "กา", "เขา", "ขา"])
    ['กา', 'ไก่', 'ขา', 'เขา']
    >>> sort_th(pd.Series(["เลย", None, "กระบี่"]))
    2    กระบี่
    0       เลย
    1       NaN
    dtype: str
    """
    if isinstance(values, pd.Series):
        keys = sort_key_th(values)
        return values.iloc[
            np.argsort((keys if not reverse else -keys).to_numpy(), kind="stable")  # numpy puts NaN last
        ]
    items = list(values)
    words = [v for v in items if isinstance(v, str)]
    others = [v for v in items if not isinstance(v, str)]
    return collate(words, reverse=reverse) + others


def text_columns(frame: pd.DataFrame) -> list:
    """Return the names of a table's text columns, the same on pandas 2 (``object``) and 3 (``str``).

    รายชื่อคอลัมน์ที่เป็นข้อความ ใช้ได้ทั้ง pandas 2 (Colab) และ pandas 3 (ชุดเรียน)
    (``df.select_dtypes(include="str")`` ใช้ได้เฉพาะ pandas 3)

    >>> text_columns(pd.DataFrame({"จังหวัด": ["ลำปาง"], "ประชากร": [1], "หมายเหตุ": [None]}))
    ['จังหวัด']
    """
    return [
        col
        for col in frame.columns
        if isinstance(frame[col].dtype, pd.StringDtype)
        or (
            pd.api.types.is_object_dtype(frame[col].dtype)
            and frame[col].map(lambda v: isinstance(v, str)).any()
        )
    ]
