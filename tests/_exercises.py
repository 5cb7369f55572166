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

NOTEBOOKS = {
    "nb01": "01_find_data.ipynb",
    "nb02": "02_get_data.ipynb",
    "nb03": "03_verify_data.ipynb",
    "nb04": "04_clean_data.ipynb",
    "nb05": "05_analyse.ipynb",
    "nb06": "06_visualise.ipynb",
    "nb07": "07_interactive.ipynb",
    "nb08": "08_thai_text.ipynb",
    "nb09": "09_project.ipynb",
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
