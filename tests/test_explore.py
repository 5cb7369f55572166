"""Explorer building blocks: pure functions tested directly, widgets built and driven."""

from __future__ import annotations

import contextlib
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers
from helpers import explore


@pytest.fixture(scope="module", autouse=True)
def _thai_font():
    helpers.setup()


@pytest.fixture()
def provinces():
    return explore.province_measures()


@pytest.fixture()
def long_table():
    return pd.DataFrame(
        {
            "name_th": ["เชียงใหม่", "เชียงใหม่", "สงขลา", "สงขลา"],
            "region_6": ["ภาคเหนือ", "ภาคเหนือ", "ภาคใต้", "ภาคใต้"],
            "year": [2565, 2566, 2565, 2566],
            "cases": [10, 12, 5, 7],
        }
    )


def test_province_measures_are_the_real_table(provinces):
    assert provinces["province_code"].is_unique and len(provinces) == 77
    bkk = provinces.set_index("name_th").loc["กรุงเทพมหานคร"]
    assert bkk["population"] == 5666264
    assert bkk["density"] == round(5666264 / 1564, 1)


def test_filter_table_by_each_choice(long_table):
    assert len(explore.filter_table(long_table, province="สงขลา")) == 2
    assert len(explore.filter_table(long_table, region="ภาคเหนือ", year=2566)) == 1
    assert len(explore.filter_table(long_table, year=[2565, 2566])) == 4
    assert len(explore.filter_table(long_table, province=explore.ALL, region=None)) == 4
    assert explore.filter_table(long_table, province="ไม่มีจังหวัดนี้").empty
    assert explore.filter_table(long_table, cases=[10, 5])["cases"].tolist() == [10, 5]


def test_filter_table_does_not_change_input_and_names_missing_columns(long_table):
    before = long_table.copy()
    out = explore.filter_table(long_table, province="สงขลา")
    out["cases"] = 0
    pd.testing.assert_frame_equal(long_table, before)
    with pytest.raises(KeyError, match="ไม่พบคอลัมน์"):
        explore.filter_table(long_table, year=2566, year_col="ปี")


def test_summarise_sum_mean_and_share(long_table, provinces):
    s = explore.summarise(long_table, "cases", by="region_6")
    assert s.to_dict("records") == [{"region_6": "ภาคเหนือ", "cases": 22}, {"region_6": "ภาคใต้", "cases": 12}]
    m = explore.summarise(long_table, "cases", by=["region_6", "year"], how="mean")
    assert len(m) == 4
    shares = explore.summarise(provinces, "population", by="region_6", share=True)
    assert shares["population"].sum() == 66558935
    assert shares["share_pct"].sum() == pytest.approx(100)
    with pytest.raises(KeyError):
        explore.summarise(long_table, "deaths", by="region_6")


def test_top_n(provinces):
    by_name = provinces.set_index("name_th")["area_km2"]
    top = explore.top_n(provinces, "area_km2", 3)
    assert top.index[0] == by_name.idxmax() and top.is_monotonic_decreasing and len(top) == 3
    bottom = explore.top_n(provinces, "area_km2", 1, ascending=True)
    assert bottom.index.tolist() == ["สมุทรสงคราม"]


@pytest.mark.parametrize("kind", ["barh", "bar", "line", "map"])
def test_make_chart_kinds(kind, provinces):
    if kind == "map":
        values = provinces.set_index("province_code")["density"]
    elif kind == "line":
        values = pd.Series({2564: 1.0, 2565: 2.0, 2566: 1.5})
    else:
        values = explore.top_n(provinces, "population", 5)
    fig = explore.make_chart(
        values,
        kind=kind,
        title="ทดลอง",
        unit="คน",
        source="ทดสอบ",
        year_axis="be" if kind == "line" else None,
    )
    try:
        fig.canvas.draw()
        texts = [t.get_text() for a in fig.axes for t in a.texts] + [t.get_text() for t in fig.texts]
        assert "ที่มา: ทดสอบ" in texts
        if kind == "map":
            assert len(fig.axes[0].patches) == 77
        elif kind == "line":
            assert fig.axes[0].get_xlabel() == "ปี (พ.ศ.)"
            assert fig.axes[0].get_ylim()[0] == 0
        else:
            assert len(fig.axes[0].patches) == 5
    finally:
        plt.close(fig)


def test_make_chart_rejects_bad_input():
    with pytest.raises(TypeError):
        explore.make_chart([1, 2])
    with pytest.raises(ValueError):
        explore.make_chart(pd.Series({"ก": 1}), kind="pie")
    plt.close("all")


def _quiet(fn, *args, **kwargs):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = fn(*args, **kwargs)
    plt.close("all")
    return result, buffer.getvalue()


