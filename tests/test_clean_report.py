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


def test_unparsed_counts_is_named_count_with_the_raw_column_name_on_its_index():
    raw = pd.Series(["สองร้อย", "1", "สองร้อย", "x"], name="จำนวน")
    counts = clean.unparsed(raw, clean.to_number(raw), counts=True)
    assert counts.name == "count" and counts.index.name == "จำนวน"
    assert counts.index.tolist() == ["สองร้อย", "x"] and counts.tolist() == [2, 1]


def test_unparsed_keeps_raw_values_as_they_were():
    # an Int64 column read by normalize_province: the list shows 42 (the cell), never 42.0
    raw = pd.Series([42, None, 10, 42], dtype="Int64")
    out = clean.unparsed(raw, clean.normalize_province(raw))
    assert out.tolist() == [42, 10] and [type(v) for v in out] == [int, int]
    assert clean.unparsed(raw, clean.normalize_province(raw), counts=True).index.tolist() == [42, 10]
    # text stays an object column (as every raw list of the kit), whatever pandas would infer
    text = pd.Series(["x", "y", "x"])
    assert clean.unparsed(text, clean.to_number(text)).dtype == object
    assert clean.unparsed(text, clean.to_number(text), counts=True).index.dtype == object


def test_problem_report_columns_keep_one_schema():
    from helpers.clean.report import problem_report

    for uniques in (["a", "b"], [1.5, 2.5]):
        rep = problem_report(uniques, np.array([0, 1, 1]), ["p", "p"], {"p": "ปัญหา"})
        assert rep.dtypes.tolist() == [object, np.dtype("int64"), object]
        assert rep.values.tolist() == [[uniques[1], 2, "ปัญหา"], [uniques[0], 1, "ปัญหา"]]
    empty = problem_report([], [], [], {})
    assert empty.columns.tolist() == ["value", "count", "problem"] and empty.empty


def test_problem_report_skips_trailing_values_without_rows():
    from helpers.clean.report import problem_report

    rep = problem_report(["a", "b", "c"], np.array([0, 0]), ["p", "p", "p"], {"p": "ปัญหา"})
    assert rep.values.tolist() == [["a", 2, "ปัญหา"]]


def test_problem_report_ties_keep_first_appearance_in_long_reports():
    from helpers.clean.report import problem_report

    n = 60  # more than numpy's small-array insertion sort, so an unstable sort would reorder ties
    codes = np.concatenate([np.arange(n), np.arange(0, n, 2)])  # even values twice, odd values once
    rep = problem_report([f"v{i}" for i in range(n)], codes, ["p"] * n, {"p": "ปัญหา"})
    expected = [f"v{i}" for i in range(0, n, 2)] + [f"v{i}" for i in range(1, n, 2)]
    assert rep["value"].tolist() == expected
