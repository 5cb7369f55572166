"""helpers.clean.to_arabic_digits and to_number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import clean


@pytest.mark.parametrize("text, expected", [
    ("๐๑๒๓๔๕๖๗๘๙", "0123456789"), ("พ.ศ. ๒๕๖๗", "พ.ศ. 2567"), ("abc", "abc"), ("", ""),
    ("๑,๒๐๐.๕๐ บาท", "1,200.50 บาท"),
])
def test_to_arabic_digits_scalars(text, expected):
    assert clean.to_arabic_digits(text) == expected


@pytest.mark.parametrize("value", [None, 5, 2.5, True])
def test_to_arabic_digits_leaves_non_text_alone(value):
    assert clean.to_arabic_digits(value) is value


def test_to_arabic_digits_nan_scalar():
    assert np.isnan(clean.to_arabic_digits(np.nan))


def test_to_arabic_digits_object_series_keeps_other_values():
    s = pd.Series(["๑๒", None, np.nan, 7, "ก๓"], index=[10, 11, 12, 13, 14], name="x")
    before = s.copy()
    out = clean.to_arabic_digits(s)
    assert out.tolist()[0] == "12" and out.iloc[1] is None and np.isnan(out.iloc[2])
    assert out.iloc[3] == 7 and out.iloc[4] == "ก3"
    assert out.index.equals(s.index) and out.name == "x"
    pd.testing.assert_series_equal(s, before)


def test_to_arabic_digits_string_dtype_and_numeric_dtype():
    s = pd.Series(["๑", None, "๒"], dtype="str", name="n")
    out = clean.to_arabic_digits(s)
    assert out.dtype == s.dtype and out.tolist()[0::2] == ["1", "2"] and pd.isna(out.iloc[1])
    nums = pd.Series([1, 2], name="n")
    pd.testing.assert_series_equal(clean.to_arabic_digits(nums), nums)


def test_to_arabic_digits_matches_pythainlp():
    from pythainlp.util import thai_digit_to_arabic_digit
    text = "ปี ๒๕๖๗ มี ๓๖๖ วัน"
    assert clean.to_arabic_digits(text) == thai_digit_to_arabic_digit(text)


@pytest.mark.parametrize("text, expected", [
    ("1234", 1234.0), ("1,234", 1234.0), ("1,234,567.89", 1234567.89), ("๑,๒๓๔", 1234.0),
    ("  12  ", 12.0), ("1 234", 1234.0), ("(500)", -500.0), ("(1,500.50)", -1500.5), ("-5", -5.0),
    ("−5", -5.0), ("–5", -5.0), ("+5", 5.0), ("1,200 บาท", 1200.0), ("12 คน", 12.0), ("12%", 12.0),
    ("12.5 %", 12.5), ("ร้อยละ 12.5", 12.5), ("฿1,200", 1200.0), ("1,500.-", 1500.0),
    ("(1,234) บาท", -1234.0), ("๑๒๓ คน", 123.0), (".5", 0.5), ("1e3", 1000.0), ("0", 0.0),
    ("3 ราย", 3.0), ("1,234\u00a0บาท", 1234.0), ("\u200b42", 42.0),
])
def test_to_number_text(text, expected):
    assert clean.to_number(text) == expected


@pytest.mark.parametrize("value", [
    "", " ", "-", "–", "—", "ไม่ทราบ", "ไม่ระบุ", "n/a", "N/A", "NA", "nan", "null", None, np.nan,
    pd.NA, True, False, "abc", "12,34", "1,2345", "12 34", "1.5 ล้านบาท", "(-5)", "(5", "5)",
    "สองร้อย", "1/2", "5 5", "1,234,56", object(), "12 kg",
])
def test_to_number_missing_or_unreadable_is_nan(value):
    assert np.isnan(clean.to_number(value))


@pytest.mark.parametrize("value, expected", [(5, 5.0), (2.5, 2.5), (np.int64(7), 7.0), (-3, -3.0)])
def test_to_number_numbers_stay(value, expected):
    out = clean.to_number(value)
    assert out == expected and isinstance(out, float)


def test_to_number_series_mixed_types():
    s = pd.Series(["1,200", 5, None, "ไม่ทราบ", "(3)", True, "๔ คน"], index=list("abcdefg"), name="จำนวน")
    before = s.copy()
    out = clean.to_number(s)
    assert out.dtype == "float64" and out.name == "จำนวน" and out.index.equals(s.index)
    assert out.tolist()[:2] == [1200.0, 5.0] and out["e"] == -3.0 and out["g"] == 4.0
    assert out[["c", "d", "f"]].isna().all()
    pd.testing.assert_series_equal(s, before)


def test_to_number_numeric_and_bool_series():
    ints = pd.Series([1, 2, None], dtype="Int64", name="n")
    assert clean.to_number(ints).tolist()[:2] == [1.0, 2.0] and np.isnan(clean.to_number(ints).iloc[2])
    assert clean.to_number(pd.Series([True, False])).isna().all()


def test_to_number_str_dtype_with_many_repeats():
    s = pd.Series(["1,000", "๒,๐๐๐", None] * 10_000, dtype="str")
    out = clean.to_number(s)
    assert out.sum() == 30_000_000 and out.isna().sum() == 10_000


def test_one_and_true_are_kept_apart():
    # 1, 1.0 and True are equal for Python's hash: each row must still get its own answer
    s = pd.Series([True, 1, 1.0, False, 0, "1"], dtype=object)
    assert clean.to_number(s).tolist()[1:3] == [1.0, 1.0]
    assert clean.to_number(s).iloc[[0, 3]].isna().all() and clean.to_number(s).iloc[4] == 0.0
    out = clean.to_arabic_digits(s)
    assert [type(v) for v in out] == [bool, int, float, bool, int, str]
