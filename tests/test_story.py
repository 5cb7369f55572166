"""The one-page data story and the Thai citation template (helpers.story)."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data, story

# The kit's template, field by field: 6 parts ending in ". ", the accessed date last.
CITATION = re.compile(
    r"^(?P<publisher>.+)\. \((?P<year>\d{4}|ไม่ระบุปี)\)\. (?P<title>.+) \[ชุดข้อมูล\]\. (?P<source>\S.*)\. "
    r"สัญญาอนุญาต: (?P<licence>.+)\. สืบค้นเมื่อ (?P<accessed>.+)\.$"
)
REAL_TABLES = [name for name in data.datasets()["name"] if not data.info(name)["simulated"]]


def _story(tmp_path, **changes):
    chart = tmp_path / "chart.png"
    chart.write_bytes(b"\x89PNG\r\n\x1a\nfake")
    parts = dict(
        title="ชื่อเรื่อง",
        question="คำถาม?",
        finding="ข้อค้นพบ",
        limits=["ข้อจำกัด 1", "ข้อจำกัด 2"],
        sources=["แหล่ง 1"],
        chart=chart,
        chart_text="คำบรรยายกราฟ",
    )
    parts.update(changes)
    return story.data_story(**parts)


def test_template_constant_is_the_one_in_the_brief():
    assert story.CITATION_TEMPLATE == (
        '<หน่วยงาน>. (<ปี พ.ศ. ที่เผยแพร่ หรือ "ไม่ระบุปี">). <ชื่อชุดข้อมูล> [ชุดข้อมูล]. '
        "<แหล่ง/URL>. สัญญาอนุญาต: <ตามที่ระบุ>. สืบค้นเมื่อ <วันที่>."
    )


def test_citation_fills_every_field_in_order():
    text = story.citation_th(
        "กรมควบคุมมลพิษ",
        "PM2.5 รายวัน",
        "https://pcd.example/ds.",
        "ต้นทางไม่ได้ระบุ",
        accessed=dt.date(2024, 2, 29),
        year=2567,
    )
    m = CITATION.match(text)
    assert m, text
    assert m.group("publisher") == "กรมควบคุมมลพิษ" and m.group("year") == "2567"
    assert m.group("source") == "https://pcd.example/ds"  # no doubled full stop
    assert m.group("accessed") == "29 กุมภาพันธ์ 2567"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_thai_date_is_day_month_be_year(day):
    d, month, year = story.thai_date(day).split(" ")
    assert int(d) == day.day and int(year) == day.year + 543
    assert (
        month
        == ("มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม").split()[
            day.month - 1
        ]
    )


@pytest.mark.parametrize("year, why", [(2024, "ค.ศ."), ("2567a", "พ.ศ."), ("", "พ.ศ.")])
def test_citation_refuses_a_ce_or_odd_year(year, why):
    with pytest.raises(ValueError, match=why):
        story.citation_th("ก", "ข", "ค", "ง", accessed="1 ม.ค. 2567", year=year)


@pytest.mark.parametrize("field", ["publisher", "title", "source", "licence"])
def test_citation_refuses_an_empty_field(field):
    parts = dict(publisher="ก", title="ข", source="ค", licence="ง")
    parts[field] = "  "
    with pytest.raises(ValueError, match="การอ้างอิงยังขาด"):
        story.citation_th(**parts, accessed="1 ม.ค. 2567")
    with pytest.raises(ValueError, match="วันที่สืบค้นว่าง"):
        story.citation_th("ก", "ข", "ค", "ง", accessed=" ")


@pytest.mark.parametrize("name", REAL_TABLES)
def test_cite_every_real_data_set_or_refuse_in_thai(name):
    try:
        text = story.cite(name, accessed="1 ธันวาคม 2569")
    except ValueError as err:  # checkpoints cleaned from several files must be cited file by file
        assert "อ้างอิงทีละไฟล์" in str(err)
        assert data.info(name)["generated_by"]
        return
    main = text.split(" หมายเหตุ: ")[0]
    m = CITATION.match(main)
    assert m, text
    assert "not-stated" not in text and "see-source" not in text and "other-at" not in text
    assert m.group("accessed") == "1 ธันวาคม 2569"


def test_cite_follows_a_checkpoint_to_the_agency_file_and_says_fidelity_is_unverified():
    text = story.cite("niems-newyear-2551-2558-clean", accessed="1 ธ.ค. 2569")
    assert text.startswith("สถาบันการแพทย์ฉุกเฉินแห่งชาติ")
    assert "https://data.go.th/dataset/item_7d61f508" in text
    assert "สัญญาอนุญาต: Creative Commons Attributions." in text
    assert "ไม่ได้ตรวจเทียบ" in text and "github.com/boonmeelab" in text
    assert text == story.cite("niems-newyear-2551-2558", accessed="1 ธ.ค. 2569")


def test_cite_refuses_a_checkpoint_of_several_files_and_unknown_names():
    # the PM2.5 checkpoint is cleaned from four yearly files: each must be cited on its own
    with pytest.raises(ValueError, match="หลายไฟล์"):
        story.cite("pcd-pm25-daily-clean", accessed="1 ธ.ค. 2569")
    with pytest.raises(KeyError):
        story.cite("no-such-data", accessed="1 ธ.ค. 2569")


def test_markdown_has_the_five_parts_in_order(tmp_path):
    page = _story(tmp_path).to_markdown()
    marks = ["**คำถาม:**", "![คำบรรยายกราฟ](", "**ข้อค้นพบ:**", "**ข้อจำกัดของข้อมูล**", "**แหล่งที่มาของข้อมูล**"]
    positions = [page.index(m) for m in marks]
    assert positions == sorted(positions)
    assert "- ข้อจำกัด 2" in page and "1. แหล่ง 1" in page


def test_html_is_one_self_contained_escaped_page(tmp_path):
    s = _story(tmp_path, finding="<script>alert(1)</script> & ต่อ")
    page = s.to_html()
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; ต่อ" in page
    encoded = re.search(r'src="data:image/png;base64,([^"]+)"', page).group(1)
    assert base64.b64decode(encoded) == (tmp_path / "chart.png").read_bytes()
    assert 'alt="คำบรรยายกราฟ"' in page


def test_save_writes_md_with_a_relative_image_and_html(tmp_path):
    folder = tmp_path / "outputs"
    md, page = _story(tmp_path).save("เรื่อง", folder=folder)
    assert md.read_text(encoding="utf-8").count("](../chart.png)") == 1
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert _story(tmp_path).save("เรื่อง", folder=folder) == [md, page]  # saving twice is the same


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"question": " "}, "คำถาม"),
        ({"finding": ""}, "ข้อค้นพบ"),
        ({"limits": []}, "ข้อจำกัด"),
        ({"limits": ["  "]}, "ข้อจำกัด"),
        ({"sources": []}, "แหล่งที่มา"),
        ({"sources": "แหล่งเดียว"}, "รายการ"),
    ],
)
def test_incomplete_story_is_refused_in_thai(tmp_path, changes, message):
    with pytest.raises((ValueError, TypeError), match=message):
        _story(tmp_path, **changes)


def test_missing_chart_file_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="save_figure"):
        _story(tmp_path, chart=tmp_path / "none.png")


def test_story_without_chart_has_no_image(tmp_path):
    s = _story(tmp_path, chart=None)
    assert "![" not in s.to_markdown() and "<img" not in s.to_html()
    assert s._repr_markdown_() == s.to_markdown()
