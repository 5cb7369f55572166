"""helpers.clean.normalize_province / province_code: spellings, garbles, fuzzy rules, reports."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import clean, paths
from helpers.clean import provinces as prov_mod


@pytest.fixture(autouse=True)
def fresh_memo():
    """Each test starts with an empty spelling memo (and leaves none behind)."""
    prov_mod._tables()[1].clear()
    yield
    prov_mod._tables()[1].clear()


@pytest.mark.parametrize("text, code", [
    ("เชียงใหม่", "50"), ("จ.เชียงใหม่", "50"), ("จ. เชียงใหม่", "50"), ("จังหวัดเชียงใหม่", "50"),
    ("จังหวัด เชียงใหม่", "50"), ("  เชียงใหม่  ", "50"), ("เชียง ใหม่", "50"), ("Chiang Mai", "50"),
    ("chiangmai", "50"), ("CHIANG MAI ", "50"), ("Chiang Mai Province", "50"),
    ("กทม", "10"), ("กทม.", "10"), ("กรุงเทพฯ", "10"), ("กรุงเทพ ฯ", "10"), ("กรุงเทพมหานคร", "10"),
    ("Bangkok", "10"), ("bangkok", "10"), ("BKK", "10"),
    ("Chonburi", "20"), ("Chon Buri", "20"), ("chon-buri", "20"), ("Buriram", "31"), ("Buri Ram", "31"),
    ("Sisaket", "33"), ("Si Sa Ket", "33"), ("Phang Nga", "82"), ("Phangnga", "82"), ("Phang-nga", "82"),
    ("Prachin Buri", "25"), ("Nong Bua Lam Phu", "39"), ("Lop Buri", "16"),
    ("เเพร่", "54"), ("เเม่ฮ่องสอน", "58"), ("ก ำแพงเพชร", "62"), ("ก\u200bำแพงเพชร", "62"),
    ("กำแพงเพชร\u200b", "62"), ("\ufeffน่าน", "55"), ("น่าน.", "55"), ("ลำพูน\u00a0", "51"),
    ("อยุธยา", "14"), ("Ayutthaya", "14"), ("โคราช", "30"), ("อุบลฯ", "34"), ("ประจวบฯ", "77"),
    ("กำแพงเพชร (Kamphaeng Phet)", "62"),
])
def test_province_code_spellings(text, code):
    assert clean.province_code(text) == code


@pytest.mark.parametrize("text, name", [
    ("กรงุเทพมหานคร", "กรุงเทพมหานคร"),    # misplaced vowel from PDF extraction
    ("นครศรีธรรมราษ", "นครศรีธรรมราช"),
    ("สิงบุรี", "สิงห์บุรี"),
    ("Phattalung", "พัทลุง"),
    ("Chaing Mai", "เชียงใหม่"),
    ("Kampaeng Phet", "กำแพงเพชร"),
])
def test_fuzzy_matches_above_threshold(text, name):
    assert clean.normalize_province(text) == name


@pytest.mark.parametrize("text", [
    "Atlantis", "ตราดตรัง", "เชียง", "ตาด", "ตรา", "Samut",  # far, too short, or between provinces
    "phetchabu",  # Phetchabun 0.95 vs Phetchaburi 0.90: too close to call
    "เชียงใหม่ (Chonburi)",  # Thai and English parts disagree
    "50", 50, 10.0, True, "", "   ", None, np.nan, "อำเภอเมือง",
])
def test_unmatched_is_nan(text):
    assert pd.isna(clean.normalize_province(text))
    assert pd.isna(clean.province_code(text))


def test_fuzzy_never_picks_between_equally_close_candidates():
    keys = (("abcdefgh", "10"), ("abcdefgx", "11"))
    code, note = prov_mod._fuzzy("abcdefgz", keys)
    assert code is None and "ไม่เดา" in note
    code, _ = prov_mod._fuzzy("abcdefgh", keys[:1])
    assert code == "10"
    code, _ = prov_mod._fuzzy("abcdzzzz", keys)
    assert code is None   # below the threshold


def test_fuzzy_threshold_is_stated_and_used():
    assert 0.8 <= prov_mod.FUZZY_THRESHOLD < 1 and 0 < prov_mod.FUZZY_MARGIN < 0.2
    assert prov_mod.FUZZY_MIN_LENGTH >= 4
    # ratio of "นา" to "น่าน" is 0.67: below the threshold → no guess even for a unique candidate
    assert pd.isna(clean.normalize_province("นา"))


def test_every_official_name_and_english_name_round_trips():
    table = clean.province_table()
    assert len(table) == 77 and table["province_code"].is_unique
    assert clean.normalize_province(table["name_th"]).tolist() == table["name_th"].tolist()
    assert clean.province_code(table["name_th"]).tolist() == table["province_code"].tolist()
    assert clean.province_code(table["name_en"]).tolist() == table["province_code"].tolist()
    assert clean.province_code(table["name_en"].str.upper()).tolist() == table["province_code"].tolist()
    variants = table.dropna(subset=["name_en_variant"])
    assert clean.province_code(variants["name_en_variant"]).tolist() == variants["province_code"].tolist()
    # the official name prefixed with จ. goes to the same code for all 77
    assert clean.province_code("จ." + table["name_th"]).tolist() == table["province_code"].tolist()


def test_codes_are_official_two_digit_strings():
    codes = clean.province_code(clean.province_table()["name_en"])
    assert codes.str.fullmatch(r"[1-9][0-9]").all()
    assert {"10", "96"} <= set(codes) and "1" not in set(codes)


def test_series_in_series_out_with_index_name_and_no_mutation():
    s = pd.Series(["จ.น่าน", None, "Bangkok", 5, "xx", "จ.น่าน"], index=[9, 8, 7, 6, 5, 4], name="จังหวัด")
    before = s.copy()
    out = clean.normalize_province(s)
    assert isinstance(out, pd.Series) and out.name == "จังหวัด" and out.index.equals(s.index)
    assert out.tolist()[0] == "น่าน" and out[7] == "กรุงเทพมหานคร" and out[4] == "น่าน"
    assert out[[8, 6, 5]].isna().all()
    pd.testing.assert_series_equal(s, before)
    codes = clean.province_code(s)
    assert codes[9] == "55" and codes.name == "จังหวัด"


def test_second_call_uses_the_memo_and_gives_the_same_answer(monkeypatch):
    s = pd.Series(["จ.น่าน", "กทม", "Atlantis", None] * 50, dtype="str")
    first = clean.normalize_province(s)
    calls = []
    real = prov_mod._resolve
    monkeypatch.setattr(prov_mod, "_resolve", lambda u, *a: calls.append(list(u)) or real(u, *a))
    second = clean.normalize_province(s)
    pd.testing.assert_series_equal(first, second)
    assert all(batch == [] for batch in calls)  # nothing resolved again
    third = clean.normalize_province(pd.Series(["กทม", "เลย"]))
    assert third.tolist() == ["กรุงเทพมหานคร", "เลย"] and calls[-1] == ["เลย"]


def test_each_distinct_value_is_resolved_once(monkeypatch):
    seen = []
    real = prov_mod._key
    monkeypatch.setattr(prov_mod, "_key", lambda t, **kw: seen.append(t) or real(t, **kw))
    s = pd.Series(["จ.น่าน", "กทม", "จ.น่าน", None] * 1000)
    clean.province_code(s)
    assert sorted(seen) == ["กทม", "จ.น่าน"]


def test_report_lists_unmatched_and_guesses():
    s = pd.Series(["Atlantis", "Atlantis", "กรงุเทพมหานคร", "น่าน", "", None, 42, "phetchabu"])
    out, rep = clean.normalize_province(s, report=True)
    assert list(rep.columns) == ["value", "count", "result", "note"]
    by_value = rep.set_index("value")
    assert by_value.loc["Atlantis", "count"] == 2 and pd.isna(by_value.loc["Atlantis", "result"])
    assert by_value.loc["กรงุเทพมหานคร", "result"] == "กรุงเทพมหานคร"
    assert "0.92" in by_value.loc["กรงุเทพมหานคร", "note"]
    assert pd.isna(by_value.loc["phetchabu", "result"])
    assert 42 in by_value.index
    assert "น่าน" not in by_value.index and "" not in by_value.index   # matched / blank: not listed
    # unmatched rows first
    assert rep["result"].isna().tolist() == sorted(rep["result"].isna().tolist(), reverse=True)
    assert out.isna().sum() == 6


def test_report_after_fast_path_still_lists_unmatched():
    s = pd.Series(["Atlantis", "น่าน"])
    clean.normalize_province(s)
    _, rep = clean.province_code(s, report=True)
    assert rep["value"].tolist() == ["Atlantis"]


def test_scalar_report():
    value, rep = clean.province_code("Atlantis", report=True)
    assert pd.isna(value) and rep["value"].tolist() == ["Atlantis"]


def test_table_comes_from_the_kit_data_dir(tmp_path, monkeypatch):
    table = pd.read_csv(paths.data_dir() / "provinces.csv", dtype={"province_code": str})
    table.loc[table["province_code"] == "55", "name_en"] = "Nan Testland"
    table.to_csv(tmp_path / "provinces.csv", index=False)
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path))
    assert clean.province_code("Nan Testland") == "55"
    monkeypatch.delenv("KIT_DATA_DIR")
    assert pd.isna(clean.province_code("Nan Testland"))


def test_large_repetitive_column_is_fast_enough():
    import time
    s = pd.Series(np.tile(clean.province_table()["name_th"].to_numpy(dtype=object), 2000), dtype="str")
    clean.normalize_province(s.iloc[:100])
    t = time.perf_counter()
    out = clean.normalize_province(s)
    assert time.perf_counter() - t < 5 and out.notna().all()
