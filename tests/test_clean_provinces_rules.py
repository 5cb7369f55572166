"""helpers.clean.provinces: the exact refusal notes, the report frame, the speed tier, the memo bound, the data folder."""

from __future__ import annotations

import os
import shutil

import numpy as np
import pandas as pd
import pooch
import pytest

from helpers import clean, data, paths
from helpers.clean import provinces as prov_mod


@pytest.fixture(autouse=True)
def fresh_memo():
    """Each test starts with an empty spelling memo and an empty answer cache (and leaves none behind)."""
    facts = prov_mod._tables()[1]
    facts.clear()
    yield
    facts.clear()


def _note(value) -> tuple[object, list[str]]:
    """(the answer, the report's notes) for one value given as a one-row column."""
    out, rep = clean.province_code(pd.Series([value], dtype=object), report=True)
    return out.iloc[0], rep["note"].tolist()


# ---------------------------------------------------------------- every refusal says why, in Thai
@pytest.mark.parametrize(
    "text, note",
    [
        ("Atlantis", "ไม่พบชื่อจังหวัดนี้"),
        ("ก" * 40, "ไม่พบชื่อจังหวัดนี้"),  # 40 characters: still a possible name, so matched and not found
        ("ก" * 41, "ข้อความยาวเกินกว่าจะเป็นชื่อจังหวัด (อาจเป็นหมายเหตุหรือเชิงอรรถ)"),
        ("ab", "ไม่พบชื่อจังหวัดนี้ และสั้นเกินกว่าจะเดาจากตัวสะกด (ต้องยาวอย่างน้อย 5 ตัวอักษร)"),
        ("5", "เป็นตัวเลขที่ไม่ใช่รหัสจังหวัด (รหัสทางการมี 2 หลัก ตั้งแต่ 10 ถึง 96) อาจเป็นเลขลำดับ"),
        ("๙๙", "เป็นตัวเลขที่ไม่ใช่รหัสจังหวัด (รหัสทางการมี 2 หลัก ตั้งแต่ 10 ถึง 96) อาจเป็นเลขลำดับ"),
        ("TH-S", "ไม่ใช่รหัส ISO 3166-2 ของจังหวัด (TH-S คือเมืองพัทยา ไม่ใช่จังหวัด)"),
        ("TH-99", "ไม่ใช่รหัส ISO 3166-2 ของจังหวัด (TH-S คือเมืองพัทยา ไม่ใช่จังหวัด)"),
        ("ก.พ.", "อักษรย่อที่มีจุด (เช่น ก.พ.) อาจเป็นชื่อย่อเดือน จึงไม่ตีความเป็นอักษรย่อจังหวัด"),
        ("อ.เมือง", "ไม่พบชื่อจังหวัดนี้"),  # a dot but no abbreviation inside: not the ก.พ. refusal
        ("เชียงใหม่ (Chonburi)", "ชื่อปนสองภาษาที่ไม่ตรงกัน"),
        ("ภาคเหนือ (North)", "ชื่อปนสองภาษาที่ไม่ตรงกัน"),  # the Thai part is no province at all
        ("ชรบุรี", "ใกล้เคียงหลายจังหวัดพอ ๆ กัน (ชลบุรี, เพชรบุรี) จึงไม่เดา"),
        ("phetchabu", "ใกล้เคียงหลายจังหวัดพอ ๆ กัน (เพชรบูรณ์, เพชรบุรี) จึงไม่เดา"),
        ("Lam Phu", "อาจเป็นส่วนหนึ่งของชื่อจังหวัดอื่น (หนองบัวลำภู, ลำพูน) จึงไม่เดา"),
        (
            "Kkn",
            "ตรงกับอักษรย่อภาษาอังกฤษ 3 ตัวของจังหวัดขอนแก่น แต่ไม่ได้เขียนเป็นตัวพิมพ์ใหญ่ทั้งหมด "
            "จึงอาจเป็นคำอื่นหรือชื่อที่สะกดผิด ถ้าเป็นอักษรย่อ ให้เขียนเป็นตัวพิมพ์ใหญ่ เช่น KKN",
        ),
        (
            "sri",
            "ตรงกับอักษรย่อภาษาอังกฤษ 3 ตัวของจังหวัดสระบุรี แต่ไม่ได้เขียนเป็นตัวพิมพ์ใหญ่ทั้งหมด "
            "จึงอาจเป็นคำอื่นหรือชื่อที่สะกดผิด ถ้าเป็นอักษรย่อ ให้เขียนเป็นตัวพิมพ์ใหญ่ เช่น SRI",
        ),
    ],
)
def test_each_refusal_is_nan_with_its_exact_thai_reason(text, note):
    value, notes = _note(text)
    assert pd.isna(value) and notes == [note]


