"""Explorer building blocks: pure functions tested directly, widgets built and driven."""

from __future__ import annotations

import contextlib
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import explore  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def _thai_font():
    helpers.setup()


@pytest.fixture()
def provinces():
    return explore.province_measures()


@pytest.fixture()
def long_table():
    return pd.DataFrame({
        "name_th": ["เชียงใหม่", "เชียงใหม่", "สงขลา", "สงขลา"],
        "region_6": ["ภาคเหนือ", "ภาคเหนือ", "ภาคใต้", "ภาคใต้"],
        "year": [2565, 2566, 2565, 2566],
        "cases": [10, 12, 5, 7],
    })


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
    fig = explore.make_chart(values, kind=kind, title="ทดลอง", unit="คน", source="ทดสอบ",
                             year_axis="be" if kind == "line" else None)
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
    n_w, view_w = controls.children[1].children
    assert [v for _label, v in measure_w.options] == list(explore.MEASURES)
    _none, printed = _quiet(setattr, region_w, "value", "ภาคใต้")
    assert "ภาคใต้" not in printed or "สูงสุดคือ" in printed
    _none, printed = _quiet(setattr, measure_w, "value", "population")
    assert printed.count("สูงสุดคือ นครศรีธรรมราช") == 1, printed
    _none, printed = _quiet(setattr, view_w, "value", "map")
    assert "สูงสุดคือ" in printed


def test_table_explorer_and_the_fallback_note(long_table):
    box, printed = _quiet(explore.explore_table, long_table, measures={"cases": ("จำนวนผู้บาดเจ็บ", "คน")},
                          time_col="year", group_col="name_th", source="ข้อมูลจำลอง", year_axis="be", show=False)
    group_w = box.children[0].children[0]
    assert group_w.options == (explore.ALL, "เชียงใหม่", "สงขลา"), "Thai dictionary order, not code-point order"
    assert "จาก 15 คน เป็น 19 คน" in printed
    _none, printed = _quiet(setattr, group_w, "value", "สงขลา")
    assert "จาก 5 คน เป็น 7 คน" in printed
    note = explore.widgets_note()
    assert "วิดเจ็ต" in note and "make lab" in note and "Colab" in note


def test_shown_explorer_prints_the_thai_note_and_returns_nothing():
    box, printed = _quiet(explore.explore_provinces, show=True)
    assert box is None
    assert explore.widgets_note() in printed
