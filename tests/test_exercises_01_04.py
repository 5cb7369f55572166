"""Every exercise of notebooks 01-04: the solution code passes its check, wrong answers do not.

Right answers are computed by running each notebook's code and then the exercise's own solution
code (``helpers.check.solution_answers``), never typed into this file.
"""

from __future__ import annotations

import datetime as dt
import json
import numbers
import re

import nbformat
import numpy as np
import pandas as pd
import pytest

from helpers import check as ck
from helpers.paths import notebooks_dir

NOTEBOOKS = {
    "nb01": "01_find_data.ipynb",
    "nb02": "02_get_data.ipynb",
    "nb03": "03_verify_data.ipynb",
    "nb04": "04_clean_data.ipynb",
}
PRESENT = {nb: name for nb, name in NOTEBOOKS.items() if (notebooks_dir() / name).is_file()}
KEYS = [key for nb in PRESENT for key in ck.exercise_keys(nb)]

#: A plausible mistake for each exercise (what a learner might really type), checked to fail.
PLAUSIBLE_MISTAKES = {
    "nb01-ex1": "pm25-monthly-region-2566",
    "nb01-ex2": "รายเดือน",
    "nb01-ex3": "trend-domistic-tourists",
    "nb01-ex4": 20,
    "nb02-ex1": 13,
    "nb02-ex2": 42.7,
    "nb02-ex3": 12,
    "nb02-ex4": ["InternalAmount", "InternalIncome"],
    "nb03-ex1": 77,
    "nb03-ex2": 0,
    "nb03-ex3": [],
    "nb03-ex4": "58T",
    "nb04-ex1": 3025,
    "nb04-ex2": dt.date(2017, 4, 14),
    "nb04-ex3": 94,
    "nb04-ex4": 102,
}


@pytest.fixture(scope="module")
def answers(tmp_path_factory):
    """Right answers of every exercise, from running the notebooks in this process."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KIT_OFFLINE", "1")
    mp.setenv("KIT_CACHE_DIR", str(tmp_path_factory.mktemp("kit-cache")))
    try:
        result = {}
        for name in PRESENT.values():
            result.update(ck.solution_answers(notebooks_dir() / name))
        yield result
    finally:
        mp.undo()


def _perturb(answer):
    """A wrong answer of the same type: the check must not be fooled by small changes."""
    if isinstance(answer, (bool, np.bool_)):
        return not answer
    if isinstance(answer, numbers.Number):
        return answer + 1
    if isinstance(answer, str):
        return answer + "x"
    if isinstance(answer, pd.DataFrame):
        return answer.iloc[:-1]
    if isinstance(answer, pd.Series):
        return answer.iloc[:-1]
    if isinstance(answer, pd.Timestamp):
        return answer + pd.Timedelta(days=1)
    if isinstance(answer, dict):
        return dict(list(answer.items())[:-1])
    if isinstance(answer, (list, tuple)):
        return list(answer)[:-1]
    raise TypeError(type(answer))


def test_every_notebook_has_exercises():
    for nb in PRESENT:
        assert len(ck.exercise_keys(nb)) >= 3, nb


@pytest.mark.parametrize("key", KEYS)
def test_solution_is_right(key, answers, capsys):
    assert key in answers, f"no check({key!r}, ...) cell ran"
    assert ck.is_correct(key, answers[key])
    assert ck.check(key, answers[key])
    assert capsys.readouterr().out.startswith("✅")


@pytest.mark.parametrize("key", KEYS)
def test_small_change_is_wrong(key, answers, capsys):
    wrong = _perturb(answers[key])
    assert not ck.is_correct(key, wrong)
    result = ck.check(key, wrong)
    out = capsys.readouterr().out
    assert not result and out.startswith("❌") and "💡 คำใบ้:" in out


@pytest.mark.parametrize("key", KEYS)
def test_wrong_type_gets_a_type_hint(key, answers, capsys):
    wrong = "12345" if isinstance(answers[key], numbers.Number) else 12345
    result = ck.check(key, wrong)
    assert result.stage == "type"
    assert "คำตอบควรเป็น" in capsys.readouterr().out


@pytest.mark.parametrize("key", [k for k in KEYS if k in PLAUSIBLE_MISTAKES])
def test_plausible_mistake_is_wrong(key):
    assert not ck.is_correct(key, PLAUSIBLE_MISTAKES[key])


@pytest.mark.parametrize("key", KEYS)
def test_placeholder_and_answer_not_revealed(key, answers, capsys):
    ck.check(key, ...)
    assert "ยังไม่ได้ใส่คำตอบ" in capsys.readouterr().out
    entry_text = json.dumps(ck.load_exercises(key[:4])[key]["hashes"], ensure_ascii=False)
    answer = answers[key]
    if isinstance(answer, str):
        assert answer not in entry_text


@pytest.mark.parametrize("nb", sorted(PRESENT))
def test_notebook_cells_match_answer_file(nb):
    notebook = nbformat.read(notebooks_dir() / PRESENT[nb], as_version=4)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    checked = [m for src in code for m in re.findall(r'check\("(nb\d\d-ex\d+)"', src)]
    solutions = [m for src in code for m in re.findall(r'show_solution\("(nb\d\d-ex\d+)"\)', src)]
    assert checked == ck.exercise_keys(nb), "one check cell per exercise, in file order"
    assert solutions == checked, "a hidden solution after every check"
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    for i in range(1, len(checked) + 1):
        assert f"### ลองทำดู {i}:" in markdown