@pytest.mark.parametrize("text, former", [("Thon Buri", "ธนบุรี"), ("thonburi", "ธนบุรี"), ("พระนคร", "พระนคร")])
def test_a_former_province_is_named_in_the_refusal(text, former):
    value, notes = _note(text)
    assert pd.isna(value)
    assert notes == [
        f"เป็นชื่อจังหวัดเดิม ({former}): พระนครและธนบุรีรวมกันตั้งแต่ พ.ศ. 2514 ปัจจุบันคือกรุงเทพมหานคร "
        "จึงไม่แปลงให้ (ตัวเลขของจังหวัดเดิมไม่เท่ากับของกรุงเทพมหานครทั้งหมด)"
    ]


def test_a_guess_says_how_close_it_was():
    value, notes = _note("กรงุเทพมหานคร")
    assert value == "10" and notes == ["เดาจากการสะกดที่ใกล้เคียง (ความคล้าย 0.92)"]


def test_a_guess_scores_the_closest_spelling_of_a_province():
    # พระนครศรีอยุธยา has several English spellings; the note gives the best one (Ayuthaya, 0.93),
    # not the last one looked at (Ayudhya, 0.86)
    value, notes = _note("Ayuthya")
    assert value == "14" and notes == ["เดาจากการสะกดที่ใกล้เคียง (ความคล้าย 0.93)"]


def test_two_repairs_that_give_two_provinces_are_refused(monkeypatch):
    # "ล าปาง" is read both as ลาปาง (a stray space) and ลำปาง (a lost ำ).  No province is called ลาปาง,
    # so here one is made up: when both readings are provinces the value is refused, never guessed.
    facts = prov_mod._facts()
    monkeypatch.setattr(facts, "lookup", {**facts.lookup, "ลาปาง": "50"})
    assert facts._resolve("ล าปาง", quick=False) == (
        None,
        "ซ่อมตัวอักษรได้หลายแบบและได้คนละจังหวัด (เชียงใหม่, ลำปาง) จึงไม่เดา",
    )


# ---------------------------------------------------------------- the facts built from the two tables
FRESH = {
    "เชียงใหม่": ("50", ""),
    "Chiang Mai": ("50", ""),
    "Phangnga": ("82", ""),  # name_en_variant
    "กทม": ("10", ""),  # an alias
    "Korat": ("30", ""),
    "ชม": ("50", ""),  # abbr_th
    "กท": ("10", ""),  # abbr_th_variant
    "TH-40": ("40", ""),  # iso_3166_2
    "KKN": ("40", ""),  # abbr_en
    "UTD": ("53", ""),  # abbr_en_variant
    "96": ("96", ""),
    "Bankok": ("10", "เดาจากการสะกดที่ใกล้เคียง (ความคล้าย 0.92)"),  # an English guess
    "ศรีษะเกษ": ("33", "เดาจากการสะกดที่ใกล้เคียง (ความคล้าย 0.88)"),  # a Thai guess
    "ชรบุรี": (None, "ใกล้เคียงหลายจังหวัดพอ ๆ กัน (ชลบุรี, เพชรบุรี) จึงไม่เดา"),
}


def test_facts_built_afresh_from_the_two_tables_answer_every_kind_of_spelling():
    # the shared facts are built once per data folder; this builds them again from the tables, so that
    # a mistake in reading the tables shows here even when the shared copy was built before
    table, codes = data.load("provinces"), data.load("province-codes")
    fresh = prov_mod._Facts(table, codes)
    assert fresh.table is table and fresh.codes is codes
    assert {text: fresh._resolve(text, quick=False) for text in FRESH} == FRESH
    assert {text: fresh._resolve(text) for text in FRESH} == FRESH
    assert fresh.na_id == 77 and fresh.id_of["10"] == 0 and fresh.name_of["96"] == "นราธิวาส"
    assert len(fresh.abbr) == 78 and len(fresh.iso) == 77 and len(fresh.abbr_en) == 80
    out = pd.Series(fresh.answers["name_th"].take(fresh.ids(pd.Series(["ชม", "Atlantis", None]))))
    assert out.dtype == "str" and out.tolist() == ["เชียงใหม่", np.nan, np.nan]
    codes_out = fresh.answers["province_code"].take(fresh.ids(pd.Series(["ชม", "Atlantis"])))
    assert codes_out.dtype == "str" and list(codes_out) == ["50", np.nan]


