"""Shared plumbing for ``helpers.clean``: scalar/Series dispatch and "parse each distinct value once".

ฟังก์ชันภายใน (ไม่ใช่ส่วนที่ผู้เรียนเรียกใช้โดยตรง): ช่วยให้ทุกฟังก์ชันรับได้ทั้งค่าเดี่ยวและ Series
และแปลงเฉพาะค่าที่ไม่ซ้ำกัน แล้วกระจายผลกลับไปทุกแถว (เร็วมากเมื่อข้อมูลมีค่าซ้ำเยอะ)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING, Any, TypeAlias, TypeVar

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import os

    from pandas.api.typing import NaTType, NAType

    # Types for the ``@overload`` declarations of the public functions (a type checker reads them;
    # at run time they do not exist, so importing the kit costs nothing more).
    #: A single value that is not text: the functions that only change text give it back unchanged.
    NotText: TypeAlias = bytes | int | float | _dt.date | _dt.time | np.generic | NAType | NaTType | None
    NotTextT = TypeVar("NotTextT", bound=NotText)
    #: One cell: what ``as_series`` treats as a single value (the function then returns a single value).
    Scalar: TypeAlias = str | NotText
    #: A column: a Series, or values that ``as_series`` turns into one (the function returns a Series).
    Column: TypeAlias = pd.Series | pd.Index | pd.Categorical | np.ndarray | list[Any] | tuple[Any, ...]
    #: ``parse_date_th``/``find_date_th`` of one value: a Timestamp, or NaT when it cannot be read.
    Date: TypeAlias = pd.Timestamp | NaTType
    #: What ``read_csv_th``/``read_excel_th`` open: a path (``str`` or ``Path``) or an open file object.
    FileSource: TypeAlias = str | os.PathLike[str] | IO[bytes] | IO[str]

__all__ = [
    "MISSING_WORDS",
    "SPACE_LIKE",
    "ZERO_WIDTH",
    "as_series",
    "factorize",
    "is_blank",
    "is_missing",
    "is_missing_word",
    "map_distinct",
    "object_array",
]

# Zero-width characters and the soft hyphen: invisible, never meaningful in Thai data.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Space-like characters that should count as an ordinary space (NBSP and friends).
SPACE_LIKE = "\u00a0\u2007\u202f\u3000\u2009\u200a\u2002\u2003"

#: Words that agencies (and ``astype(str)``) write in a cell instead of leaving it empty.  Compared
#: after stripping spaces and case-folding; to_number, parse_date_th and the province functions treat them as missing
#: (clean_text only tidies text and keeps them: a recipe decides what a word means).
MISSING_WORDS = frozenset(
    {
        "",
        "nan",
        "none",
        "null",
        "na",
        "n/a",
        "nat",
        "<na>",
        "-",
        "--",
        "—",
        "–",
        ".",
        "unknown",
        "(blank)",
        "blank",
        "ไม่ทราบ",
        "ไม่ระบุ",
        "ไม่มีข้อมูล",
    }
)


def is_missing_word(text: str) -> bool:
    """True when a text cell only says "no value" (``nan``, ``-``, ``ไม่ระบุ``, ``(Blank)`` ...).

    >>> [is_missing_word(t) for t in ("NaN", " - ", "ไม่ระบุ", "(Blank)", "น่าน", "0")]
    [True, True, True, True, False, False]
    """
    return str(text).strip().casefold() in MISSING_WORDS


_INVISIBLE_OR_SPACE = str.maketrans({c: None for c in ZERO_WIDTH + SPACE_LIKE})


def is_blank(value) -> bool:
    """True for text that shows nothing: only spaces, tabs, newlines and invisible characters.

    >>> [is_blank(v) for v in ("", "  ", "\u200b", "\u00a0\t", "-", None, 0)]
    [True, True, True, True, False, False, False]
    """
    return isinstance(value, str) and not value.translate(_INVISIBLE_OR_SPACE).strip()


def is_missing(x) -> bool:
    """True for None, NaN, NaT and pd.NA (a scalar test that never raises).

    >>> [is_missing(v) for v in (None, float("nan"), pd.NaT, pd.NA, "", 0, [None])]
    [True, True, True, True, False, False, False]
    """
    try:
        # list-like values are not "missing", not even a one-element one ([None]: bool() would say so)
        return np.ndim(x) == 0 and bool(pd.isna(x))
    except (TypeError, ValueError):  # np.ndim of a ragged list
        return False


def as_series(values) -> tuple[pd.Series, bool]:
    """Return ``(series, was_scalar)``; lists/arrays/Index become a Series, scalars a 1-row Series.

    A categorical Series (or ``pd.Categorical``/``CategoricalIndex``) comes back as the same values
    with ``object`` dtype (``.astype(object)``): every cleaning function then gives a categorical
    column exactly the answer it gives the same column as text, with the same index and name.
    ข้อมูลชนิด category จะถูกแปลงเป็น object ก่อน ผลจึงเหมือนส่งคอลัมน์ข้อความธรรมดาเข้าไป

    >>> s, scalar = as_series("๑๒")
    >>> scalar, s.tolist()
    (True, ['๑๒'])
    >>> s, _ = as_series(pd.Series(["ก", None, "ก"], dtype="category", name="c"))
    >>> s.dtype, s.name, s.tolist()
    (dtype('O'), 'c', ['ก', nan, 'ก'])
    """
    if isinstance(values, pd.DataFrame):
        raise TypeError("รับได้เฉพาะค่าเดี่ยวหรือคอลัมน์เดียว (Series) ไม่รับทั้งตาราง (DataFrame)")
    if isinstance(values, pd.Series):
        return _decategorize(values), False
    if np.ndim(values) == 0:  # str, bytes, dates, numbers, None ...
        return pd.Series([values], dtype=object), True
    if isinstance(values, (pd.Index, np.ndarray, pd.Categorical)):
        return _decategorize(pd.Series(values)), False
    if isinstance(values, Iterable):
        return pd.Series(list(values)), False
    return pd.Series(np.asarray(values)), False  # an array-like that numpy reads but cannot iterate


def _decategorize(s: pd.Series) -> pd.Series:
    """A categorical Series as ``object`` (same index and name); any other Series unchanged."""
    return s.astype(object) if isinstance(s.dtype, pd.CategoricalDtype) else s


def factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` of a Series: codes -1 for missing values, uniques an object array.

    Uses pandas' object hash table directly when it is available: same answer as
    ``pd.factorize`` but about 8 MB instead of 64 MB of peak memory for a million strings (it
    skips the copies ``pd.factorize`` makes).  Falls back to ``pd.factorize`` otherwise.

    >>> codes, uniques = factorize(pd.Series(["ก", None, "ข", "ก"]))
    >>> codes.tolist(), uniques.tolist()
    ([0, -1, 1, 0], ['ก', 'ข'])
    """
    # which path is only a matter of memory: both give the same answer (a test checks it), hence the pragmas
    text_like = pd.api.types.is_string_dtype(s.dtype)  # pragma: no mutate (path choice); object columns too
    if isinstance(s.dtype, pd.CategoricalDtype) or not text_like:  # pragma: no mutate (path choice)
        codes, uniques = pd.factorize(s, use_na_sentinel=True)  # pragma: no mutate (the default)
        return np.asarray(codes), np.asarray(uniques, dtype=object)
    values = s.to_numpy(dtype=object)  # pragma: no mutate (text columns give object arrays anyway)
    try:
        from pandas._libs import hashtable  # private API: guarded, with the public fallback below

        # a fast path: any failure falls back to pd.factorize, same answer (a test checks it): hence the pragmas
        table = hashtable.PyObjectHashTable(1024)  # pragma: no mutate (size hint; fast path)
        uniques, codes = table.factorize(values, na_sentinel=-1)  # pragma: no mutate (fast path)
    except Exception:  # noqa: BLE001  # pragma: no cover - depends on the pandas version
        codes, uniques = pd.factorize(values, use_na_sentinel=True)  # pragma: no mutate (the default)
    return np.asarray(codes, dtype=np.intp), np.asarray(
        uniques, dtype=object
    )  # pragma: no mutate (already so)


