"""helpers.clean._common: the shared plumbing (missing words, invisible characters, dispatch, distinct values)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from helpers import clean
from helpers.clean import _common

# Written out here on purpose: the kit promises these exact words mean "no value" (a test that
# iterated over MISSING_WORDS itself could not notice a word being changed or lost).
KIT_MISSING_WORDS = [
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
]
ZERO_WIDTH_CHARS = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
SPACE_LIKE_CHARS = ["\u00a0", "\u2007", "\u202f", "\u3000", "\u2009", "\u200a", "\u2002", "\u2003"]


def test_missing_words_are_exactly_the_documented_ones():
    assert _common.MISSING_WORDS == frozenset(KIT_MISSING_WORDS)


@pytest.mark.parametrize("word", KIT_MISSING_WORDS)
def test_each_missing_word_is_missing_in_any_case_and_padding(word):
    assert _common.is_missing_word(word) and _common.is_missing_word(f"  {word.upper()}\t")
    assert np.isnan(clean.to_number(f" {word.title()} "))


@pytest.mark.parametrize("text", ["น่าน", "0", "n a", "x-", "ไม่", "nana", "N/A/"])
def test_real_values_are_not_missing_words(text):
    assert not _common.is_missing_word(text)


@pytest.mark.parametrize("char", ZERO_WIDTH_CHARS)
def test_each_zero_width_character_is_removed(char):
    assert char in _common.ZERO_WIDTH
    assert clean.clean_text(f"ก{char}ข") == "กข"
    assert clean.to_number(f"1{char}234") == 1234.0
    assert _common.is_blank(char * 3)


@pytest.mark.parametrize("char", SPACE_LIKE_CHARS)
def test_each_space_like_character_is_a_space(char):
    assert char in _common.SPACE_LIKE
    assert clean.clean_text(f"ก{char}ข") == "ก ข"
    assert clean.to_number(f"{char}12{char}คน") == 12.0
    assert _common.is_blank(f"{char}\t{char}")


def test_only_those_characters_are_invisible_or_spaces():
    assert len(_common.ZERO_WIDTH) == len(ZERO_WIDTH_CHARS)
    assert len(_common.SPACE_LIKE) == len(SPACE_LIKE_CHARS)
    # ordinary letters are never removed or turned into spaces
    assert clean.clean_text("X-ray XX") == "X-ray XX"
    assert not _common.is_blank("X") and not _common.is_blank("ก")


@pytest.mark.parametrize("value", ["", " ", "\n\t", "\u200b\u00a0"])
def test_is_blank_text_that_shows_nothing(value):
    assert _common.is_blank(value)


@pytest.mark.parametrize("value", ["a", " - ", None, np.nan, 0, b" ", ["  "]])
def test_is_blank_refuses_what_shows_something_or_is_not_text(value):
    assert not _common.is_blank(value)


@pytest.mark.parametrize("value", [None, np.nan, float("nan"), pd.NaT, pd.NA, np.datetime64("NaT")])
def test_is_missing_true(value):
    assert _common.is_missing(value) is True


@pytest.mark.parametrize(
    "value", ["", "nan", 0, 0.0, False, [None], (np.nan, 1), np.array([np.nan]), [[1], [1, 2]], object()]
)
def test_is_missing_false_and_never_raises_on_list_likes(value):
    assert _common.is_missing(value) is False


def test_as_series_refuses_a_whole_table_in_thai():
    with pytest.raises(TypeError) as err:
        _common.as_series(pd.DataFrame({"a": [1]}))
    assert str(err.value) == "รับได้เฉพาะค่าเดี่ยวหรือคอลัมน์เดียว (Series) ไม่รับทั้งตาราง (DataFrame)"


@pytest.mark.parametrize(
    "value",
    ["๑๒", b"12", dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3), np.datetime64("2024-01-02"), 5, None],
)
def test_as_series_scalars_become_one_object_row(value):
    s, scalar = _common.as_series(value)
    assert scalar is True and len(s) == 1 and s.dtype == object
    assert s.iloc[0] is value or s.iloc[0] == value


def test_as_series_columns():
    s = pd.Series([1, 2], index=[7, 8], name="n")
    out, scalar = _common.as_series(s)
    assert scalar is False and out is s  # a non-categorical Series is used as it is (no copy)
    for column in (pd.Index(["a", "b"]), np.array(["a", "b"], dtype=object), ["a", "b"], ("a", "b")):
        out, scalar = _common.as_series(column)
        assert scalar is False and out.tolist() == ["a", "b"]
    out, scalar = _common.as_series(range(2))  # any other sized iterable
    assert scalar is False and out.tolist() == [0, 1]
    out, _ = _common.as_series(pd.Categorical(["ก", None, "ก"]))
    assert out.dtype == object and out.tolist() == ["ก", np.nan, "ก"]
    out, _ = _common.as_series(pd.CategoricalIndex(["ข", "ก"]))
    assert out.dtype == object and out.tolist() == ["ข", "ก"]


@pytest.mark.parametrize(
    "s",
    [
        pd.Series(["ก", None, "ข", "ก", np.nan], dtype=object),
        pd.Series(["ก", None, "ข", "ก"], dtype="str"),
        pd.Series(["ก", None, "ข", "ก"], dtype="category"),
        pd.Series([3.5, np.nan, 1.0, 3.5]),
        pd.Series([2, None, 1, 2], dtype="Int64"),
    ],
)
def test_factorize_codes_and_uniques(s):
    codes, uniques = _common.factorize(s)
    assert codes.dtype == np.intp and uniques.dtype == object
    first, second = s.iloc[0], s.iloc[2]
    assert uniques.tolist() == [first, second]
    assert codes.tolist() == [0, -1, 1, 0] + ([-1] if len(s) == 5 else [])


def test_map_distinct_calls_func_once_per_distinct_value():
    seen = []

    def upper(uniques):
        seen.append(list(uniques))
        return np.array([u.upper() for u in uniques], dtype=object)

    s = pd.Series(["a", "b", None, "a", "b", "a"], dtype=object)
    out = _common.map_distinct(s, upper, "?", object)
    assert out.tolist() == ["A", "B", "?", "A", "B", "A"] and seen == [["a", "b"]]


def test_map_distinct_numbers_dtype_and_missing_value():
    s = pd.Series(["1", None, "2", "1"], dtype=object)
    out = _common.map_distinct(s, lambda u: np.array([float(v) for v in u]), np.nan, "float64")
    assert out.dtype == np.float64 and out[[0, 2, 3]].tolist() == [1.0, 2.0, 1.0] and np.isnan(out[1])


def test_map_distinct_string_dtype_gives_a_string_array():
    s = pd.Series(["a", None, "a"], dtype="str")
    out = _common.map_distinct(
        s, lambda u: np.array([v * 2 for v in u], dtype=object), s.dtype.na_value, object
    )
    assert out.dtype == s.dtype and out[0] == "aa" and out[2] == "aa" and pd.isna(out[1])


def test_map_distinct_keep_non_text_gives_back_each_original_value():
    s = pd.Series(["a", True, 1, 1.0, None, np.nan], dtype=object)

    def tag(uniques):
        return np.array([f"<{u}>" for u in uniques], dtype=object)

    kept = _common.map_distinct(s, tag, "?", object, keep_non_text=True)
    assert kept[0] == "<a>" and [type(v) for v in kept[1:4]] == [bool, int, float]
    assert kept[4] is None and np.isnan(kept[5])  # missing markers stay as they were
    plain = _common.map_distinct(s, tag, "?", object)  # default: every row gets func's answer
    assert plain[0] == "<a>" and plain[1] == plain[2] == plain[3] == "<True>"
    assert plain[4] == plain[5] == "?"


def test_map_distinct_keep_non_text_without_non_text_rows():
    s = pd.Series(["a", "b", "a"], dtype=object)
    out = _common.map_distinct(s, lambda u: np.array([v + "!" for v in u], dtype=object), None, object, True)
    assert out.tolist() == ["a!", "b!", "a!"]


def test_map_distinct_func_may_return_a_plain_list():
    # the dtype argument decides the array: a list of text must not become numpy text ("None" for missing)
    s = pd.Series(["a", None, "b", "a"], dtype=object)
    out = _common.map_distinct(s, lambda u: [v.upper() for v in u], None, object)
    assert out.tolist() == ["A", None, "B", "A"] and out.dtype == object


@pytest.mark.parametrize(
    "s",
    [
        pd.Series(["ก", None, "ข", "ก"], dtype=object),
        pd.Series(["ก", None, "ข", "ก"], dtype="str"),
        pd.Series(["ก", None, "ข", "ก"], dtype="category"),
        pd.Series([3.5, np.nan, 1.0, 3.5]),
        pd.Series([True, None, False, True], dtype=object),
    ],
)
def test_factorize_gives_the_pandas_answer(s):
    codes, uniques = _common.factorize(s)
    expected_codes, expected_uniques = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist() and uniques.tolist() == list(expected_uniques)


@pytest.mark.parametrize(
    "value",
    ["๑๒", b"ab", dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), np.datetime64("2024-01-02"), 5, None],
)
def test_every_kind_of_scalar_becomes_a_one_row_object_series(value):
    s, scalar = _common.as_series(value)
    assert scalar is True and len(s) == 1 and s.dtype == object
    assert s.iloc[0] is value or s.iloc[0] == value


class _ArrayOnly:
    """Something numpy can read as an array but Python cannot iterate (no __iter__, no __len__)."""

    def __array__(self, dtype=None, copy=None):
        return np.array(["ก", "ข"], dtype=object)


def test_an_array_like_that_cannot_be_iterated_is_a_column_not_a_scalar():
    s, scalar = _common.as_series(_ArrayOnly())
    assert scalar is False and s.tolist() == ["ก", "ข"]
