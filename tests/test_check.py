"""Unit tests for the self-check engine ``helpers.check``."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest

from helpers import check as ck
from helpers import exercise_authoring as au


@pytest.fixture
def entry():
    """Register an in-memory exercise and remove it afterwards."""
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


# --- verdicts and hints ----------------------------------------------------------------------


def test_right_answer_prints_tick_and_is_truthy(entry, capsys):
    entry("nbxx-t1", 1234)
    result = ck.check("nbxx-t1", 1234)
    out = capsys.readouterr().out
    assert out.startswith("✅ ถูกต้อง")
    assert result and result == True  # noqa: E712 - the result compares equal to a bool
    assert result.stage is None


def test_wrong_value_prints_cross_and_hint_without_the_answer(entry, capsys):
    entry("nbxx-t2", 1234, hints={"value": "นับเฉพาะแถวที่ไม่ซ้ำ"})
    result = ck.check("nbxx-t2", 1000)
    out = capsys.readouterr().out
    assert out.startswith("❌ ยังไม่ถูก")
    assert "💡 คำใบ้: นับเฉพาะแถวที่ไม่ซ้ำ" in out
    assert "1234" not in out and "1,234" not in out
    assert not result and result.stage == "value"


def test_progressive_hints_by_stage(entry, capsys):
    df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]})
    entry("nbxx-t3", df, hints={stage: f"H-{stage}" for stage in ("type", "shape", "columns", "value")})
    stages = {
        "type": df["a"],
        "shape": df.head(2),
        "columns": df.rename(columns={"b": "c"}),
        "value": df.assign(a=[1, 2, 4]),
    }
    for stage, answer in stages.items():
        result = ck.check("nbxx-t3", answer)
        out = capsys.readouterr().out
        assert result.stage == stage
        assert f"คำใบ้: H-{stage}" in out


def test_list_of_hints_is_revealed_one_more_per_try(entry, capsys):
    entry("nbxx-t4", 7, hints={"value": ["คำใบ้แรก", "คำใบ้ที่สอง"]})
    ck.check("nbxx-t4", 1)
    first = capsys.readouterr().out
    ck.check("nbxx-t4", 2)
    second = capsys.readouterr().out
    assert "คำใบ้แรก" in first and "คำใบ้ที่สอง" not in first
    assert "คำใบ้แรก" in second and "คำใบ้ที่สอง" in second


def test_placeholder_gets_a_reminder_not_a_verdict(entry, capsys):
    entry("nbxx-t5", "กรุงเทพมหานคร")
    result = ck.check("nbxx-t5", ...)
    out = capsys.readouterr().out
    assert "ยังไม่ได้ใส่คำตอบ" in out and "❌" not in out
    assert not result


def test_unknown_key_is_a_clear_thai_error():
    with pytest.raises(KeyError, match="ไม่พบแบบฝึกหัด"):
        ck.check("nb02-nope", 1)
    with pytest.raises(KeyError, match="ไม่พบแบบฝึกหัด"):
        ck.show_solution("not-a-key")


def test_none_and_methods_get_specific_type_hints(entry, capsys):
    entry("nbxx-t6", 3)
    ck.check("nbxx-t6", None)
    assert "print()" in capsys.readouterr().out
    ck.check("nbxx-t6", pd.DataFrame().count)
    assert "วงเล็บ" in capsys.readouterr().out


# --- normalisation -----------------------------------------------------------------------------


def test_numbers_are_rounded_to_the_stated_precision(entry):
    entry("nbxx-n1", 2.0 / 3.0, decimals=2)
    assert ck.is_correct("nbxx-n1", 0.67)
    assert ck.is_correct("nbxx-n1", np.float64(0.6667))
    assert not ck.is_correct("nbxx-n1", 0.66)
    entry("nbxx-n2", 40, decimals=0)
    assert ck.is_correct("nbxx-n2", np.int64(40)) and ck.is_correct("nbxx-n2", 40.2)
    assert not ck.is_correct("nbxx-n2", "40")


def test_number_on_a_rounding_boundary_is_stable(entry):
    entry("nbxx-n3", 0.125, decimals=2)
    assert ck.is_correct("nbxx-n3", 0.1 + 0.025)
    assert ck.is_correct("nbxx-n3", 0.12499999999)


def test_text_is_stripped_and_normalised(entry):
    entry("nbxx-s1", "แม่ฮ่องสอน")
    assert ck.is_correct("nbxx-s1", "  แม่ฮ่องสอน\n")
    assert ck.is_correct("nbxx-s1", "เเม่ฮ่องสอน")  # two sara e typed for sara ae
    assert not ck.is_correct("nbxx-s1", "แม่สอด")
    entry("nbxx-s2", "CSV")
    assert ck.is_correct("nbxx-s2", "csv")
    entry("nbxx-s3", "CSV", case_sensitive=True)
    assert not ck.is_correct("nbxx-s3", "csv")


def test_lists_ordered_and_unordered(entry):
    entry("nbxx-l1", ["ก", "ข", "ค"])
    assert ck.is_correct("nbxx-l1", ("ก", "ข", "ค"))
    assert ck.is_correct("nbxx-l1", pd.Index(["ก", "ข", "ค"]))
    assert ck.is_correct("nbxx-l1", pd.Series(["ก", "ข", "ค"]))
    assert not ck.is_correct("nbxx-l1", ["ค", "ข", "ก"])
    entry("nbxx-l2", ["ก", "ข", "ค"], ordered=False)
    assert ck.is_correct("nbxx-l2", {"ค", "ก", "ข"})
    assert ck.is_correct("nbxx-l2", np.array(["ค", "ข", "ก"]))
    assert not ck.is_correct("nbxx-l2", ["ก", "ข"])


def test_dict_keys_then_values(entry):
    entry("nbxx-d1", {"ชาย": 10, "หญิง": 5})
    assert ck.is_correct("nbxx-d1", {"หญิง": 5.0, "ชาย": 10})
    assert ck._evaluate("nbxx-d1", {"ชาย": 10, "ไม่ทราบ": 5})[0] == "columns"
    assert ck._evaluate("nbxx-d1", {"ชาย": 10, "หญิง": 6})[0] == "value"


def test_series_index_matters_unless_told_otherwise(entry):
    s = pd.Series([3, 1], index=["ลำปาง", "น่าน"], name="n")
    entry("nbxx-se1", s)
    assert ck.is_correct("nbxx-se1", s.rename("other").astype(float))
    assert not ck.is_correct("nbxx-se1", s.reset_index(drop=True))
    entry("nbxx-se2", s, check_index=False)
    assert ck.is_correct("nbxx-se2", s.reset_index(drop=True))


def test_dataframe_ignores_index_and_column_order_by_default(entry):
    df = pd.DataFrame({"จังหวัด": ["ก", "ข"], "ค่า": [1.0, np.nan]})
    entry("nbxx-df1", df)
    assert ck.is_correct("nbxx-df1", df[["ค่า", "จังหวัด"]].set_axis([10, 11]))
    assert ck.is_correct("nbxx-df1", df.astype({"จังหวัด": "object"}))
    assert not ck.is_correct("nbxx-df1", df.fillna(0))
    entry("nbxx-df2", df, ordered=False)
    assert ck.is_correct("nbxx-df2", df.iloc[::-1])
    assert not ck.is_correct("nbxx-df1", df.iloc[::-1])


def test_dates_compare_as_iso_text(entry):
    entry("nbxx-dt1", pd.Timestamp("2008-01-01"))
    assert ck.is_correct("nbxx-dt1", dt.date(2008, 1, 1))
    assert ck.is_correct("nbxx-dt1", np.datetime64("2008-01-01"))
    assert not ck.is_correct("nbxx-dt1", pd.Timestamp("2551-01-01"))


def test_bool_is_not_a_number(entry):
    entry("nbxx-b1", True)
    assert ck.is_correct("nbxx-b1", np.True_)
    assert not ck.is_correct("nbxx-b1", 1)


# --- answer data ------------------------------------------------------------------------------


def test_entry_never_stores_the_answer():
    answer = "สำนักงานสถิติแห่งชาติ"
    e = au.make_entry("nbxx-e1", answer, solution_code="x = 1")
    assert answer not in json.dumps(e, ensure_ascii=False)
    assert au.make_entry("nbxx-e1", answer)["hashes"] == e["hashes"]  # deterministic salt


def test_make_entry_rejects_bad_input():
    with pytest.raises(ValueError):
        au.make_entry("ex1", 1)
    with pytest.raises(TypeError):
        au.make_entry("nbxx-e2", 1, decimal=2)
    with pytest.raises(TypeError):
        au.make_entry("nbxx-e3", object())
    with pytest.raises(ValueError):
        au.make_entry("nbxx-e4", 1, hints={"size": "x"})


def test_save_entries_merges(tmp_path):
    path = tmp_path / "nbxx.json"
    au.save_entries("nbxx", [au.make_entry("nbxx-ex1", 1), au.make_entry("nbxx-ex2", 2)], path=path)
    au.save_entries("nbxx", [au.make_entry("nbxx-ex1", 5)], path=path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data["exercises"]) == ["nbxx-ex1", "nbxx-ex2"]
    assert data["exercises"]["nbxx-ex1"]["hashes"] == au.make_entry("nbxx-ex1", 5)["hashes"]


@pytest.mark.parametrize("path", sorted(ck.exercises_dir().glob("nb*.json")), ids=lambda p: p.name)
def test_every_answer_file_is_well_formed(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["notebook"] == path.stem
    assert data["exercises"], "at least one exercise"
    for key, e in data["exercises"].items():
        assert key == e["key"] and key.startswith(path.stem + "-")
        assert e["kind"] in ck.KINDS
        assert "value" in e["hashes"]
        assert e["title"].strip() and e["solution"]["code"].strip()
        assert set(e.get("hints", {})) <= {"type", "shape", "columns", "value"}


# --- display ------------------------------------------------------------------------------------


def test_show_solution_plain_text_outside_jupyter(entry, capsys):
    entry("nbxx-so1", 3, solution_markdown="นับจำนวนแถวด้วย `len()`", solution_code="n = len(df)")
    ck.show_solution("nbxx-so1")
    out = capsys.readouterr().out
    assert "เฉลย nbxx-so1" in out and "n = len(df)" in out


def test_solution_markdown_is_collapsed(entry):
    e = entry("nbxx-so2", 3, solution_markdown="อธิบาย", solution_code="n = len(df)")
    md = ck._Solution("nbxx-so2", e, collapsed=True)._repr_markdown_()
    assert md.startswith("<details>") and "<summary>" in md and "```python\nn = len(df)\n```" in md
    assert not ck._Solution("nbxx-so2", e, collapsed=False)._repr_markdown_().startswith("<details>")


def test_check_result_shows_nothing_in_jupyter():
    from IPython.core.formatters import DisplayFormatter

    data, _meta = DisplayFormatter().format(ck.CheckResult(True, "k", None))
    assert data == {}


def test_check_call_parser():
    assert au._check_call('check("nb02-ex2", best)') == ("nb02-ex2", "best")
    assert au._check_call("x = 1\ncheck('nb04-ex1', len(df))") == ("nb04-ex1", "len(df)")
    assert au._check_call("show_solution('nb02-ex1')") is None


def test_learner_module_has_no_authoring_tools():
    for name in ("make_entry", "save_entries", "solution_answers", "refresh_entries", "exec"):
        assert not hasattr(ck, name) or name == "exec", name
    source = __import__("inspect").getsource(ck)
    assert "exec(" not in source and "eval(" not in source


def test_save_entries_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "nbxx.json"
    au.save_entries("nbxx", [au.make_entry("nbxx-ex1", 1)], path=path)
    before = path.read_bytes()

    def broken_dumps(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(au.json, "dumps", broken_dumps)
    with pytest.raises(RuntimeError):
        au.save_entries("nbxx", [au.make_entry("nbxx-ex2", 2)], path=path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["nbxx.json"]


# --------------------------------------------------------------------------------------------
# known mistakes and the answer files, tested directly (mutation testing showed these paths were
# only reached through the notebook exercise tests)
def _with_mistakes():
    entry = au.make_entry(
        "nbxx-km1",
        [1, 2, 3],
        mistakes=[
            {"code": "a", "value": [1, 2], "hint": "ลืมค่าสุดท้าย"},
            {"code": "b", "value": [3, 2, 1], "hint": "เรียงกลับด้าน"},
        ],
    )
    ck._register(entry)
    return entry


def test_known_mistake_returns_the_hint_of_exactly_that_answer():
    entry = _with_mistakes()
    assert ck._known_mistake(entry, [1, 2]) == "ลืมค่าสุดท้าย"
    assert ck._known_mistake(entry, [3, 2, 1]) == "เรียงกลับด้าน"
    assert ck._known_mistake(entry, [1, 2, 4]) is None  # another wrong answer: general hint
    assert ck._known_mistake(entry, "1, 2") is None  # another kind: no mistake hint
    assert ck._known_mistake({**entry, "mistakes": []}, [1, 2]) is None


def test_check_prints_the_mistake_hint_instead_of_the_stage_hint(capsys):
    _with_mistakes()
    assert not ck.check("nbxx-km1", [3, 2, 1])
    out = capsys.readouterr().out
    assert "💡 คำใบ้: เรียงกลับด้าน" in out and out.count("💡") == 1
    assert not ck.check("nbxx-km1", [9, 9, 9])
    assert "เรียงกลับด้าน" not in capsys.readouterr().out


def test_a_mistake_equal_to_the_answer_or_of_another_kind_is_refused():
    with pytest.raises(ValueError):
        au.make_entry("nbxx-km2", 5, mistakes=[{"code": "x", "value": 5, "hint": "h"}])
    with pytest.raises(TypeError):
        au.make_entry("nbxx-km3", 5, mistakes=[{"code": "x", "value": "5", "hint": "h"}])


def test_unknown_keys_get_a_thai_error_naming_the_key():
    for key in ("nb03-ex99", "not-a-key", "nb99-ex1"):
        with pytest.raises(KeyError, match="ไม่พบแบบฝึกหัดชื่อ"):
            ck._entry(key)
    assert ck._entry("nb03-ex1")["key"] == "nb03-ex1"  # a real answer file is read by its prefix