# ---------------------------------------------------------------- what is not a problem is not reported
ACCEPTED = {
    "จ.น่าน": "55",  # the speed tier
    "ล าปาง": "52",  # the full repair (a lost ำ)
    "อ านาจ เจริญ": "37",  # a lost ำ and a stray space in one name: exact, not a guess
    "ช ม": "50",  # an abbreviation with a stray space from a PDF
    " สฎ ": "84",
    "TH-50": "50",
    "th 10": "10",
    "50": "50",
    "๕๐": "50",
    "50*": "50",  # a code with a footnote mark (read after the full repair)
    "\u200b50": "50",
    "KKN": "40",
    "NST": "80",  # abbr_en_variant
    "กำแพงเพชร (Kamphaeng Phet)": "62",
    "จ.เชียงใหม่ / Chiang Mai Province": "50",  # both languages, both with their prefix/suffix
}


def test_accepted_spellings_leave_the_report_empty():
    out, rep = clean.province_code(pd.Series(list(ACCEPTED)), report=True)
    assert out.tolist() == list(ACCEPTED.values())
    assert rep.empty and list(rep.columns) == ["value", "count", "result", "note"]
    assert rep.dtypes.astype(str).tolist() == ["object", "int64", "str", "str"]


def test_blank_punctuation_is_nothing_written_not_a_problem():
    for text in ("( )", "...", "''"):
        value, notes = _note(text)
        assert pd.isna(value) and notes == [], text


# ---------------------------------------------------------------- the report frame
def test_report_frame_rows_counts_order_and_types():
    s = pd.Series(
        ["Lam Phu", 42, "ศรีษะเกษ", "Atlantis", "Lam Phu", "กรงุเทพมหานคร", "Atlantis", "ศรีษะเกษ", "น่าน"]
        + ["Atlantis", "ลพูน", None],
        dtype=object,
    )
    out, rep = clean.normalize_province(s, report=True)
    guess = "เดาจากการสะกดที่ใกล้เคียง (ความคล้าย {})"
    want = pd.DataFrame(
        {
            # unmatched first (most frequent first, ties in order of appearance), then the guesses by name
            "value": pd.Series(["Atlantis", "Lam Phu", 42, "ลพูน", "กรงุเทพมหานคร", "ศรีษะเกษ"], dtype=object),
            "count": pd.Series([3, 2, 1, 1, 1, 2], dtype="int64"),
            "result": pd.Series([np.nan] * 4 + ["กรุงเทพมหานคร", "ศรีสะเกษ"], dtype="str"),
            "note": pd.Series(
                [
                    "ไม่พบชื่อจังหวัดนี้",
                    "อาจเป็นส่วนหนึ่งของชื่อจังหวัดอื่น (หนองบัวลำภู, ลำพูน) จึงไม่เดา",
                    "ไม่ใช่ข้อความ (ตัวเลขไม่ถูกตีความเป็นรหัสจังหวัด)",
                    "ไม่พบชื่อจังหวัดนี้ และสั้นเกินกว่าจะเดาจากตัวสะกด (ต้องยาวอย่างน้อย 5 ตัวอักษร)",
                    guess.format("0.92"),
                    guess.format("0.88"),
                ],
                dtype="str",
            ),
        }
    )
    pd.testing.assert_frame_equal(rep, want)
    assert out.iloc[2] == "ศรีสะเกษ" and out.iloc[8] == "น่าน" and out.isna().sum() == 8


def test_report_of_text_values_keeps_value_as_object():
    _, rep = clean.province_code(pd.Series(["Atlantis", "ab"], dtype="str"), report=True)
    assert rep["value"].dtype == object and rep["value"].tolist() == ["Atlantis", "ab"]


def test_a_scalar_report_is_the_same_table_as_for_a_one_row_column():
    value, rep = clean.normalize_province("Lam Phu", report=True)
    _, want = clean.normalize_province(pd.Series(["Lam Phu"]), report=True)
    assert pd.isna(value)
    pd.testing.assert_frame_equal(rep, want)
    assert clean.normalize_province("ชม") == "เชียงใหม่" and clean.province_code("ชม") == "50"


# ---------------------------------------------------------------- the speed tier
@pytest.mark.parametrize(
    "text, code",
    [
        ("เชียงใหม่", "50"),
        ("จ.เชียงใหม่", "50"),
        ("จังหวัด เชียงใหม่", "50"),
        ("\u200bเชียงใหม่", "50"),
        ("เชียง\u00a0ใหม่", "50"),
        ("เเพร่", "54"),
        ("ลําปาง", "52"),  # ํ + า
        ("ก ำแพงเพชร", "62"),  # a space before ำ
        ("สระบุรี(R1)", "19"),
        ("พังงา*", "82"),
        ("Chiang Mai Province", "50"),
        ("Nan", "55"),
    ],
)
def test_the_speed_tier_answers_the_common_garbles_itself(text, code):
    # the tier exists so that a column of these needs no pythainlp pass (bench/clean.py measures it)
    assert prov_mod._facts()._quick(text) == code


