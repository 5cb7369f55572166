"""Checkpoints: cleaning each raw real file again reproduces data/checkpoints/ exactly."""

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
        assert meta["simulated"] is False and derived_from.startswith("real/"), name
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


# The PCD and MOTS-workbook recipes open their files themselves (four yearly CSVs; a workbook that
# read_excel_th reads from its path), so they have no input table that they could change.
TABLE_RECIPES = [name for name in CHECKPOINTS if recipes.RECIPES[name][0] is not None]


@pytest.mark.parametrize("name", TABLE_RECIPES)
def test_recipe_does_not_touch_its_input(name):
    raw_name, recipe = recipes.RECIPES[name]
    raw = data.load(raw_name)
    before = raw.copy()
    recipe(raw)
    pd.testing.assert_frame_equal(raw, before)


def test_every_real_recipe_has_a_checkpoint():
    # every checkpoint the data package declares is rebuilt by a recipe, and nothing else is
    declared = {r["name"] for r in data.package()["resources"] if r["path"].startswith("checkpoints/")}
    assert declared == set(recipes.RECIPES)


def test_recipes_module_exports_only_real_recipes():
    assert not hasattr(recipes, "simulated")
    assert {"MISSING_WORDS", "MONTH_ABBR_TH"}.isdisjoint(dir(recipes))
    for name in recipes.__all__:
        assert hasattr(recipes, name), name


# ---------------------------------------------------------------- content of the real checkpoints
@pytest.mark.parametrize("name", ["niems-newyear-2551-clean", "niems-newyear-2551-2558-clean"])
def test_niems_clean_content(cleaned, name):
    tidy = cleaned[name]
    provinces = data.load("provinces")
    assert tidy["รหัสจังหวัด"].isin(provinces["province_code"]).all()
    assert tidy["จังหวัด"].isin(provinces["name_th"]).all() and tidy["ภาค"].notna().all()
    # every date falls in its festival's campaign: late December of the year before, or early January
    date, year_ce = tidy["วันที่เกิดเหตุ"], tidy["ปีเทศกาล"] - 543
    december = (date.dt.month == 12) & (date.dt.year == year_ce - 1) & (date.dt.day >= 25)
    january = (date.dt.month == 1) & (date.dt.year == year_ce) & (date.dt.day <= 10)
    assert (december | january).all()
    assert tidy["ชั่วโมงเกิดเหตุ"].dropna().between(0, 23).all()
    assert not tidy.isin(["ผู้ชับขี่", "unknown", " "]).any().any()


def test_pcd_and_mots_clean_content(cleaned):
    pm = cleaned["pcd-pm25-daily-clean"]
    assert pm["date"].min() == pd.Timestamp("2021-01-01") and pm["date"].max() == pd.Timestamp("2024-12-31")
    assert (pm["pm25"].dropna() >= 0).all() and pm["station_code"].notna().all()
    mots = cleaned["mots-tourism-2563-clean"]
    assert not mots.duplicated(["year_be", "month", "province_code"]).any()
    assert mots.groupby("month")["province_code"].nunique().eq(77).all() and sorted(
        mots["month"].unique()
    ) == list(range(1, 13))
    population = cleaned["dopa-population-clean"]
    assert (population["year_be"] - population["year_ce"]).eq(543).all()
