"""helpers.clean.to_number: every documented unit, multiplier, placeholder and reason, written out.

The lists are written out here on purpose: a test that looped over ``UNITS`` or ``MISSING_WORDS``
itself could not notice an entry being changed or lost.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import clean

UNITS = [
    "บาท",
    "คน",
    "ราย",
    "ครั้ง",
    "%",
    "เปอร์เซ็นต์",
    "ปี",
    "วัน",
    "เดือน",
    "ตัว",
    "แห่ง",
    "หลัง",
    "ครัวเรือน",
    "ไร่",
    "ตัน",
    "กก.",
    "กิโลกรัม",
    "ลิตร",
    "กม.",
    "กิโลเมตร",
    "ชั่วโมง",
    "ชม.",
    "นาที",
    "คัน",
    "ลูก",
    "ต้น",
    "ฉบับ",
    "เรื่อง",
    "หน่วย",
    "µg/m³",
    "มคก./ลบ.ม.",
]
NUMBER_MISSING_WORDS = ["---", "..", "...", "…", "ไม่มี", "#n/a", "#value!", "#div/0!", "#ref!", "#num!", "x"]


def test_units_are_exactly_the_documented_ones():
    assert list(clean.numbers.UNITS) == UNITS


@pytest.mark.parametrize("unit", UNITS)
def test_each_unit_is_dropped_glued_or_spaced(unit):
    assert clean.to_number(f"12 {unit}") == 12.0
    assert clean.to_number(f"1,234{unit}") == 1234.0
    assert clean.to_number(f"(5) {unit}") == -5.0  # after an accounting negative too
    out, rep = clean.to_number(f"{unit} {unit} 12", report=True)  # units before the number are not dropped
    assert np.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["other_text"]]


@pytest.mark.parametrize(
    "text, expected",
    [("5 ร้อย", 500.0), ("5 พัน", 5e3), ("5 หมื่น", 5e4), ("5 แสน", 5e5), ("5 ล้าน", 5e6), ("5 พันล้าน", 5e9)],
)
def test_each_multiplier_word_has_its_power_of_ten(text, expected):
    assert clean.to_number(text) == expected
    assert clean.numbers.MULTIPLIERS == {"ร้อย": 2, "พัน": 3, "หมื่น": 4, "แสน": 5, "ล้าน": 6}


@pytest.mark.parametrize("word", NUMBER_MISSING_WORDS)
def test_each_number_placeholder_is_missing_and_reported_as_such(word):
    assert word in clean.numbers.MISSING_WORDS
    out, rep = clean.to_number(f" {word.upper()} ", report=True)
    assert np.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["missing_word"]]


@pytest.mark.parametrize(
    "text", ["inf", "+inf", "-inf", "Infinity", "+infinity", "-INFINITY", "∞", "+∞", "-∞"]
)
def test_each_infinity_spelling_is_an_overflow(text):
    out, rep = clean.to_number(text, report=True)
    assert np.isnan(out) and rep["problem"].tolist() == [clean.numbers.PROBLEMS["overflow"]]


@pytest.mark.parametrize(
    "text", ['"1,200"', "'1,200'", "\u201c1,200\u201d", "\u20181,200\u2019", "'1,200", '" 1,200 "']
)
def test_each_quote_style_around_a_number(text):
    assert clean.to_number(text) == 1200.0


@pytest.mark.parametrize("text", ['"1,200', '1,200"', "\u201d1,200\u201c", "\u20191,200\u2018", "1,200'"])
def test_unmatched_quotes_are_not_read(text):
    assert np.isnan(clean.to_number(text))


@pytest.mark.parametrize("text", ["\u22125", "\u20135", "\u20145", "-5", "- 5", "(5)"])
def test_each_minus_like_dash_is_a_minus(text):
    assert clean.to_number(text) == -5.0


# The learner reads these reasons in the report: the Thai wording is part of the product.
@pytest.mark.parametrize(
    "value, message",
    [
        ("-", "เป็นคำหรือเครื่องหมายที่แปลว่าไม่มีข้อมูล (เช่น -, ไม่ระบุ, (Blank)) จึงเป็นค่าที่หายไป"),
        (True, "ไม่ใช่ตัวเลขหรือข้อความ (เช่น True/False หรือวันที่)"),
        ("สองร้อย", "ไม่มีตัวเลขอยู่ในข้อความ"),
        ("1e999", "ค่าใหญ่เกินกว่าจะเก็บเป็นตัวเลขได้ (อนันต์หรือเกินขอบเขตของ float)"),
        (
            "1,2",
            "จุลภาคหรือจุดอยู่ผิดตำแหน่ง (เช่น 1,2 หรือ 1.200,50) อาจเป็นทศนิยมแบบยุโรปหรือพิมพ์ผิด จึงไม่เดา",
        ),
        ("10-20", "มีตัวเลขมากกว่าหนึ่งจำนวน (เช่น ช่วง 10-20 หรือวันที่) จึงไม่เดา"),
        ("(5", "วงเล็บไม่ครบคู่"),
        ("(-5)", "มีทั้งวงเล็บ (ค่าติดลบแบบบัญชี) และเครื่องหมาย + หรือ - จึงไม่เดาว่าเป็นบวกหรือลบ"),
        ("12 kg", "มีข้อความหรือหน่วยที่ไม่รู้จักปนกับตัวเลข (หน่วยที่ตัดทิ้งได้ดูที่ UNITS)"),
    ],
)
def test_each_refusal_reason_in_thai(value, message):
    out, rep = clean.to_number(value, report=True)
    assert np.isnan(out) and rep.values.tolist() == [[value, 1, message]]
    series_out, series_rep = clean.to_number(pd.Series([value, "1", value], dtype=object), report=True)
    assert series_out.tolist()[1] == 1.0 and series_rep.values.tolist() == [[value, 2, message]]