@pytest.mark.parametrize(
    "text", ["ล าปาง", "กำแพงเพชร (Kamphaeng Phet)", "เชียงใหม่ (Chonburi)", "nan", "ไม่ระบุ"]
)
def test_the_speed_tier_leaves_the_hard_cases_to_the_full_repair(text):
    assert prov_mod._facts()._quick(text) is None


# ---------------------------------------------------------------- the memo is bounded and never mixes snapshots
def test_the_memo_stays_within_its_limit_and_answers_stay_right(monkeypatch):
    monkeypatch.setattr(prov_mod, "MEMO_LIMIT", 10)
    facts = prov_mod._facts()
    first = pd.Series(["ชม", "กทม", "น่าน", "Atlantis"])
    assert clean.province_code(first).tolist() == ["50", "10", "55", np.nan]
    assert len(facts._memo[0]) == 4
    six = pd.Series(["ขก", "ลย", "พย", "สส", "ยส", "รบ"])
    assert clean.province_code(pd.concat([first, six])).tolist() == ["50", "10", "55", np.nan] + [
        "40",
        "42",
        "56",
        "75",
        "35",
        "70",
    ]
    assert len(facts._memo[0]) == 10  # exactly the limit: kept whole
    more = pd.Series(["นม", "จบ", "Bangkok"])
    assert clean.province_code(pd.concat([more, first])).tolist() == [
        "30",
        "22",
        "10",
        "50",
        "10",
        "55",
        np.nan,
    ]
    index, known = facts._memo
    assert list(index) == ["นม", "จบ", "Bangkok"] and len(known) == 3  # past it: started again
    assert clean.province_code(pd.concat([first, six, more])).tolist()[-3:] == ["30", "22", "10"]
    twelve = pd.Series([f"{i:03d}" for i in range(12)])
    assert clean.province_code(twelve).isna().all()
    assert len(facts._memo[0]) == 10  # more new spellings than the limit: only the first ones are kept


def test_values_that_are_not_text_are_never_remembered():
    facts = prov_mod._facts()
    assert clean.province_code(pd.Series([50, 10.0, None, True], dtype=object)).isna().all()
    assert len(facts._memo[0]) == 0 and len(facts._memo[1]) == 0
    assert clean.province_code(pd.Series([None, "ชม"])).tolist() == [np.nan, "50"]
    assert list(facts._memo[0]) == ["ชม"]


def test_answers_are_str_with_nan_for_both_columns():
    for func in (clean.normalize_province, clean.province_code):
        out = func(pd.Series(["ชม", "Atlantis"]))
        assert out.dtype == "str" and out.iloc[1] is np.nan


# ---------------------------------------------------------------- the data folder decides
def _copy_data(target):
    for name in ("datapackage.json", "provinces.csv", "province_codes.csv"):
        shutil.copy2(paths.data_dir() / name, target / name)


def test_another_data_folder_is_read_even_with_files_of_the_same_size_and_time(tmp_path, monkeypatch):
    _copy_data(tmp_path)
    table = tmp_path / "provinces.csv"
    old_hash = pooch.file_hash(str(table), alg="sha256")
    raw = table.read_bytes()
    assert raw.count(b",Nan,") == 1
    table.write_bytes(raw.replace(b",Nan,", b",Nax,"))  # same length
    package = tmp_path / "datapackage.json"
    new_hash = pooch.file_hash(str(table), alg="sha256")
    package.write_bytes(package.read_bytes().replace(old_hash.encode(), new_hash.encode()))
    for name in ("datapackage.json", "provinces.csv"):
        st = (paths.data_dir() / name).stat()
        assert (tmp_path / name).stat().st_size == st.st_size
        os.utime(tmp_path / name, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert pd.isna(clean.province_code("Nax"))
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path))
    assert clean.province_code("Nax") == "55"
    monkeypatch.delenv("KIT_DATA_DIR")
    assert pd.isna(clean.province_code("Nax"))


@pytest.mark.parametrize("missing", ["province_codes.csv", "provinces.csv"])
def test_a_missing_file_is_refused_in_thai_with_its_name(tmp_path, monkeypatch, missing):
    source = paths.data_dir()
    _copy_data(tmp_path)
    monkeypatch.setenv("KIT_DATA_DIR", str(tmp_path))
    assert clean.province_code("ชม") == "50"
    (tmp_path / missing).unlink()
    with pytest.raises(data.DataFileError, match=f"ไม่พบไฟล์ data/{missing}"):
        clean.province_code("ชม")
    shutil.copy2(source / missing, tmp_path / missing)
    assert clean.province_code("ขก") == "40"  # restored: read again
