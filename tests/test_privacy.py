"""helpers.privacy: unique records on quasi-identifiers and small-cell suppression.

Examples are small hand-made tables whose answers can be counted by eye; properties (hypothesis)
compare the functions with a slow, obvious re-count; the last tests run on the kit's real files.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data, privacy


@pytest.fixture()
def people():
    return pd.DataFrame(
        {
            "province": ["น่าน", "น่าน", "น่าน", "ตาก", "ตาก", None],
            "sex": ["ชาย", "ชาย", "หญิง", "หญิง", "หญิง", "ชาย"],
            "age": [30, 30, 41, 52, 53, 30],
        },
        index=[10, 11, 12, 13, 14, 15],
    )


# --- group_sizes / uniqueness -----------------------------------------------------------------


def test_group_sizes_counts_each_record_in_its_group_and_keeps_the_index(people):
    sizes = privacy.group_sizes(people, ["province", "sex"])
    assert sizes.tolist() == [2, 2, 1, 2, 2, 1]
    assert sizes.index.tolist() == people.index.tolist()


def test_a_missing_value_is_a_group_of_its_own(people):
    # the row with no province is not merged with the two men of น่าน
    assert privacy.group_sizes(people, ["province", "sex", "age"]).loc[15] == 1
    assert privacy.group_sizes(people, ["sex", "age"]).loc[15] == 3


def test_uniqueness_counts_records_not_distinct_combinations(people):
    columns = ["province", "sex"]
    assert privacy.uniqueness(people, columns) == 2
    assert len(people.drop_duplicates(columns)) == 4  # what a learner might count instead
    assert privacy.uniqueness(people, ["province", "sex", "age"]) == 4


def test_more_columns_never_make_fewer_records_unique(people):
    assert privacy.uniqueness(people, ["sex"]) <= privacy.uniqueness(people, ["sex", "province"])
    assert privacy.uniqueness(people, ["sex", "province"]) <= privacy.uniqueness(
        people, ["sex", "province", "age"]
    )


def test_one_column_given_as_text(people):
    assert privacy.uniqueness(people, "age") == privacy.uniqueness(people, ["age"]) == 3


def test_empty_frame_has_no_unique_records():
    empty = pd.DataFrame({"a": [], "b": []})
    assert privacy.uniqueness(empty, ["a", "b"]) == 0
    assert privacy.group_sizes(empty, ["a"]).empty


def test_unknown_column_is_refused_in_thai_with_close_names(people):
    with pytest.raises(KeyError, match="ไม่มีคอลัมน์ 'provinc'.*province"):
        privacy.uniqueness(people, ["provinc", "sex"])


def test_no_columns_or_not_a_table_is_refused(people):
    with pytest.raises(ValueError, match="อย่างน้อยหนึ่งคอลัมน์"):
        privacy.uniqueness(people, [])
    with pytest.raises(TypeError, match="DataFrame"):
        privacy.uniqueness(people["sex"], ["sex"])


def test_uniqueness_table_has_one_row_per_column_set(people):
    table = privacy.uniqueness_table(people, {"เพศ": ["sex"], "ทั้งหมด": ["province", "sex", "age"]})
    assert table.index.tolist() == ["เพศ", "ทั้งหมด"]
    assert table.loc["ทั้งหมด"].tolist() == [6, 4, 66.7]
    assert table.loc["เพศ", "ไม่ซ้ำใคร"] == 0
    with pytest.raises(TypeError, match="dict"):
        privacy.uniqueness_table(people, ["sex"])


rows = st.lists(
    st.tuples(st.sampled_from(["ก", "ข", "ค"]), st.integers(0, 3), st.sampled_from(["ชาย", "หญิง"])),
    max_size=40,
)


@given(rows)
def test_uniqueness_matches_a_plain_count(records):
    frame = pd.DataFrame(records, columns=["province", "age", "sex"])
    counts = Counter(records)
    assert privacy.uniqueness(frame, ["province", "age", "sex"]) == sum(1 for r in records if counts[r] == 1)
    assert privacy.group_sizes(frame, ["province", "age", "sex"]).tolist() == [counts[r] for r in records]
    assert privacy.group_sizes(frame, ["province", "age", "sex"]).sum() == sum(c * c for c in counts.values())


# --- small_cells / suppress_small -------------------------------------------------------------


@pytest.fixture()
def counts():
    return pd.DataFrame({"0–14": [0, 3, 12], "15+": [7, 4, 5]}, index=["ก", "ข", "ค"])


def test_small_cells_flags_one_to_threshold_minus_one(counts):
    mask = privacy.small_cells(counts, 5)
    assert mask.to_dict() == {
        "0–14": {"ก": False, "ข": True, "ค": False},
        "15+": {"ก": False, "ข": True, "ค": False},
    }
    assert privacy.small_cells(counts, 5, include_zero=True).loc["ก", "0–14"]
    assert privacy.small_cells(counts, 6).loc["ค", "15+"]  # 5 is below 6 but not below 5


def test_suppress_small_hides_small_cells_and_leaves_the_input_alone(counts):
    before = counts.copy()
    safe = privacy.suppress_small(counts, threshold=5)
    pd.testing.assert_frame_equal(counts, before)
    assert safe.isna().sum().sum() == 2
    assert safe.loc["ก", "0–14"] == 0 and safe.loc["ค", "0–14"] == 12
    assert str(safe.dtypes.iloc[0]) == "Int64"


def test_an_already_suppressed_cell_stays_suppressed(counts):
    once = privacy.suppress_small(counts, threshold=5)
    twice = privacy.suppress_small(once, threshold=5)
    pd.testing.assert_frame_equal(once, twice)


def test_a_series_of_counts_gives_a_series_back():
    s = pd.Series({"น่าน": 11, "อุตรดิตถ์": 2, "ตาก": 0}, name="cases")
    assert privacy.small_cells(s, 5).tolist() == [False, True, False]
    safe = privacy.suppress_small(s, 5)
    assert isinstance(safe, pd.Series) and safe.name == "cases"
    assert safe.isna().tolist() == [False, True, False]


@pytest.mark.parametrize("threshold", [0, -5, 2.5, True, "5", None])
def test_a_bad_threshold_is_refused_in_thai(counts, threshold):
    with pytest.raises(ValueError, match="เกณฑ์"):
        privacy.small_cells(counts, threshold)


@pytest.mark.parametrize(
    "bad",
    [
        pd.DataFrame({"a": [1.5, 6]}),  # a mean or a percentage, not a count
        pd.DataFrame({"a": [-1, 6]}),
        pd.DataFrame({"a": ["สาม", 6]}),
    ],
)
def test_a_table_that_is_not_counts_is_refused(bad):
    with pytest.raises(ValueError, match="จำนวนนับ"):
        privacy.suppress_small(bad, 5)


def test_not_a_table_is_refused():
    with pytest.raises(TypeError, match="DataFrame"):
        privacy.small_cells([1, 2, 3], 5)


@given(
    st.lists(st.lists(st.integers(0, 30), min_size=3, max_size=3), min_size=1, max_size=8), st.integers(1, 12)
)
def test_suppression_hides_exactly_the_small_nonzero_cells(grid, threshold):
    table = pd.DataFrame(grid, columns=["a", "b", "c"])
    safe = privacy.suppress_small(table, threshold)
    for (row, col), value in table.stack().items():
        hidden = pd.isna(safe.loc[row, col])
        assert hidden == (0 < value < threshold)
        if not hidden:
            assert safe.loc[row, col] == value


# --- on the kit's real files ----------------------------------------------------------------


def test_real_injury_sample_counts():
    injuries = data.load("niems-newyear-2551-clean")
    quasi = ["ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ", "อายุ", "เพศ"]
    sizes = privacy.group_sizes(injuries, quasi)
    # the same count by a different route: records whose combination is not duplicated anywhere
    assert privacy.uniqueness(injuries, quasi) == int((~injuries.duplicated(quasi, keep=False)).sum())
    assert sizes.sum() == injuries.groupby(quasi).size().pow(2).sum()
    assert privacy.uniqueness(injuries, ["เพศ"]) == 0  # 100 records, two sexes


def test_real_covid_table_suppression_is_consistent():
    cases = data.load("ddc-covid-cases-2565-04-12")
    table = pd.crosstab(cases["province_of_isolation"], cases["sex"])
    safe = privacy.suppress_small(table, 5)
    small = privacy.small_cells(table, 5)
    assert int(safe.isna().sum().sum()) == int(small.sum().sum())
    assert int(safe.sum().sum()) + int(table.where(small, 0).sum().sum()) == int(table.sum().sum())
