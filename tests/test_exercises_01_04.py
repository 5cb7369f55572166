"""Every exercise of notebooks 01-04: the solution code passes its check, wrong answers do not.

Right answers are computed by running each notebook's own cells and then the exercise's stored
solution code (``helpers.exercise_authoring.solution_answers``), never typed into this file.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401 - plausible mistakes below may be dates
import numbers
import re

import nbformat
import pytest
from _exercises import (
    NOTEBOOKS,
    answers_of,
    assert_first_hint_is_not_the_solution,
    assert_mistake_gets_its_hint,
    hashes_text,
    mistake_cases,
    perturb,
    verdict,
)

from helpers import check as check_module
from helpers import check as ck
from helpers.paths import notebooks_dir

PART = ["nb01", "nb02", "nb03", "nb04"]
KEYS = [key for nb in PART for key in ck.exercise_keys(nb)]

#: A plausible mistake for each exercise (what a learner might really type), checked to fail.
PLAUSIBLE_MISTAKES = {}


def _answer(key):
    return answers_of(key[:4])[key][0]


def test_every_notebook_has_exercises():
    for nb in PART:
        assert len(ck.exercise_keys(nb)) >= 3, nb
        for key, entry in ck.load_exercises(nb).items():
            assert key in PLAUSIBLE_MISTAKES or entry.get("mistakes"), f"{key} has no typical wrong answer"


@pytest.mark.parametrize("nb", PART)
def test_every_check_cell_runs(nb):
    assert sorted(answers_of(nb)) == sorted(ck.exercise_keys(nb))


@pytest.mark.parametrize("key", KEYS)
def test_solution_is_right(key):
    assert ck.is_correct(key, _answer(key))
    ok, out = verdict(key, _answer(key))
    assert ok and out.startswith("✅")


@pytest.mark.parametrize("key", KEYS)
def test_small_change_is_wrong(key):
    wrong = perturb(_answer(key))
    assert not ck.is_correct(key, wrong)
    ok, out = verdict(key, wrong)
    assert not ok and out.startswith("❌") and "💡 คำใบ้:" in out


@pytest.mark.parametrize("key", KEYS)
def test_wrong_type_gets_a_type_hint(key):
    wrong = "12345" if isinstance(_answer(key), numbers.Number) else 12345
    result = ck.check(key, wrong)
    assert result.stage == "type"


@pytest.mark.parametrize("key", [k for k in KEYS if k in PLAUSIBLE_MISTAKES])
def test_plausible_mistake_is_wrong(key):
    assert not ck.is_correct(key, PLAUSIBLE_MISTAKES[key])


@pytest.mark.parametrize("key", KEYS)
def test_placeholder_and_answer_not_revealed(key, capsys):
    ck.check(key, ...)
    assert "ยังไม่ได้ใส่คำตอบ" in capsys.readouterr().out
    answer = _answer(key)
    if isinstance(answer, str):
        assert answer not in hashes_text(key)


@pytest.mark.parametrize("nb", PART)
def test_notebook_cells_match_answer_file(nb):
    notebook = nbformat.read(notebooks_dir() / NOTEBOOKS[nb], as_version=4)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    checked = [m for src in code for m in re.findall(r'check\("(nb\d\d-ex\d+)"', src)]
    solutions = [m for src in code for m in re.findall(r'show_solution\("(nb\d\d-ex\d+)"\)', src)]
    assert checked == ck.exercise_keys(nb), "one check cell per exercise, in file order"
    assert solutions == checked, "a hidden solution after every check"
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for i in range(1, len(checked) + 1):
        assert f"### ลองทำดู {i}:" in markdown


@pytest.mark.parametrize("key,code,hint", mistake_cases(PART), ids=lambda v: str(v)[:40])
def test_known_mistake_gets_its_own_hint(key, code, hint):
    assert_mistake_gets_its_hint(key, code, hint)


@pytest.mark.parametrize("key", [k for nb in PART for k in check_module.exercise_keys(nb)])
def test_first_hint_is_not_the_solution(key):
    assert_first_hint_is_not_the_solution(key)
