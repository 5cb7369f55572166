"""The contract every public function of helpers.clean keeps (plan: kit-wide helper rules)."""

from __future__ import annotations

import copy
import datetime as dt
import doctest
import inspect
import re

import numpy as np
import pandas as pd
import pytest

from helpers import clean

API = {
    "read_csv_th",
    "detect_encoding",
    "read_excel_th",
    "to_arabic_digits",
    "to_number",
    "parse_date_th",
    "be_to_ce",
    "ce_to_be",
    "normalize_province",
    "province_code",
    "clean_text",
    "sort_th",
    "unparsed",
}
SERIES_FUNCTIONS = [
    clean.to_arabic_digits,
    clean.to_number,
    clean.parse_date_th,
    clean.be_to_ce,
    clean.ce_to_be,
    clean.normalize_province,
    clean.province_code,
    clean.clean_text,
]
THAI = re.compile(r"[\u0e00-\u0e7f]")


def test_planned_names_exist():
    assert API <= set(clean.__all__)
    for name in clean.__all__:  # functions and classes; UPPER_CASE names are documented constants
        assert name.isupper() or callable(getattr(clean, name)), name


def test_lazy_access_through_helpers():
    import helpers

    assert helpers.clean.parse_date_th is clean.parse_date_th


@pytest.mark.parametrize("name", sorted(API | {"sort_key_th", "province_table"}))
def test_docstring_english_first_line_thai_explanation_and_doctest(name):
    doc = inspect.getdoc(getattr(clean, name))
    assert doc, name
    first = doc.splitlines()[0]
    assert first and not THAI.search(first.split("(")[0]), first
    assert THAI.search(doc), f"{name}: no Thai explanation"
    tests = doctest.DocTestFinder().find(getattr(clean, name))
    assert any(t.examples for t in tests), f"{name}: no doctest"


def _mixed_series():
    return pd.Series(
        [
            "๑๒",
            None,
            np.nan,
            "",
            "   ",
            7,
            2.5,
            True,
            "15/1/2567",
            "จ.น่าน",
            dt.date(2024, 1, 1),
            "x" * 300,
            "-",
            "2567",
        ],
        index=pd.Index([f"r{i}" for i in range(14)], name="แถว"),
        name="ค่า",
    )


@pytest.mark.parametrize("func", SERIES_FUNCTIONS, ids=lambda f: f.__name__)
def test_series_in_series_out_same_index_and_name_no_mutation(func):
    s = _mixed_series()
    before = copy.deepcopy(s)
    out = func(s)
    assert isinstance(out, pd.Series)
    assert out.index.equals(s.index) and out.index.name == "แถว" and out.name == "ค่า"
    assert len(out) == len(s)
    pd.testing.assert_series_equal(s, before)


@pytest.mark.parametrize("func", SERIES_FUNCTIONS, ids=lambda f: f.__name__)
def test_empty_series(func):
    out = func(pd.Series([], dtype=object, name="e"))
    assert isinstance(out, pd.Series) and out.empty and out.name == "e"


