"""Shared checks for the exercises: right answers come from running each notebook's own cells.

``helpers.exercise_authoring.solution_answers`` runs a notebook top to bottom in this process and,
at each ``check("key", expr)`` cell, runs the exercise's stored solution; so a test can never drift
from the notebook (no set-up code is copied here).  Typical wrong answers are built from the
notebook's own variables just before the exercise.
"""

from __future__ import annotations

import contextlib
import io
import json
import numbers
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from helpers import check as ck
from helpers import exercise_authoring as au
from helpers.paths import notebooks_dir

#: answer-file id (nbNN) → notebook file, for every notebook that has exercises (from the files).
NOTEBOOKS = {
    "nb" + path.name[:2]: path.name
    for path in sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    if (ck.exercises_dir() / f"nb{path.name[:2]}.json").is_file()
}


@cache
def answers_of(nb: str) -> dict:
    """``{key: (right answer, namespace before the exercise)}`` of one notebook."""
    return au.solution_answers(notebooks_dir() / NOTEBOOKS[nb], namespaces=True)


def perturb(answer):
    """A wrong answer of the same type: the check must not be fooled by small changes."""
    if isinstance(answer, (bool, np.bool_)):
        return not answer
    if isinstance(answer, numbers.Number):
        return answer + 1
    if isinstance(answer, str):
        return answer + "x"
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return answer.iloc[:-1]
    if isinstance(answer, pd.Timestamp):
        return answer + pd.Timedelta(days=1)
    if isinstance(answer, dict):
        return dict(list(answer.items())[:-1])
    if isinstance(answer, (list, tuple)):
        return list(answer)[:-1]
    if hasattr(answer, "year") and hasattr(answer, "toordinal"):  # datetime.date
        return type(answer).fromordinal(answer.toordinal() + 1)
    raise TypeError(type(answer))


def verdict(key: str, answer) -> tuple[bool, str]:
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        result = ck.check(key, answer)
    return bool(result), buffer.getvalue()


def hashes_text(key: str) -> str:
    return json.dumps(ck.load_exercises(key[:4])[key]["hashes"], ensure_ascii=False)


def mistake_cases(notebooks) -> list[tuple[str, str, str]]:
    """``(key, code, hint)`` of every known mistake written in the answer files of ``notebooks``."""
    return [
        (key, m["code"], m["hint"])
        for nb in notebooks
        for key, entry in ck.load_exercises(nb).items()
        for m in entry.get("mistakes", [])
    ]


def assert_mistake_gets_its_hint(key: str, code: str, hint: str) -> None:
    _, namespace = answers_of(key[:4])[key]
    wrong = eval(compile(code, f"<mistake {key}>", "eval"), dict(namespace))  # the kit's own code
    ok, out = verdict(key, wrong)
    assert not ok, f"{key}: the known mistake {code!r} is accepted"
    assert f"💡 คำใบ้: {hint}" in out, f"{key}: {code!r} did not get its own hint"


def assert_first_hint_is_not_the_solution(key: str) -> None:
    entry = ck.load_exercises(key[:4])[key]
    lines = [line.strip() for line in entry["solution"]["code"].splitlines() if len(line.strip()) > 12]
    for stage, hints in entry.get("hints", {}).items():
        first = hints if isinstance(hints, str) else hints[0]
        for line in lines:
            assert line not in first, f"{key}: the first {stage} hint gives the solution ({line!r})"


def make_tests(part: list[str]) -> dict:
    """The test functions for the notebooks in ``part`` (a test module does ``globals().update(...)``).

    Two modules split the notebooks so that pytest-xdist runs them on both workers.
    """
    import re

    import nbformat
    import pytest

    keys = [key for nb in part for key in ck.exercise_keys(nb)]

    def test_every_notebook_has_exercises_with_typical_mistakes():
        for nb in part:
            assert len(ck.exercise_keys(nb)) >= 3, f"{nb} needs at least three exercises"
            for key, entry in ck.load_exercises(nb).items():
                assert entry["solution"]["code"].strip(), f"{key} has no solution code"
                assert entry.get("hints"), f"{key} has no Thai hint"
                assert entry.get("mistakes"), f"{key} has no typical wrong answer (mistakes)"

    @pytest.mark.parametrize("nb", part)
    def test_every_check_cell_runs(nb):
        assert sorted(answers_of(nb)) == sorted(ck.exercise_keys(nb))

    @pytest.mark.parametrize("key", keys)
    def test_solution_is_right(key):
        answer = answers_of(key[:4])[key][0]
        assert ck.is_correct(key, answer), f"{key}: the stored solution is not accepted"
        ok, out = verdict(key, answer)
        assert ok and out.startswith("✅")

    @pytest.mark.parametrize("key", keys)
    def test_small_change_is_wrong(key):
        wrong = perturb(answers_of(key[:4])[key][0])
        assert not ck.is_correct(key, wrong)
        ok, out = verdict(key, wrong)
        assert not ok and out.startswith("❌") and "💡 คำใบ้:" in out

    @pytest.mark.parametrize("key", keys)
    def test_wrong_type_gets_a_type_hint(key):
        wrong = "12345" if isinstance(answers_of(key[:4])[key][0], numbers.Number) else 12345
        assert ck.check(key, wrong).stage == "type"

    @pytest.mark.parametrize("key", keys)
    def test_placeholder_and_answer_not_revealed(key, capsys):
        ck.check(key, ...)
        assert "ยังไม่ได้ใส่คำตอบ" in capsys.readouterr().out
        answer = answers_of(key[:4])[key][0]
        if isinstance(answer, str):
            assert answer not in hashes_text(key)

    @pytest.mark.parametrize("key,code,hint", mistake_cases(part), ids=lambda v: str(v)[:40])
    def test_known_mistake_gets_its_own_hint(key, code, hint):
        assert_mistake_gets_its_hint(key, code, hint)

    @pytest.mark.parametrize("key", keys)
    def test_first_hint_is_not_the_solution(key):
        assert_first_hint_is_not_the_solution(key)

    @pytest.mark.parametrize("nb", part)
    def test_notebook_cells_match_answer_file(nb):
        notebook = nbformat.read(notebooks_dir() / NOTEBOOKS[nb], as_version=4)
        code = [c.source for c in notebook.cells if c.cell_type == "code"]
        checked = [m for src in code for m in re.findall(r'check\("(nb\d\d-ex\d+)"', src)]
        solutions = [m for src in code for m in re.findall(r'show_solution\("(nb\d\d-ex\d+)"\)', src)]
        assert checked == ck.exercise_keys(nb), "one check cell per exercise, in file order"
        assert solutions == checked, "a hidden solution after every check"
        markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        for i in range(1, len(checked) + 1):
            assert f"### ลองทำดู {i}:" in markdown, f"exercise heading 'ลองทำดู {i}:'"

    return {name: value for name, value in locals().items() if name.startswith("test_")}
