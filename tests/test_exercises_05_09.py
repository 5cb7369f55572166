"""Every self-check of notebooks 05-09 accepts the right answer and rejects a typical wrong one.

The right answer is computed here by running the solution code stored in ``helpers/exercises/
nbNN.json`` (the code a learner sees under "ดูเฉลย") after the same set-up the notebook has done
before the exercise; nothing is hard-coded.  The wrong answer is a mistake learners really make
(averaging densities, counting missing values as "not over", forgetting stop words ...).
"""

from __future__ import annotations

import contextlib
import io

import pytest

from helpers import check

# What each notebook has defined before its exercises (kept as short as the notebook's own cells).
SETUP = {
    "nb05": """
import pandas as pd
from helpers import data
provinces = data.load("provinces")
pop_long = data.load("population-1m-plus-provinces-multi-year")
injuries = data.load("injuries-newyear-2551-clean")
pm25 = data.load("pm25-long-2566-clean")
stations = data.load("pm25-stations-clean")
""",
    "nb06": """
import pandas as pd
from helpers import data
provinces = data.load("provinces")
road = data.load("road-7-dangerous-days")
pm25 = data.load("pm25-long-2566-clean")
stations = data.load("pm25-stations-clean")
injuries = data.load("injuries-newyear-2551-clean")
pm = pm25.merge(stations[["station_code", "province", "region_6"]], on="station_code", validate="many_to_one")
pm["month"] = pm["date"].dt.month
""",
    "nb07": """
import pandas as pd
from helpers import data
from helpers.explore import filter_table, summarise, top_n, province_measures
tourism = data.load("tourism-domestic-2562-clean")
regions = data.load("provinces")[["province_code", "region_6"]]
tourism = tourism.merge(regions, on="province_code", how="left", validate="many_to_one")
""",
    "nb08": """
import pandas as pd
from pythainlp.util import collate
from helpers import data, portal
from helpers.textnlp import tokenize, clean_tokens, word_frequencies, stopwords
catalog = data.load("catalog-package-search")
catalog["description"] = catalog["notes"].str.split("\\n\\n").str[0]
organizations = portal.organizations()
""",
    "nb09": """
import pandas as pd
from helpers import data
provinces = data.load("provinces")
""",
}

