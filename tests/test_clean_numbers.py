"""helpers.clean.to_arabic_digits and to_number."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd
import pytest

from helpers import clean

THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("พ.ศ. ๒๕๖๗", "พ.ศ. 2567"),
        ("abc", "abc"),
        ("", ""),
        ("๑,๒๐๐.๕๐ บาท", "1,200.50 บาท"),
    ],
)
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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1234", 1234.0),
        ("1,234", 1234.0),
        ("1,234,567.89", 1234567.89),
        ("๑,๒๓๔", 1234.0),
        ("  12  ", 12.0),
        ("1 234", 1234.0),
        ("(500)", -500.0),
        ("(1,500.50)", -1500.5),
        ("-5", -5.0),
        ("−5", -5.0),
        ("–5", -5.0),
        ("+5", 5.0),
        ("1,200 บาท", 1200.0),
        ("12 คน", 12.0),
        ("12%", 12.0),
        ("12.5 %", 12.5),
        ("ร้อยละ 12.5", 12.5),
        ("฿1,200", 1200.0),
        ("1,500.-", 1500.0),
        ("(1,234) บาท", -1234.0),
        ("๑๒๓ คน", 123.0),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("0", 0.0),
        ("3 ราย", 3.0),
        ("1,234\u00a0บาท", 1234.0),
        ("\u200b42", 42.0),
    ],
)
def test_to_number_text(text, expected):
    assert clean.to_number(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        " ",
        "-",
        "–",
        "—",
        "ไม่ทราบ",
        "ไม่ระบุ",
        "n/a",
        "N/A",
        "NA",
        "nan",
        "null",
        None,
        np.nan,
        pd.NA,
        True,
        False,
        "abc",
        "12,34",
        "1,2345",
        "12 34",
        "(-5)",
        "(5",
        "5)",
        "สองร้อย",
        "1/2",
        "5 5",
        "1,234,56",
        object(),
        "12 kg",
    ],
)
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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("08ราย", 8.0),
        ("13 กม.", 13.0),
        ("13กม.", 13.0),
        ("1,200 บาท", 1200.0),
        ("1,200บาท", 1200.0),
        ("25%", 25.0),
        ("๒๕ %", 25.0),
        ('"118,118"', 118118.0),
        ("'1,200", 1200.0),
        ("\u201c12\u201d", 12.0),
    ],
)
def test_to_number_glued_units_and_quotes(text, expected):
    assert clean.to_number(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.2 ล้าน", 1_200_000.0),
        ("1.2ล้าน", 1_200_000.0),
        ("1.5 ล้านบาท", 1_500_000.0),
        ("๑.๒ ล้าน", 1_200_000.0),
        ("3 พัน", 3_000.0),
        ("4 หมื่น", 40_000.0),
        ("2.5 แสน", 250_000.0),
        ("5 ร้อย", 500.0),
        ("3 แสนล้าน", 3e11),
        ("2 ล้านล้านบาท", 2e12),
        ("1,234 ล้านบาท", 1_234_000_000.0),
        ("(1.5 ล้าน)", -1_500_000.0),
        ("-0.25 ล้าน", -250_000.0),
        ("2.01 ล้าน", 2_010_000.0),
    ],
)
def test_to_number_thai_multipliers(text, expected):
    assert clean.to_number(text) == expected


def test_to_number_multiplier_is_exact():
    # 2.01 * 1e6 is 2009999.9999999998 and 0.07 * 1e5 is 7000.000000000001; the kit parses "2.01e6"
    assert 2.01 * 1e6 != 2_010_000.0 and clean.to_number("2.01 ล้าน") == 2_010_000.0
    assert 0.07 * 1e5 != 7_000.0 and clean.to_number("0.07 แสน") == 7_000.0


@pytest.mark.parametrize(
    "text",
    [
        "(Blank)",
        "(blank)",
        "-",
        "ไม่ระบุ",
        "nan",
        "NaN",
        "N/A",
        "--",
        "…",
        "ไม่มีข้อมูล",
        "Unknown",
        '"-"',
        "#DIV/0!",
        '""',
        "'",
    ],
)
def test_to_number_placeholders_are_missing_and_say_so(text):
    out, rep = clean.to_number(text, report=True)
    assert np.isnan(out)
    assert rep["value"].tolist() == [text] and rep["problem"].tolist() == [
        clean.numbers.PROBLEMS["missing_word"]
    ]


def test_to_number_uses_the_kit_wide_missing_words():
    from helpers.clean import _common

    assert _common.MISSING_WORDS <= clean.numbers.MISSING_WORDS
    for word in _common.MISSING_WORDS:
        assert np.isnan(clean.to_number(word)) and np.isnan(clean.to_number(f" {word.upper()} "))


@pytest.mark.parametrize(
    "value",
    [
        10**400,
        -(10**400),
        float("inf"),
        -float("inf"),
        np.inf,
        "1e999",
        "-1e999",
        "1" * 400,
        "inf",
        "-Infinity",
        "∞",
        "1e99999999999999999999",
        "9" * 310 + " ล้าน",
    ],
)
def test_to_number_huge_values_are_missing_and_reported(value):
    out, rep = clean.to_number(value, report=True)
    assert np.isnan(out)
    assert rep["problem"].tolist() == [clean.numbers.PROBLEMS["overflow"]] and rep["count"].tolist() == [1]


def test_to_number_huge_values_in_series():
    s = pd.Series([10**400, 5, "1e999", float("inf")], dtype=object, name="n")
    out, rep = clean.to_number(s, report=True)
    assert out.iloc[1] == 5.0 and out.drop(1).isna().all()
    assert len(rep) == 3 and set(rep["problem"]) == {clean.numbers.PROBLEMS["overflow"]}
    assert clean.unparsed(s, out).tolist() == [10**400, "1e999", float("inf")]


def test_to_number_float_series_with_infinity():
    s = pd.Series([1.5, np.inf, -np.inf, np.nan, np.inf], name="x")
    out, rep = clean.to_number(s, report=True)
    assert out.iloc[0] == 1.5 and out.iloc[1:].isna().all() and out.dtype == "float64"
    assert rep["value"].tolist() == [np.inf, -np.inf] and rep["count"].tolist() == [2, 1]
    assert not np.isinf(clean.to_number(pd.Series([np.inf], dtype="Float64"))).any()


@pytest.mark.parametrize(
    "text, problem",
    [
        ("1,2", "separator"),
        ("12,34", "separator"),
        ("1.200,50", "separator"),
        ("1,234,56", "separator"),
        ("1.2.3", "separator"),
        ("10-20", "many_numbers"),
        ("10 - 20", "many_numbers"),
        ("1/2", "many_numbers"),
        ("15/1/2567", "many_numbers"),
        ("1 ล้าน 2 แสน", "many_numbers"),
        ("5 5", "many_numbers"),
        ("(5", "parentheses"),
        ("5)", "parentheses"),
        ("(-5)", "sign"),
        ("สองร้อย", "no_digits"),
        ("abc", "no_digits"),
        ("12 kg", "other_text"),
        ("1.5 kg", "other_text"),  # one dot is a decimal point, not a misplaced separator
        ("ประมาณ 12", "other_text"),
        ("1e3 ล้าน", "other_text"),
        (True, "not_text"),
        (dt.date(2024, 1, 1), "not_text"),
        (complex(1, 2), "not_text"),
    ],
)
def test_to_number_refuses_ambiguous_or_unreadable_with_a_reason(text, problem):
    out, rep = clean.to_number(text, report=True)
    assert np.isnan(out)
    assert rep["problem"].tolist() == [clean.numbers.PROBLEMS[problem]]


def test_accounting_negatives_are_a_documented_choice():
    assert clean.to_number("(1,200)") == -1200.0 and clean.to_number("(1,200) บาท") == -1200.0
    assert "ค่าติดลบแบบบัญชี" in clean.to_number.__doc__


def test_to_number_no_negative_zero():
    for text in ("-0", "(0)", "-0.0 บาท"):
        out = clean.to_number(text)
        assert out == 0.0 and not np.signbit(out)


def test_to_number_report_table():
    s = pd.Series(["1,2", "7", None, "", "-", "1,2", "abc", "10-20", "1,2", "-"], name="จำนวน")
    out, rep = clean.to_number(s, report=True)
    pd.testing.assert_series_equal(out, clean.to_number(s))
    assert rep.columns.tolist() == ["value", "count", "problem"]
    assert rep["value"].tolist() == ["1,2", "-", "abc", "10-20"] and rep["count"].tolist() == [3, 2, 1, 1]
    assert rep["value"].tolist() == clean.unparsed(s, out).tolist()  # same values, plus the reason
    assert all(THAI.search(p) for p in rep["problem"])
    empty = clean.to_number(pd.Series(["1", None]), report=True)[1]
    assert empty.empty and empty.columns.tolist() == ["value", "count", "problem"]


def test_to_number_report_true_and_one_are_separate_rows():
    s = pd.Series([True, 1, True, "x"], dtype=object)
    out, rep = clean.to_number(s, report=True)
    assert out.tolist()[1] == 1.0 and out.iloc[[0, 2, 3]].isna().all()
    assert rep["value"].tolist() == [True, "x"] and rep["count"].tolist() == [2, 1]
    assert isinstance(rep["value"].iloc[0], bool)


def test_to_number_bool_series_report():
    out, rep = clean.to_number(pd.Series([True, False, True]), report=True)
    assert out.isna().all() and rep["count"].tolist() == [2, 1]


def test_categorical_series_give_the_object_answer():
    raw = ["๑๒", None, "1,200 บาท", "๑๒", "x"]
    cat = pd.Series(raw, dtype="category", index=[3, 1, 2, 0, 9], name="c")
    obj = cat.astype(object)
    pd.testing.assert_series_equal(clean.to_arabic_digits(cat), clean.to_arabic_digits(obj))
    assert clean.to_arabic_digits(cat).tolist()[0] == "12" and clean.to_arabic_digits(cat).dtype == object
    pd.testing.assert_series_equal(clean.to_number(cat), clean.to_number(obj))
    assert clean.to_number(cat).tolist()[2] == 1200.0


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "\u00a0\t", "\ufeff \u200b"])
def test_to_number_blank_cells_are_missing_without_a_report(text):
    out, rep = clean.to_number(text, report=True)
    assert np.isnan(out) and rep.empty


def test_to_arabic_digits_column_of_tuples_is_left_alone():
    # coordinates stored as pairs: before the fix numpy nested them into a 2-D array and it crashed
    s = pd.Series([(13, 100), (18, 98), "๑๒"], dtype=object, name="พิกัด")
    assert clean.to_arabic_digits(s).tolist() == [(13, 100), (18, 98), "12"]
    pairs = pd.Series([(13, 100), (18, 98)], dtype=object)
    assert clean.to_arabic_digits(pairs).tolist() == [(13, 100), (18, 98)]
    assert clean.clean_text(pairs).tolist() == [(13, 100), (18, 98)]


@pytest.mark.parametrize("text", ["(12 kg", "12 kg)", "(1,2", "1,2)", "(ประมาณ 5"])
def test_an_open_parenthesis_is_the_reason_even_with_other_problems(text):
    out, rep = clean.to_number(text, report=True)
    assert np.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["parentheses"]]


def test_a_tuple_cell_is_not_text_not_missing():
    out, rep = clean.to_number(pd.Series([(None,), "1"], dtype=object), report=True)
    assert np.isnan(out.iloc[0]) and out.iloc[1] == 1.0
    assert rep.values.tolist() == [[(None,), 1, clean.numbers.PROBLEMS["not_text"]]]


@pytest.mark.parametrize(
    "s",
    [
        pd.Series([1.5, -0.0, np.inf, -np.inf, np.nan, np.inf, 2.0**60]),
        pd.Series([1, None, 2**62], dtype="Int64"),
        pd.Series([True, False, None], dtype="boolean"),
        pd.Series([True, False, True]),
    ],
)
def test_number_and_bool_columns_answer_like_the_same_values_as_objects(s):
    out, rep = clean.to_number(s, report=True)
    obj_out, obj_rep = clean.to_number(s.astype(object), report=True)
    pd.testing.assert_series_equal(out, obj_out)
    pd.testing.assert_frame_equal(rep, obj_rep)
