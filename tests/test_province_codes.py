"""data/province_codes.csv: one abbreviation and one ISO code per province, each from a cited source."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from _scripts import load_script
from pythainlp.corpus import provinces as pythainlp_provinces

from helpers import data
from helpers.clean import provinces as prov_mod

PROVINCES = data.load("provinces")
CODES = data.load("province-codes")
script = load_script("make_province_codes")


def test_layout_and_kinds():
    assert list(CODES.columns) == ["province_code", "kind", "code", "source"]
    assert CODES["kind"].value_counts().to_dict() == {
        "abbr_th": 77,
        "abbr_en": 77,
        "iso_3166_2": 77,
        "abbr_en_variant": 3,
        "abbr_th_variant": 1,
    }
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
    for abbr, code in facts.abbr_en.items():
        assert facts.lookup.get(abbr.lower(), code) == code, abbr


def _en3_votes() -> dict[str, dict[str, int]]:
    """province -> code -> how many of the three listings give it, recomputed from the sources."""
    name_to_code = dict(zip(PROVINCES["name_th"], PROVINCES["province_code"]))
    en_to_code = {}
    for row in PROVINCES.itertuples(index=False):
        for name in (row.name_en, row.name_en_variant):
            if isinstance(name, str):
                en_to_code[re.sub(r"[^a-z]", "", name.lower())] = row.province_code
    votes: dict[str, dict[str, int]] = {}
    pairs = [(name_to_code[d["name_th"]], d["abbr_en"]) for d in pythainlp_provinces(details=True)]
    pairs += [(name_to_code[name], code) for code, name in script.en3_listing(script.EN3_RAKPOD)]
    pairs += [
        (en_to_code[re.sub(r"[^a-z]", "", name.lower())], code)
        for code, name in script.en3_listing(script.EN3_SOLAR)
    ]
    for province, code in pairs:
        votes.setdefault(province, {}).setdefault(code, 0)
        votes[province][code] += 1
    return votes


def test_english_codes_are_the_most_listed_and_variants_the_rest():
    listing_rakpod = script.en3_listing(script.EN3_RAKPOD)
    listing_solar = script.en3_listing(script.EN3_SOLAR)
    assert len(listing_rakpod) == 76 and len(listing_solar) == 77, "each copied listing parsed whole"
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c, _ in listing_rakpod + listing_solar)
    votes = _en3_votes()
    main = CODES[CODES["kind"] == "abbr_en"].set_index("province_code")["code"]
    variant = CODES[CODES["kind"] == "abbr_en_variant"]
    assert main.index.is_unique and len(main) == 77
    for province, codes in votes.items():
        assert codes[main[province]] == max(codes.values()), province
    assert sorted(zip(variant["province_code"], variant["code"])) == sorted(
        (p, c) for p, codes in votes.items() for c in codes if c != main[p]
    )
    assert sum(len(codes) > 1 for codes in votes.values()) == 3
    assert sum(1 for codes in votes.values() if list(codes.values()) == [3]) == 73


def test_every_english_code_reads_as_its_province_only_in_capitals():
    for row in CODES[CODES["kind"].str.startswith("abbr_en")].itertuples(index=False):
        assert prov_mod.province_code(row.code) == row.province_code, row.code
        assert prov_mod.province_code(f"จ.{row.code}") == row.province_code, row.code
        for written in (row.code.lower(), row.code.capitalize()):
            if written.casefold() in prov_mod._facts().lookup:  # also a name (Nan, Tak) or alias (Bkk)
                continue
            value, report = prov_mod.province_code(written, report=True)
            assert pd.isna(value), written
            assert report["note"].iloc[0].startswith("ตรงกับอักษรย่อภาษาอังกฤษ 3 ตัวของจังหวัด"), written
            assert row.code in report["note"].iloc[0]
    assert pd.isna(prov_mod.province_code("nan")), "nan stays a missing value"


def test_a_code_given_to_two_provinces_stops_the_build(monkeypatch):
    code_of_th = dict(zip(PROVINCES["name_th"], PROVINCES["province_code"]))
    code_of_en = {script._latin_key(n): c for n, c in zip(PROVINCES["name_en"], PROVINCES["province_code"])}
    for row in PROVINCES.dropna(subset=["name_en_variant"]).itertuples(index=False):
        code_of_en[script._latin_key(row.name_en_variant)] = row.province_code
    pythainlp = {code_of_th[d["name_th"]]: d["abbr_en"] for d in pythainlp_provinces(details=True)}
    rows = script.en3_rows(pythainlp, code_of_th, code_of_en, "pythainlp")
    assert sorted((r["province_code"], r["kind"], r["code"]) for r in rows) == sorted(
        CODES.loc[CODES["kind"].str.startswith("abbr_en"), ["province_code", "kind", "code"]].itertuples(
            index=False, name=None
        )
    )
    monkeypatch.setattr(script, "EN3_RAKPOD", script.EN3_RAKPOD.replace("KBI|กระบี่", "KKN|กระบี่"))
    with pytest.raises(SystemExit, match="KKN is given to two provinces"):
        script.en3_rows(pythainlp, code_of_th, code_of_en, "pythainlp")


def test_the_missing_value_words_stay_missing_beside_nan_the_province():
    assert prov_mod.province_code("NAN") == "55"
    assert pd.isna(prov_mod.province_code("nan")) and pd.isna(prov_mod.province_code("NaN"))


def test_the_file_is_what_the_script_writes_from_these_rows():
    text = (data.path("province-codes")).read_text(encoding="utf-8")
    rows = pd.read_csv(data.path("province-codes"), dtype=str).to_dict("records")
    assert script.render(rows) == text
    assert text.endswith("\n") and "\r" not in text