# key -> solution code (copied into the answer file by the notebook builder), the variable that
# holds the answer, a wrong answer made from the set-up namespace, and the check's options.
EXERCISES = {
    # --- 05 analyse -----------------------------------------------------------------------------
    "nb05-ex1": {
        "solution": """
south = provinces[provinces["region_6"] == "ภาคใต้"]
south_density = south["population_31dec2562"].sum() / south["area_km2"].sum()
south_density
""",
        "var": "south_density",
        # The classic slip: the average of the provinces' densities.
        "wrong": lambda ns: (ns["provinces"].query("region_6 == 'ภาคใต้'")
                             .eval("population_31dec2562 / area_km2").mean()),
        "options": {"decimals": 1},
    },
    "nb05-ex2": {
        "solution": """
wide = pop_long.pivot_table(index="province_th", columns="year_be", values="population")
change_pct = (wide[2562] - wide[2558]) / wide[2558] * 100
fastest = change_pct.idxmax()
fastest
""",
        "var": "fastest",
        # The largest province is not the fastest-growing one.
        "wrong": lambda ns: "กรุงเทพมหานคร",
        "options": {},
    },
    "nb05-ex3": {
        "solution": """
injured_by_region = injuries.groupby("ภาค").size()
people_by_region = provinces.groupby("region_6")["population_31dec2562"].sum()
rate_by_region = (injured_by_region / people_by_region * 100_000).round(2)
rate_by_region
""",
        "var": "rate_by_region",
        # Per 1,000 instead of per 100,000.
        "wrong": lambda ns: (ns["injuries"].groupby("ภาค").size()
                             / ns["provinces"].groupby("region_6")["population_31dec2562"].sum() * 1000).round(2),
        "options": {"ordered": False},
    },
    "nb05-ex4": {
        "solution": """
north_codes = stations.loc[stations["region_6"] == "ภาคเหนือ", "station_code"]
north = pm25[pm25["station_code"].isin(north_codes)]
measured = north.dropna(subset=["pm25"])
pct_over = (measured["pm25"] > 37.5).mean() * 100
pct_over
""",
        "var": "pct_over",
        # Counting the missing days as "not over the standard".
        "wrong": lambda ns: (ns["pm25"][ns["pm25"]["station_code"].isin(
            ns["stations"].loc[ns["stations"]["region_6"] == "ภาคเหนือ", "station_code"])]["pm25"] > 37.5).mean() * 100,
        "options": {"decimals": 1},
    },
    # --- 06 visualise ---------------------------------------------------------------------------
    "nb06-ex1": {
        "solution": """
new_year = road[road["festival"].str.startswith("ปีใหม่")]
worst_year = new_year.loc[new_year["deaths"].idxmax(), "festival_year_be"]
worst_year
""",
        "var": "worst_year",
        # The year with the most crashes, not deaths.
        "wrong": lambda ns: ns["road"].loc[ns["road"]["crashes"].idxmax(), "festival_year_be"],
        "options": {},
    },
    "nb06-ex2": {
        "solution": """
young = injuries["อายุ"].between(15, 24).sum()
young
""",
        "var": "young",
        # "Under 25" includes children.
        "wrong": lambda ns: (ns["injuries"]["อายุ"] < 25).sum(),
        "options": {},
    },
    "nb06-ex3": {
        "solution": """
heat_region = pm.pivot_table(index="region_6", columns="month", values="pm25", aggfunc="mean").round(1)
heat_region
""",
        "var": "heat_region",
        # Median instead of mean.
        "wrong": lambda ns: ns["pm"].pivot_table(index="region_6", columns="month", values="pm25",
                                                 aggfunc="median").round(1),
        "options": {"check_index": True},
    },
    "nb06-ex4": {
        "solution": """
people = provinces.set_index("province_code")["population_31dec2562"]
share = (people / people.sum() * 100).round(2)
share
""",
        "var": "share",
        # A proportion, not a percentage.
        "wrong": lambda ns: (ns["provinces"].set_index("province_code")["population_31dec2562"]
                             / ns["provinces"]["population_31dec2562"].sum()).round(2),
        "options": {},
    },
    # --- 07 interactive -------------------------------------------------------------------------
    "nb07-ex1": {
        "solution": """
december = filter_table(tourism, province="เชียงใหม่", province_col="province", month=12)
cm_december = december["thai_visitors"].sum()
cm_december
""",
        "var": "cm_december",
        # The whole year instead of December.
        "wrong": lambda ns: ns["tourism"].loc[ns["tourism"]["province"] == "เชียงใหม่", "thai_visitors"].sum(),
        "options": {},
    },
    "nb07-ex2": {
        "solution": """
by_region = summarise(tourism, "foreign_visitors", by="region_6")
top_region = by_region.iloc[0]["region_6"]
top_region
""",
        "var": "top_region",
        # The region with the highest foreign income is a different one.
        "wrong": lambda ns: ns["summarise"](ns["tourism"], "foreign_income_mb", by="region_6").iloc[0]["region_6"],
        "options": {},
    },
    "nb07-ex3": {
        "solution": """
occupancy = tourism.groupby("province", as_index=False)["occupancy_pct"].mean()
top5_occupancy = top_n(occupancy, "occupancy_pct", 5, label="province").index.tolist()
top5_occupancy
""",
        "var": "top5_occupancy",
        # The five lowest instead of the five highest.
        "wrong": lambda ns: ns["top_n"](ns["tourism"].groupby("province", as_index=False)["occupancy_pct"].mean(),
                                        "occupancy_pct", 5, ascending=True, label="province").index.tolist(),
        "options": {},
    },
    # --- 08 Thai text ----------------------------------------------------------------------------
    "nb08-ex1": {
        "solution": """
title = catalog.loc[catalog["name"] == "pm25-daily-2566", "title"].iloc[0]
n_words = len(clean_tokens(tokenize(title)))
n_words
""",
        "var": "n_words",
        # Counting every token, numbers and brackets included.
        "wrong": lambda ns: len(ns["tokenize"](ns["catalog"].loc[ns["catalog"]["name"] == "pm25-daily-2566",
                                                                 "title"].iloc[0])),
        "options": {},
    },
    "nb08-ex2": {
        "solution": """
top_word = word_frequencies(catalog["description"]).iloc[0]["word"]
top_word
""",
        "var": "top_word",
        # The kit's note at the end of every description still in the text.
        "wrong": lambda ns: ns["word_frequencies"](ns["catalog"]["notes"]).iloc[0]["word"],
        "options": {},
    },
    "nb08-ex3": {
        "solution": """
sorted_orgs = collate(organizations["title"].tolist())
sorted_orgs
""",
        "var": "sorted_orgs",
        # Code-point order puts เ แ โ ใ ไ last.
        "wrong": lambda ns: sorted(ns["organizations"]["title"].tolist()),
        "options": {},
    },
    # --- 09 project -----------------------------------------------------------------------------
    "nb09-ex1": {
        "solution": """
catalogue = data.datasets()
real = catalogue[catalogue["title"].str.contains("7 วันอันตราย") & (catalogue["kind"] == "จริง")]
dataset_name = real.iloc[0]["name"]
dataset_name
""",
        "var": "dataset_name",
        # A running total that stops before the seventh day.
        "wrong": lambda ns: "road-festival-partial-cumulative",
        "options": {},
    },
    "nb09-ex2": {
        "solution": """
road = data.load("road-7-dangerous-days")
row = road[road["festival"].str.startswith("สงกรานต์") & (road["festival_year_be"] == 2568)]
songkran_deaths = row["deaths"].iloc[0]
songkran_deaths
""",
        "var": "songkran_deaths",
        # Injured instead of deaths.
        "wrong": lambda ns: ns["data"].load("road-7-dangerous-days").query(
            "festival_year_be == 2568")["injured"].iloc[0],
        "options": {},
    },
    "nb09-ex3": {
        "solution": """
northeast = provinces[provinces["region_6"] == "ภาคตะวันออกเฉียงเหนือ"]
density = northeast["population_31dec2562"] / northeast["area_km2"]
northeast_ratio = density.max() / density.min()
northeast_ratio
""",
        "var": "northeast_ratio",
        # Population instead of density.
        "wrong": lambda ns: (ns["provinces"].query("region_6 == 'ภาคตะวันออกเฉียงเหนือ'")["population_31dec2562"].max()
                             / ns["provinces"].query("region_6 == 'ภาคตะวันออกเฉียงเหนือ'")["population_31dec2562"].min()),
        "options": {"decimals": 1},
    },
}