def test_province_explorer_updates_when_choices_change():
    box, printed = _quiet(explore.explore_provinces, show=False)
    assert "ความหนาแน่นประชากร" in printed
    controls = box.children[0]
    measure_w, region_w = controls.children[0].children
    _n_w, view_w = controls.children[1].children
    assert [v for _label, v in measure_w.options] == list(explore.MEASURES)
    _none, printed = _quiet(setattr, region_w, "value", "ภาคใต้")
    assert "ภาคใต้" not in printed or "สูงสุดคือ" in printed
    _none, printed = _quiet(setattr, measure_w, "value", "population")
    assert printed.count("สูงสุดคือ นครศรีธรรมราช") == 1, printed
    _none, printed = _quiet(setattr, view_w, "value", "map")
    assert "สูงสุดคือ" in printed


def test_table_explorer_and_the_fallback_note(long_table):
    box, printed = _quiet(
        explore.explore_table,
        long_table,
        measures={"cases": ("จำนวนผู้บาดเจ็บ", "คน")},
        time_col="year",
        group_col="name_th",
        source="ข้อมูลจำลอง",
        year_axis="be",
        show=False,
    )
    group_w = box.children[0].children[0]
    assert group_w.options == (explore.ALL, "เชียงใหม่", "สงขลา"), "Thai dictionary order, not code-point order"
    assert "จาก 15 คน เป็น 19 คน" in printed
    _none, printed = _quiet(setattr, group_w, "value", "สงขลา")
    assert "จาก 5 คน เป็น 7 คน" in printed
    note = explore.widgets_note()
    assert "วิดเจ็ต" in note and "python kit.py lab" in note and "py kit.py lab" in note and "Colab" in note


def test_shown_explorer_prints_the_thai_note_and_returns_nothing():
    box, printed = _quiet(explore.explore_provinces, show=True)
    assert box is None
    assert explore.widgets_note() in printed


# --- months: complete series, Thai month axis, gaps instead of lines across missing months -------------------


@pytest.fixture()
def tourism():
    from helpers import data

    return data.load("mots-tourism-province-monthly-clean")


def test_monthly_series_is_complete_and_ordered_with_gaps_as_nan():
    df = pd.DataFrame(
        {"year_be": [2565, 2564, 2564, 2565], "month": [2, 12, 11, 2], "n": [9, 7, 5, pd.NA]}
    ).astype({"n": "Int64"})
    s = explore.monthly_series(df, "n")
    assert s.index.tolist() == ["พ.ย. 2564", "ธ.ค. 2564", "ม.ค. 2565", "ก.พ. 2565"]
    assert s.iloc[:2].tolist() == [5, 7] and pd.isna(s.iloc[2]) and s.iloc[3] == 9
    only_missing = pd.DataFrame({"year_be": [2564, 2564], "month": [1, 2], "n": [1.0, float("nan")]})
    assert pd.isna(explore.monthly_series(only_missing, "n").iloc[1]), "all-missing month is NaN, not 0"
    assert explore.monthly_series(df, "n", how="mean").iloc[0] == 5
    with pytest.raises(ValueError, match="1 ถึง 12"):
        explore.monthly_series(df.assign(month=[13, 1, 1, 1]), "n")


def test_monthly_series_of_the_real_table_covers_30_months(tourism):
    s = explore.monthly_series(tourism, "foreign_visitors")
    assert len(s) == 30 and s.index[0] == "ม.ค. 2563" and s.index[-1] == "มิ.ย. 2565"
    assert s.notna().all()
    assert s.loc["ม.ค. 2563"] == tourism.query("year_be == 2563 and month == 1")["foreign_visitors"].sum()


def test_month_chart_has_thai_months_and_breaks_at_missing_months():
    values = pd.Series({"ต.ค. 2564": 3.0, "พ.ย. 2564": 4.0, "ม.ค. 2565": 6.0, "ก.พ. 2565": 2.0})
    fig = explore.month_chart(values, unit="คน-ครั้ง", source="ทดสอบ", title="ทดลอง")
    try:
        ax = fig.axes[0]
        ys = ax.lines[0].get_ydata()
        assert len(ys) == 5 and pd.isna(ys[2]), "ธ.ค. 2564 is put back as a gap"
        labels = [t.get_text() for t in ax.get_xticklabels()]
        assert labels[0] == "ต.ค.\n2564" and "ม.ค.\n2565" in labels
        assert ax.get_xlabel() == "เดือน (พ.ศ.)" and ax.get_ylim()[0] == 0
        fig.canvas.draw()
        assert "ที่มา: ทดสอบ" in [t.get_text() for a in fig.axes for t in a.texts]
    finally:
        plt.close(fig)
    long = explore.monthly_series(
        pd.DataFrame({"year_be": [2563] * 12 + [2564] * 12, "month": list(range(1, 13)) * 2, "n": range(24)}),
        "n",
    )
    fig = explore.month_chart(long)
    try:
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
        assert labels == ["ม.ค.\n2563", "เม.ย.", "ก.ค.", "ต.ค.", "ม.ค.\n2564", "เม.ย.", "ก.ค.", "ต.ค."]
    finally:
        plt.close(fig)


