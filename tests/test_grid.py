"""The province tile-grid map: every province placed once, regions where a reader expects them."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers
from helpers import data, grid, thaifont
from helpers.clean import provinces as clean_provinces

PROVINCES = data.load("provinces").set_index("province_code")


@pytest.fixture(scope="module", autouse=True)
def _thai_font():
    helpers.setup()


@pytest.fixture()
def table():
    return grid.tile_table()


def test_grid_has_77_distinct_cells_one_per_province():
    assert len(grid.GRID) == 77
    assert not grid.GRID.index.duplicated().any()
    cells = list(zip(grid.GRID["row"], grid.GRID["col"]))
    assert len(set(cells)) == 77, "two provinces share a cell"


def test_every_official_code_is_placed_exactly_once():
    assert sorted(grid.GRID.index) == sorted(PROVINCES.index)


def test_bangkok_is_in_the_middle_and_regions_are_where_expected(table):
    bkk = table.loc["10"]
    by_region = table.groupby("region_6")
    south = by_region.get_group("ภาคใต้")
    north = by_region.get_group("ภาคเหนือ")
    northeast = by_region.get_group("ภาคตะวันออกเฉียงเหนือ")
    east = by_region.get_group("ภาคตะวันออก")
    west = by_region.get_group("ภาคตะวันตก")
    assert (south["row"] > bkk["row"]).all(), "the south hangs below Bangkok"
    assert (north["row"] < bkk["row"]).all(), "the north is above Bangkok"
    assert (northeast["col"] > bkk["col"]).all() and (northeast["row"] < bkk["row"]).all(), (
        "the north-east is upper right"
    )
    assert (east["col"] >= bkk["col"]).all(), "the east is right of Bangkok"
    assert (west["col"] < bkk["col"]).all(), "the west is left of Bangkok"
    # Bangkok's vicinity sits around Bangkok's tile: Nonthaburi, Pathum Thani and Samut Prakan
    # touch it, Nakhon Pathom and Samut Sakhon are at most two tiles away.
    for code, steps in [("11", 1), ("12", 1), ("13", 1), ("73", 2), ("74", 2)]:
        r, c = table.loc[code, ["row", "col"]]
        assert max(abs(r - bkk["row"]), abs(c - bkk["col"])) <= steps, PROVINCES.loc[code, "name_th"]
    assert south["row"].max() == grid.GRID["row"].max(), "the southern tail is the lowest row"
    assert table.loc["96", "row"] == grid.GRID["row"].max(), "Narathiwat is at the bottom"


@pytest.mark.parametrize("region", ["ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคใต้", "ภาคกลาง"])
def test_large_regions_are_connected(table, region):
    cells = {(int(r), int(c)) for r, c in table.loc[table["region_6"] == region, ["row", "col"]].to_numpy()}
    start = next(iter(cells))
    seen, todo = {start}, [start]
    while todo:
        r, c = todo.pop()
        for dr, dc in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)]:
            nxt = (r + dr, c + dc)
            if nxt in cells and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == cells, f"{region} is split into pieces"


def test_abbreviations_exist_for_all_and_render_in_the_thai_font():
    abbr = grid.abbreviations()
    assert abbr.notna().all() and abbr.nunique() == 77
    assert thaifont.missing_glyphs("".join(abbr) + "".join(PROVINCES["name_th"]) + "–") == []


@pytest.mark.parametrize("label", ["abbr", "name", "code", "value", None])
def test_drawing_makes_77_tiles_and_no_missing_glyph(label):
    values = PROVINCES["population_31dec2562"] / PROVINCES["area_km2"]
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
        ax = grid.plot_province_grid(
            values, title="ความหนาแน่นประชากร", label=label, legend_label="คนต่อ ตร.กม."
        )
        ax.figure.canvas.draw()
    try:
        assert len(ax.patches) == 77
        texts = [t.get_text() for t in ax.texts]
        if label == "abbr":
            assert "กทม" in texts and "ชม" in texts
        cbar_axes = [a for a in ax.figure.axes if a is not ax]
        assert cbar_axes and cbar_axes[0].get_ylabel() == "คนต่อ ตร.กม."
        ticks = [t.get_text() for t in cbar_axes[0].get_yticklabels()]
        assert any("," in t for t in ticks), ticks  # 3,000 not 3000 or 3e3
    finally:
        plt.close(ax.figure)


def test_values_by_thai_name_or_code_give_the_same_colours():
    by_code = pd.Series({"10": 1.0, "50": 2.0, "90": 3.0})
    by_name = pd.Series({"กรุงเทพมหานคร": 1.0, "เชียงใหม่": 2.0, "สงขลา": 3.0})
    ax1 = grid.plot_province_grid(by_code)
    ax2 = grid.plot_province_grid(by_name)
    try:
        colours1 = [p.get_facecolor() for p in ax1.patches]
        colours2 = [p.get_facecolor() for p in ax2.patches]
        assert colours1 == colours2
        grey = matplotlib.colors.to_rgba(grid.MISSING_COLOR)
        assert sum(c == grey for c in colours1) == 74
        assert any("ไม่มีข้อมูล" in t.get_text() for t in ax1.texts)
    finally:
        plt.close(ax1.figure)
        plt.close(ax2.figure)


def test_inputs_are_not_changed_and_bad_keys_give_a_thai_error():
    values = pd.Series({"เชียงใหม่": 1.0})
    before = values.copy()
    grid.to_codes(values)
    pd.testing.assert_series_equal(values, before)
    with pytest.raises(ValueError, match="ไม่รู้จักจังหวัด.*Atlantis.*ไม่พบชื่อจังหวัดนี้"):
        grid.to_codes(pd.Series({"Atlantis": 1.0}))
    with pytest.raises(ValueError, match="ไม่รู้จักจังหวัด.*ชรบุรี.*ไม่เดา"):  # ambiguous: never guessed
        grid.to_codes(pd.Series({"ชรบุรี": 1.0}))
    with pytest.raises(ValueError, match="ไม่รู้จักจังหวัด.*5 "):  # 5 is not a code
        grid.to_codes(pd.Series({5: 1.0}))
    with pytest.raises(ValueError, match="ซ้ำ"):
        grid.to_codes(pd.Series([1.0, 2.0], index=["50", "เชียงใหม่"]))
    with pytest.raises(ValueError, match="ซ้ำ"):
        grid.to_codes(pd.Series([1.0, 2.0], index=["ชม", "Chiang Mai"]))
    with pytest.raises(TypeError):
        grid.to_codes({"50": 1.0})


def test_to_codes_reads_names_the_way_province_code_does(monkeypatch):
    keys = ["Chiang Mai", "ขก", "TH-90", 10, "จ.น่าน", "ล าปาง"]
    out = grid.to_codes(pd.Series(range(6), index=keys, name="v"))
    assert out.index.tolist() == ["50", "40", "90", "10", "55", "52"] and out.name == "v"
    assert out.tolist() == list(range(6))
    calls = []
    real = clean_provinces.province_code
    monkeypatch.setattr(clean_provinces, "province_code", lambda *a, **k: calls.append(a) or real(*a, **k))
    grid.to_codes(pd.Series({"เชียงใหม่": 1.0}))
    assert calls, "grid.to_codes must use helpers.clean.province_code (one name→code mapping)"


def test_a_guessed_key_is_used_with_a_warning():
    with pytest.warns(UserWarning, match="เดา.*กรงุเทพมหานคร"):
        out = grid.to_codes(pd.Series({"กรงุเทพมหานคร": 1.0}))
    assert out.index.tolist() == ["10"]


def test_tile_table_and_the_old_name():
    tiles = grid.tile_table()
    assert tiles.index.name == "province_code" and {"row", "col", "abbr_th", "name_th"} <= set(tiles.columns)
    with pytest.warns(FutureWarning, match="tile_table"):
        old = grid.province_table()
    pd.testing.assert_frame_equal(old, tiles)
    assert "province_table" not in grid.__all__ and "tile_table" in grid.__all__


def test_abbreviations_come_from_the_kit_code_table():
    codes = clean_provinces.province_code_table()
    abbr = codes[codes["kind"] == "abbr_th"].set_index("province_code")["code"]
    pd.testing.assert_series_equal(grid.abbreviations(), abbr.reindex(PROVINCES.index).rename("abbr_th"))


def test_grid_table_lists_every_tile_with_its_value():
    t = grid.grid_table(pd.Series({"10": 5.0}))
    assert t.shape == (77, 6)
    assert t.loc["10", "value"] == 5.0 and t["value"].isna().sum() == 76


def test_draws_on_a_given_axes():
    fig, ax = plt.subplots()
    try:
        assert grid.plot_province_grid(pd.Series({"10": 1.0}), ax=ax) is ax
    finally:
        plt.close(fig)
