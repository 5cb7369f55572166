"""Every exercise of notebooks 07–12: solutions pass their check, typical and small mistakes do not.

Right answers come from running each notebook's own cells and then the exercise's stored solution
(``helpers.exercise_authoring.solution_answers``); typical wrong answers are the ``mistakes`` of
``helpers/exercises/nbNN.json``, built from the notebook's own variables.  Nothing is typed here.
The checks themselves live in ``tests/_exercises.py`` (two modules so both test workers share them).
"""

from __future__ import annotations

from _exercises import make_tests

PART = ["nb07", "nb08", "nb09", "nb10", "nb11", "nb12"]

globals().update(make_tests(PART))