def test_month_chart_refuses_what_it_cannot_read():
    with pytest.raises(ValueError, match="ม.ค. 2563"):
        explore.month_chart(pd.Series({1: 2.0, 2: 3.0}))
    with pytest.raises(ValueError, match="ซ้ำ"):
        explore.month_chart(pd.Series([1.0, 2.0], index=["ม.ค. 2563", "ม.ค. 2563"]))
    plt.close("all")


# --- the province explorer's views ----------------------------------------------------------------------------


def test_province_view_titles_state_the_finding(provinces):
    fig, text = explore.province_view("area_km2", explore.ALL, 5)
    try:
        largest = provinces.set_index("name_th")["area_km2"].idxmax()
        assert fig.axes[0].get_title().startswith(f"{largest}มีพื้นที่มากที่สุดในประเทศ")
        assert f"สูงสุดคือ {largest}" in text and "5 จังหวัดแรก" in text
    finally:
        plt.close(fig)
    fig, text = explore.province_view("population", "ภาคตะวันตก", 20)
    try:
        n_west = int((provinces["region_6"] == "ภาคตะวันตก").sum())
        assert f"ทั้ง {n_west} จังหวัด" in text, "never '20 จังหวัดแรก' when the region has fewer"
        assert len(fig.axes[0].patches) == n_west
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="ไม่พบภาค"):
        explore.province_view(region="ภาคกลางตอนบน")


def test_province_map_view_has_a_key_and_says_what_grey_means(provinces):
    fig, text = explore.province_view("density", "ภาคใต้", 5, "map")
    try:
        south = provinces[provinces["region_6"] == "ภาคใต้"]
        key = text.split("อักษรย่อบนแผนที่: ", 1)[1]
        assert key.count(" = ") == len(south) and "ภก = ภูเก็ต" in key
        notes = [t.get_text() for t in fig.axes[0].texts]
        assert "สีเทา (–) = จังหวัดนอกภาคใต้" in notes and not any("ไม่มีข้อมูล" in t for t in notes)
    finally:
        plt.close(fig)
    assert explore.abbreviation_key().count(" = ") == 77


# --- the long-table explorer on the real tourism table and the fallback without widgets -------------------------

MEASURES = {
    "foreign_visitors": ("ผู้เยี่ยมเยือนชาวต่างชาติ", "คน-ครั้ง"),
    "foreign_income_mb": ("รายได้จากผู้เยี่ยมเยือนชาวต่างชาติ", "ล้านบาท", 2),
}


def test_monthly_table_explorer_follows_the_choices(tourism):
    box, printed = _quiet(
        explore.explore_table,
        tourism,
        measures=MEASURES,
        time_col="year_be",
        month_col="month",
        group_col="province",
        group_label="จังหวัด",
        source="กระทรวงการท่องเที่ยวและกีฬา",
        show=False,
    )
    group_w, measure_w = box.children[0].children
    assert group_w.description == "จังหวัด" and len(group_w.options) == 78
    assert "ทุกจังหวัดรวมกัน" in printed and "จากทั้งหมด 30 รายการ" in printed
    phuket = tourism[tourism["province"] == "ภูเก็ต"]
    low = phuket.loc[phuket["foreign_visitors"].idxmin()]
    _none, printed = _quiet(setattr, group_w, "value", "ภูเก็ต")
    assert (
        f"ต่ำสุดคือ เดือน {explore.month_label(low['year_be'], low['month'])} ({low['foreign_visitors']:,} คน-ครั้ง)"
        in printed
    )
    _none, printed = _quiet(setattr, measure_w, "value", "foreign_income_mb")
    assert "ล้านบาท" in printed and f"({phuket['foreign_income_mb'].max():,.2f} ล้านบาท)" in printed


def test_without_ipywidgets_both_explorers_show_a_static_chart(monkeypatch, tourism):
    import sys

    shown = []
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # import ipywidgets → ImportError
    monkeypatch.setattr(explore, "_show_static", lambda fig: (shown.append(fig), plt.close(fig)))
    result, printed = _quiet(explore.explore_provinces)
    assert result is None and explore.widgets_note() in printed and "สูงสุดคือ กรุงเทพมหานคร" in printed
    result, printed = _quiet(
        explore.explore_table,
        tourism,
        measures=MEASURES,
        time_col="year_be",
        month_col="month",
        group_col="province",
        source="ทดสอบ",
    )
    assert result is None and explore.widgets_note() in printed and "ทุกกลุ่มรวมกัน" in printed
    assert len(shown) == 2 and all(fig.axes for fig in shown)
