"""helpers.check: the stored-answer contract, every Thai verdict, and the Jupyter paths.

The answer files in ``helpers/exercises/`` keep only salted hashes of a normalised text of each
answer, so the normalised text (``_canonical``), the hash format and the salt are a contract: any
change silently turns every learner's right answer wrong.  These tests pin that contract against
the shipped answer files (answers a reader can work out from the notebooks' own solution code) and
against literal normalised texts, then pin the Thai messages a learner reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import check as ck
from helpers import exercise_authoring as au

DEFAULTS = dict(ck._DEFAULT_OPTIONS)


@pytest.fixture
def entry():
    """Register in-memory exercises and forget them (and their wrong tries) afterwards."""
    keys = []

    def _make(key, answer, **kwargs):
        e = au.make_entry(key, answer, **kwargs)
        ck._register(e)
        keys.append(key)
        return e

    yield _make
    for key in keys:
        ck._EXTRA.pop(key, None)
        for attempt in [k for k in ck._ATTEMPTS if k[0] == key]:
            ck._ATTEMPTS.pop(attempt)


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


# --- the shipped answer files (real stored hashes) -------------------------------------------


def test_shipped_number_answer_and_its_known_mistakes():
    # nb01-ex1: answer = int("๒๕๖๗") - 543; mistakes: + 543 and forgetting to subtract
    assert ck.is_correct("nb01-ex1", 2024) and ck.is_correct("nb01-ex1", np.int64(2024))
    assert ck.is_correct("nb01-ex1", 2024.4)  # decimals 0
    assert not ck.is_correct("nb01-ex1", 2025)
    entry = ck._entry("nb01-ex1")
    assert ck._known_mistake(entry, 3110).startswith("ได้ปีที่ไกลเกินจริง")
    assert ck._known_mistake(entry, 2567).startswith("แปลงเป็นตัวเลขถูกแล้ว")
    assert ck._known_mistake(entry, 2000) is None


def test_shipped_text_bool_and_list_answers():
    assert ck.is_correct("nb01-ex6", "ข") and ck.is_correct("nb01-ex6", " ข ")
    assert not ck.is_correct("nb01-ex6", "ค")
    assert ck._known_mistake(ck._entry("nb01-ex6"), "ค").startswith("ถ้ายังไม่ได้สร้าง provinces")
    assert ck.is_correct("nb01-ex2", False) and not ck.is_correct("nb01-ex2", True)
    assert ck._known_mistake(ck._entry("nb01-ex2"), True).startswith("ได้ True แต่ Python")
    misspelled = ["ศรีษะเกษ", "ประจวบศีรีขันธ์"]  # nb04-ex4: the two misspelt province names
    assert ck.is_correct("nb04-ex4", misspelled) and ck.is_correct("nb04-ex4", misspelled[::-1])
    assert ck._evaluate("nb04-ex4", misspelled[:1])[0] == "shape"
    assert ck._evaluate("nb04-ex4", ["ศรีสะเกษ", "ประจวบคีรีขันธ์"])[0] == "value"


def test_salt_and_hash_format_are_the_stored_ones():
    stored = ck._entry("nb01-ex1")
    assert au.make_entry("nb01-ex1", 0)["salt"] == stored["salt"]
    assert stored["salt"] == hashlib.sha256(b"thai-opendata-kit/check/v1/nb01-ex1").hexdigest()[:16]
    assert ck._hash("s", "value", "1.00") == hashlib.sha256(b"s|value|1.00").hexdigest()
    assert au.make_entry("nb01-ex1", 2024, decimals=0)["hashes"] == stored["hashes"]


def test_answer_files_are_found_by_their_key_prefix():
    assert ck.exercises_dir() == Path(ck.__file__).resolve().parent / "exercises"
    assert ck.exercise_keys("nb01")[:2] == ["nb01-ex1", "nb01-ex2"]
    assert set(ck.load_exercises("nb01")) == set(ck.exercise_keys("nb01"))
    assert ck.load_exercises("nb01") is not ck.load_exercises("nb01")  # a copy, safe to change
    assert ck._entry("nb12-ex1")["key"] == "nb12-ex1"
    for key in ("xnb01-ex1", "nb01-ex1 ", "nb01_ex1", "nb01-", "NB01-ex1"):
        with pytest.raises(KeyError):
            ck._entry(key)


def test_unknown_key_message_is_exact():
    with pytest.raises(KeyError) as err:
        ck._entry("nb03-ex99")
    assert err.value.args[0] == (
        "ไม่พบแบบฝึกหัดชื่อ 'nb03-ex99': ตรวจว่าพิมพ์ชื่อถูกต้อง เช่น \"nb03-ex1\" (ชื่อแบบฝึกหัดอยู่ในเซลล์ check ที่ให้มา)"
    )


# --- the normalised texts (what the hashes are taken of) -------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "options", "expected"),
    [
        (3, "number", {}, {"value": "3.00"}),
        (-0.001, "number", {}, {"value": "0.00"}),  # no "-0.00"
        (-1, "number", {}, {"value": "-1.00"}),
        (-10, "number", {"decimals": 0}, {"value": "-10"}),
        (-0.5, "number", {"decimals": 0}, {"value": "0"}),
        (-1.25, "number", {"decimals": 1}, {"value": "-1.2"}),
        (float("inf"), "number", {}, {"value": "inf"}),
        (float("-inf"), "number", {}, {"value": "-inf"}),
        (float("nan"), "number", {}, {"value": "∅"}),
        (1 + 2j, "number", {}, {"value": "(1+2j)"}),
        (np.True_, "bool", {}, {"value": "True"}),
        (" เเม่  Ping\n", "text", {}, {"value": "แม่ ping"}),
        ("ABC", "text", {"case_sensitive": True}, {"value": "ABC"}),
        (dt.datetime(2024, 1, 2, 3, 4, 5, 900000), "date", {}, {"value": "2024-01-02T03:04:05"}),
        (pd.Timestamp("2024-01-02 10:00", tz="Asia/Bangkok"), "date", {}, {"value": "2024-01-02T10:00:00"}),
        (
            [1, None, "ก  ข", True, pd.NaT],
            "list",
            {},
            {"shape": "5", "value": '["1.00", "∅", "ก ข", "True", "∅"]'},
        ),
        (["ข", "ก"], "list", {"ordered": False}, {"shape": "2", "value": '["ก", "ข"]'}),
        ({"ข", "ก"}, "list", {"ordered": False}, {"shape": "2", "value": '["ก", "ข"]'}),
        (np.array([2, 1]), "list", {}, {"shape": "2", "value": '["2.00", "1.00"]'}),
        (
            {"b": 1, "A": "X"},
            "dict",
            {},
            {"shape": "2", "columns": '["a", "b"]', "value": '[["a", "x"], ["b", "1.00"]]'},
        ),
        (
            pd.Series([3, np.nan], index=["น่าน", "ลำปาง"]),
            "series",
            {},
            {"shape": "2", "value": json.dumps(['["น่าน", "3.00"]', '["ลำปาง", "∅"]'], ensure_ascii=False)},
        ),
        (
            {"ข": "ก", "ก": 1},
            "dict",
            {},
            {"shape": "2", "columns": '["ก", "ข"]', "value": '[["ก", "1.00"], ["ข", "ก"]]'},
        ),
        (
            pd.Series([1, 2], index=["ข", "ก"]),
            "series",
            {},
            {"shape": "2", "value": json.dumps(['["ข", "1.00"]', '["ก", "2.00"]'], ensure_ascii=False)},
        ),
        (
            pd.Series([2, 1], index=["x", "y"]),
            "series",
            {"check_index": False, "ordered": False},
            {"shape": "2", "value": '["1.00", "2.00"]'},
        ),
        (
            pd.Series([2, 1], index=["x", "y"]),
            "series",
            {"ordered": False},
            {"shape": "2", "value": json.dumps(['["x", "2.00"]', '["y", "1.00"]'])},
        ),
        (
            pd.DataFrame({"B": [2, 1], "a": ["y", "x"]}, index=[5, 6]),
            "dataframe",
            {},
            {"shape": "2x2", "columns": '["a", "b"]', "value": '["y", "2.00"]\n["x", "1.00"]'},
        ),
        (
            pd.DataFrame({"B": [2, 1], "a": ["y", "x"]}, index=[5, 6]),
            "dataframe",
            {"ordered": False},
            {"shape": "2x2", "columns": '["a", "b"]', "value": '["x", "1.00"]\n["y", "2.00"]'},
        ),
        (
            pd.DataFrame({"B": [1, 2], "a": ["x", "y"]}, index=[5, 6]),
            "dataframe",
            {"check_index": True, "column_order": True},
            {
                "shape": "2x3",
                "columns": '["index", "b", "a"]',
                "value": '["5.00", "1.00", "x"]\n["6.00", "2.00", "y"]',
            },
        ),
    ],
)
def test_canonical_text_is_the_stored_contract(value, kind, options, expected):
    assert ck._canonical(value, kind, {**DEFAULTS, **options}) == expected


def test_unknown_kind_has_no_stages_and_other_values_use_their_repr():
    assert ck._canonical(1, "other", DEFAULTS) == {}
    assert ck._norm_scalar(Ellipsis, DEFAULTS) == "ellipsis"
    assert ck._norm_scalar(object, DEFAULTS) == "<class 'object'>"
    assert ck._norm_scalar([1, 2], DEFAULTS) == "[1, 2]"  # a list inside a cell: its text
    assert ck._norm_scalar(np.array([1, 2]), DEFAULTS) == "[1 2]"  # e.g. a cell of groupby().unique()
    assert ck._norm_scalar(pd.Timedelta("1D"), DEFAULTS) == "timedelta('1 days 00:00:00')"


def test_mistake_text_joins_every_stage_in_order():
    assert ck._mistake_text([1, 2], "list", {}) == 'shape=2||value=["1.00", "2.00"]'
    assert ck._mistake_text(2.5, "number", {"decimals": 0}) == "value=2"
    assert ck._mistake_text({"a": 1}, "dict", {}) == 'columns=["a"]||shape=1||value=[["a", "1.00"]]'


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (None, "none"),
        (..., "ellipsis"),
        (True, "bool"),
        (np.bool_(False), "bool"),
        (dt.date(2024, 1, 1), "date"),
        (dt.datetime(2024, 1, 1), "date"),
        (np.datetime64("2024-01-01"), "date"),
        (pd.Timestamp("2024-01-01"), "date"),
        (3, "number"),
        (np.float32(1.5), "number"),
        (2j, "number"),
        ("3", "text"),
        (pd.DataFrame(), "dataframe"),
        (pd.Series([1]), "series"),
        (pd.Index([1]), "list"),
        (pd.RangeIndex(3), "list"),
        ({"a": 1}, "dict"),
        ([1], "list"),
        ((1,), "list"),
        ({1}, "list"),
        (frozenset({1}), "list"),
        (np.array([1]), "list"),
        (object(), "other"),
        (pd.DataFrame().count, "other"),
    ],
)
def test_kind_of_each_answer(value, kind):
    assert ck._kind_of(value) == kind


def test_missing_values_are_one_value_and_arrays_are_not_missing():
    assert ck._is_missing(None) and ck._is_missing(float("nan")) and ck._is_missing(pd.NA)
    assert ck._is_missing(np.datetime64("NaT"))
    assert not ck._is_missing([None]) and not ck._is_missing(np.array([np.nan]))
    assert not ck._is_missing(0) and not ck._is_missing("")
    assert ck._norm_scalar(None, DEFAULTS) == ck._norm_scalar(pd.NA, DEFAULTS) == "∅"


def test_to_list_accepts_sets_arrays_and_iterables():
    assert sorted(ck._to_list({2, 1})) == [1, 2]
    assert ck._to_list(np.array([1, 2])) == [1, 2] and type(ck._to_list(np.array([1]))[0]) is int
    assert ck._to_list(pd.Index(["a"])) == ["a"]
    assert ck._to_list(range(2)) == [0, 1]


def test_norm_number_nudge_and_rounding():
    assert ck._norm_number(0.125, 2) == "0.12"  # round half to even, as Python rounds
    assert ck._norm_number(0.125, 2, 1e-6) == "0.13"
    assert ck._norm_number(2.5, 0, -1e-4) == "2"
    assert not math.isnan(float(ck._norm_number(1, 3))) and ck._norm_number(1, 3) == "1.000"


# --- verdicts -----------------------------------------------------------------------------------


def test_defaults_two_decimals_case_and_order(entry):
    entry("nbxx-c1", 0.67)
    assert ck.is_correct("nbxx-c1", 0.671) and ck.is_correct("nbxx-c1", 0.6749)
    assert not ck.is_correct("nbxx-c1", 0.676)
    entry("nbxx-c2", "Bangkok")
    assert ck.is_correct("nbxx-c2", "BANGKOK")
    entry("nbxx-c3", [1, 2])
    assert not ck.is_correct("nbxx-c3", [2, 1])
    entry("nbxx-c4", pd.DataFrame({"a": [1], "b": [2]}))
    assert ck.is_correct("nbxx-c4", pd.DataFrame({"b": [2], "a": [1]}))
    entry("nbxx-c5", pd.DataFrame({"a": [1], "b": [2]}), column_order=True)
    assert not ck.is_correct("nbxx-c5", pd.DataFrame({"b": [2], "a": [1]}))
    s = pd.Series([1, 2], index=["x", "y"])
    entry("nbxx-c6", s)
    assert not ck.is_correct("nbxx-c6", s.set_axis(["y", "x"]))  # a Series' index counts by default
    df = pd.DataFrame({"a": [1, 2]}, index=["x", "y"])
    entry("nbxx-c7", df)
    assert ck.is_correct("nbxx-c7", df.set_axis(["p", "q"]))  # a DataFrame's index does not
    entry("nbxx-c8", df, check_index=True)
    assert not ck.is_correct("nbxx-c8", df.set_axis(["p", "q"]))
    assert ck.is_correct("nbxx-c8", df.copy())


def test_nudge_accepts_only_a_hair_from_the_boundary(entry):
    entry("nbxx-nu1", 0.13)
    assert ck.is_correct("nbxx-nu1", 0.1 + 0.025)
    assert ck.is_correct("nbxx-nu1", 0.1249992)  # 8e-7 below the boundary: within 1e-6
    assert not ck.is_correct("nbxx-nu1", 0.124995)  # 5e-6 below: a different answer
    assert not ck.is_correct("nbxx-nu1", 0.12)
    entry("nbxx-nu4", 0.12)
    assert ck.is_correct("nbxx-nu4", 0.1250008)  # 8e-7 above: the lower answer is accepted too
    assert not ck.is_correct("nbxx-nu4", 0.125005)
    entry("nbxx-nu2", 2, decimals=0)
    assert ck.is_correct("nbxx-nu2", 2.49995) and not ck.is_correct("nbxx-nu2", 2.5002)
    entry("nbxx-nu3", 3, decimals=0)
    assert ck.is_correct("nbxx-nu3", 2.49995)  # 1e-4 at decimals 0
    assert not ck.is_correct("nbxx-nu3", 2.4995)


def test_a_series_is_accepted_where_a_list_is_expected_but_not_the_reverse(entry):
    entry("nbxx-co1", ["a", "b"])
    assert ck._coerce(pd.Series(["a"]), "list")[1] == "list"
    assert ck.is_correct("nbxx-co1", pd.Series(["a", "b"], index=[7, 8]))
    entry("nbxx-co2", pd.Series(["a", "b"]))
    assert ck._evaluate("nbxx-co2", ["a", "b"])[0] == "type"
    assert ck._coerce(["a"], "series") == (["a"], "list")


def test_a_stage_missing_from_the_entry_is_skipped(entry):
    e = entry("nbxx-sk1", [1, 2, 3])
    e["hashes"] = {"value": e["hashes"]["value"]}  # an older entry without a shape hash
    stage, got_entry, got = ck._evaluate("nbxx-sk1", [1, 2])
    assert (stage, got_entry["key"], got) == ("value", "nbxx-sk1", "list")
    assert ck._evaluate("nbxx-sk1", [1, 2, 3]) == (None, e, "list")


def test_entry_options_override_the_defaults(entry):
    e = entry("nbxx-op1", 2.0)
    e["options"] = {"decimals": 0}
    e["hashes"] = au.make_entry("nbxx-op1", 2.0, decimals=0)["hashes"]
    assert ck.is_correct("nbxx-op1", 2.3)


def test_check_result_equality_and_hash():
    a = ck.CheckResult(False, "k", "value")
    assert a == ck.CheckResult(False, "k", "value") and hash(a) == hash(ck.CheckResult(False, "k", "value"))
    assert a != ck.CheckResult(False, "k", "shape") and a != ck.CheckResult(False, "j", "value")
    assert a != ck.CheckResult(True, "k", "value")
    assert a == False and a != True  # noqa: E712
    assert not bool(a) and bool(ck.CheckResult(True, "k", None))
    assert a.__eq__(0) is NotImplemented and a != "k"
    assert hash(a) == hash((False, "k", "value"))
    assert a._ipython_display_() is None


# --- the Thai messages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "wrong", "line"),
    [
        (1, "1", "คำตอบควรเป็นตัวเลข (int หรือ float) แต่ตอนนี้เป็นข้อความ (str)"),
        ("a", True, "คำตอบควรเป็นข้อความ (str) แต่ตอนนี้เป็นค่าความจริง (True หรือ False)"),
        (
            True,
            pd.Timestamp("2024-01-01"),
            "คำตอบควรเป็นค่าความจริง (True หรือ False) แต่ตอนนี้เป็นวันที่ (Timestamp หรือ datetime)",
        ),
        (pd.Timestamp("2024-01-01"), [1], "คำตอบควรเป็นวันที่ (Timestamp หรือ datetime) แต่ตอนนี้เป็นรายการ (list)"),
        ([1], {"a": 1}, "คำตอบควรเป็นรายการ (list) แต่ตอนนี้เป็นพจนานุกรม (dict)"),
        ({"a": 1}, pd.Series([1]), "คำตอบควรเป็นพจนานุกรม (dict) แต่ตอนนี้เป็นคอลัมน์เดียว (Series)"),
        (
            pd.Series([1]),
            pd.DataFrame({"a": [1]}),
            "คำตอบควรเป็นคอลัมน์เดียว (Series) แต่ตอนนี้เป็นตาราง (DataFrame)",
        ),
        (pd.DataFrame({"a": [1]}), 1, "คำตอบควรเป็นตาราง (DataFrame) แต่ตอนนี้เป็นตัวเลข (int หรือ float)"),
        (
            1,
            None,
            "คำตอบควรเป็นตัวเลข (int หรือ float) แต่ตอนนี้เป็น None "
            "(ยังไม่มีค่า: เผลอเก็บผลของ print() ไว้ในตัวแปรหรือเปล่า?)",
        ),
        (
            1,
            len,
            "คำตอบควรเป็นตัวเลข (int หรือ float) แต่ตอนนี้เป็นฟังก์ชันหรือเมธอด len (ลืมใส่วงเล็บ () ตอนเรียกใช้หรือเปล่า?)",
        ),
        (1, object(), "คำตอบควรเป็นตัวเลข (int หรือ float) แต่ตอนนี้เป็น object"),
    ],
)
def test_type_message_names_both_kinds_in_thai(entry, capsys, answer, wrong, line):
    entry("nbxx-ty1", answer)
    result = ck.check("nbxx-ty1", wrong)
    assert _lines(capsys) == [f"❌ ยังไม่ถูก: {line}", "💡 คำใบ้: ลองพิมพ์ type(คำตอบ) ดูว่าได้ชนิดข้อมูลอะไร"]
    assert result == ck.CheckResult(False, "nbxx-ty1", "type")


def test_a_method_without_a_name_still_gets_the_brackets_hint():
    class Callable:
        def __call__(self):
            return 1

    assert ck._thai_kind("other", Callable()) == "ฟังก์ชันหรือเมธอด  (ลืมใส่วงเล็บ () ตอนเรียกใช้หรือเปล่า?)"
    assert ck._thai_kind("list") == "รายการ (list)"


@pytest.mark.parametrize(
    ("answer", "wrong", "line", "hint"),
    [
        (
            pd.DataFrame({"a": range(3)}),
            pd.DataFrame({"a": range(1234)}),
            "ชนิดข้อมูลถูกแล้ว แต่จำนวนแถวหรือจำนวนคอลัมน์ยังไม่ตรง (ของคุณมี 1,234 แถว × 1 คอลัมน์)",
            "ลองพิมพ์ len(คำตอบ) หรือ .shape ดู แล้วนึกว่าควรมีกี่รายการ",
        ),
        (
            {"a": 1},
            {"a": 1, "b": 2},
            "ชนิดข้อมูลถูกแล้ว แต่จำนวนคีย์ยังไม่ตรง (ของคุณมี 2 คีย์)",
            "ลองพิมพ์ len(คำตอบ) หรือ .shape ดู แล้วนึกว่าควรมีกี่รายการ",
        ),
        (
            [1],
            list(range(1000)),
            "ชนิดข้อมูลถูกแล้ว แต่จำนวนสมาชิกยังไม่ตรง (ของคุณมี 1,000 รายการ)",
            "ลองพิมพ์ len(คำตอบ) หรือ .shape ดู แล้วนึกว่าควรมีกี่รายการ",
        ),
        (
            pd.Series([1, 2]),
            pd.Series([1]),
            "ชนิดข้อมูลถูกแล้ว แต่จำนวนสมาชิกยังไม่ตรง (ของคุณมี 1 รายการ)",
            "ลองพิมพ์ len(คำตอบ) หรือ .shape ดู แล้วนึกว่าควรมีกี่รายการ",
        ),
        (
            pd.DataFrame({"a": [1]}),
            pd.DataFrame({"b": [1]}),
            "ขนาดถูกแล้ว แต่ชื่อคอลัมน์ยังไม่ตรง",
            "ลองพิมพ์ .columns ดูว่ามีคอลัมน์อะไรบ้าง",
        ),
        ({"a": 1}, {"b": 1}, "ขนาดถูกแล้ว แต่ชื่อคีย์ยังไม่ตรง", "ลองพิมพ์ .columns ดูว่ามีคอลัมน์อะไรบ้าง"),
        (
            pd.DataFrame({"a": [1]}),
            pd.DataFrame({"a": [2]}),
            "ขนาดถูกแล้ว แต่ค่าข้างในยังไม่ตรง",
            "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น",
        ),
        ([1], [2], "ขนาดถูกแล้ว แต่ค่าข้างในยังไม่ตรง", "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น"),
        ("ก", "ข", "ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง", "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น"),
        (True, False, "ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง", "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น"),
        (
            dt.date(2024, 1, 1),
            dt.date(2024, 1, 2),
            "ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง",
            "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น",
        ),
    ],
)
def test_each_stage_message_and_default_hint(entry, capsys, answer, wrong, line, hint):
    entry("nbxx-st1", answer)
    assert not ck.check("nbxx-st1", wrong)
    assert _lines(capsys) == [f"❌ ยังไม่ถูก: {line}", f"💡 คำใบ้: {hint}"]


def test_progressive_hints_count_per_stage_and_stop_at_the_last(entry, capsys):
    entry("nbxx-pr1", [1, 2], hints={"value": ["ห1", "ห2", "ห3"], "shape": ["ข1", "ข2"]})
    seen = []
    for wrong in ([9, 9], [1], [9, 8], [9, 7], [9, 6], [1, 2, 3]):
        ck.check("nbxx-pr1", wrong)
        seen.append(_lines(capsys)[1])
    assert seen == [
        "💡 คำใบ้: ห1",
        "💡 คำใบ้: ข1",
        "💡 คำใบ้: ห1 ห2",
        "💡 คำใบ้: ห1 ห2 ห3",
        "💡 คำใบ้: ห1 ห2 ห3",
        "💡 คำใบ้: ข1 ข2",
    ]
    assert ck._ATTEMPTS[("nbxx-pr1", "value")] == 4
    assert ck._hint("value", {"hints": {"value": ["a", "b"]}}, 0) == "a"  # at least one hint
    assert ck._hint("value", {"hints": {"value": ""}}, 1) == "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น"
    assert ck._hint("type", {}, 1) == "ลองพิมพ์ type(คำตอบ) ดูว่าได้ชนิดข้อมูลอะไร"


def test_right_answer_prints_the_praise_of_the_entry(entry, capsys):
    entry("nbxx-pz1", 5, praise="ยอดเยี่ยม")
    assert ck.check("nbxx-pz1", 5) == ck.CheckResult(True, "nbxx-pz1", None)
    assert _lines(capsys) == ["✅ ถูกต้อง! ยอดเยี่ยม"]
    entry("nbxx-pz2", 5)
    ck.check("nbxx-pz2", 5.0)
    assert _lines(capsys) == ["✅ ถูกต้อง! เก่งมาก ไปต่อกันเลย"]


def test_known_mistake_hint_replaces_the_stage_hint_in_check(entry, capsys):
    entry("nbxx-mk1", 10, hints={"value": "ทั่วไป"}, mistakes=[{"code": "x", "value": 11, "hint": "เฉพาะ"}])
    ck.check("nbxx-mk1", 11)
    assert _lines(capsys)[1] == "💡 คำใบ้: เฉพาะ"
    ck.check("nbxx-mk1", 12)
    assert _lines(capsys)[1] == "💡 คำใบ้: ทั่วไป"
    e = ck._entry("nbxx-mk1")
    assert ck._known_mistake({**e, "mistakes": None}, 11) is None
    assert ck._known_mistake({**e, "mistakes": [{"hint": "ไม่มีค่าแฮช"}, *e["mistakes"]]}, 11) == "เฉพาะ"
    assert ck._known_mistake(e, "11") is None


def test_mistake_of_an_entry_with_options_uses_those_options(entry):
    e = entry("nbxx-mk2", 10, decimals=0, mistakes=[{"code": "x", "value": 11, "hint": "เกินไปหนึ่ง"}])
    assert ck._known_mistake(e, 11.2) == "เกินไปหนึ่ง"  # 11.2 rounds to the mistake at decimals 0
    assert ck._known_mistake(e, 11.6) is None


# --- placeholder and the cell that failed before ----------------------------------------------


class _Shell:
    execution_count = 8


def test_placeholder_after_a_failed_cell_says_to_fix_that_cell(entry, capsys, monkeypatch):
    import IPython

    from helpers import errorhelp

    entry("nbxx-ph1", 1)
    monkeypatch.setattr(IPython, "get_ipython", lambda: _Shell())
    monkeypatch.setattr(errorhelp, "last_error", lambda: {"type": "NameError", "execution_count": 7})
    assert ck._previous_cell_failed() == "NameError"
    assert ck.check("nbxx-ph1", ...) == ck.CheckResult(False, "nbxx-ph1", "type")
    assert _lines(capsys) == [
        "⚠️ เซลล์ที่รันก่อนหน้านี้เกิดข้อผิดพลาด (NameError) คำตอบจึงยังไม่ถูกบันทึก: "
        "แก้ตามคำอธิบายใต้เซลล์นั้น รันเซลล์นั้นใหม่ให้ผ่าน แล้วค่อยรันเซลล์ตรวจคำตอบนี้"
    ]
    monkeypatch.setattr(errorhelp, "last_error", lambda: {"type": "NameError", "execution_count": 6})
    assert ck._previous_cell_failed() is None
    ck.check("nbxx-ph1", ...)
    assert _lines(capsys) == ["✏️ ยังไม่ได้ใส่คำตอบ: แทนที่ ... ด้วยคำตอบของคุณ แล้วรันเซลล์อีกครั้ง"]


def test_placeholder_outside_ipython_and_with_an_unknown_key(capsys):
    assert ck._previous_cell_failed() is None
    with pytest.raises(KeyError) as err:
        ck.check("nb02-zz", ...)
    assert err.value.args[0].startswith("ไม่พบแบบฝึกหัดชื่อ 'nb02-zz': ")
    assert capsys.readouterr().out == ""


# --- solutions ---------------------------------------------------------------------------------


def test_solution_text_markdown_and_plain_forms(entry):
    e = entry("nbxx-so1", 3, solution_markdown="  อธิบาย <ก>\n", solution_code="\nn = len(df)  \n")
    sol = ck._Solution("nbxx-so1", e, collapsed=False)
    assert (sol.text, sol.code) == ("อธิบาย <ก>", "n = len(df)")
    assert sol._repr_markdown_() == "**เฉลย nbxx-so1**\n\nอธิบาย <ก>\n\n```python\nn = len(df)\n```"
    assert repr(sol) == "เฉลย nbxx-so1\nอธิบาย <ก>\n\nn = len(df)"
    folded = ck._Solution("nbxx-so1", e, collapsed=True)._repr_markdown_()
    assert folded == (
        "<details>\n<summary>👀 คลิกเพื่อดูเฉลย (ลองทำเองก่อนนะ)</summary>\n\n"
        "อธิบาย <ก>\n\n```python\nn = len(df)\n```\n\n</details>"
    )
    bare = ck._Solution("nbxx-so1", {"solution": {}}, collapsed=False)
    assert bare._body_markdown() == "" and repr(bare) == "เฉลย nbxx-so1"
    only_text = ck._Solution("k", {"solution": {"markdown": "ม"}}, collapsed=False)
    assert only_text._body_markdown() == "ม" and repr(only_text) == "เฉลย k\nม"
    assert ck._Solution("k", {}, collapsed=True).code == ""


def test_show_solution_displays_in_jupyter_and_prints_elsewhere(entry, capsys, monkeypatch):
    import IPython
    import IPython.display

    entry("nbxx-so2", 3, solution_code="x = 3")
    assert ck.show_solution("nbxx-so2") is None
    assert capsys.readouterr().out == "เฉลย nbxx-so2\n\nx = 3\n"
    shown = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: _Shell())
    monkeypatch.setattr(IPython.display, "display", shown.append)
    ck.show_solution("nbxx-so2", collapsed=False)
    assert capsys.readouterr().out == ""
    assert len(shown) == 1 and shown[0].key == "nbxx-so2" and shown[0].collapsed is False
    ck.show_solution("nbxx-so2")
    assert shown[1].collapsed is True


def test_solution_with_code_only_has_no_blank_explanation():
    sol = ck._Solution("k", {"solution": {"code": "x = 1"}}, collapsed=False)
    assert sol._body_markdown() == "```python\nx = 1\n```"
    assert sol._repr_markdown_() == "**เฉลย k**\n\n```python\nx = 1\n```"


def test_without_ipython_solutions_print_and_placeholders_need_no_shell(entry, capsys, monkeypatch):
    import sys

    entry("nbxx-so3", 3, solution_code="x = 3")
    monkeypatch.setitem(sys.modules, "IPython", None)  # "import IPython" now raises ImportError
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    ck.show_solution("nbxx-so3")
    assert capsys.readouterr().out == "เฉลย nbxx-so3\n\nx = 3\n"
    assert ck._previous_cell_failed() is None


def test_known_mistake_of_a_list_given_as_a_series_and_of_an_entry_without_options(entry):
    e = entry("nbxx-mk3", ["ก", "ข"], mistakes=[{"code": "x", "value": ["ข", "ก"], "hint": "กลับด้าน"}])
    assert ck._known_mistake(e, pd.Series(["ข", "ก"])) == "กลับด้าน"
    assert ck._known_mistake(e, pd.Index(["ข", "ก"])) == "กลับด้าน"
    handwritten = {k: v for k, v in e.items() if k != "options"}  # an entry written without options
    assert ck._known_mistake(handwritten, ["ข", "ก"]) == "กลับด้าน"
    ck._register({**handwritten, "key": "nbxx-mk4"})
    try:
        assert ck.is_correct("nbxx-mk4", ["ก", "ข"]) and not ck.is_correct("nbxx-mk4", ["ข", "ก"])
    finally:
        ck._EXTRA.pop("nbxx-mk4")