def run_solution(key: str, code: str | None = None):
    """Run the set-up of the exercise's notebook, then the solution; return the answer variable."""
    spec = EXERCISES[key]
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(SETUP[key[:4]], namespace)  # noqa: S102 - our own exercise code
        exec(spec["solution"] if code is None else code, namespace)  # noqa: S102
    return namespace[spec["var"]]


def _namespace(notebook: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(SETUP[notebook], namespace)  # noqa: S102
    return namespace


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_solution_in_the_answer_file_is_accepted(key):
    entry = check.load_exercises(key[:4])[key]
    answer = run_solution(key, entry["solution"]["code"])
    assert check.is_correct(key, answer), f"{key}: the stored solution is not accepted"


@pytest.mark.parametrize("key", sorted(EXERCISES))
def test_typical_wrong_answer_is_rejected_with_a_hint(key):
    wrong = EXERCISES[key]["wrong"](_namespace(key[:4]))
    assert not check.is_correct(key, wrong)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = check.check(key, wrong)
    assert not result
    assert "❌" in buffer.getvalue() and "💡" in buffer.getvalue()


@pytest.mark.parametrize("notebook", ["nb05", "nb06", "nb07", "nb08", "nb09"])
def test_every_answer_file_entry_has_a_test_and_a_solution(notebook):
    keys = check.exercise_keys(notebook)
    assert len(keys) >= 3, f"{notebook} needs at least three exercises"
    for key in keys:
        assert key in EXERCISES, f"{key} has no test here"
        entry = check.load_exercises(notebook)[key]
        assert entry["solution"]["code"].strip(), f"{key} has no solution code"
        assert entry["hints"], f"{key} has no Thai hint"


def test_stored_solution_code_matches_this_file():
    for key, spec in EXERCISES.items():
        stored = check.load_exercises(key[:4]).get(key)
        if stored is not None:
            assert stored["solution"]["code"].strip() == spec["solution"].strip(), key
