"""Authoring tools for the self-check exercises: write answer files, run a notebook's solutions.

For developers and tests, never for learners (``helpers.check`` is what notebooks import).  These
tools ``exec`` a notebook's code and its stored solutions in this process, so they only ever run
the kit's own notebooks.  Answer files are written atomically (a temporary file, then a rename).

    python -m helpers.exercise_authoring refresh notebooks/02_find_data.ipynb
    python -m helpers.exercise_authoring list nb02
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from .check import (
    _DEFAULT_HINTS,
    _DEFAULT_OPTIONS,
    _KEY_RE,
    _SALT_PREFIX,
    KINDS,
    _canonical,
    _entry,
    _hash,
    _kind_of,
    _load_file,
    _mistake_text,
    exercises_dir,
    load_exercises,
)

__all__ = ["make_entry", "save_entries", "solution_answers", "refresh_entries", "main"]


def make_entry(
    key: str,
    answer: Any,
    *,
    title: str = "",
    hints: dict | None = None,
    solution_markdown: str = "",
    solution_code: str = "",
    praise: str | None = None,
    mistakes: list[dict] | None = None,
    **options: Any,
) -> dict:
    """Build the JSON entry of an exercise from its right answer (for developers).

    ``options`` set the precision and leniency: ``decimals`` (default 2), ``case_sensitive``,
    ``ordered`` (lists/Series/DataFrame rows), ``column_order``, ``check_index``.  ``hints`` maps
    a stage (``type``, ``shape``, ``columns``, ``value``) to a Thai hint, or to a list of hints
    shown one more at each wrong try.

    ``mistakes`` lists typical wrong answers, each ``{"code", "hint", "value"}``: a learner whose answer
    equals ``value`` gets that ``hint`` (the first hint is never the solution: say what went wrong).

    >>> e = make_entry("nbxx-ex8", 12, mistakes=[{"code": "len(df) + 1", "value": 13,
    ...                                            "hint": "นับหัวตารางเป็นแถวด้วยหรือเปล่า"}])
    >>> from helpers.check import _register, check
    >>> _register(e)
    >>> _ = check("nbxx-ex8", 13)
    ❌ ยังไม่ถูก: ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง
    💡 คำใบ้: นับหัวตารางเป็นแถวด้วยหรือเปล่า
    >>> e = make_entry("nbxx-ex9", ["ข", "ก"], ordered=False, hints={"value": "ดูชื่อให้ครบ"})
    >>> e["kind"], sorted(e["hashes"]), e["options"]
    ('list', ['shape', 'value'], {'ordered': False})
    >>> "ก" in json.dumps(e, ensure_ascii=False)    # the answer itself is not stored
    False
    """
    unknown = set(options) - set(_DEFAULT_OPTIONS)
    if unknown:
        raise TypeError(f"unknown option(s): {sorted(unknown)}")
    if hints:
        bad = set(hints) - set(_DEFAULT_HINTS)
        if bad:
            raise ValueError(f"hint stages must be among {sorted(_DEFAULT_HINTS)}, got {sorted(bad)}")
    if not _KEY_RE.match(key):
        raise ValueError(f"key must look like 'nb03-ex1', got {key!r}")
    kind = _kind_of(answer)
    if kind not in KINDS:
        raise TypeError(f"cannot build a check for an answer of type {type(answer).__name__}")
    salt = hashlib.sha256((_SALT_PREFIX + key).encode("utf-8")).hexdigest()[:16]
    merged = {**_DEFAULT_OPTIONS, **options}
    stages = _canonical(answer, kind, merged)
    entry = {
        "key": key,
        "title": title,
        "kind": kind,
        "options": dict(options),
        "salt": salt,
        "hashes": {stage: _hash(salt, stage, text) for stage, text in stages.items()},
        "hints": dict(hints or {}),
        "solution": {"markdown": solution_markdown, "code": solution_code},
    }
    if praise:
        entry["praise"] = praise
    if mistakes:
        # Each known mistake: {"code": expression that makes the wrong answer, "hint": Thai hint,
        # "value": the wrong answer itself (not stored)}; only a salted hash of the value is kept.
        entry["mistakes"] = []
        for mistake in mistakes:
            wrong = mistake["value"]
            wrong_kind = _kind_of(wrong)
            if wrong_kind != kind:
                raise TypeError(
                    f"{key}: a known mistake must be a {kind}, got {wrong_kind} ({mistake.get('code')})"
                )
            if _mistake_text(wrong, kind, options) == _mistake_text(answer, kind, options):
                raise ValueError(f"{key}: the known mistake {mistake.get('code')!r} equals the right answer")
            entry["mistakes"].append(
                {
                    "code": mistake.get("code", ""),
                    "hint": mistake["hint"],
                    "hash": _hash(salt, "mistake", _mistake_text(wrong, kind, options)),
                }
            )
    return entry


def save_entries(notebook_id: str, entries: list[dict], *, title: str = "", path: Path | None = None) -> Path:
    """Merge ``entries`` into ``helpers/exercises/<notebook_id>.json`` (or ``path``) and return it.

    Entries keep their order; an entry with an existing key replaces the old one.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = save_entries("nbxx", [make_entry("nbxx-ex1", 3)], path=Path(tmp) / "nbxx.json")
    ...     sorted(json.loads(p.read_text(encoding="utf-8"))["exercises"])
    ['nbxx-ex1']
    """
    path = Path(path) if path is not None else exercises_dir() / f"{notebook_id}.json"
    data = {"notebook": notebook_id, "title": title, "exercises": {}}
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        if title:
            data["title"] = title
    for entry in entries:
        data["exercises"][entry["key"]] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _load_file.cache_clear()
    return path


# ---------------------------------------------------------------------------------------------
# Running a notebook's solutions (for developers and tests)
# ---------------------------------------------------------------------------------------------

_CHECK_CALL = re.compile(r"""^\s*check\(\s*["'](?P<key>nb[^"']+)["']\s*,\s*(?P<expr>.+?)\s*\)\s*;?\s*$""")
_SKIP_TAGS = {"nbval-skip", "raises-exception"}  # the set-up cell (kit-setup) runs: it calls helpers.setup()


def _check_call(source: str) -> tuple[str, str] | None:
    for line in source.splitlines():
        match = _CHECK_CALL.match(line)
        if match:
            return match.group("key"), match.group("expr")
    return None


def solution_answers(notebook: str | Path, *, namespaces: bool = False) -> dict[str, Any]:
    """Run a notebook's code in this process and return the right answer of each exercise.

    With ``namespaces=True`` each value is ``(answer, namespace)``: the notebook's variables as
    they were just before that exercise, so tests can build typical wrong answers from them.

    The code cells run in order in one namespace (cells tagged ``nbval-skip`` or ``raises-exception``,
    ``check(...)`` and ``show_solution(...)`` cells are skipped; printed output is discarded).  At
    each ``check("key", expr)`` cell the solution code of ``key`` runs in a *copy* of the
    namespace (so later cells never depend on a solved exercise) and ``expr`` is evaluated there.
    This is how answers are computed for :func:`refresh_entries` and for the tests: always from
    the solution code, never typed by hand.

    >>> solution_answers(exercises_dir() / "no-such-notebook.ipynb")
    Traceback (most recent call last):
    ...
    FileNotFoundError: ...
    """
    import contextlib
    import io
    import os

    path = Path(notebook)
    if not path.is_file():
        raise FileNotFoundError(str(path))
    nb = json.loads(path.read_text(encoding="utf-8"))
    from IPython.display import display  # a builtin in Jupyter, not in plain Python

    namespace: dict[str, Any] = {"__name__": "__main__", "display": display}
    answers: dict[str, Any] = {}
    old_cwd = os.getcwd()
    sink = io.StringIO()
    try:
        os.chdir(path.parent)
        with contextlib.redirect_stdout(sink):
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"])
                if _SKIP_TAGS & set(cell.get("metadata", {}).get("tags", [])):
                    continue
                call = _check_call(source)
                if call is not None:
                    key, expr = call
                    before = dict(namespace)
                    scratch = dict(namespace)
                    exec(compile(_entry(key)["solution"]["code"], f"<solution {key}>", "exec"), scratch)
                    answer = eval(expr, scratch)
                    answers[key] = (answer, before) if namespaces else answer
                    continue
                if "show_solution(" in source:
                    continue
                code = "\n".join(
                    line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))
                )
                exec(compile(code, f"<{path.name}>", "exec"), namespace)
                _close_figures()
    finally:
        os.chdir(old_cwd)
    return answers


def _close_figures() -> None:
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def refresh_entries(notebook: str | Path, notebook_id: str | None = None) -> Path:
    """Recompute kind, salt and hashes of a notebook's entries from their solution code.

    Developers write the title, hints, options and solution (Markdown + code) of each exercise in
    ``helpers/exercises/nbNN.json``; this fills in the rest by running the notebook with
    :func:`solution_answers`.  Run it again whenever a solution or the data changes::

        python -m helpers.exercise_authoring refresh notebooks/02_find_data.ipynb

    >>> refresh_entries(exercises_dir() / "no-such-notebook.ipynb", "nbxx")
    Traceback (most recent call last):
    ...
    FileNotFoundError: ...
    """
    path = Path(notebook)
    if notebook_id is None:
        notebook_id = "nb" + path.name[:2]
    if not path.is_file():
        raise FileNotFoundError(str(path))
    answers = solution_answers(path, namespaces=True)
    old = load_exercises(notebook_id)
    entries = []
    for key, entry in old.items():
        if key not in answers:
            raise ValueError(f"{key} has no check(...) cell in {path.name}")
        answer, namespace = answers[key]
        mistakes = [
            {
                "code": m["code"],
                "hint": m["hint"],
                "value": eval(compile(m["code"], f"<mistake {key}>", "eval"), dict(namespace)),
            }
            for m in entry.get("mistakes", [])
        ]
        entries.append(
            make_entry(
                key,
                answer,
                title=entry.get("title", ""),
                hints=entry.get("hints"),
                solution_markdown=entry.get("solution", {}).get("markdown", ""),
                solution_code=entry.get("solution", {}).get("code", ""),
                praise=entry.get("praise"),
                mistakes=mistakes,
                **entry.get("options", {}),
            )
        )
    missing = set(answers) - set(old)
    if missing:
        raise ValueError(f"check(...) cells without an entry in {notebook_id}.json: {sorted(missing)}")
    return save_entries(notebook_id, entries)


def main(argv: list[str] | None = None) -> int:
    """Small command line for developers: ``python -m helpers.exercise_authoring refresh|list ...``.

    * ``refresh notebooks/NN_x.ipynb ...`` — :func:`refresh_entries` for each notebook;
    * ``list nbNN`` — the exercise keys and titles of one answer file.

    >>> main(["list", "nb99"])
    nb99: ไม่มีแบบฝึกหัด
    0
    >>> main(["oops"])
    usage: python -m helpers.exercise_authoring refresh NOTEBOOK.ipynb ... | list nbNN
    2
    """
    import sys

    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) >= 2 and args[0] == "refresh":
        for notebook in args[1:]:
            print(f"updated {refresh_entries(notebook).name}")
        return 0
    if len(args) == 2 and args[0] == "list":
        entries = load_exercises(args[1])
        if not entries:
            print(f"{args[1]}: ไม่มีแบบฝึกหัด")
        for key, entry in entries.items():
            print(f"{key}  [{entry.get('kind', '?')}]  {entry.get('title', '')}")
        return 0
    print("usage: python -m helpers.exercise_authoring refresh NOTEBOOK.ipynb ... | list nbNN")
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
