"""Property-based tests (hypothesis) for helpers.clean.dates: parse_date_th, find_date_th, be_to_ce, ce_to_be.

Properties: no error on any text or value; length, index and name kept; B.E. ↔ C.E. round trip;
every parsed date is a real calendar date inside MIN_CE_YEAR..MAX_CE_YEAR; a random valid date
written in any supported Thai format reads back as the same date (also inside a longer text for
find_date_th).  Example counts come from the hypothesis profile loaded by the root conftest.py.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import assume, given
from hypothesis import strategies as st

from helpers import thai
from helpers.clean import dates
from helpers.clean._common import SPACE_LIKE, ZERO_WIDTH

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")
EN_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# ------------------------------------------------------------------------------ strategies
MONTH_WORDS = list(thai.THAI_MONTHS + thai.THAI_MONTHS_ABBR + thai.THAI_MONTHS_SHORT + EN_ABBR)
date_char = st.one_of(
    st.sampled_from("0123456789" * 3 + "๐๑๒๓๔๕๖๗๘๙"),
    st.sampled_from("/-.:, tT" + SPACE_LIKE + ZERO_WIDTH),
    st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
    st.sampled_from("พศคบeEcCadวันที่น"),
)
date_piece = st.one_of(
    st.text(date_char, max_size=6),
    st.sampled_from(MONTH_WORDS),
    st.integers(0, 3000).map(str),
    st.sampled_from(["พ.ศ.", "ค.ศ.", " ", "0000-00-00"]),
)
date_like = st.lists(date_piece, max_size=8).map("".join)
any_text = st.one_of(st.text(max_size=40), date_like, date_like)
non_text = st.one_of(
    st.none(),
    st.just(np.nan),
    st.just(pd.NA),
    st.just(pd.NaT),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-2, 2).map(lambda n: 10**400 * n),
    st.datetimes(min_value=dt.datetime(1700, 1, 1), max_value=dt.datetime(2299, 12, 31)),
    st.integers(0, 80_000),
    st.floats(0, 80_000),
)
cell = st.one_of(any_text, any_text, non_text)


@st.composite
def series_of(draw, values=cell):
    """A Series with an arbitrary index (range, shifted, text, duplicated) and an arbitrary name."""
    data = draw(st.lists(values, max_size=20))
    kind = draw(st.sampled_from(["range", "shifted", "text", "duplicated"]))
    n = len(data)
    index = {
        "range": pd.RangeIndex(n),
        "shifted": pd.RangeIndex(100, 100 + n),
        "text": pd.Index([f"r{i}" for i in range(n)]),
        "duplicated": pd.Index([0] * n),
    }[kind]
    name = draw(st.one_of(st.none(), st.text(max_size=5), st.integers()))
    s = pd.Series(data, index=index, name=name, dtype=object)
    return s.astype("category") if draw(st.booleans()) and s.notna().any() and _hashable(s) else s


def _hashable(s: pd.Series) -> bool:
    try:
        s.astype("category")
    except TypeError:
        return False
    return True


def _is_time(v) -> bool:
    return v is pd.NaT or isinstance(v, pd.Timestamp)


# --------------------------------------------------------------------------------- no crash
@given(
    any_text,
    st.sampled_from([None, True, False]),
    st.sampled_from(["auto", "be", "ce"]),
    st.sampled_from([None, True, False]),
)
def test_parse_never_raises_on_text(text, dayfirst, era, excel):
    out, rep = dates.parse_date_th(text, dayfirst=dayfirst, era=era, excel=excel, report=True)
    assert _is_time(out) and isinstance(rep, pd.DataFrame)
    assert _is_time(dates.find_date_th(text, dayfirst=dayfirst, era=era))


@given(st.one_of(any_text, non_text))
def test_year_functions_never_raise(value):
    for func in (dates.be_to_ce, dates.ce_to_be):
        out = func(value)
        assert pd.isna(out) or isinstance(out, int)


# ------------------------------------------------------------------------- shape is kept
@given(series_of(), st.sampled_from([None, True]))
def test_series_keeps_length_index_and_name(s, excel):
    before = s.copy()
    for out in (
        dates.parse_date_th(s, excel=excel),
        dates.find_date_th(s),
        dates.be_to_ce(s),
        dates.ce_to_be(s),
    ):
        assert isinstance(out, pd.Series) and len(out) == len(s)
        assert out.index.equals(s.index) and out.name == s.name
    pd.testing.assert_series_equal(s, before)


@given(series_of())
def test_categorical_and_object_agree(s):
    obj = s.astype(object)
    pd.testing.assert_series_equal(dates.parse_date_th(s), dates.parse_date_th(obj))
    pd.testing.assert_series_equal(dates.be_to_ce(s), dates.be_to_ce(obj))


# ----------------------------------------------------------------------- every date is real
@given(
    st.lists(any_text, min_size=1, max_size=10),
    st.sampled_from(["auto", "be", "ce"]),
    st.sampled_from([None, True, False]),
)
def test_parsed_dates_are_real_and_in_range(texts, era, dayfirst):
    s = pd.Series(texts, dtype=object)
    for out in (dates.parse_date_th(s, era=era, dayfirst=dayfirst), dates.find_date_th(s, era=era)):
        assert str(out.dtype) == "datetime64[us]"
        for ts in out.dropna():
            assert dates.MIN_CE_YEAR <= ts.year <= dates.MAX_CE_YEAR
            assert dt.date(ts.year, ts.month, ts.day)  # a real calendar day (raises otherwise)


# ------------------------------------------------------------------------------ round trips
@given(st.integers(dates.MIN_CE_YEAR, dates.MAX_CE_YEAR))
def test_ce_be_round_trip(ce):
    be = dates.ce_to_be(ce)
    assert be == ce + thai.BE_OFFSET
    if be >= dates.BE_FROM:  # the era rule: 4-digit B.E. years start at 2400
        assert dates.be_to_ce(be) == ce
        assert dates.be_to_ce(str(be).translate(THAI_DIGITS)) == ce
    else:
        assert pd.isna(dates.be_to_ce(be))


@given(st.integers(dates.BE_FROM, dates.MAX_CE_YEAR + thai.BE_OFFSET))
def test_be_ce_round_trip(be):
    assert dates.ce_to_be(dates.be_to_ce(be)) == be
    assert dates.ce_to_be(str(dates.be_to_ce(f"พ.ศ. {be}"))) == be


@given(st.lists(st.integers(dates.BE_FROM, dates.MAX_CE_YEAR + thai.BE_OFFSET), max_size=20))
def test_be_ce_round_trip_series(years):
    s = pd.Series(years, dtype="Int64")
    pd.testing.assert_series_equal(dates.ce_to_be(dates.be_to_ce(s)), s)


def _be(d):
    return d.year + thai.BE_OFFSET


def _zw(text, draw):
    """Insert zero-width characters between random characters (what PDF exports leave behind)."""
    out = []
    for ch in text:
        out.append(ch)
        if draw(st.booleans()):
            out.append(draw(st.sampled_from(ZERO_WIDTH)))
    return "".join(out)


BE4 = {
    "min_value": dt.date(dates.BE_FROM - thai.BE_OFFSET, 1, 1),
    "max_value": dt.date(dates.MAX_CE_YEAR, 12, 31),
}
BE2 = {"min_value": dt.date(2500 - thai.BE_OFFSET, 1, 1), "max_value": dt.date(2599 - thai.BE_OFFSET, 12, 31)}
CE4 = {"min_value": dt.date(dates.MIN_CE_YEAR, 1, 1), "max_value": dt.date(dates.MAX_CE_YEAR, 12, 31)}
_this = dt.date.today().year
PIVOT = {"min_value": dt.date(_this - 80, 1, 1), "max_value": dt.date(_this + 19, 12, 31)}

FORMATS = {  # name: (date range, writer, keyword arguments of parse_date_th)
    "d/m/BBBB": (BE4, lambda d, draw: f"{d.day}/{d.month}/{_be(d)}", {}),
    "dd/mm/yy": (BE2, lambda d, draw: f"{d.day:02d}/{d.month:02d}/{_be(d) % 100:02d}", {}),
    "dd-mm-BBBB": (BE4, lambda d, draw: f"{d.day:02d}-{d.month:02d}-{_be(d)}", {}),
    "dd.mm.BBBB": (BE4, lambda d, draw: f"{d.day:02d}.{d.month:02d}.{_be(d)}", {}),
    "BBBB-mm-dd": (BE4, lambda d, draw: f"{_be(d)}-{d.month:02d}-{d.day:02d}", {}),
    "CCCC-mm-dd": (CE4, lambda d, draw: d.isoformat(), {}),
    "dd/mm/CCCC": (CE4, lambda d, draw: f"{d.day:02d}/{d.month:02d}/{d.year}", {"era": "ce"}),
    "m/d/CCCC": (CE4, lambda d, draw: f"{d.month}/{d.day}/{d.year}", {"dayfirst": False, "era": "ce"}),
    "d abbr yy": (
        BE2,
        lambda d, draw: f"{d.day} {thai.THAI_MONTHS_ABBR[d.month - 1]} {_be(d) % 100:02d}",
        {},
    ),
    "d abbr-no-dots BBBB": (
        BE4,
        lambda d, draw: f"{d.day} {thai.THAI_MONTHS_ABBR[d.month - 1].replace('.', '')} {_be(d)}",
        {},
    ),
    "d full BBBB": (BE4, lambda d, draw: f"{d.day} {thai.THAI_MONTHS[d.month - 1]} {_be(d)}", {}),
    "d short BBBB": (BE4, lambda d, draw: f"{d.day} {thai.THAI_MONTHS_SHORT[d.month - 1]} {_be(d)}", {}),
    "weekday": (
        BE4,
        lambda d, draw: f"วัน{WEEKDAYS[d.weekday()]}ที่ {d.day} {thai.THAI_MONTHS[d.month - 1]} พ.ศ. {_be(d)}",
        {},
    ),
    "prefix": (
        BE4,
        lambda d, draw: f"{d.day} {_unique_prefix(thai.THAI_MONTHS[d.month - 1], draw)} {_be(d)}",
        {},
    ),
    "thai digits": (BE4, lambda d, draw: f"{d.day}/{d.month}/{_be(d)}".translate(THAI_DIGITS), {}),
    "thai digits zw": (
        BE4,
        lambda d, draw: _zw(
            f"{d.day} {thai.THAI_MONTHS_ABBR[d.month - 1]} พ.ศ. {_be(d)}".translate(THAI_DIGITS), draw
        ),
        {},
    ),
    "d-Mon-yy": (PIVOT, lambda d, draw: f"{d.day}-{EN_ABBR[d.month - 1]}-{d.year % 100:02d}", {}),
    "d Mon CCCC": (CE4, lambda d, draw: f"{d.day} {EN_ABBR[d.month - 1]} {d.year}", {}),
    "d abbr ค.ศ. CCCC": (
        CE4,
        lambda d, draw: f"{d.day} {thai.THAI_MONTHS_ABBR[d.month - 1]} ค.ศ. {d.year}",
        {},
    ),
}


def _unique_prefix(name: str, draw) -> str:
    ends = [
        e
        for e in range(3, len(name) + 1)
        if not any(o != name and o.startswith(name[:e]) for o in thai.THAI_MONTHS)
    ]
    return name[: draw(st.sampled_from(ends))]


@st.composite
def written_date(draw):
    fmt = draw(st.sampled_from(sorted(FORMATS)))
    bounds, write, kwargs = FORMATS[fmt]
    d = draw(st.dates(**bounds))
    return fmt, d, write(d, draw), kwargs


@given(written_date())
def test_written_date_reads_back(case):
    fmt, d, text, kwargs = case
    assert dates.parse_date_th(text, **kwargs) == pd.Timestamp(d), (fmt, text)


@given(written_date(), st.times())
def test_written_date_with_time_reads_back(case, time):
    fmt, d, text, kwargs = case
    assume(fmt not in ("weekday",))  # "... พ.ศ. 2567 10:20" is fine too, but keep one shape per test
    fraction = f".{time.microsecond:06d}" if time.microsecond else ""
    with_time = f"{text} {time.hour:02d}:{time.minute:02d}:{time.second:02d}{fraction}"
    expected = pd.Timestamp(dt.datetime.combine(d, time))
    assert dates.parse_date_th(with_time, **kwargs) == expected, with_time


words = st.text(
    st.one_of(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E4F), st.sampled_from(" ()[]:,-abcxyz")),
    max_size=15,
)


@given(written_date(), words, words)
def test_find_date_inside_text(case, before, after):
    fmt, d, text, kwargs = case
    kwargs = {k: v for k, v in kwargs.items() if k in ("dayfirst", "era")}
    cell = f"{before} {text} {after}"
    assert dates.find_date_th(cell, **kwargs) == pd.Timestamp(d), (fmt, cell)


@given(st.dates(**CE4), st.dates(**CE4))
def test_two_different_dates_are_refused(a, b):
    assume(a != b)
    assert dates.find_date_th(f"จาก {a.isoformat()} ถึง {b.isoformat()}") is pd.NaT


@given(st.floats(61, (pd.Timestamp("2299-12-31") - pd.Timestamp("1899-12-30")).days))
def test_excel_serials_are_the_nearest_millisecond(serial):
    got = dates.parse_date_th(serial, excel=True)
    ms, rest = divmod((got - pd.Timestamp("1899-12-30")) // pd.Timedelta(microseconds=1), 1000)
    assert rest == 0  # a whole millisecond
    exact = Fraction(serial) * 86_400_000  # the float's exact value, in milliseconds
    assert abs(ms - exact) <= Fraction(1, 2) + Fraction(1, 10**4)  # float noise at a .5 boundary
    assert dates.parse_date_th(repr(serial), excel=True) == got
