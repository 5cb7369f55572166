"""Every self-check of notebooks 05-09 accepts the right answer and rejects a typical wrong one.

The right answer comes from running the notebook's own cells and then the solution code stored in
``helpers/exercises/nbNN.json`` (what a learner sees under "ดูเฉลย"); the typical wrong answer is a
mistake learners really make (averaging densities, counting missing values as "not over",
forgetting stop words ...), built from the notebook's own variables just before the exercise.
Nothing is hard-coded and no set-up code is copied from the notebooks.
"""

from __future__ import annotations

import pytest
from _exercises import (
    answers_of,
    assert_first_hint_is_not_the_solution,
    assert_mistake_gets_its_hint,
    mistake_cases,
    perturb,
    verdict,
)

from helpers import check
from helpers import check as check_module

PART = ["nb05", "nb06", "nb07", "nb08", "nb09"]

# key -> a wrong answer made from the notebook's namespace before the exercise, and notes.
EXERCISES = {
    # --- 05 analyse -----------------------------------------------------------------------------
    # --- 06 visualise ---------------------------------------------------------------------------
    # --- 07 interactive -------------------------------------------------------------------------
    # --- 08 Thai text ----------------------------------------------------------------------------
    # --- 09 project -----------------------------------------------------------------------------
}


@pytest.mark.parametrize("nb", PART)
def test_every_check_cell_runs(nb):
    assert sorted(answers_of(nb)) == sorted(check.exercise_keys(nb))


KEYS = [key for nb in PART for key in check.exercise_keys(nb)]


@pytest.mark.parametrize("key", KEYS)
def test_solution_in_the_answer_file_is_accepted(key):
    answer, _ = answers_of(key[:4])[key]
    assert check.is_correct(key, answer), f"{key}: the stored solution is not accepted"


@pytest.mark.parametrize("key", [k for k in KEYS if k in EXERCISES])
def test_typical_wrong_answer_is_rejected_with_a_hint(key):
    _, namespace = answers_of(key[:4])[key]
    wrong = EXERCISES[key]["wrong"](namespace)
    assert not check.is_correct(key, wrong)
    ok, out = verdict(key, wrong)
    assert not ok and "❌" in out and "💡" in out


@pytest.mark.parametrize("key", KEYS)
def test_small_change_is_rejected(key):
    answer, _ = answers_of(key[:4])[key]
    assert not check.is_correct(key, perturb(answer))


@pytest.mark.parametrize("notebook", PART)
def test_every_answer_file_entry_has_a_test_and_a_solution(notebook):
    keys = check.exercise_keys(notebook)
    assert len(keys) >= 3, f"{notebook} needs at least three exercises"
    for key in keys:
        entry = check.load_exercises(notebook)[key]
        assert key in EXERCISES or entry.get("mistakes"), f"{key} has no typical wrong answer (mistakes)"
        assert entry["solution"]["code"].strip(), f"{key} has no solution code"
        assert entry["hints"], f"{key} has no Thai hint"


@pytest.mark.parametrize("key,code,hint", mistake_cases(PART), ids=lambda v: str(v)[:40])
def test_known_mistake_gets_its_own_hint(key, code, hint):
    assert_mistake_gets_its_hint(key, code, hint)


@pytest.mark.parametrize("key", [k for nb in PART for k in check_module.exercise_keys(nb)])
def test_first_hint_is_not_the_solution(key):
    assert_first_hint_is_not_the_solution(key)
