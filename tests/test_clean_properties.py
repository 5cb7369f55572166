"""Property-based tests (hypothesis) for the text and number functions of helpers.clean.

Dates and provinces have their own property tests (their owners write them).  Every property runs
on any Unicode text (``st.text()``) and on text built from what Thai government files contain: the
Thai block U+0E00–U+0E7F, Arabic and Thai digits, spaces and odd spaces, zero-width characters and
punctuation.  Example counts come from the hypothesis profile loaded by the root conftest.py.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit

from helpers import clean
from helpers.clean._common import SPACE_LIKE, ZERO_WIDTH, is_blank

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
PUNCTUATION = ".,-+()%/'\"฿–—−:;!?#*"

# --------------------------------------------------------------------------------- strategies
thai_char = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
# vowels, tone marks and signs (what pythainlp.util.normalize reorders and de-duplicates), with a few
# consonants: drawn on their own they meet each other far more often than in the whole block
THAI_MARKS = (
    "\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e40\u0e41\u0e42\u0e43\u0e44\u0e45"
    "\u0e46\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
thai_mark_char = st.sampled_from(THAI_MARKS + "กขนมอรฤฦ")
thai_marks_text = st.text(st.sampled_from(THAI_MARKS + "กขนอฤ \u200b"), max_size=40)
kit_char = st.one_of(
    thai_char,
    thai_char,
    thai_mark_char,
    thai_mark_char,  # mostly Thai
    st.sampled_from("0123456789" + THAI_DIGITS),
    st.sampled_from(" \t\n" + SPACE_LIKE),
    st.sampled_from(ZERO_WIDTH),
    st.sampled_from(PUNCTUATION),
    st.sampled_from("abcXYZe"),
)
thai_text = st.text(kit_char, max_size=30)
any_text = st.one_of(st.text(max_size=30), thai_text)
# words and number pieces that really occur in number columns, glued in any order
number_piece = st.one_of(
    st.integers(-(10**6), 10**9).map(lambda n: f"{n:,}"),
    st.integers(0, 10**6).map(str),
    st.sampled_from(clean.numbers.UNITS),
    st.sampled_from(list(clean.numbers.MULTIPLIERS)),
    st.sampled_from([" ", "(", ")", ".", ",", "-", "e", "E", "ร้อยละ", "฿", ".-", '"', "'", "ไม่ระบุ"]),
)
number_like = st.lists(number_piece, max_size=6).map("".join)
cell_text = st.one_of(any_text, number_like)
non_text = st.one_of(
    st.none(),
    st.just(np.nan),
    st.just(pd.NA),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-2, 2).map(lambda n: 10**400 * n),
)
cell = st.one_of(cell_text, cell_text, non_text)


@st.composite
def series_of(draw, values=cell, dtype=object):
    """A Series with an arbitrary index (range, shifted, text, duplicated) and an arbitrary name."""
    data = draw(st.lists(values, max_size=25))
    kind = draw(st.sampled_from(["range", "shifted", "text", "duplicated"]))
    n = len(data)
    index = {
        "range": pd.RangeIndex(n),
        "shifted": pd.RangeIndex(100, 100 + n),
        "text": pd.Index([f"แถว{i}" for i in range(n)], dtype=object),
        "duplicated": pd.Index([i // 2 for i in range(n)]),
    }[kind]
    name = draw(st.one_of(st.none(), st.sampled_from(["จำนวน", "x", 0])))
    return pd.Series(data, index=index, name=name, dtype=dtype)


text_series = st.one_of(series_of(), series_of(st.one_of(cell_text, st.none()), dtype="str"))


def same(a, b) -> bool:
    """Equal, counting NaN/None/NA as equal to each other (the comparison the kit promises)."""
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if pd.api.types.is_scalar(a) and pd.api.types.is_scalar(b) and pd.isna(a) and pd.isna(b):
        return True
    return type(a) is type(b) and a == b


def assert_same_shape(out: pd.Series, s: pd.Series):
    assert isinstance(out, pd.Series)
    assert len(out) == len(s) and out.index.equals(s.index) and out.name == s.name


# ---------------------------------------------------------------------------- to_arabic_digits
@given(any_text)
def test_to_arabic_digits_replaces_only_thai_digits(text):
    out = clean.to_arabic_digits(text)
    assert isinstance(out, str) and len(out) == len(text)
    assert not set(out) & set(THAI_DIGITS)
    for before, after in zip(text, out):
        assert after == (str(THAI_DIGITS.index(before)) if before in THAI_DIGITS else before)
    assert clean.to_arabic_digits(out) == out  # idempotent


@given(any_text)
def test_thai_and_arabic_digits_give_the_same_answers(text):
    thai = arabic_digit_to_thai_digit(text)
    assert clean.to_arabic_digits(thai) == clean.to_arabic_digits(text)
    assert same(clean.to_number(thai), clean.to_number(text))


@given(text_series)
def test_to_arabic_digits_series(s):
    before = s.copy()
    out = clean.to_arabic_digits(s)
    assert_same_shape(out, s)
    assert out.dtype == s.dtype
    for v, o in zip(s, out):
        assert same(o, clean.to_arabic_digits(v))  # Series = value by value
    pd.testing.assert_series_equal(clean.to_arabic_digits(out), out)
    pd.testing.assert_series_equal(s, before)


# ---------------------------------------------------------------------------------- to_number
@given(cell)
def test_to_number_never_crashes_and_never_gives_infinity(value):
    out = clean.to_number(value)
    assert isinstance(out, float) and not math.isinf(out)
    out2, rep = clean.to_number(value, report=True)
    assert same(out, out2)
    assert list(rep.columns) == ["value", "count", "problem"] and len(rep) <= 1
    if len(rep):
        assert math.isnan(out) and rep["problem"].iloc[0] in clean.numbers.PROBLEMS.values()


@given(text_series)
@example(pd.Series(["'", '""', "\u200b", " \u00a0"], dtype=object))  # found by the "slow" profile
def test_to_number_series(s):
    before = s.copy()
    out, rep = clean.to_number(s, report=True)
    assert_same_shape(out, s)
    assert out.dtype == "float64" and not np.isinf(out.to_numpy()).any()
    for v, o in zip(s, out):
        assert same(o, clean.to_number(v))  # Series = value by value
    pd.testing.assert_series_equal(clean.to_number(s), out)
    # the report explains exactly the values unparsed lists, with the number of rows of each
    lost = clean.unparsed(s, out, counts=True)
    assert sorted(map(repr, rep["value"])) == sorted(map(repr, lost.index))
    assert int(rep["count"].sum()) == int(lost.sum())
    assert rep["count"].is_monotonic_decreasing
    pd.testing.assert_series_equal(s, before)


@given(
    st.integers(0, 10**15),
    st.sampled_from(["", ".5", ".25", ".125", ".05"]),
    st.booleans(),
    st.sampled_from(["", "-", "()"]),
    st.sampled_from(("",) + clean.numbers.UNITS),
    st.sampled_from(["", " "]),
)
def test_to_number_reads_what_it_promises(n, frac, thai, sign, unit, gap):
    text = f"{n:,}{frac}"
    if thai:
        text = arabic_digit_to_thai_digit(text)
    text = f"-{text}" if sign == "-" else f"({text})" if sign == "()" else text
    text = f"{text}{gap}{unit}"
    expected = float(Decimal(f"{n}{frac}")) * (-1 if sign else 1) + 0.0
    assert clean.to_number(text) == expected


@given(
    st.integers(0, 10**9),
    st.sampled_from(["", ".2", ".05", ".75"]),
    st.sampled_from(["ร้อย", "พัน", "หมื่น", "แสน", "ล้าน", "แสนล้าน", "ล้านล้าน"]),
    st.sampled_from(["", "บาท", "คน"]),
)
def test_to_number_multipliers_are_exact(n, frac, word, unit):
    power = {"ร้อย": 2, "พัน": 3, "หมื่น": 4, "แสน": 5, "ล้าน": 6, "แสนล้าน": 11, "ล้านล้าน": 12}[word]
    expected = float(Decimal(f"{n}{frac}") * 10**power)  # exact, then rounded once
    assert clean.to_number(f"{n:,}{frac} {word}{unit}") == expected


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["-", " - ", "/", " ถึง ", "–", " "]))
def test_to_number_refuses_two_numbers(a, b, sep):
    text = f"{a}{sep}{b}"
    assume(not (sep == " " and len(str(b)) == 3 and len(str(a)) <= 3))  # "1 234": thousands by space
    out, rep = clean.to_number(text, report=True)
    assert math.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["many_numbers"]]


@given(
    st.integers(1, 999),
    st.text("0123456789", min_size=1, max_size=6).filter(lambda d: len(d) != 3),
    st.integers(0, 999),
)
def test_to_number_refuses_european_or_misplaced_separators(a, digits, b):
    out, rep = clean.to_number(f"{a},{digits}", report=True)  # "1,2", "12,34": 1.2? 12? 1234?
    assert math.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["separator"]]
    out, rep = clean.to_number(f"{a}.{b:03d},{digits}", report=True)  # "1.200,50": European style
    assert math.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["separator"]]


@given(
    st.sampled_from(sorted(clean.numbers.MISSING_WORDS)),
    st.sampled_from(["", " ", "\u00a0", "\u200b"]),
    st.booleans(),
)
def test_to_number_missing_words(word, pad, upper):
    text = f"{pad}{word.upper() if upper else word}{pad}"
    assert math.isnan(clean.to_number(text))


# --------------------------------------------------------------------------------- clean_text
@given(cell)
def test_clean_text_is_idempotent_and_tidy(value):
    once = clean.clean_text(value)
    if not isinstance(value, str):
        assert once is value  # non-text comes back as it was
        return
    assert clean.clean_text(once) == once
    assert once == once.strip() and "  " not in once
    assert not set(once) & set(ZERO_WIDTH + SPACE_LIKE + "\t\n")
    blank = clean.clean_text(value, blank_to_na=True)
    assert (isinstance(blank, float) and math.isnan(blank)) if once == "" else blank == once


@given(thai_marks_text)
def test_clean_text_is_idempotent_on_every_piece_of_mark_heavy_text(text):
    # marks next to marks are where pythainlp's one-pass normalize needed a second call ("อํๅ");
    # checking every short piece of a long draw tries many such neighbourhoods per example
    for i in range(len(text)):
        for j in range(i + 1, min(len(text), i + 6) + 1):
            once = clean.clean_text(text[i:j])
            assert clean.clean_text(once) == once, text[i:j]


@given(text_series, st.booleans())
def test_clean_text_series(s, blank_to_na):
    before = s.copy()
    out = clean.clean_text(s, blank_to_na=blank_to_na)
    assert_same_shape(out, s)
    assert out.dtype == s.dtype
    for v, o in zip(s, out):
        assert same(o, clean.clean_text(v, blank_to_na=blank_to_na))
    pd.testing.assert_series_equal(clean.clean_text(out, blank_to_na=blank_to_na), out)  # idempotent
    pd.testing.assert_series_equal(s, before)


# ------------------------------------------------------------------------- sort_th, sort_key_th
words = st.lists(st.one_of(thai_text, st.text(max_size=10)), max_size=20)


@given(words, st.booleans())
def test_sort_th_is_a_sorted_permutation(items, reverse):
    out = clean.sort_th(items, reverse=reverse)
    assert sorted(out) == sorted(items)
    assert clean.sort_th(out, reverse=reverse) == out  # sorting a sorted list changes nothing
    keys = clean.sort_key_th(pd.Series(out, dtype=object)).tolist()
    assert keys == sorted(keys, reverse=reverse)


@given(st.lists(st.one_of(thai_text, st.none(), st.integers(0, 9)), max_size=20))
def test_sort_th_puts_text_first_and_keeps_the_rest(items):
    out = clean.sort_th(items)
    n_text = sum(isinstance(v, str) for v in items)
    assert all(isinstance(v, str) for v in out[:n_text])
    assert out[n_text:] == [v for v in items if not isinstance(v, str)]


@given(series_of(st.one_of(thai_text, st.none())))
def test_sort_key_th_and_sort_th_on_series(s):
    keys = clean.sort_key_th(s)
    assert_same_shape(keys, s)
    assert keys.dtype == "float64" and keys.isna().equals(s.isna())
    for (a, ka), (b, kb) in zip(zip(s, keys), zip(s[::-1], keys[::-1])):
        if isinstance(a, str) and a == b:
            assert ka == kb  # equal text, equal key
    out = clean.sort_th(s)
    assert len(out) == len(s) and out.name == s.name and sorted(out.index) == sorted(s.index)
    texts = [v for v in out if isinstance(v, str)]
    assert texts == clean.sort_th([v for v in s if isinstance(v, str)])
    assert out.iloc[len(texts) :].isna().all()


# ----------------------------------------------------------------------------------- unparsed
@given(text_series)
def test_unparsed_lists_each_lost_value_once(s):
    parsed = clean.to_number(s)
    lost = clean.unparsed(s, parsed)
    counts = clean.unparsed(s, parsed, counts=True)
    assert isinstance(lost, pd.Series) and lost.name == s.name
    assert len(set(map(repr, lost))) == len(lost)  # each value once
    assert [repr(v) for v in lost] == [repr(v) for v in counts.index]
    raw = s.to_numpy(dtype=object)
    lost_rows = parsed.isna().to_numpy() & ~s.isna().to_numpy()
    expected = [v for v in raw[lost_rows] if not (isinstance(v, str) and is_blank(v))]
    assert int(counts.sum()) == len(expected)
    assert {repr(v) for v in lost} == {repr(v) for v in expected}
    assert counts.is_monotonic_decreasing


# ----------------------------------------------------------------- scalar in, scalar out
SCALAR_FUNCTIONS = [clean.to_arabic_digits, clean.to_number, clean.clean_text]


@pytest.mark.parametrize("func", SCALAR_FUNCTIONS, ids=lambda f: f.__name__)
@given(value=cell)
def test_scalar_in_scalar_out(func, value):
    out = func(value)
    assert not isinstance(out, (pd.Series, pd.DataFrame, list, tuple, np.ndarray))
    series_out = func(pd.Series([value], dtype=object))
    assert same(out, series_out.iloc[0])


@given(cell_text)
def test_unparsed_scalar(value):
    lost = clean.unparsed(value, clean.to_number(value))
    assert isinstance(lost, pd.Series) and len(lost) <= 1


# ---------------------------------------------------------- categorical in = object in
CATEGORICAL_CALLS = {
    "to_arabic_digits": lambda s: clean.to_arabic_digits(s),
    "to_number": lambda s: clean.to_number(s),
    "to_number(report)": lambda s: clean.to_number(s, report=True),
    "clean_text": lambda s: clean.clean_text(s),
    "clean_text(blank_to_na)": lambda s: clean.clean_text(s, blank_to_na=True),
    "sort_key_th": lambda s: clean.sort_key_th(s),
    "unparsed": lambda s: clean.unparsed(s, clean.to_number(s), counts=True),
}


@pytest.mark.parametrize("name", sorted(CATEGORICAL_CALLS))
@given(s=series_of(st.one_of(cell_text, st.none())))
def test_categorical_in_is_object_in(name, s):
    cat = s.astype("category")
    call = CATEGORICAL_CALLS[name]
    got, expected = call(cat), call(cat.astype(object))
    for g, e in zip(got, expected) if isinstance(got, tuple) else [(got, expected)]:
        if isinstance(g, pd.DataFrame):
            pd.testing.assert_frame_equal(g, e)
        else:
            pd.testing.assert_series_equal(g, e)
    main = got[0] if isinstance(got, tuple) else got
    if name != "unparsed":
        assert_same_shape(main, s)
        assert not isinstance(main.dtype, pd.CategoricalDtype)


@given(series_of(st.one_of(thai_text, st.none())))
def test_sort_th_categorical_is_object_sorted(s):
    cat = s.astype("category")
    out = clean.sort_th(cat)
    assert out.dtype == cat.dtype  # the rows of the input, reordered
    pd.testing.assert_series_equal(out.astype(object), clean.sort_th(cat.astype(object)))
