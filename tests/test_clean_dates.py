"""helpers.clean.parse_date_th, be_to_ce, ce_to_be: every format, the year rules, bad inputs."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from helpers import clean, thai
from helpers.clean import dates as dates_mod
from helpers.clean._common import MISSING_WORDS

JAN15 = pd.Timestamp("2024-01-15")


@pytest.mark.parametrize(
    "text",
    [
        "15/1/2567",
        "15/01/67",
        "2567-01-15",
        "15 ม.ค. 67",
        "15 มกราคม 2567",
        "วันจันทร์ที่ 15 มกราคม พ.ศ. 2567",
        "15 มค 2567",
        "๑๕/๑/๒๕๖๗",
        "๑๕ มกราคม ๒๕๖๗",
        "15/01/2024",
        "2024-01-15",
        "2567/01/15",
        "15-01-2567",
        "15.01.2567",
        "15 ม.ค.67",
        "15ม.ค.2567",
        "วันที่ 15 มกราคม 2567",
        "วันที่ 15/01/2567",
        "จันทร์ 15 ม.ค. 2567",
        "15 มกรา 67",
        "15 Jan 2024",
        "15-Jan-24",
        "15 January 2024",
        "15 ม.ค. ค.ศ. 2024",
        "15 ม.ค. พ.ศ. 67",
        "  15 / 1 / 2567  ",
        "15\u00a0ม.ค.\u200b 2567",
        "15 ม. ค. 2567",
    ],
)
def test_every_format_gives_the_same_day(text):
    assert clean.parse_date_th(text) == JAN15


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15 กรกฏาคม 2567", "2024-07-15"),  # common misspelling ฏ for ฎ
        ("1 กุมภาพันธ 2567", "2024-02-01"),  # missing ์
        ("1 เม.ย. 2567", "2024-04-01"),
        ("31 ธ.ค. 2566", "2023-12-31"),
        ("15/01/2567 10:30", "2024-01-15 10:30"),
        ("2024-01-15T10:30:05", "2024-01-15 10:30:05"),
        ("15 ม.ค. 2567 10.30 น.", "2024-01-15 10:30"),
    ],
)
def test_month_names_and_times(text, expected):
    assert clean.parse_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text, era, expected",
    [
        ("15/01/67", "auto", "2024-01-15"),  # 2-digit → B.E. 25yy
        ("15/01/24", "auto", "1981-01-15"),  # 24 → 2524 B.E. (the documented rule, not a guess)
        ("15/01/67", "be", "2024-01-15"),
        ("15/01/24", "ce", "2024-01-15"),  # era="ce" → 20yy
        ("15/01/67", "ce", "2067-01-15"),
        ("15-Jan-24", "auto", "2024-01-15"),  # English month name → C.E. 20yy
        ("15 ม.ค. 24", "auto", "1981-01-15"),  # Thai month name → B.E. 25yy
        ("15-Jan-67", "be", "2024-01-15"),
        ("15/01/2567", "be", "2024-01-15"),
        ("15/01/2024", "ce", "2024-01-15"),
        ("15/01/2325", "be", "1782-01-15"),  # historical B.E. year below 2400 needs era="be"
        ("15 ม.ค. ค.ศ. 2024", "be", "2024-01-15"),  # an explicit marker in the value wins
        ("15 ม.ค. พ.ศ. 2567", "ce", "2024-01-15"),
    ],
)
def test_year_rules(text, era, expected):
    assert clean.parse_date_th(text, era=era) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text, era",
    [
        ("15/01/2024", "be"),  # 2024 B.E. = 1481 C.E.: out of range, never silently accepted
        ("15/01/2567", "ce"),  # 2567 C.E.: out of range
        ("15/1/567", "auto"),  # 3-digit year
        ("15/1/5", "auto"),
        ("15/01/2399", "auto"),  # read as C.E. 2399 → out of range
    ],
)
def test_years_out_of_range_are_nat(text, era):
    assert clean.parse_date_th(text, era=era) is pd.NaT


def test_era_is_decided_per_value():
    s = pd.Series(["15/01/2567", "15/01/2024", "15 ม.ค. 67"])
    assert clean.parse_date_th(s).tolist() == [JAN15] * 3


@pytest.mark.parametrize(
    "text",
    [
        "31 ก.พ. 2567",
        "30/2/2567",
        "29/2/2566",
        "31/4/2567",
        "0/1/2567",
        "15/0/2567",
        "15/13/2567",
        "32/1/2567",
        "15/01/2567 25:00",
        "15/01/2567 10:60",
    ],
)
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


@pytest.mark.parametrize(
    "value",
    [
        None,
        np.nan,
        pd.NA,
        pd.NaT,
        "",
        "   ",
        "ไม่ทราบ",
        "abc",
        "15",
        "มกราคม 2567",
        2567,
        15.5,
        True,
        "blah 15/1/2567",
        "15/1/2567 blah",
        "ปีใหม่ 51",
        "15/01-2567",
    ],
)
def test_bad_scalars_are_nat(value):
    assert clean.parse_date_th(value) is pd.NaT


@pytest.mark.parametrize(
    "value",
    [
        dt.date(2024, 1, 15),
        dt.datetime(2024, 1, 15),
        pd.Timestamp("2024-01-15"),
        np.datetime64("2024-01-15"),
        pd.Timestamp("2024-01-15", tz="Asia/Bangkok"),
    ],
)
def test_datetime_inputs(value):
    assert clean.parse_date_th(value) == JAN15


def test_datetime_series_is_returned_as_a_copy():
    s = pd.Series(pd.to_datetime(["2024-01-15", None]), name="d")
    out = clean.parse_date_th(s)
    pd.testing.assert_series_equal(out, s)
    assert out is not s


def test_series_mixed_types_keep_index_name_and_dtype():
    s = pd.Series(
        ["15/1/2567", None, 5, dt.date(2024, 1, 16), "", "xx", "15/1/2567"], index=list("abcdefg"), name="วันที่"
    )
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
    s = pd.Series(
        [
            "5/6/2567",
            "5/6/2567",
            "1/13/2567",
            "31 ก.พ. 2567",
            "xx",
            "",
            None,
            "15/1/2567",
            "2567-06-05",
            "วันอังคารที่ 15 มกราคม 2567",
        ]
    )
    parsed, rep = clean.parse_date_th(s, report=True)
    assert list(rep.columns) == ["value", "count", "parsed", "problem", "alternative"]
    by_value = rep.set_index("value")
    assert set(by_value.index) == {"5/6/2567", "1/13/2567", "31 ก.พ. 2567", "xx", "วันอังคารที่ 15 มกราคม 2567"}
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
    assert value == JAN15 and rep.empty and rep.columns[0] == "value"
    value, rep = clean.parse_date_th("1/2/2567", report=True)
    assert len(rep) == 1


def test_unknown_era_raises():
    with pytest.raises(ValueError, match="era"):
        clean.parse_date_th("15/1/2567", era="thai")


def test_dataframe_is_refused():
    with pytest.raises(TypeError):
        clean.parse_date_th(pd.DataFrame({"a": ["15/1/2567"]}))


# ---------------------------------------------------------------------------- years
@pytest.mark.parametrize(
    "value, expected",
    [
        (2567, 2024),
        ("2567", 2024),
        ("๒๕๖๗", 2024),
        ("พ.ศ. 2567", 2024),
        ("ปีใหม่ 51", 2008),
        (51, 2008),
        (2567.0, 2024),
        (np.int64(2500), 1957),
        ("  2560 ", 2017),
    ],
)
def test_be_to_ce(value, expected):
    assert clean.be_to_ce(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        2024,
        "ค.ศ. 2567",
        2567.5,
        None,
        np.nan,
        "",
        "abc",
        True,
        567,
        "2560-2561",
        3000,
    ],
)
def test_be_to_ce_refuses_what_is_not_a_be_year(value):
    assert pd.isna(clean.be_to_ce(value))


@pytest.mark.parametrize(
    "value, expected",
    [
        (2024, 2567),
        ("2024", 2567),
        ("ค.ศ. 2024", 2567),
        (24, 2567),
        ("๒๐๒๔", 2567),
    ],
)
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


# ------------------------------------------------------------------ issue 12: hardening
LONG_CELLS = {
    "dashes": "1" + "-" * 99_998 + "x",  # the old regexes backtracked cubically on this
    "thai_text": ("หมายเหตุ 15 ม.ค. 2567 " * 5000)[:100_000],
    "digits": "1" * 100_000,
    "spaces": "15 " + " " * 99_990 + "ม.ค. 2567",  # collapses to a real date: spaces do not count
}


@pytest.mark.parametrize("name", ["dashes", "thai_text", "digits"])
def test_a_100000_character_cell_is_nat(name):
    cell = LONG_CELLS[name]
    assert len(cell) == 100_000
    assert clean.parse_date_th(cell) is pd.NaT
    _, rep = clean.parse_date_th(pd.Series([cell, "15/1/2567"]), report=True)
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["too_long"]]


def test_runs_of_spaces_do_not_count_toward_the_length_cap():
    assert clean.parse_date_th(LONG_CELLS["spaces"]) == JAN15


def test_cell_at_the_length_cap():
    base = "วันจันทร์ที่ 15 มกราคม พ.ศ. 2567"
    padded = base + " " + "น" * (dates_mod.MAX_DATE_LENGTH - len(base) - 1)
    assert len(padded) == dates_mod.MAX_DATE_LENGTH  # not a date, but read (format), not refused
    _, rep = clean.parse_date_th(padded, report=True)
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["format"]]
    _, rep = clean.parse_date_th(padded + "น", report=True)
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["too_long"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-01-15 10:20:30.25", "2024-01-15 10:20:30.250"),
        ("15/01/2567 10:20:30,5", "2024-01-15 10:20:30.500"),
        ("15 ม.ค. 2567 10:20:30.000001", "2024-01-15 10:20:30.000001"),
        ("2024-01-15T10:20:30.1234567", "2024-01-15 10:20:30.123456"),  # beyond microseconds: cut
        ("15 Jan 2024 10.20.30.75 น.", "2024-01-15 10:20:30.750"),
    ],
)
def test_fractions_of_a_second_are_kept(text, expected):
    assert clean.parse_date_th(text) == pd.Timestamp(expected)


# ---------------------------------------------------------------------------- Excel serials
def test_excel_serials_and_day_fractions_when_asked():
    doh = pd.Series(["10/26/2020", "45292", "0.090277778", 45293, 45293.5, None], name="วันที่")
    out = clean.parse_date_th(doh, excel=True)
    assert out.tolist()[:5] == [
        pd.Timestamp("2020-10-26"),
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("1899-12-30 02:10"),
        pd.Timestamp("2024-01-02"),
        pd.Timestamp("2024-01-02 12:00"),
    ]
    assert pd.isna(out.iloc[5]) and out.name == "วันที่"
    assert out.iloc[2].time() == dt.time(2, 10)  # rounded to the millisecond: no float noise


def test_excel_serials_agree_with_pandas_origin():
    serials = np.array([61, 25569, 43831.25, 45292, 73050])
    expected = pd.to_datetime(serials, unit="D", origin="1899-12-30")
    assert clean.parse_date_th(pd.Series(serials), excel=True).tolist() == list(expected)
    assert clean.parse_date_th(25569.0, excel=True) == pd.Timestamp("1970-01-01")


@pytest.mark.parametrize(
    "value", [1, 60, 60.9, -1, -0.5, 1e308, float("inf"), float("-inf"), 10**400, "60", "-5", "1e5"]
)
def test_excel_values_that_are_not_serials(value):
    out, rep = clean.parse_date_th(pd.Series([value]), excel=True, report=True)
    assert pd.isna(out.iloc[0])
    assert len(rep) == 1


def test_excel_serial_range_ends_with_the_last_accepted_year():
    last = (pd.Timestamp(f"{dates_mod.MAX_CE_YEAR}-12-31") - pd.Timestamp("1899-12-30")).days
    assert clean.parse_date_th(last, excel=True) == pd.Timestamp(f"{dates_mod.MAX_CE_YEAR}-12-31")
    assert clean.parse_date_th(last + 1, excel=True) is pd.NaT


def test_numeric_column_in_the_serial_range_is_read_as_excel_and_reported():
    s = pd.Series([45292, 45293, None, 20000, 80000], name="d")
    out, rep = clean.parse_date_th(s, report=True)
    assert out.iloc[0] == pd.Timestamp("2024-01-01") and out.iloc[3] == pd.Timestamp("1954-10-03")
    assert rep.attrs["excel"] is True and rep.attrs["notes"] and "Excel" in rep.attrs["notes"][0]
    assert rep.empty


@pytest.mark.parametrize("values", [[45292, 19999], [45292, 80001], [45292, "45293"], [45292, True]])
def test_no_excel_guess_unless_every_value_is_a_number_in_range(values):
    out, rep = clean.parse_date_th(pd.Series(values), report=True)
    assert out.isna().all() and rep.attrs["excel"] is False


def test_numbers_that_may_be_serials_get_a_hint_and_excel_false_turns_guessing_off():
    out, rep = clean.parse_date_th(pd.Series(["10/26/2020", "45292", 45292]), report=True)
    assert out.isna().tolist() == [False, True, True]
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["serial_hint"]] * 2
    assert clean.parse_date_th(pd.Series([45292]), excel=False).isna().all()


# -------------------------------------------------------------- day/month order per column
def test_month_first_column_is_inferred_and_reported():
    pcd_2021 = pd.Series(["1/2/2021", "12/30/2021", "3/4/2021"], name="Date")
    out, rep = clean.parse_date_th(pcd_2021, report=True)
    assert out.tolist() == [
        pd.Timestamp("2021-01-02"),
        pd.Timestamp("2021-12-30"),
        pd.Timestamp("2021-03-04"),
    ]
    assert rep.empty and rep.attrs["dayfirst"] is False and rep.attrs["order"] == "inferred"
    assert "12/30/2021" in rep.attrs["notes"][0] and "เดือน/วัน/ปี" in rep.attrs["notes"][0]


def test_day_first_column_is_inferred_and_reported():
    pcd_2024 = pd.Series(["1/2/2024", "30/12/2024", "3/4/2024"], name="Date")
    out, rep = clean.parse_date_th(pcd_2024, report=True)
    assert out.tolist() == [
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-12-30"),
        pd.Timestamp("2024-04-03"),
    ]
    assert rep.empty and rep.attrs["dayfirst"] is True and rep.attrs["order"] == "inferred"
    assert "30/12/2024" in rep.attrs["notes"][0]


def test_ambiguous_column_keeps_the_day_first_default_and_says_so():
    out, rep = clean.parse_date_th(pd.Series(["1/2/2024", "3/4/2024", "5/5/2024"]), report=True)
    assert out.tolist()[:2] == [pd.Timestamp("2024-02-01"), pd.Timestamp("2024-04-03")]
    assert rep.attrs["order"] == "ambiguous" and rep.attrs["dayfirst"] is True
    assert rep.attrs["notes"] == [dates_mod.NOTES["ambiguous"]]
    assert set(rep["value"]) == {"1/2/2024", "3/4/2024"}  # 5/5 reads the same both ways


def test_values_that_read_the_same_both_ways_are_not_ambiguous():
    out, rep = clean.parse_date_th(pd.Series(["5/5/2024", "12/12/2567"]), report=True)
    assert out.tolist() == [pd.Timestamp("2024-05-05"), pd.Timestamp("2024-12-12")]
    assert rep.empty and rep.attrs["order"] == "none" and rep.attrs["notes"] == []


def test_dayfirst_overrides_the_inference():
    s = pd.Series(["1/2/2021", "12/30/2021"])
    out, rep = clean.parse_date_th(s, dayfirst=True, report=True)
    assert out.iloc[0] == pd.Timestamp("2021-02-01") and pd.isna(out.iloc[1])
    assert rep.attrs["order"] == "given" and rep.attrs["dayfirst"] is True
    assert rep.set_index("value").loc["12/30/2021", "problem"] == dates_mod.PROBLEMS["swapped"]
    out = clean.parse_date_th(pd.Series(["30/12/2024", "1/2/2024"]), dayfirst=False)
    assert pd.isna(out.iloc[0]) and out.iloc[1] == pd.Timestamp("2024-01-02")


def test_conflicting_column_keeps_the_default_and_lists_both_kinds():
    out, rep = clean.parse_date_th(pd.Series(["30/12/2024", "12/30/2024", "1/2/2024"]), report=True)
    assert out.iloc[0] == pd.Timestamp("2024-12-30") and pd.isna(out.iloc[1])
    assert rep.attrs["order"] == "conflict" and rep.attrs["dayfirst"] is True
    assert set(rep["value"]) == {"12/30/2024", "1/2/2024"}


def test_iso_and_month_name_values_are_not_evidence_for_the_order():
    out, rep = clean.parse_date_th(pd.Series(["2024-12-30", "30 ธ.ค. 2567", "1/2/2024"]), report=True)
    assert rep.attrs["order"] == "ambiguous" and out.iloc[2] == pd.Timestamp("2024-02-01")


def test_a_column_without_numeric_dates_has_no_order():
    _, rep = clean.parse_date_th(pd.Series(["15 ม.ค. 2567"]), report=True)
    assert rep.attrs["order"] == "none" and rep.attrs["dayfirst"] is None and rep.attrs["notes"] == []


# ------------------------------------------------------------------------- missing markers
@pytest.mark.parametrize("value", ["0000-00-00", "0000-00-00 00:00:00", " 0000-00-00 ", "00/00/0000"])
def test_zero_date_is_missing_silently(value):
    out, rep = clean.parse_date_th(pd.Series([value, "15/1/2567"]), report=True)
    assert pd.isna(out.iloc[0]) and out.iloc[1] == JAN15 and rep.empty


def test_zero_date_with_a_time_is_not_silent():
    _, rep = clean.parse_date_th("0000-00-00 10:00:00", report=True)
    assert len(rep) == 1


@pytest.mark.parametrize("word", sorted(MISSING_WORDS - {""}))
def test_missing_words_are_missing_silently(word):
    for spelling in (word, word.upper(), f"  {word} "):
        out, rep = clean.parse_date_th(pd.Series([spelling]), report=True)
        assert pd.isna(out.iloc[0]) and rep.empty, spelling


# ------------------------------------------------------- truncated months, hidden characters
@pytest.mark.parametrize(
    "text, expected",
    [
        ("15 พฤษ 2567", "2024-05-15"),
        ("15 พฤศ 2567", "2024-11-15"),
        ("1 กุมภ 2567", "2024-02-01"),
        ("31 ธันว 2566", "2023-12-31"),
        ("15 พฤษ. 67", "2024-05-15"),
        ("15 มีน 2567", "2024-03-15"),
        ("15 กรกฏ 2567", "2024-07-15"),
        ("15 กันยาย 2567", "2024-09-15"),
    ],
)
def test_truncated_thai_month_names(text, expected):
    assert clean.parse_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize("text", ["15 พฤ 2567", "15 ก 2567", "15 มี 2567", "15 มกราคมม 2567"])
def test_prefixes_that_are_too_short_or_not_a_month_are_refused(text):
    assert clean.parse_date_th(text) is pd.NaT


def test_every_unique_prefix_of_every_month_name():
    for month, name in enumerate(thai.THAI_MONTHS, start=1):
        for end in range(3, len(name) + 1):
            others = [n for n in thai.THAI_MONTHS if n != name and n.startswith(name[:end])]
            got = clean.parse_date_th(f"1 {name[:end]} 2567")
            assert got == (pd.NaT if others else pd.Timestamp(2024, month, 1)), name[:end]


def test_thai_digits_with_zero_width_spaces():
    assert clean.parse_date_th("15 ม.ค. พ.ศ.๒๕\u200b๖\u200b๓") == pd.Timestamp("2020-01-15")
    assert clean.parse_date_th("๑\u200b๕/\u200b๐๑/๒๕\u200c๖๗") == JAN15
    assert clean.be_to_ce("พ.ศ.๒๕\u200b๖\u200b๓") == 2020


# ------------------------------------------------------------------------------ find_date_th
@pytest.mark.parametrize(
    "text, expected",
    [
        ("ณ วันที่ 30 พฤศจิกายน 2560", "2017-11-30"),
        ("(ปรับปรุงล่าสุด : 11/08/2558)", "2015-08-11"),
        ("[update 10-06-2559]", "2016-06-10"),
        ("ข้อมูล ณ 31 ธ.ค. 66 (ที่มา: กรมการปกครอง)", "2023-12-31"),
        ("Data as of 15 January 2024.", "2024-01-15"),
        ("รายงาน พ.ศ.๒๕\u200b๖\u200b๓ วันที่ ๑ ม.ค. ๒๕๖๓", "2020-01-01"),
        ("ปรับปรุง 1/1/2567 และ 1/1/2567 อีกครั้ง", "2024-01-01"),  # the same date twice is one date
        ("อัปเดต 15/01/2567 10:30 น.", "2024-01-15 10:30"),
        ("15/01/2567", "2024-01-15"),
    ],
)
def test_find_date_th(text, expected):
    assert clean.dates.find_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("ตั้งแต่ 1 ม.ค. 2567 ถึง 31 ม.ค. 2567", "many"),
        ("ปี 2567 มีผู้ป่วย 1,234 ราย", "none"),
        ("ข้อความไม่มีวันที่", "none"),
        ("ณ วันที่ 31 ก.พ. 2567", "impossible"),
        ("ช่วงวันที่ 1-31 ม.ค. 2567", "many"),  # a range is two dates, not its last day
        ("ระหว่าง 1/1/2567-31/1/2567", "many"),
    ],
)
def test_find_date_th_refuses_none_or_several(text, problem):
    out, rep = clean.dates.find_date_th(text, report=True)
    assert out is pd.NaT
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS[problem]]
    assert list(rep.columns) == ["value", "count", "parsed", "problem", "found"]


def test_find_date_th_does_not_take_a_number_after_the_date_for_a_time():
    assert clean.dates.find_date_th("1/1/2567 12.50 บาท") == pd.Timestamp("2024-01-01")


def test_find_date_th_series_keeps_index_and_name_and_reports():
    s = pd.Series(
        [
            "ณ วันที่ 30 พฤศจิกายน 2560",
            None,
            "",
            "-",
            "ไม่มี",
            5,
            dt.date(2024, 1, 15),
            "1 ม.ค. 2567 - 2 ม.ค. 2567",
            "ณ วันที่ 30 พฤศจิกายน 2560",
        ],
        index=list("abcdefghi"),
        name="หมายเหตุ",
    )
    before = s.copy()
    out, rep = clean.dates.find_date_th(s, report=True)
    assert out.index.equals(s.index) and out.name == "หมายเหตุ" and str(out.dtype) == "datetime64[us]"
    assert out["a"] == pd.Timestamp("2017-11-30") and out["i"] == out["a"] and out["g"] == JAN15
    assert out[["b", "c", "d", "e", "f", "h"]].isna().all()
    by_value = rep.set_index("value")["problem"].to_dict()
    assert by_value == {
        "ไม่มี": dates_mod.PROBLEMS["none"],
        5: dates_mod.PROBLEMS["not_text"],
        "1 ม.ค. 2567 - 2 ม.ค. 2567": dates_mod.PROBLEMS["many"],
    }
    assert rep.set_index("value").loc["1 ม.ค. 2567 - 2 ม.ค. 2567", "found"] == "1 ม.ค. 2567 | 2 ม.ค. 2567"
    pd.testing.assert_series_equal(s, before)


def test_find_date_th_in_a_long_text():
    text = "ก" * 50_000 + " ณ วันที่ 30 พฤศจิกายน 2560 " + "1-" * 25_000
    assert clean.dates.find_date_th(text) == pd.Timestamp("2017-11-30")
    assert clean.dates.find_date_th("1" + "-" * 99_998 + "x") is pd.NaT


def test_find_date_th_infers_the_order_across_the_column():
    s = pd.Series(["updated 12/30/2021", "updated 1/2/2022"])
    out, rep = clean.dates.find_date_th(s, report=True)
    assert out.tolist() == [pd.Timestamp("2021-12-30"), pd.Timestamp("2022-01-02")]
    assert rep.attrs["dayfirst"] is False and rep.empty


def test_find_date_th_scalar_in_scalar_out():
    assert clean.dates.find_date_th(None) is pd.NaT
    assert clean.dates.find_date_th(pd.Timestamp("2024-01-15")) == JAN15
    assert isinstance(clean.dates.find_date_th("15 ม.ค. 2567"), pd.Timestamp)


# ------------------------------------------------------------------------- 2-digit C.E. years
@pytest.fixture
def year_2025(monkeypatch):
    monkeypatch.setattr(dates_mod, "_this_year", lambda: 2025)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15-Jan-99", "1999-01-15"),
        ("15-Jan-45", "1945-01-15"),
        ("15-Jan-44", "2044-01-15"),
        ("15-Jan-46", "1946-01-15"),
        ("15-Jan-00", "2000-01-15"),
        ("15-Jan-25", "2025-01-15"),
        ("15 December 24", "2024-12-15"),
    ],
)
def test_two_digit_english_years_use_the_pivot_window(year_2025, text, expected):
    # window [2025 - 80, 2025 + 20) = 1945..2044
    assert clean.parse_date_th(text) == pd.Timestamp(expected)


def test_pivot_window_follows_today(monkeypatch):
    monkeypatch.setattr(dates_mod, "_this_year", lambda: 2030)  # window 1950..2049
    assert clean.parse_date_th("1-Jan-49") == pd.Timestamp("2049-01-01")
    assert clean.parse_date_th("1-Jan-50") == pd.Timestamp("1950-01-01")


def test_15_jan_99_is_not_a_future_date_today():
    got = clean.parse_date_th("15-Jan-99")
    assert got.year % 100 == 99 and got <= pd.Timestamp.today() + pd.DateOffset(years=20)
    assert got.year >= dt.date.today().year - 80


def test_pivot_applies_only_to_english_months_under_auto(year_2025):
    assert clean.parse_date_th("15 ม.ค. 99") == pd.Timestamp("2056-01-15")  # B.E. 2599
    assert clean.parse_date_th("15-Jan-99", era="ce") == pd.Timestamp("2099-01-15")
    assert clean.parse_date_th("15-Jan-99", era="be") == pd.Timestamp("2056-01-15")


# --------------------------------------------------------------------- the era boundary
@pytest.mark.parametrize(
    "year, expected",
    [
        (2399, None),
        (2400, 1857),
        (2401, 1858),
        (2499, 1956),
        (2500, 1957),
    ],
)
def test_era_rule_boundary_parse_date_th(year, expected):
    got = clean.parse_date_th(f"15/01/{year}")
    if expected is None:
        assert got is pd.NaT  # C.E. 2399 is out of range and B.E. starts at 2400
    else:
        assert got == pd.Timestamp(expected, 1, 15)
    text = clean.parse_date_th(f"15 มกราคม {year}")
    assert (text is pd.NaT) if expected is None else text == pd.Timestamp(expected, 1, 15)


@pytest.mark.parametrize(
    "year, expected",
    [
        (2399, None),
        (2400, 1857),
        (2401, 1858),
        (2499, 1956),
        (2500, 1957),
    ],
)
def test_era_rule_boundary_be_to_ce(year, expected):
    for value in (year, str(year), float(year)):
        got = clean.be_to_ce(value)
        assert pd.isna(got) if expected is None else got == expected


def test_era_boundary_constant():
    assert dates_mod.BE_FROM == 2400


# ----------------------------------------------------------------- years: never an error
@pytest.mark.parametrize(
    "value",
    [
        "9" * 5000,
        "พ.ศ. " + "2" * 5000,
        10**5000,
        -(10**5000),
        1e308,
        -1e308,
        float("inf"),
        float("-inf"),
        float("nan"),
        True,
        False,
        np.bool_(True),
        -2567,
        -24,
        2567.5,
        np.float64("inf"),
        "๒" * 4301,
        10_000,
        99_999,
        b"2567",
        object(),
        dt.date(2567, 1, 1),
    ],
    ids=lambda v: type(v).__name__,
)
def test_years_out_of_reach_are_missing_not_errors(value):
    assert pd.isna(clean.be_to_ce(value)) and pd.isna(clean.ce_to_be(value))


def test_year_series_with_huge_values():
    s = pd.Series(["9" * 5000, 10**5000, 1e308, float("inf"), True, 2567, "2024"], name="ปี", dtype=object)
    ce, be = clean.be_to_ce(s), clean.ce_to_be(s)
    assert ce.tolist() == [pd.NA] * 5 + [2024, pd.NA] and be.tolist() == [pd.NA] * 6 + [2567]
    assert str(ce.dtype) == "Int64" and ce.name == "ปี"


def test_parse_date_th_with_a_5000_digit_cell():
    assert clean.parse_date_th("9" * 5000) is pd.NaT
    assert clean.parse_date_th("15/01/" + "9" * 5000) is pd.NaT


# ---------------------------------------------------------- categorical, shape, shared facts
def test_categorical_gives_the_same_answer_and_report_as_object():
    values = ["12/30/2021", "1/2/2021", None, "xx", "1/2/2021", "0000-00-00", "15 พฤษ 2564"]
    obj = pd.Series(values, index=[f"r{i}" for i in range(7)], name="Date", dtype=object)
    cat = obj.astype("category")
    out_o, rep_o = clean.parse_date_th(obj, report=True)
    out_c, rep_c = clean.parse_date_th(cat, report=True)
    pd.testing.assert_series_equal(out_c, out_o)
    pd.testing.assert_frame_equal(rep_c, rep_o)
    assert rep_c.attrs == rep_o.attrs and rep_c.attrs["dayfirst"] is False
    pd.testing.assert_series_equal(clean.dates.find_date_th(cat), clean.dates.find_date_th(obj))


def test_categorical_numbers_are_read_as_excel_serials():
    cat = pd.Series([45292, 45293, 45292], dtype="category", name="d")
    assert clean.parse_date_th(cat).tolist() == [
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2024-01-02"),
        pd.Timestamp("2024-01-01"),
    ]


@pytest.mark.parametrize("value", ["15/1/2567", "0000-00-00", "x" * 1000, 45292, 1.5, None, "12/30/2021"])
def test_scalar_in_scalar_out(value):
    for func in (clean.parse_date_th, clean.dates.find_date_th):
        out = func(value)
        assert out is pd.NaT or isinstance(out, pd.Timestamp)
        out, rep = func(value, report=True)
        assert (out is pd.NaT or isinstance(out, pd.Timestamp)) and isinstance(rep, pd.DataFrame)


def test_months_come_from_helpers_thai():
    assert dates_mod.THAI_MONTHS is thai.THAI_MONTHS
    for month, (full, abbr, short) in enumerate(
        zip(thai.THAI_MONTHS, thai.THAI_MONTHS_ABBR, thai.THAI_MONTHS_SHORT), start=1
    ):
        for name in (full, abbr, short):
            assert clean.parse_date_th(f"1 {name} 2567") == pd.Timestamp(2024, month, 1)


def test_era_offset_comes_from_helpers_thai(monkeypatch):
    # proves the module reads the shared constant (a literal 543 would ignore the patch)
    monkeypatch.setattr(dates_mod, "BE_OFFSET", 500)
    assert clean.parse_date_th("15/01/2567") == pd.Timestamp("2067-01-15")
    assert clean.be_to_ce(2567) == 2067


def test_inferred_month_first_keeps_dates_whose_day_equals_the_month():
    # A real PCD column (2021) is month-first: 12/30/2021 proves it; 1/1/2021 and 12/12/2021 read the
    # same either way and must not become NaT when the column is turned around.
    values = pd.Series(["1/1/2021", "1/2/2021", "12/12/2021", "12/30/2021"])
    parsed, report = clean.parse_date_th(values, era="ce", report=True)
    assert report.attrs["order"] == "inferred" and report.attrs["dayfirst"] is False
    assert parsed.dt.strftime("%Y-%m-%d").tolist() == ["2021-01-01", "2021-01-02", "2021-12-12", "2021-12-30"]
