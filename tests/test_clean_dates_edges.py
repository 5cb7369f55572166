"""helpers.clean.dates: edges and internals the main tests miss (issue 12, mutation testing).

Import-time tables (the month table, the loose month regex) are rebuilt here by calling their
builders, because a broken builder would otherwise only show up as "some month is not read".
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from helpers import thai
from helpers.clean import dates as dates_mod

JAN15 = pd.Timestamp("2024-01-15")
EN = (
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


def _key(name: str) -> str:
    return re.sub(r"[\s.\-,]", "", name).lower()


# ------------------------------------------------------------------------------ month table
def test_month_table_has_every_spelling_of_every_month():
    table = dates_mod._month_table()
    for month in range(1, 13):
        i = month - 1
        names = (thai.THAI_MONTHS[i], thai.THAI_MONTHS_ABBR[i], thai.THAI_MONTHS_SHORT[i], EN[i], EN[i][:3])
        for name in names:
            assert table[_key(name)] == month, name
    assert table["sept"] == 9 and table["กรกฏาคม"] == 7 and table["กุมภาพันธ"] == 2


def test_month_table_truncated_names_belong_to_one_month_only():
    table = dates_mod._month_table()
    assert table["พฤษ"] == 5 and table["พฤศ"] == 11 and table["มีน"] == 3 and table["ธันว"] == 12
    assert table["กรกฏ"] == 7  # a prefix of a misspelt long form ("กรกฏาคม") counts too
    for month, name in enumerate(thai.THAI_MONTHS, start=1):
        for end in range(dates_mod._MIN_PREFIX, len(name) + 1):
            owners = {m for m, n in enumerate(thai.THAI_MONTHS, start=1) if n.startswith(name[:end])}
            if owners == {month}:
                assert table[name[:end]] == month, name[:end]
    # shorter than _MIN_PREFIX: never a month, even when only one month starts that way
    for short in ("", "ม", "พฤ", "มี", "ธ", "ธั", "สิ"):
        assert short not in table, short
    assert None not in table and all(isinstance(v, int) and 1 <= v <= 12 for v in table.values())


def test_month_table_is_the_one_used():
    assert dates_mod._month_table() == dates_mod._MONTHS


def test_loose_month_pattern_allows_a_dot_or_space_after_each_letter():
    pattern = dates_mod._loose("มค")
    for text in ("มค", "ม.ค", "ม. ค", "ม ค"):
        assert re.fullmatch(pattern, text), text
    for text in ("ม..ค", "มXค", "ม", "คม"):
        assert not re.fullmatch(pattern, text), text


# ------------------------------------------------------------------------------ report shape
def test_report_columns_and_types_are_the_same_empty_or_not():
    _, empty = dates_mod.parse_date_th(pd.Series(["15/1/2567"]), report=True)
    _, full = dates_mod.parse_date_th(pd.Series(["xx", "yy"]), report=True)
    assert empty.empty and len(full) == 2
    for rep in (empty, full):
        assert list(rep.columns) == ["value", "count", "parsed", "problem", "alternative"]
        assert rep["value"].dtype == object and rep["count"].dtype == np.int64
        assert str(rep["parsed"].dtype) == str(rep["alternative"].dtype) == "datetime64[us]"


def test_find_date_th_report_has_a_found_column_even_when_empty():
    _, rep = dates_mod.find_date_th(pd.Series(["ณ วันที่ 15 ม.ค. 2567"]), report=True)
    assert rep.empty and list(rep.columns) == ["value", "count", "parsed", "problem", "found"]
    assert rep.attrs["excel"] is False  # texts are never read as Excel serials


def test_report_orders_unreadable_values_by_count_and_keeps_mixed_values():
    s = pd.Series(["xx", "yy", "yy", "yy", "zz", "zz", 5, "1/2/2567"])
    _, rep = dates_mod.parse_date_th(s, report=True)
    assert rep["value"].tolist() == ["yy", "zz", "xx", 5, "1/2/2567"]
    assert rep["count"].tolist() == [3, 2, 1, 1, 1] and rep["count"].dtype == np.int64
    assert rep["value"].dtype == object


# ------------------------------------------------------------------------------ Excel serials
def test_excel_serial_zero_is_midnight_of_day_zero():
    assert dates_mod.parse_date_th(0, excel=True) == pd.Timestamp("1899-12-30")
    assert dates_mod.parse_date_th(0.5, excel=True) == pd.Timestamp("1899-12-30 12:00")


def test_excel_serials_with_times_raise_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a deprecation warning would be printed in every notebook
        out = dates_mod.parse_date_th(pd.Series([45292.25, 45293.5]), excel=True)
    assert out.tolist() == [pd.Timestamp("2024-01-01 06:00"), pd.Timestamp("2024-01-02 12:00")]


def test_a_huge_integer_column_is_not_guessed_as_excel():
    out, rep = dates_mod.parse_date_th(pd.Series([10**400, 10**400]), report=True)
    assert out.isna().all() and rep.attrs["excel"] is False
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["not_text"]]


# ------------------------------------------------------------------------------ find_date_th
def test_find_date_th_range_at_the_very_start_is_refused():
    out, rep = dates_mod.find_date_th("1-31 ม.ค. 2567", report=True)
    assert out is pd.NaT and rep["problem"].tolist() == [dates_mod.PROBLEMS["many"]]
    assert rep["found"].tolist() == ["31 ม.ค. 2567 | 1 ม.ค. 2567"]


def test_find_date_th_honours_dayfirst():
    assert dates_mod.find_date_th("แก้ไข 1/2/2567", dayfirst=False) == pd.Timestamp("2024-01-02")
    assert dates_mod.find_date_th("แก้ไข 1/2/2567", dayfirst=True) == pd.Timestamp("2024-02-01")
    out = dates_mod.find_date_th(pd.Series(["แก้ไข 1/2/2567", "แก้ไข 3/4/2567"]), dayfirst=False)
    assert out.tolist() == [pd.Timestamp("2024-01-02"), pd.Timestamp("2024-03-04")]


@pytest.mark.parametrize(
    "s",
    [
        pd.Series(pd.to_datetime(["2024-01-15", None]).astype("datetime64[ns]"), name="d"),
        pd.Series(pd.to_datetime(["2024-01-15 10:00"]).tz_localize("Asia/Bangkok"), name="d"),
    ],
    ids=["naive_ns", "tz_aware"],
)
def test_a_datetime_column_is_given_back_unchanged(s):
    for func in (dates_mod.parse_date_th, dates_mod.find_date_th):
        out = func(s)
        pd.testing.assert_series_equal(out, s)
        assert out is not s
        out, rep = func(s, report=True)
        pd.testing.assert_series_equal(out, s)
        assert rep.empty and list(rep.columns)[:4] == ["value", "count", "parsed", "problem"]
        assert rep.attrs == {"dayfirst": None, "order": "none", "excel": False, "notes": []}


def test_find_date_th_reads_aware_timestamps_in_a_mixed_column_as_wall_clock():
    s = pd.Series(["ณ วันที่ 16 ม.ค. 2567", pd.Timestamp("2024-01-15 08:00", tz="Asia/Bangkok")])
    out = dates_mod.find_date_th(s)
    assert out.tolist() == [pd.Timestamp("2024-01-16"), pd.Timestamp("2024-01-15 08:00")]


# ------------------------------------------------------------------------------ years
def test_two_digit_float_years():
    assert dates_mod.be_to_ce(67.0) == 2024 and dates_mod.ce_to_be(24.0) == 2567
    assert dates_mod.be_to_ce(np.float64(51)) == 2008


def test_era_words_without_dots_are_respected():
    assert pd.isna(dates_mod.be_to_ce("คศ 2567")) and pd.isna(dates_mod.be_to_ce("ปี คศ. 2567"))
    assert pd.isna(dates_mod.ce_to_be("พศ 2024")) and pd.isna(dates_mod.ce_to_be("ปี พศ. 2024"))
    assert dates_mod.be_to_ce("พศ 2567") == 2024 and dates_mod.ce_to_be("คศ 2024") == 2567


def test_year_text_at_the_length_cap_is_read():
    cap = dates_mod._MAX_YEAR_TEXT
    words = "ปี พ.ศ. 2567 " + "ก " * 60
    text = words[:cap]
    assert len(" ".join(text.split())) == cap
    assert dates_mod.be_to_ce(text) == 2024
    assert pd.isna(dates_mod.be_to_ce(text + "ก"))


def test_be_to_ce_upper_bound():
    assert dates_mod.be_to_ce(2842) == 2299 and pd.isna(dates_mod.be_to_ce(2843))
    assert dates_mod.ce_to_be(2299) == 2842 and pd.isna(dates_mod.ce_to_be(2300))
    assert dates_mod.ce_to_be(1700) == 2243 and pd.isna(dates_mod.ce_to_be(1699))


def test_datetime_dates_are_not_years():
    assert pd.isna(dates_mod.be_to_ce(dt.date(2024, 1, 1)))


def test_find_date_th_reports_an_ambiguous_date_it_found():
    out, rep = dates_mod.find_date_th("แก้ไข 1/2/2567", report=True)
    assert out == pd.Timestamp("2024-02-01")
    assert rep["problem"].tolist() == [dates_mod.PROBLEMS["ambiguous"]]
    assert rep["found"].tolist() == ["1/2/2567"]


# ------------------------------------------------------------------------------ parse_date_th edges
@pytest.fixture
def year_2025(monkeypatch):
    monkeypatch.setattr(dates_mod, "_this_year", lambda: 2025)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15 Jan ค.ศ. 99", "2099-01-15"),  # an explicit era: no pivot window (that would give 1999)
        ("15 Jan c.e. 99", "2099-01-15"),
        ("15 Jan พ.ศ. 67", "2024-01-15"),
        ("15 Jan B.E. 2567", "2024-01-15"),
        ("15 ม.ค. ค.ศ. 24", "2024-01-15"),
        ("15 jan a.d. 2024", "2024-01-15"),
        ("15 ม.ค. ad 24", "2024-01-15"),
    ],
)
def test_era_written_in_the_value(year_2025, text, expected):
    assert dates_mod.parse_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1/1/1700", "1700-01-01"),
        ("31/12/2299", "2299-12-31"),
        ("1/1/2842", "2299-01-01"),  # B.E. 2842 = C.E. 2299, the last year accepted
        ("15/01/2567 23:59:59", "2024-01-15 23:59:59"),
        ("15/01/2567 00:00", "2024-01-15"),
        ("15/1/2567, 10:30 น.", "2024-01-15 10:30"),
        ("15-ม.ค.-2567", "2024-01-15"),
    ],
)
def test_boundaries_that_are_read(text, expected):
    assert dates_mod.parse_date_th(text) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text, problem",
    [
        ("1/1/1699", "year"),
        ("1/1/2843", "year"),
        ("15/01/2567 24:00", "time"),
        ("15/01/2567 10:60", "time"),
        ("15/01/2567 10:59:60", "time"),
        ("150/1/2567", "format"),
    ],
)
def test_boundaries_that_are_refused_with_a_reason(text, problem):
    out, rep = dates_mod.parse_date_th(text, report=True)
    assert out is pd.NaT and rep["problem"].tolist() == [dates_mod.PROBLEMS[problem]]


def test_zero_date_with_a_fraction_of_a_second_is_not_silent():
    out, rep = dates_mod.parse_date_th("00/00/0000 00:00:00.5", report=True)
    assert out is pd.NaT and len(rep) == 1


def test_unknown_era_message_is_exact():
    message = 'era ต้องเป็น "auto", "be" (พ.ศ.) หรือ "ce" (ค.ศ.) ไม่ใช่ \'x\''
    for func in (dates_mod.parse_date_th, dates_mod.find_date_th):
        with pytest.raises(ValueError) as err:
            func("1/1/2567", era="x")
        assert str(err.value) == message


def test_flags_accept_truthy_values():
    assert dates_mod.parse_date_th("1/2/2567", dayfirst=0) == pd.Timestamp("2024-01-02")
    assert dates_mod.parse_date_th("1/2/2567", dayfirst=1) == pd.Timestamp("2024-02-01")
    assert dates_mod.parse_date_th(45292, excel=1) == pd.Timestamp("2024-01-01")
    assert dates_mod.parse_date_th(45292, excel=0) is pd.NaT


def test_find_date_th_reports_an_impossible_date_beside_the_one_it_took():
    out, rep = dates_mod.find_date_th("ณ วันที่ 15/1/2567 (เดิม 31 ก.พ. 2567)", report=True)
    assert out == JAN15 and rep["problem"].tolist() == [dates_mod.PROBLEMS["impossible"]]


def test_find_date_th_does_not_hide_an_impossible_date_behind_an_unknown_marker():
    out, rep = dates_mod.find_date_th("เดิม 0000-00-00 แก้เป็น 31 ก.พ. 2567", report=True)
    assert out is pd.NaT and rep["problem"].tolist() == [dates_mod.PROBLEMS["impossible"]]
    out, rep = dates_mod.find_date_th("วันที่ 0000-00-00", report=True)
    assert out is pd.NaT and rep.empty  # only the unknown marker: missing, not a problem


# ------------------------------------------------------------------------------ column notes
def test_empty_column_is_not_guessed_as_excel():
    out, rep = dates_mod.parse_date_th(pd.Series([], dtype=object), report=True)
    assert out.empty and rep.empty
    assert rep.attrs == {"dayfirst": None, "order": "none", "excel": False, "notes": []}


def test_column_notes_name_the_evidence():
    notes = dates_mod.NOTES
    _, rep = dates_mod.parse_date_th(pd.Series([45292, 45293]), report=True)
    assert rep.attrs["notes"] == [notes["excel"].format(low=20_000, high=80_000)]
    assert "20,000–80,000" in rep.attrs["notes"][0]
    _, rep = dates_mod.parse_date_th(pd.Series(["1/2/2024", "30/12/2024"]), report=True)
    assert rep.attrs["notes"] == [notes["dayfirst"].format(example="30/12/2024")]
    _, rep = dates_mod.parse_date_th(pd.Series(["1/2/2024", "12/30/2024"]), report=True)
    assert rep.attrs["notes"] == [notes["monthfirst"].format(example="12/30/2024")]
    _, rep = dates_mod.parse_date_th(pd.Series(["12/30/2024", "30/12/2024"]), report=True)
    assert rep.attrs["notes"] == [notes["conflict"].format(example="30/12/2024", other="12/30/2024")]


def test_weekday_check_counts_from_monday():
    days = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
    texts = [f"วัน{name}ที่ {15 + i} มกราคม 2567" for i, name in enumerate(days)]  # 15 Jan 2024: Monday
    out, rep = dates_mod.parse_date_th(pd.Series(texts + ["วันพฤหัสที่ 18 ม.ค. 2567"]), report=True)
    assert out.dt.day.tolist() == [15, 16, 17, 18, 19, 20, 21, 18] and rep.empty
    out, rep = dates_mod.parse_date_th("วันอาทิตย์ที่ 15 มกราคม 2567", report=True)
    assert out == JAN15 and rep["problem"].tolist() == [dates_mod.PROBLEMS["weekday"]]
