"""Checkpoints: cleaning each raw practice file again reproduces data/checkpoints/ exactly."""

from __future__ import annotations

import pandas as pd
import pytest
from _scripts import load_script

from helpers import data, recipes

CHECKPOINTS = list(recipes.RECIPES)


@pytest.fixture(scope="module")
def cleaned():
    return {name: recipe() for name, (_raw, recipe) in recipes.RECIPES.items()}


def test_every_checkpoint_is_bundled_and_labelled_like_its_source():
    for name in CHECKPOINTS:
        meta = data.info(name)
        assert meta["path"].startswith("checkpoints/")
        derived_from = data.package()["resources"][
            [r["name"] for r in data.package()["resources"]].index(name)
        ]["kit:derived_from"]
        assert meta["simulated"] is derived_from.startswith("practice/"), name
        raw_name = recipes.RECIPES[name][0]
        if raw_name is not None:
            assert data.path(raw_name).relative_to(data.data_dir()).as_posix() == derived_from, name


def test_script_and_recipes_agree_on_files():
    make = load_script("make_checkpoints")
    assert set(make.FILES) == set(recipes.RECIPES)
    for name, file in make.FILES.items():
        assert data.path(name).name == file


@pytest.mark.parametrize("name", CHECKPOINTS)
def test_cleaning_again_reproduces_the_bytes(cleaned, name):
    assert recipes.checkpoint_csv(cleaned[name]) == data.path(name).read_bytes(), (
        "run: python scripts/make_checkpoints.py"
    )


@pytest.mark.parametrize("name", CHECKPOINTS)
def test_loaded_checkpoint_equals_the_recipe_output(cleaned, name):
    pd.testing.assert_frame_equal(data.load(name), cleaned[name])


# The agency-report recipe reads the workbook itself (read_excel_th needs a path), so it has no
# input table that it could change.
TABLE_RECIPES = [name for name in CHECKPOINTS if recipes.RECIPES[name][0] is not None]


@pytest.mark.parametrize("name", TABLE_RECIPES)
def test_recipe_does_not_touch_its_input(name):
    raw_name, recipe = recipes.RECIPES[name]
    raw = data.load(raw_name)
    before = raw.copy()
    recipe(raw)
    pd.testing.assert_frame_equal(raw, before)


def test_injuries_clean_content(cleaned):
    tidy = cleaned["injuries-newyear-2551-clean"]
    assert len(tidy) == 4903 and tidy["เสียชีวิต"].sum() == 401
    assert not tidy.duplicated().any()
    provinces = data.load("provinces")
    assert tidy["รหัสจังหวัด"].isin(provinces["province_code"]).all()
    assert tidy["จังหวัด"].isin(provinces["name_th"]).all()
    assert tidy["ภาค"].notna().all()
    assert (tidy["ปีเทศกาล"] == 2551).all()
    assert tidy["วันที่เกิดเหตุ"].min() == pd.Timestamp("2007-12-28")
    assert tidy["วันที่เกิดเหตุ"].max() == pd.Timestamp("2008-01-03")
    assert tidy["ชั่วโมงเกิดเหตุ"].dropna().between(0, 23).all()
    assert tidy["อายุ"].dropna().between(1, 100).all()
    assert not tidy.isin(["ไม่ทราบ", " ", "ผู้ชับขี่"]).any().any()
    # each province's count is its population share (the real anchor survives cleaning)
    counts = tidy.groupby("รหัสจังหวัด").size()
    assert counts["10"] == counts.max()


def test_pm25_clean_content(cleaned):
    long = cleaned["pm25-long-2566-clean"]
    stations = cleaned["pm25-stations-clean"]
    assert set(long["station_code"]) == set(stations["station_code"])
    assert long.groupby("station_code").size().eq(365).all()
    assert long["pm25"].isna().sum() > 50
    assert stations["province_code"].notna().all() and stations["region_6"].notna().all()


def test_tourism_and_agency_clean_content(cleaned):
    t = cleaned["tourism-domestic-2562-clean"]
    assert t["province_code"].notna().all() and t["province_code"].nunique() == 77
    assert t["thai_visitors"].notna().all() and t["occupancy_pct"].between(0, 100).all()
    a = cleaned["agency-report-clean"]
    assert "ทั้งประเทศ" not in set(a["region"])
    assert a.groupby("region").size().eq(12).all()
