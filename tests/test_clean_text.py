"""helpers.clean.clean_text, sort_th, sort_key_th."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import clean


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  แมว  ", "แมว"),
        ("แมว\u200bดำ", "แมวดำ"),
        ("a\u00a0b", "a b"),
        ("a   b", "a b"),
        ("a\t\nb", "a b"),
        ("เเมว", "แมว"),
        ("ก ำแพงเพชร", "กำแพงเพชร"),
        ("น้้ำ", "น้ำ"),
        ("\ufeffหัว", "หัว"),
        ("กํา", "กำ"),
        ("", ""),
        ("   ", ""),
        ("ok", "ok"),
        ("a\u202fb", "a b"),
        ("ข้อ\u00adความ", "ข้อความ"),
    ],
)
def test_clean_text(text, expected):
    assert clean.clean_text(text) == expected


@pytest.mark.parametrize("value", [None, 5, 2.5, True])
def test_clean_text_leaves_non_text_alone(value):
    assert clean.clean_text(value) is value


def test_clean_text_blank_to_na():
    assert np.isnan(clean.clean_text("  ", blank_to_na=True))
    assert clean.clean_text(" x ", blank_to_na=True) == "x"


def test_clean_text_series():
    s = pd.Series([" เเมว ", None, 3, "ก ำ", " "], index=list("abcde"), name="t")
    before = s.copy()
    out = clean.clean_text(s)
    assert out.tolist()[0] == "แมว" and out["b"] is None and out["c"] == 3 and out["e"] == ""
    assert out.name == "t" and out.index.equals(s.index)
    pd.testing.assert_series_equal(s, before)
    strs = pd.Series([" a ", None], dtype="str")
    out = clean.clean_text(strs, blank_to_na=True)
    assert out.dtype == strs.dtype and out.iloc[0] == "a" and pd.isna(out.iloc[1])
    nums = pd.Series([1.0, 2.0])
    pd.testing.assert_series_equal(clean.clean_text(nums), nums)


def test_sort_th_list_puts_leading_vowels_right():
    words = ["ไก่", "เกิด", "กาล", "เป็ด", "หมู", "วัว", "วันที่"]
    assert clean.sort_th(words) == ["กาล", "เกิด", "ไก่", "เป็ด", "วันที่", "วัว", "หมู"]
    assert sorted(words) != clean.sort_th(words)  # plain sorted() gets Thai wrong
    assert clean.sort_th(words, reverse=True)[0] == "หมู"
    assert words[0] == "ไก่"  # input untouched


def test_sort_th_tuple_and_missing_values():
    assert clean.sort_th(("เลย", None, "กระบี่")) == ["กระบี่", "เลย", None]


def test_sort_th_series_keeps_index_with_values():
    s = pd.Series(["เลย", None, "กระบี่", "ตาก"], index=[10, 11, 12, 13], name="จังหวัด")
    out = clean.sort_th(s)
    assert out.index.tolist() == [12, 13, 10, 11] and out.name == "จังหวัด"
    assert clean.sort_th(s, reverse=True).index.tolist()[:3] == [10, 13, 12]
    assert s.index.tolist() == [10, 11, 12, 13]


def test_sort_key_th_in_sort_values():
    df = pd.DataFrame({"จังหวัด": ["ไก่", "กา", "เขา", "ขา"], "n": [1, 2, 3, 4]})
    out = df.sort_values("จังหวัด", key=clean.sort_key_th)
    assert out["จังหวัด"].tolist() == ["กา", "ไก่", "ขา", "เขา"]


def test_clean_text_keeps_each_non_text_value_as_it_was():
    s = pd.Series([True, 1, 1.0, None, np.nan, " a "], dtype=object)
    out = clean.clean_text(s)
    assert [type(v) for v in out[:3]] == [bool, int, float]
    assert out.iloc[3] is None and np.isnan(out.iloc[4]) and out.iloc[5] == "a"


@pytest.mark.parametrize(
    "text, expected",
    [
        # pythainlp's normalize turns ๅ into า only after it has joined ํ + า into ำ: one call left "อํา"
        ("อํๅ", "อำ"),
        ("อํๅ%", "อำ%"),
        ("ภจํๅ", "ภจำ"),
        # a doubled ๅ: the first round keeps "าๅ", the second makes it "าา" and removes the repeat
        ("าๅๅ์บ", "า์บ"),
    ],
)
def test_clean_text_reaches_a_fixed_point_in_one_call(text, expected):
    from pythainlp.util import normalize

    once = clean.clean_text(text)
    assert once == expected and clean.clean_text(once) == once
    assert normalize(text) != expected  # pythainlp alone needs a second call for these


def test_clean_text_categorical_gives_the_object_answer():
    cat = pd.Series([" เเมว ", None, "ก ำ", " เเมว ", " "], dtype="category", index=[4, 3, 2, 1, 0], name="c")
    obj = cat.astype(object)
    for blank_to_na in (False, True):
        out = clean.clean_text(cat, blank_to_na=blank_to_na)
        pd.testing.assert_series_equal(out, clean.clean_text(obj, blank_to_na=blank_to_na))
    assert clean.clean_text(cat).tolist()[0] == "แมว" and clean.clean_text(cat).dtype == object


def test_sort_functions_on_categorical():
    cat = pd.Series(["เลย", None, "กระบี่", "ตาก"], dtype="category", index=[10, 11, 12, 13], name="จ")
    pd.testing.assert_series_equal(clean.sort_key_th(cat), clean.sort_key_th(cat.astype(object)))
    out = clean.sort_th(cat)
    assert out.index.tolist() == [12, 13, 10, 11] and out.dtype == cat.dtype  # rows of the input


def test_text_columns_finds_text_the_same_way_on_pandas_2_and_3():
    frame = pd.DataFrame({"จังหวัด": ["ลำปาง", None], "ปี": [2564, 2565], "ว่าง": [None, None]})
    as_pandas_2 = frame.astype({"จังหวัด": object})  # pandas 2 stores text as object
    assert clean.text_columns(frame) == clean.text_columns(as_pandas_2) == ["จังหวัด"]
    assert clean.text_columns(frame.assign(ภาค=pd.Categorical(["ก", "ข"]))) == ["จังหวัด"]


def test_sort_key_th_ranks_text_only_and_leaves_the_rest_missing():
    s = pd.Series(["ข", 5, "ก", None, "ข"], index=[9, 8, 7, 6, 5])
    key = clean.sort_key_th(s)
    assert key.dtype == "float64" and key.index.equals(s.index)
    assert key.tolist()[0::2] == [1.0, 0.0, 1.0] and key.iloc[[1, 3]].isna().all()


def test_sort_th_series_is_stable_for_repeated_values():
    # long enough (> 16 rows) that an unstable sort would shuffle equal values
    words = ["เลย", "กระบี่", None, "ตาก", "กระบี่"] * 8
    s = pd.Series(words, index=range(100, 140))
    out = clean.sort_th(s)
    by_word = {w: [i for i, v in zip(s.index, words) if v == w] for w in ("กระบี่", "ตาก", "เลย")}
    assert out.index.tolist() == by_word["กระบี่"] + by_word["ตาก"] + by_word["เลย"] + list(range(102, 140, 5))
    back = clean.sort_th(s, reverse=True)
    assert back.index.tolist() == by_word["เลย"] + by_word["ตาก"] + by_word["กระบี่"] + list(range(102, 140, 5))


def test_sort_th_list_reverse_keeps_non_text_last():
    assert clean.sort_th(["กา", 3, "ขา", None], reverse=True) == ["ขา", "กา", 3, None]


def test_text_columns_mixed_and_string_dtype():
    frame = pd.DataFrame(
        {
            "รหัส": pd.Series([1, "ก"], dtype=object),  # one text cell is enough
            "ชื่อ": pd.Series(["ก", None], dtype="str"),
            "ตัวเลข": pd.Series([1.5, None], dtype=object),
            "วันที่": pd.to_datetime(["2024-01-01", None]),
        }
    )
    assert clean.text_columns(frame) == ["รหัส", "ชื่อ"]
    assert clean.text_columns(pd.DataFrame({"ว่าง": pd.Series([], dtype="str")})) == ["ว่าง"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ก ่า", "ก่า"),  # a space before a tone mark
        ("ก  ิน", "กิน"),  # spaces before an upper vowel
        ("ก\tำ", "กำ"),  # a tab before sara am
        ("ก ุ", "กุ"),  # a space before a lower vowel
        ("ก ็", "ก็"),  # before mai taikhu
        ("ก ์", "ก์"),  # before the thanthakhat
        ("ก า", "ก า"),  # sara aa is a letter-like vowel: the space stays
        ("ก ข", "ก ข"),
    ],
)
def test_clean_text_removes_only_spaces_before_marks(text, expected):
    assert clean.clean_text(text) == expected
