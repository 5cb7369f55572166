"""Thai text helpers: tokenising, stop words, frequencies, charts, tokenisation mistakes."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import textnlp  # noqa: E402


def test_tokenize_thai_with_and_without_custom_words():
    assert textnlp.tokenize("จำนวนนักท่องเที่ยวชาวไทย") == ["จำนวน", "นักท่องเที่ยว", "ชาวไทย"]
    assert textnlp.tokenize("ไวรัสโคโรนา", custom_words=["โคโรนา"]) == ["ไวรัส", "โคโรนา"]
    assert textnlp.tokenize("ก  ข", keep_whitespace=True).count("  ") == 1


@pytest.mark.parametrize("empty", ["", "   ", None, float("nan")])
def test_tokenize_empty_inputs(empty):
    assert textnlp.tokenize(empty) == []


def test_tokenize_normalises_unicode():
    decomposed = "น\u0e4d\u0e32"  # nikhahit + sara aa typed instead of sara am
    assert textnlp.tokenize("น้ำ") == textnlp.tokenize("น้ำ")
    assert isinstance(textnlp.tokenize(decomposed), list)


def test_stopwords():
    words = textnlp.stopwords()
    assert {"และ", "ที่", "ของ"} <= words
    assert "ประชากร" not in words
    assert "ข้อมูล" in textnlp.stopwords(["ข้อมูล"]) and "ข้อมูล" not in textnlp.stopwords()


def test_clean_tokens_drops_noise_and_keeps_order():
    tokens = ["ข้อมูล", " ", "และ", "ประชากร", "(", "2566", ")", "CSV", "ๆ", "ก"]
    assert textnlp.clean_tokens(tokens) == ["ข้อมูล", "ประชากร", "csv"]
    assert textnlp.clean_tokens(tokens, remove_stopwords=False, keep_numbers=True, min_length=1) == [
        "ข้อมูล",
        "และ",
        "ประชากร",
        "2566",
        "csv",
        "ก",
    ]
    assert textnlp.clean_tokens(["ข้อมูล"], extra_stopwords=["ข้อมูล"]) == []


def test_word_frequencies_counts_and_orders():
    texts = ["ข้อมูลประชากรรายจังหวัด", "ข้อมูลนักท่องเที่ยวรายจังหวัด", "ข้อมูลฝุ่น PM2.5"]
    f = textnlp.word_frequencies(texts, custom_words=["PM2.5"])
    assert list(f.columns) == ["word", "count"]
    assert f.iloc[0].to_dict() == {"word": "ข้อมูล", "count": 3}
    assert "pm2.5" in set(f["word"])
    assert f["count"].is_monotonic_decreasing
    assert textnlp.word_frequencies("ข้อมูลข้อมูล")["count"].tolist() == [2]
    empty = textnlp.word_frequencies(["", "และ"])
    assert empty.empty and list(empty.columns) == ["word", "count"]


def test_word_frequencies_ties_follow_thai_order():
    f = textnlp.word_frequencies(["แมว ไก่ กา"])
    assert f["word"].tolist() == ["กา", "ไก่", "แมว"]


def test_top_words_and_chart():
    helpers.setup()
    f = pd.DataFrame({"word": ["ข้อมูล", "จังหวัด", "ประชากร"], "count": [5, 3, 1]})
    assert textnlp.top_words(f, 2).to_dict() == {"ข้อมูล": 5, "จังหวัด": 3}
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
        fig = textnlp.plot_top_words(f, 2, title="คำที่พบบ่อย", source="สำเนาแค็ตตาล็อก")
        fig.canvas.draw()
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["จังหวัด", "ข้อมูล"]
        assert ax.get_xlabel() == "จำนวนครั้งที่พบ"
    finally:
        plt.close(fig)


def test_tokenisation_examples_show_mistakes_and_fixes():
    ex = textnlp.tokenisation_examples()
    assert list(ex.columns) == ["text", "newmm", "with_custom_words", "note"]
    fixed = ex[ex["newmm"] != ex["with_custom_words"]]
    assert len(fixed) >= 4, "custom words fix most examples"
    ambiguous = ex[ex["text"] == "เด็กคนนี้ตากลมโต"].iloc[0]
    assert "ตากลม" in ambiguous["newmm"].split(" | "), "the ambiguity is still there"
    for _, row in ex.iterrows():
        assert row["newmm"].replace(" | ", "") == row["text"]


def test_keyword_in_context_finds_whole_tokens_and_counts_contexts():
    texts = ["รายงานการจัดซื้อจัดจ้างของหน่วยงานภาครัฐ"] * 3 + ["กรอบการประเมินผลตัวชี้วัด", "ฐานข้อมูลวัด"]
    kwic = textnlp.keyword_in_context(texts, "งานการ", width=1)
    assert kwic.to_dict("records") == [{"left": "ราย", "word": "งานการ", "right": "จัดซื้อจัดจ้าง", "count": 3}]
    # "วัด" inside another token (none here) is not matched; each context is its own row
    temple = textnlp.keyword_in_context(texts, "วัด", width=2)
    assert temple["count"].sum() == sum(textnlp.tokenize(t).count("วัด") for t in texts)
    assert set(temple["right"]) == {""}, "the word ends both texts"
    assert textnlp.keyword_in_context(texts, "วัด", custom_words=["ตัวชี้วัด"])["count"].sum() == 1
    assert textnlp.keyword_in_context(texts, "งานการ", width=0)["left"].tolist() == [""]
    assert len(textnlp.keyword_in_context(texts * 2, "วัด", limit=1)) == 1


def test_keyword_in_context_empty_and_bad_width():
    empty = textnlp.keyword_in_context(["", "ข้อมูลเปิด"], "แมว")
    assert empty.empty and list(empty.columns) == ["left", "word", "right", "count"]
    with pytest.raises(ValueError, match="width"):
        textnlp.keyword_in_context("ข้อมูล", "ข้อมูล", width=-1)


def test_plot_top_words_split_stacks_part_and_rest():
    helpers.setup()
    freq = pd.DataFrame({"word": ["รหัส", "ข้อมูล", "เดือน"], "count": [10, 6, 4]})
    part = pd.DataFrame({"word": ["รหัส", "ข้อมูล", "อื่น"], "count": [9, 2, 1]})
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r"Glyph \d+ .* missing from font")
        fig = textnlp.plot_top_words_split(
            freq, part, 2, part_label="สองหน่วยงาน", rest_label="หน่วยงานอื่น", title="ทดลอง", source="ทดสอบ"
        )
        fig.canvas.draw()
    try:
        ax = fig.axes[0]
        assert [t.get_text() for t in ax.get_yticklabels()] == ["ข้อมูล", "รหัส"]
        widths = [float(p.get_width()) for p in ax.patches]
        assert widths == [2.0, 9.0, 4.0, 1.0], "part first, then the rest, each row adding up to its total"
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["สองหน่วยงาน", "หน่วยงานอื่น"]
        assert any(t.get_text() == "ที่มา: ทดสอบ" for t in ax.texts), "the source is credited under the chart"
    finally:
        plt.close(fig)
    with pytest.raises(ValueError, match="part"):
        textnlp.plot_top_words_split(
            freq, pd.DataFrame({"word": ["รหัส"], "count": [11]}), part_label="ก", rest_label="ข"
        )
    plt.close("all")