@pytest.mark.parametrize("func", SERIES_FUNCTIONS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("value", [None, np.nan, "", "ไม่ทราบ", 12, "๑๒", -1, 10**12])
def test_scalar_in_scalar_out(func, value):
    out = func(value)
    assert not isinstance(out, (pd.Series, pd.DataFrame, list, np.ndarray))


@pytest.mark.parametrize("func", SERIES_FUNCTIONS, ids=lambda f: f.__name__)
def test_all_missing_series(func):
    s = pd.Series([None, np.nan, None], name="m")
    out = func(s)
    assert out.isna().all() and out.name == "m"


def test_report_functions_do_not_mutate():
    s = pd.Series(["1/2/2567", "Atlantis", None])
    before = s.copy()
    clean.parse_date_th(s, report=True)
    clean.normalize_province(s, report=True)
    clean.province_code(s, report=True)
    pd.testing.assert_series_equal(s, before)


def test_factorize_fallback_gives_the_same_answer(monkeypatch):
    from pandas._libs import hashtable

    from helpers.clean import _common

    s = pd.Series(["ก", None, "ข", "ก", np.nan, 3], dtype=object)
    fast = _common.factorize(s)

    class Broken:
        def __init__(self, *a):
            raise RuntimeError("no private API")

    monkeypatch.setattr(hashtable, "PyObjectHashTable", Broken)
    slow = _common.factorize(s)
    assert fast[0].tolist() == slow[0].tolist() == [0, -1, 1, 0, -1, 2]
    assert fast[1].tolist() == slow[1].tolist() == ["ก", "ข", 3]
    assert clean.to_number(pd.Series(["1", "x"])).tolist()[0] == 1.0  # still works without it


# ----------------------------------------------------------- categorical in = object in
#: every public function of helpers.clean that takes a column, with the keyword variants to try
COLUMN_FUNCTIONS = {
    "to_arabic_digits": [{}],
    "to_number": [{}, {"report": True}],
    "parse_date_th": [{}, {"report": True}, {"dayfirst": False, "era": "be"}],
    "find_date_th": [{}, {"report": True}],
    "be_to_ce": [{}],
    "ce_to_be": [{}],
    "normalize_province": [{}, {"report": True}],
    "province_code": [{}, {"report": True}],
    "clean_text": [{}, {"blank_to_na": True}],
    "sort_key_th": [{}],
    "sort_th": [{}, {"reverse": True}],
    "unparsed": [{}, {"counts": True}],
}
NOT_COLUMN_FUNCTIONS = {
    "text_columns",  # takes a whole table
    "read_csv_th",
    "detect_encoding",
    "read_excel_th",
    "province_table",
    "province_code_table",
}


def test_every_public_function_is_classified_for_the_categorical_contract():
    functions = {name for name in clean.__all__ if inspect.isfunction(getattr(clean, name))}
    assert set(COLUMN_FUNCTIONS) | NOT_COLUMN_FUNCTIONS == functions


def _categorical_inputs():
    text = [
        "๑๒",
        None,
        "15/1/2567",
        "จ.น่าน",
        "1,200 บาท",
        "๑๒",
        "Atlantis",
        "2567",
        "  เเมว ",
        "",
        "-",
        "5/6/2567",
        "กทม.",
        "1.2 ล้าน",
        "15/1/2567",
        "พ.ศ. ๒๕๖๖",
        "10-20",
        "ณ วันที่ 30 พฤศจิกายน 2560",
    ]
    index = pd.Index([f"r{i}" for i in range(len(text))], name="แถว")
    years = [2566, None, 2567, 2566, 67]
    return [
        pd.Series(text, dtype="category", index=index, name="ค่า"),
        pd.Series(years, dtype="category", index=pd.RangeIndex(10, 15), name="ปี"),
        pd.Series(pd.Categorical(["น่าน", "ก", None], categories=["ก", "น่าน", "ไม่ใช้"], ordered=True)),
        pd.Series([], dtype="category", name="ว่าง"),
    ]


def _call(name, s, kwargs):
    func = getattr(clean, name)
    if name == "unparsed":  # unparsed takes the raw column and what a cleaning function made of it
        return func(s, clean.to_number(s), **kwargs)
    return func(s, **kwargs)


def _same(a, b, what):
    if isinstance(a, tuple):
        assert isinstance(b, tuple) and len(a) == len(b), what
        for x, y in zip(a, b):
            _same(x, y, what)
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, obj=what)
    else:
        pd.testing.assert_series_equal(a, b, obj=what)


@pytest.mark.parametrize("name", sorted(COLUMN_FUNCTIONS))
def test_categorical_column_gives_the_same_result_as_object(name):
    for s in _categorical_inputs():
        obj = s.astype(object)
        before = s.copy()
        for kwargs in COLUMN_FUNCTIONS[name]:
            what = f"{name}({s.name!r}, **{kwargs})"
            out_cat, out_obj = _call(name, s, kwargs), _call(name, obj, kwargs)
            if name == "sort_th":  # a reordering of the input rows keeps the input's dtype
                assert out_cat.dtype == s.dtype, what
                out_cat = out_cat.astype(object)
            _same(out_cat, out_obj, what)
            main = out_cat[0] if isinstance(out_cat, tuple) else out_cat
            if name != "unparsed":  # unparsed lists distinct values: no row-for-row result
                assert len(main) == len(s) and main.name == s.name, what
                assert (main.index.sort_values() if name == "sort_th" else main.index).equals(
                    s.index.sort_values() if name == "sort_th" else s.index
                ), what
                assert not isinstance(main.dtype, pd.CategoricalDtype), what
        pd.testing.assert_series_equal(s, before)  # the input is not changed


@pytest.mark.parametrize(
    "name",
    [
        "to_arabic_digits",
        "to_number",
        "clean_text",
        "parse_date_th",
        "normalize_province",
        "province_code",
        "be_to_ce",
    ],
)
def test_categorical_array_and_index_are_accepted_like_lists(name):
    values = ["๑๒", None, "จ.น่าน", "๑๒"]
    func = getattr(clean, name)
    expected = func(pd.Series(values, dtype="category").astype(object))  # missing is NaN there
    for given in (pd.Categorical(values), pd.CategoricalIndex(values)):
        pd.testing.assert_series_equal(func(given), expected)
