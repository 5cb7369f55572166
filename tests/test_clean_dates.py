"""helpers.clean.parse_date_th, be_to_ce, ce_to_be: every format, the year rules, bad inputs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from helpers import clean
from helpers.clean import dates as dates_mod

JAN15 = pd.Timestamp("2024-01-15")


@pytest.mark.parametrize("text", [
    "15/1/2567", "15/01/67", "2567-01-15", "15 ม.ค. 67", "15 มกราคม 2567",
    "วันจันทร์ที่ 15 มกราคม พ.ศ. 2567", "15 มค 2567", "๑๕/๑/๒๕๖๗", "๑๕ มกราคม ๒๕๖๗",
    "15/01/2024", "2024-01-15", "2567/01/15", "15-01-2567", "15.01.2567", "15 ม.ค.67", "15ม.ค.2567",
    "วันที่ 15 มกราคม 2567", "วันที่ 15/01/2567", "จันทร์ 15 ม.ค. 2567", "15 มกรา 67", "15 Jan 2024",
    "15-Jan-24", "15 January 2024", "15 ม.ค. ค.ศ. 2024", "15 ม.ค. พ.ศ. 67", "  15 / 1 / 2567  ",
    "15\u00a0ม.ค.\u200b 2567", "15 ม. ค. 2567",
])
def test_every_format_gives_the_same_day(text):
    assert clean.parse_date_th(text) == JAN15


@pytest.mark.parametrize("text, expected", [
    ("15 กรกฏาคม 2567", "2024-07-15"),          # common misspelling ฏ for ฎ
    ("1 กุมภาพันธ 2567", "2024-02-01"),          # missing ์
    ("1 เม.ย. 2567", "2024-04-01"),
    ("31 ธ.ค. 2566", "2023-12-31"),
    ("15/01/2567 10:30", "2024-01-15 10:30"),
    ("2024-01-15T10:30:05", "2024-01-15 10:30:05"),
    ("15 ม.ค. 2567 10.30 น.", "2024-01-15 10:30"),
])
def test_month_names_and_times(text, expected):
    assert clean.parse_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize("text, era, expected", [
    ("15/01/67", "auto", "2024-01-15"),   # 2-digit → B.E. 25yy
    ("15/01/24", "auto", "1981-01-15"),   # 24 → 2524 B.E. (the documented rule, not a guess)
    ("15/01/67", "be", "2024-01-15"),
    ("15/01/24", "ce", "2024-01-15"),     # era="ce" → 20yy
    ("15/01/67", "ce", "2067-01-15"),
    ("15-Jan-24", "auto", "2024-01-15"),  # English month name → C.E. 20yy
    ("15 ม.ค. 24", "auto", "1981-01-15"),  # Thai month name → B.E. 25yy
    ("15-Jan-67", "be", "2024-01-15"),
    ("15/01/2567", "be", "2024-01-15"),
    ("15/01/2024", "ce", "2024-01-15"),
    ("15/01/2325", "be", "1782-01-15"),   # historical B.E. year below 2400 needs era="be"
    ("15 ม.ค. ค.ศ. 2024", "be", "2024-01-15"),  # an explicit marker in the value wins
    ("15 ม.ค. พ.ศ. 2567", "ce", "2024-01-15"),
])
def test_year_rules(text, era, expected):
    assert clean.parse_date_th(text, era=era) == pd.Timestamp(expected)


@pytest.mark.parametrize("text, era", [
    ("15/01/2024", "be"),   # 2024 B.E. = 1481 C.E.: out of range, never silently accepted
    ("15/01/2567", "ce"),   # 2567 C.E.: out of range
    ("15/1/567", "auto"),   # 3-digit year
    ("15/1/5", "auto"),
    ("15/01/2399", "auto"),  # read as C.E. 2399 → out of range
])
def test_years_out_of_range_are_nat(text, era):
    assert clean.parse_date_th(text, era=era) is pd.NaT


def test_era_is_decided_per_value():
    s = pd.Series(["15/01/2567", "15/01/2024", "15 ม.ค. 67"])
    assert clean.parse_date_th(s).tolist() == [JAN15] * 3


@pytest.mark.parametrize("text", [
    "31 ก.พ. 2567", "30/2/2567", "29/2/2566", "31/4/2567", "0/1/2567", "15/0/2567", "15/13/2567",
    "32/1/2567", "15/01/2567 25:00", "15/01/2567 10:60",
])
def test_impossible_dates_are_nat(text):
    assert clean.parse_date_th(text) is pd.NaT


def test_leap_day_uses_the_ce_year():
    # 2567 B.E. is not divisible by 4 but 2024 C.E. is a leap year
    assert clean.parse_date_th("29/2/2567") == pd.Timestamp("2024-02-29")
    assert clean.parse_date_th("29 ก.พ. 2566") is pd.NaT


def test_dayfirst_false_reads_month_first():
    assert clean.parse_date_th("1/2/2567", dayfirst=False) == pd.Timestamp("2024-01-02")
    assert clean.parse_date_th("1/2/2567") == pd.Timestamp("2024-02-01")
    # ISO order is never swapped
    assert clean.parse_date_th("2567-02-01", dayfirst=False) == pd.Timestamp("2024-02-01")


@pytest.mark.parametrize("value", [
    None, np.nan, pd.NA, pd.NaT, "", "   ", "ไม่ทราบ", "abc", "15", "มกราคม 2567", 2567, 15.5, True,
    "blah 15/1/2567", "15/1/2567 blah", "ปีใหม่ 51", "15/01-2567",
])
def test_bad_scalars_are_nat(value):
    assert clean.parse_date_th(value) is pd.NaT


@pytest.mark.parametrize("value", [
    dt.date(2024, 1, 15), dt.datetime(2024, 1, 15), pd.Timestamp("2024-01-15"),
    np.datetime64("2024-01-15"), pd.Timestamp("2024-01-15", tz="Asia/Bangkok"),
])
def test_datetime_inputs(value):
    assert clean.parse_date_th(value) == JAN15


def test_datetime_series_is_returned_as_a_copy():
    s = pd.Series(pd.to_datetime(["2024-01-15", None]), name="d")
    out = clean.parse_date_th(s)
    pd.testing.assert_series_equal(out, s)
    assert out is not s


def test_series_mixed_types_keep_index_name_and_dtype():
    s = pd.Series(["15/1/2567", None, 5, dt.date(2024, 1, 16), "", "xx", "15/1/2567"],
                  index=list("abcdefg"), name="วันที่")
    before = s.copy()
    out = clean.parse_date_th(s)
    assert out.index.equals(s.index) and out.name == "วันที่"
    assert str(out.dtype) == "datetime64[us]"
    assert out.isna().tolist() == [False, True, True, False, True, True, False]
    assert out["d"] == pd.Timestamp("2024-01-16")
    pd.testing.assert_series_equal(s, before)


def test_string_and_categorical_dtypes():
    s = pd.Series(["15/1/2567", "16/1/2567", None], dtype="str")
    assert clean.parse_date_th(s).dt.day.tolist()[:2] == [15, 16]
    c = s.astype("category")
    assert clean.parse_date_th(c).dt.day.tolist()[:2] == [15, 16]


def test_list_input_gives_series():
    out = clean.parse_date_th(["15/1/2567", "16/1/2567"])
    assert isinstance(out, pd.Series) and out.dt.day.tolist() == [15, 16]


def test_each_distinct_value_is_parsed_once(monkeypatch):
    calls = []
    real = dates_mod._split

    def counting(text, dayfirst, era):
        calls.append(text)
        return real(text, dayfirst, era)

    monkeypatch.setattr(dates_mod, "_split", counting)
    s = pd.Series(["15/1/2567", "16 ม.ค. 67", None] * 1000)
    out = clean.parse_date_th(s)
    assert sorted(calls) == sorted(["15/1/2567", "16 ม.ค. 67"])
    assert out.notna().sum() == 2000


def test_report_lists_ambiguous_and_unparsed_values():
    s = pd.Series(["5/6/2567", "5/6/2567", "1/13/2567", "31 ก.พ. 2567", "xx", "", None,
                   "15/1/2567", "2567-06-05", "วันอังคารที่ 15 มกราคม 2567"])
    parsed, rep = clean.parse_date_th(s, report=True)
    assert list(rep.columns) == ["value", "count", "parsed", "problem", "alternative"]
    by_value = rep.set_index("value")
    assert set(by_value.index) == {"5/6/2567", "1/13/2567", "31 ก.พ. 2567", "xx",
                                   "วันอังคารที่ 15 มกราคม 2567"}
    amb = by_value.loc["5/6/2567"]
    assert amb["count"] == 2 and amb["parsed"] == pd.Timestamp("2024-06-05")
    assert amb["alternative"] == pd.Timestamp("2024-05-06")
    assert amb["problem"] == dates_mod.PROBLEMS["ambiguous"]
    swapped = by_value.loc["1/13/2567"]
    assert pd.isna(swapped["parsed"]) and swapped["alternative"] == pd.Timestamp("2024-01-13")
    assert swapped["problem"] == dates_mod.PROBLEMS["swapped"]
    assert by_value.loc["31 ก.พ. 2567", "problem"] == dates_mod.PROBLEMS["impossible"]
    assert by_value.loc["xx", "problem"] == dates_mod.PROBLEMS["format"]
    # weekday does not match 15 Jan 2024 (a Monday): the date is kept, the value is reported
    wd = by_value.loc["วันอังคารที่ 15 มกราคม 2567"]
    assert wd["parsed"] == JAN15 and wd["problem"] == dates_mod.PROBLEMS["weekday"]
    # unreadable values first
    assert rep["parsed"].isna().tolist() == sorted(rep["parsed"].isna().tolist(), reverse=True)
    # 15/1 (day > 12) and ISO values are not ambiguous
    assert parsed.iloc[7] == JAN15


def test_ambiguity_settled_by_the_column_itself():
    settled = pd.Series(["5/6/2567", "13/6/2567", "14/6/2567"])
    parsed, rep = clean.parse_date_th(settled, report=True)
    assert rep.empty and parsed.iloc[0] == pd.Timestamp("2024-06-05")
    # evidence both ways (one value only makes sense swapped): every ambiguous value is listed
    mixed = pd.Series(["5/6/2567", "13/6/2567", "6/13/2567"])
    _, rep = clean.parse_date_th(mixed, report=True)
    assert set(rep["value"]) == {"5/6/2567", "6/13/2567"}
    # ISO values do not count as evidence for the d/m order
    iso = pd.Series(["5/6/2567", "2567-06-13"])
    _, rep = clean.parse_date_th(iso, report=True)
    assert rep["value"].tolist() == ["5/6/2567"]
    # with dayfirst=False the evidence is a month-first value with a day > 12
    us = pd.Series(["5/6/2024", "6/13/2024"])
    parsed, rep = clean.parse_date_th(us, dayfirst=False, report=True)
    assert rep.empty and parsed.iloc[0] == pd.Timestamp("2024-05-06")


def test_report_for_scalars_and_clean_input():
    value, rep = clean.parse_date_th("15/1/2567", report=True)
    assert value == JAN15 and rep.empty and list(rep.columns)[0] == "value"
    value, rep = clean.parse_date_th("1/2/2567", report=True)
    assert len(rep) == 1


def test_unknown_era_raises():
    with pytest.raises(ValueError, match="era"):
        clean.parse_date_th("15/1/2567", era="thai")


def test_dataframe_is_refused():
    with pytest.raises(TypeError):
        clean.parse_date_th(pd.DataFrame({"a": ["15/1/2567"]}))


# ---------------------------------------------------------------------------- years
@pytest.mark.parametrize("value, expected", [
    (2567, 2024), ("2567", 2024), ("๒๕๖๗", 2024), ("พ.ศ. 2567", 2024), ("ปีใหม่ 51", 2008),
    (51, 2008), (2567.0, 2024), (np.int64(2500), 1957), ("  2560 ", 2017),
])
def test_be_to_ce(value, expected):
    assert clean.be_to_ce(value) == expected


@pytest.mark.parametrize("value", [
    2024, "ค.ศ. 2567", 2567.5, None, np.nan, "", "abc", True, 567, "2560-2561", 3000,
])
def test_be_to_ce_refuses_what_is_not_a_be_year(value):
    assert pd.isna(clean.be_to_ce(value))


@pytest.mark.parametrize("value, expected", [
    (2024, 2567), ("2024", 2567), ("ค.ศ. 2024", 2567), (24, 2567), ("๒๐๒๔", 2567),
])
def test_ce_to_be(value, expected):
    assert clean.ce_to_be(value) == expected


@pytest.mark.parametrize("value", [2567, "พ.ศ. 2024", None, "x", 1500, True])
def test_ce_to_be_refuses_what_is_not_a_ce_year(value):
    assert pd.isna(clean.ce_to_be(value))


def test_year_series_round_trip_and_dtype():
    s = pd.Series([2566, "2567", None, "bad"], index=[3, 1, 2, 0], name="ปี")
    before = s.copy()
    ce = clean.be_to_ce(s)
    assert str(ce.dtype) == "Int64" and ce.name == "ปี" and ce.index.equals(s.index)
    assert ce.tolist() == [2023, 2024, pd.NA, pd.NA]
    assert clean.ce_to_be(ce).tolist() == [2566, 2567, pd.NA, pd.NA]
    pd.testing.assert_series_equal(s, before)