def object_array(values) -> np.ndarray:
    """A 1-D object array of the values, even when they are tuples or lists (np.asarray would nest them).

    >>> object_array([(1, 2), (3, 4)]).shape
    (2,)
    """
    values = list(values)
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):  # one by one: slice assignment would broadcast a tuple
        out[i] = v
    return out


def map_distinct(
    s: pd.Series, func: Callable[[np.ndarray], np.ndarray], na_value, dtype, keep_non_text: bool = False
) -> np.ndarray:
    """Apply ``func`` to the distinct non-missing values of ``s`` and spread the results to every row.

    ``func`` receives the distinct values (an object array) and returns an array of the same
    length.  Missing rows get ``na_value``.  Written by hand because pandas has no "apply to the
    uniques" primitive; factorize + take is the standard way to do it without a row loop.
    ``keep_non_text=True`` gives every row that is not text its own original value back (missing
    markers stay as they were, and 1, 1.0 and True, which share one hash slot, stay distinct).

    >>> s = pd.Series(["a", None, "a"], dtype=object)
    >>> out = map_distinct(s, lambda u: np.array([v.upper() for v in u], dtype=object), None, object)
    >>> out.tolist()
    ['A', None, 'A']
    """
    codes, uniques = factorize(s)
    results = np.asarray(func(uniques), dtype=dtype)
    # one extra slot at the end for the missing rows: code -1 picks the last element
    table = np.empty(len(results) + 1, dtype=results.dtype)
    table[:-1] = results
    table[-1] = na_value
    if isinstance(s.dtype, pd.StringDtype) and dtype is object:
        # build the string array once for the distinct values and take from it: no per-row
        # re-validation of a million strings (code -1 takes the last slot, the missing value)
        return pd.array(table, dtype=s.dtype).take(codes)
    out = table[codes]
    if keep_non_text:
        text = np.array([isinstance(u, str) for u in uniques], dtype=bool)
        keep = ~np.append(text, False)[codes]
        if keep.any():
            out[keep] = s.to_numpy(dtype=object)[keep]  # pragma: no mutate (mixed columns are object)
    return out
