"""helpers.clean.unparsed: what became missing, listed once, most frequent first."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import clean


def test_unparsed_numbers():
    raw = pd.Series(["1,200", "สองร้อย", "-", None, "สองร้อย", " ", np.nan, "12"], name="จำนวน")
    out = clean.unparsed(raw, clean.to_number(raw))
    assert out.tolist() == ["สองร้อย", "-"] and out.name == "จำนวน"
    counts = clean.unparsed(raw, clean.to_number(raw), counts=True)
    assert counts.to_dict() == {"สองร้อย": 2, "-": 1}


def test_unparsed_dates_and_provinces():
    raw = pd.Series(["15/1/2567", "31 ก.พ. 2567", "xx", "xx", "", None])
    assert clean.unparsed(raw, clean.parse_date_th(raw)).tolist() == ["xx", "31 ก.พ. 2567"]
    prov = pd.Series(["น่าน", "Atlantis", 42, None])
    assert clean.unparsed(prov, clean.normalize_province(prov)).tolist() == ["Atlantis", 42]


def test_unparsed_nothing_lost():
    raw = pd.Series(["1", "2"])
    out = clean.unparsed(raw, clean.to_number(raw))
    assert out.empty and isinstance(out, pd.Series)


def test_unparsed_length_mismatch():
    with pytest.raises(ValueError, match="แถว"):
        clean.unparsed(pd.Series(["a", "b"]), pd.Series([1.0]))


def test_unparsed_scalars_and_no_mutation():
    assert clean.unparsed("xx", clean.to_number("xx")).tolist() == ["xx"]
    raw = pd.Series(["x", "1"], index=[5, 6])
    parsed = clean.to_number(raw)
    before_raw, before_parsed = raw.copy(), parsed.copy()
    clean.unparsed(raw, parsed)
    pd.testing.assert_series_equal(raw, before_raw)
    pd.testing.assert_series_equal(parsed, before_parsed)


def test_unparsed_lists_infinite_and_overflowing_values():
    raw = pd.Series(["1e999", "5", np.inf, 10**400, "1e999"], dtype=object)
    assert clean.unparsed(raw, clean.to_number(raw)).tolist() == ["1e999", np.inf, 10**400]


def test_unparsed_categorical_raw_is_like_object():
    raw = pd.Series(["สองร้อย", "1", None, "สองร้อย", "-"], dtype="category", name="c")
    parsed = clean.to_number(raw)
    for counts in (False, True):
        pd.testing.assert_series_equal(
            clean.unparsed(raw, parsed, counts=counts),
            clean.unparsed(raw.astype(object), parsed, counts=counts),
        )
    assert clean.unparsed(raw, parsed).tolist() == ["สองร้อย", "-"]


def test_problem_report_counts_orders_and_skips():
    from helpers.clean.report import problem_report

    codes = np.array([0, 1, 2, 1, -1, 3, 3, 3, 2])
    rep = problem_report(
        ["a", "b", ("t", 1), "d"], codes, [None, "p", "q", "p"], {"p": "ปัญหา พ", "q": "ปัญหา ค"}
    )
    assert rep.columns.tolist() == ["value", "count", "problem"]
    assert rep["value"].tolist() == ["d", "b", ("t", 1)] and rep["count"].tolist() == [3, 2, 2]
    assert rep["problem"].tolist() == ["ปัญหา พ", "ปัญหา พ", "ปัญหา ค"] and rep["count"].dtype == "int64"
    # a value whose rows all moved elsewhere (count 0) is not listed
    assert problem_report(["a"], np.array([-1]), ["p"], {"p": "x"}).empty


def test_unparsed_skips_cells_that_show_nothing():
    raw = pd.Series(["\u200b", " \u00a0 ", "\ufeff", '""', "x"], dtype=object)
    assert clean.unparsed(raw, clean.to_number(raw)).tolist() == ['""', "x"]
