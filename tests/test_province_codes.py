"""data/province_codes.csv: one abbreviation and one ISO code per province, each from a cited source."""

from __future__ import annotations

import re

import pandas as pd
from _scripts import load_script
from pythainlp.corpus import provinces as pythainlp_provinces

from helpers import data
from helpers.clean import provinces as prov_mod

PROVINCES = data.load("provinces")
CODES = data.load("province-codes")
script = load_script("make_province_codes")


def test_layout_and_kinds():
    assert list(CODES.columns) == ["province_code", "kind", "code", "source"]
    assert CODES["kind"].value_counts().to_dict() == {"abbr_th": 77, "iso_3166_2": 77, "abbr_th_variant": 1}
    assert set(CODES["province_code"]) == set(PROVINCES["province_code"])
    assert CODES["source"].str.len().gt(10).all()
    assert not CODES.duplicated(["kind", "code"]).any(), "one code names one province"
    assert CODES.equals(CODES.sort_values(["province_code", "kind"]).reset_index(drop=True))


def test_iso_codes_are_th_and_the_kit_code():
    iso = CODES[CODES["kind"] == "iso_3166_2"]
    assert (iso["code"] == "TH-" + iso["province_code"]).all()
    assert "TH-S" not in set(iso["code"]), "Pattaya is a special city, not a province"


def test_thai_abbreviations_agree_with_both_sources():
    abbr = CODES[CODES["kind"] == "abbr_th"].set_index("province_code")["code"]
    assert abbr.str.fullmatch(r"[\u0e01-\u0e2e]{2}|กทม").all()
    name_of = dict(zip(PROVINCES["province_code"], PROVINCES["name_th"]))
    pythainlp = {d["name_th"]: d["abbr_th"] for d in pythainlp_provinces(details=True)}
    assert {name_of[c]: a for c, a in abbr.items()} == pythainlp
    code_of_en = {}
    for row in PROVINCES.itertuples(index=False):
        for name in (row.name_en, row.name_en_variant):
            if isinstance(name, str):
                code_of_en[re.sub(r"[^a-z]", "", name.lower())] = row.province_code
    drr = {code_of_en[re.sub(r"[^a-z]", "", en.lower())]: th for en, th in script.drr_prefixes()}
    assert len(drr) == 77
    differ = {c: (abbr[c], drr[c]) for c in drr if abbr[c] != drr[c]}
    assert differ == {"10": ("กทม", "กท")}
    variant = CODES[CODES["kind"] == "abbr_th_variant"]
    assert variant[["province_code", "code"]].values.tolist() == [["10", "กท"]]


def test_no_abbreviation_is_also_a_spelling_of_another_province():
    facts = prov_mod._facts()
    for abbr, code in facts.abbr.items():
        assert facts.lookup.get(abbr, code) == code, abbr


def test_the_file_is_what_the_script_writes_from_these_rows():
    text = (data.path("province-codes")).read_text(encoding="utf-8")
    rows = pd.read_csv(data.path("province-codes"), dtype=str).to_dict("records")
    assert script.render(rows) == text
    assert text.endswith("\n") and "\r" not in text
