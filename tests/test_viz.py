"""Chart helpers: source note, B.E. axis, palette, saving PNG/SVG, text summaries."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import viz  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def _thai_font():
    helpers.setup()


@pytest.fixture()
def fig_ax():
    fig, ax = plt.subplots()
    yield fig, ax
    plt.close(fig)


def test_palette_is_seaborn_colorblind_and_repeats():
    import seaborn as sns

    assert viz.palette() == sns.color_palette("colorblind").as_hex()
    assert viz.palette(12)[10] == viz.palette(12)[0]
    assert viz.SEQUENTIAL_CMAP in {"viridis", "cividis"}


@pytest.mark.parametrize(
    "value,decimals,unit,expected",
    [
        (1234567, 0, "คน", "1,234,567 คน"),
        (0.5, 1, "", "0.5"),
        (None, 0, "คน", "ไม่มีข้อมูล"),
        (float("nan"), 2, "", "ไม่มีข้อมูล"),
    ],
)
def test_thai_number(value, decimals, unit, expected):
    assert viz.thai_number(value, decimals, unit) == expected


def test_source_note_sits_under_the_axis_label_and_renders(fig_ax):
    fig, ax = fig_ax
    ax.bar(["ก", "ข"], [1, 2])
    ax.set_xlabel("ภาค")
    text = viz.add_source(ax, "กรมการปกครอง", note="ข้อมูลจำลอง")
    assert text.get_text() == "ที่มา: กรมการปกครอง · ข้อมูลจำลอง"
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    assert text.get_window_extent(renderer).y1 <= ax.xaxis.label.get_window_extent(renderer).y0


def test_source_note_on_a_figure_goes_under_the_lowest_axes():
    fig, (top, bottom) = plt.subplots(2, 1)
    bottom.set_xlabel("เดือน")
    try:
        text = viz.add_source(fig, "ข้อมูลจำลอง")
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        assert text in bottom.texts
        assert text.get_window_extent(renderer).y1 <= bottom.xaxis.label.get_window_extent(renderer).y0
    finally:
        plt.close(fig)


@pytest.mark.parametrize("era,value,expected", [("ce", 2023, "2566"), ("be", 2566, "2566")])
def test_be_year_axis_labels(fig_ax, era, value, expected):
    _fig, ax = fig_ax
    viz.be_year_axis(ax, data_era=era)
    fmt = ax.xaxis.get_major_formatter()
    assert fmt(value, 0) == expected
    assert fmt(value + 0.5, 0) == "", "no half years"
    assert ax.get_xlabel() == "ปี (พ.ศ.)"


def test_be_year_axis_keeps_an_existing_label_and_works_on_y(fig_ax):
    _fig, ax = fig_ax
    ax.set_ylabel("ปีที่สำรวจ")
    viz.be_year_axis(ax, axis="y", data_era="be")
    assert ax.get_ylabel() == "ปีที่สำรวจ (พ.ศ.)"
    with pytest.raises(ValueError):
        viz.be_year_axis(ax, data_era="th")


def test_thousands_axis(fig_ax):
    _fig, ax = fig_ax
    viz.thousands_axis(ax, "x", decimals=1)
    assert ax.xaxis.get_major_formatter()(1500, 0) == "1,500.0"


def test_save_figure_writes_png_and_svg_deterministically(fig_ax, tmp_path):
    fig, ax = fig_ax
    ax.plot([1, 2], [3, 4])
    ax.set_title("ประชากร")
    first = viz.save_figure(fig, "chart", folder=tmp_path)
    assert [p.suffix for p in first] == [".png", ".svg"]
    assert first[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg1 = first[1].read_text(encoding="utf-8")
    assert "<svg" in svg1 and "dc:date" not in svg1
    second = viz.save_figure(fig, "chart", folder=tmp_path)
    assert second[1].read_text(encoding="utf-8") == svg1
    only_png = viz.save_figure(fig, "again", folder=tmp_path / "sub", formats=("png",))
    assert [p.name for p in only_png] == ["again.png"] and only_png[0].is_file()


def test_text_summary_categories_and_missing():
    s = pd.Series({"ก": 3.0, "ข": None, "ค": 10.0, "ง": 1.0})
    text = viz.text_summary(s, what="ยอดรวม", unit="ครั้ง", top=2)
    assert (
        text
        == "ยอดรวม: สูงสุดคือ ค (10 ครั้ง), ก (3 ครั้ง) ต่ำสุดคือ ง (1 ครั้ง), ก (3 ครั้ง) จากทั้งหมด 3 รายการ (ไม่มีข้อมูล 1 รายการ)"
    )
    assert viz.text_summary(pd.Series({"ก": 2}), what="x") == "x: ก (2)"
    assert viz.text_summary(pd.Series({"ก": None}, dtype=float), what="x") == "x: ไม่มีข้อมูล"
    with pytest.raises(TypeError):
        viz.text_summary([1, 2], what="x")


def test_text_summary_years_direction():
    down = pd.Series({2549: 434.0, 2550: 449.0, 2551: 401.0})
    assert viz.text_summary(down, what="ผู้เสียชีวิต", unit="คน") == (
        "ผู้เสียชีวิต ปี 2549–2551: จาก 434 คน เป็น 401 คน (ลดลง 7.6%) สูงสุดในปี 2550 (449 คน)"
    )
    flat = pd.Series({2560: 5.0, 2561: 5.0})
    assert "เท่าเดิม" in viz.text_summary(flat, what="ค่า")
    before = down.copy()
    viz.text_summary(down, what="x")
    pd.testing.assert_series_equal(down, before)
