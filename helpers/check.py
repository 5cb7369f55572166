"""Self-check exercises: tell a learner right or wrong, with a Thai hint, without revealing the answer.

ตรวจคำตอบแบบฝึกหัด "ลองทำดู" ในโน้ตบุ๊ก: บอกว่าถูกหรือยังไม่ถูก พร้อมคำใบ้ภาษาไทย
โดยไม่เปิดเผยคำตอบ และเปิดดูเฉลยได้เมื่อต้องการ

In a notebook::

    from helpers.check import check, show_solution
    check("nb03-ex1", n_rows)        # prints ✅ ถูกต้อง or ❌ ยังไม่ถูก + a hint
    show_solution("nb03-ex1")        # a collapsed "ดูเฉลย" block (Markdown + code)

How it works
------------
Answer data lives in ``helpers/exercises/nbNN.json`` (one file per notebook; the key prefix
``nbNN`` names the file).  Each entry stores the expected *kind* of answer in plain text (the type
hint tells the learner anyway) and **salted SHA-256 hashes** of a normalised form of the answer's
shape, columns/keys and value -- never the value itself.  ``check`` normalises the learner's
answer the same way and compares hashes stage by stage, so the first stage that differs picks the
hint: wrong type → a hint about the type; right type but wrong size → a hint about the size; right
size but wrong columns → a hint about the columns; otherwise a hint about the value.

Normalisation (the "stated precision" is part of each entry's ``options``):

* numbers (``int``, ``float``, numpy numbers): rounded to ``decimals`` places (default 2), so
  ``3``, ``3.0`` and ``np.int64(3)`` are the same answer; a value that sits a hair from a rounding
  boundary is still accepted;
* text: Unicode NFC, leading/trailing spaces removed, runs of spaces collapsed, ``เเ`` → ``แ``,
  case-insensitive unless ``case_sensitive`` is set;
* lists (``list``, ``tuple``, numpy arrays, pandas ``Index``/``Series`` values; ``set`` when
  ``ordered`` is false): element by element, order-insensitive when ``ordered`` is false;
* ``dict``: keys and values normalised; key order never matters;
* ``DataFrame``: shape, then column names (order-insensitive unless ``column_order``), then values
  cell by cell (index ignored unless ``check_index``; row order ignored when ``ordered`` is false);
* ``Series``: length, then ``(index, value)`` pairs (index ignored when ``check_index`` is false);
* dates (``Timestamp``, ``datetime``, ``date``): ISO text, to the second.

The hashes only keep an answer out of plain sight: the salt is stored next to them, so a
determined learner could still brute-force a small answer.  That is fine for self-study.

Return value
------------
``check()`` prints the verdict and returns a :class:`CheckResult`.  It behaves like ``True`` or
``False`` (``bool(result)``, ``result == True``), but shows nothing as a notebook cell's last
expression, so the cell output is only the printed verdict.  Tests can also use
:func:`is_correct`, which prints nothing and returns a plain ``bool``.

For developers
--------------
``helpers/exercises/nbNN.json`` looks like this (written with ``ensure_ascii=False``)::

    {"notebook": "nb03", "title": "...", "exercises": {
      "nb03-ex1": {"key": "nb03-ex1", "title": "Thai title", "kind": "number",
                   "options": {"decimals": 0}, "salt": "...",
                   "hashes": {"value": "<sha256>"},          # + "shape"/"columns" for containers
                   "hints": {"type": "...", "value": ["first hint", "second hint"]},
                   "solution": {"markdown": "Thai explanation", "code": "n_stations = len(stations)"},
                   "praise": "optional Thai text after ✅"}}}

This module holds only what learners call.  The tools that write answer files and run a
notebook's solutions live in :mod:`helpers.exercise_authoring` (``make_entry``, ``save_entries``,
``solution_answers``, ``refresh_entries``; ``python -m helpers.exercise_authoring refresh
notebooks/NN_x.ipynb``): put a ``check("nbNN-exK", variable)`` cell and a
``show_solution("nbNN-exK")`` cell in the notebook, write the title, options, hints and solution,
then fill in kind, salt and hashes from the solution code with ``refresh_entries``.

>>> from helpers.exercise_authoring import make_entry
>>> entry = make_entry("nbxx-demo", 42, hints={"value": "นับแถวใหม่อีกครั้ง"},
...                    solution_code="answer = len(df)")
>>> _register(entry)
>>> is_correct("nbxx-demo", 42), is_correct("nbxx-demo", 42.001), is_correct("nbxx-demo", 41)
(True, True, False)
>>> ok = check("nbxx-demo", 41)
❌ ยังไม่ถูก: ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง
💡 คำใบ้: นับแถวใหม่อีกครั้ง
>>> bool(ok)
False
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import json
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "check",
    "is_correct",
    "show_solution",
    "CheckResult",
    "load_exercises",
    "exercise_keys",
    "exercises_dir",
    "KINDS",
]

#: Kinds of answer, with the Thai words used in hints.
KINDS = {
    "number": "ตัวเลข (int หรือ float)",
    "text": "ข้อความ (str)",
    "bool": "ค่าความจริง (True หรือ False)",
    "date": "วันที่ (Timestamp หรือ datetime)",
    "list": "รายการ (list)",
    "dict": "พจนานุกรม (dict)",
    "series": "คอลัมน์เดียว (Series)",
    "dataframe": "ตาราง (DataFrame)",
}

_DEFAULT_OPTIONS = {
    "decimals": 2,
    "case_sensitive": False,
    "ordered": True,
    "column_order": False,
    "check_index": None,  # None → True for Series, False for DataFrame
}

_KEY_RE = re.compile(r"^(nb[0-9a-z]{2})-[A-Za-z0-9_-]+$")
_NA = "∅"
_SALT_PREFIX = "thai-opendata-kit/check/v1/"


def exercises_dir() -> Path:
    """Return the folder that holds the answer files ``nbNN.json``.

    >>> exercises_dir().name
    'exercises'
    """
    return Path(__file__).resolve().parent / "exercises"


# ---------------------------------------------------------------------------------------------
# Loading answer data
# ---------------------------------------------------------------------------------------------

_EXTRA: dict[str, dict] = {}  # entries registered in memory (doctests, developers trying things)
_ATTEMPTS: dict[tuple[str, str], int] = {}  # wrong tries per (key, stage), for progressive hints


@cache
def _load_file(notebook_id: str) -> dict:
    path = exercises_dir() / f"{notebook_id}.json"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return data.get("exercises", {})


def load_exercises(notebook_id: str) -> dict:
    """Return every exercise entry of one notebook (``"nb02"`` → the entries of ``nb02.json``).

    >>> all(entry["key"] == key for key, entry in load_exercises("nb02").items())
    True
    >>> load_exercises("nb99")
    {}
    """
    return dict(_load_file(notebook_id))


def exercise_keys(notebook_id: str) -> list[str]:
    """Return the exercise keys of one notebook, in file order.

    >>> all(key.startswith("nb02-") for key in exercise_keys("nb02"))
    True
    """
    return list(_load_file(notebook_id))


def _entry(key: str) -> dict:
    if key in _EXTRA:
        return _EXTRA[key]
    match = _KEY_RE.match(str(key))
    entries = _load_file(match.group(1)) if match else {}
    if key not in entries:
        raise KeyError(
            f'ไม่พบแบบฝึกหัดชื่อ {key!r}: ตรวจว่าพิมพ์ชื่อถูกต้อง เช่น "nb03-ex1" (ชื่อแบบฝึกหัดอยู่ในเซลล์ check ที่ให้มา)'
        )
    return entries[key]


def _register(entry: dict) -> None:
    """Keep an entry in memory (for doctests and for trying an entry before saving it)."""
    _EXTRA[entry["key"]] = entry


# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    import pandas as pd

    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(result, (bool, np.bool_)) and bool(result)


def _kind_of(value: Any) -> str:
    """Classify an answer into one of :data:`KINDS` (or ``"none"``/``"other"``)."""
    if value is None:
        return "none"
    if value is Ellipsis:
        return "ellipsis"
    type_name = type(value).__name__
    module = type(value).__module__
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (_dt.date, _dt.datetime, np.datetime64)):
        return "date"
    if isinstance(value, numbers.Number):
        return "number"
    if isinstance(value, str):
        return "text"
    if module.startswith("pandas"):
        if type_name == "DataFrame":
            return "dataframe"
        if type_name == "Series":
            return "series"
        if type_name.endswith("Index"):
            return "list"
    if isinstance(value, dict):
        return "dict"
    if isinstance(value, (list, tuple, set, frozenset)) or type_name == "ndarray":
        return "list"
    return "other"


def _thai_kind(kind: str, value: Any = None) -> str:
    if kind in KINDS:
        return KINDS[kind]
    if kind == "none":
        return " None (ยังไม่มีค่า: เผลอเก็บผลของ print() ไว้ในตัวแปรหรือเปล่า?)"
    if callable(value):
        return f"ฟังก์ชันหรือเมธอด {getattr(value, '__name__', '')} (ลืมใส่วงเล็บ () ตอนเรียกใช้หรือเปล่า?)"
    return f" {type(value).__name__}"


def _norm_text(value: Any, options: dict) -> str:
    text = unicodedata.normalize("NFC", str(value))
    # Two sara e typed for sara ae is a common Thai typing slip (pythainlp.util.normalize does
    # this too, but importing pythainlp here would slow down every check).
    text = text.replace("\u0e40\u0e40", "\u0e41")
    text = " ".join(text.split())
    return text if options.get("case_sensitive") else text.casefold()


def _norm_number(value: Any, decimals: int, nudge: float = 0.0) -> str:
    number = float(value) + nudge
    if math.isnan(number):
        return _NA
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"  # pragma: no mutate (±inf: any threshold is the same)
    text = f"{round(number, decimals):.{decimals}f}"
    return text[1:] if text.startswith("-") and set(text[1:]) <= {"0", "."} else text


def _norm_scalar(value: Any, options: dict) -> str:
    """Normalise one cell/element to text."""
    if _is_missing(value):
        return _NA
    kind = _kind_of(value)
    if kind == "bool":
        return str(bool(value))
    if kind == "number":
        if isinstance(value, complex):
            return str(value)
        return _norm_number(value, int(options["decimals"]))
    if kind == "date":
        return _norm_date(value)
    # text, and containers inside a cell, by their text; other objects by their repr
    return _norm_text(repr(value) if kind == "other" else value, options)


def _norm_date(value: Any) -> str:
    import pandas as pd

    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.isoformat(timespec="seconds")


def _to_list(value: Any) -> list:
    if isinstance(value, (set, frozenset)):
        return list(value)
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return list(value)


def _canonical(value: Any, kind: str, options: dict) -> dict[str, str]:
    """Return the normalised stages (``shape``, ``columns``, ``value``) of an answer as text.

    ``options`` must be complete (merged with ``_DEFAULT_OPTIONS``), as every caller does.
    """
    stages: dict[str, str] = {}
    if kind in {"number", "text", "bool", "date"}:
        stages["value"] = _norm_scalar(value, options)
    elif kind == "list":
        items = [_norm_scalar(v, options) for v in _to_list(value)]
        if not options["ordered"]:
            items.sort()
        stages["shape"] = str(len(items))
        stages["value"] = json.dumps(items, ensure_ascii=False)
    elif kind == "dict":
        keys = sorted(_norm_scalar(k, options) for k in value)
        pairs = sorted((_norm_scalar(k, options), _norm_scalar(v, options)) for k, v in value.items())
        stages["shape"] = str(len(keys))
        stages["columns"] = json.dumps(keys, ensure_ascii=False)
        stages["value"] = json.dumps(pairs, ensure_ascii=False)
    elif kind == "series":
        check_index = options.get("check_index")
        check_index = True if check_index is None else check_index
        values = [_norm_scalar(v, options) for v in value.tolist()]
        if check_index:
            index = [_norm_scalar(i, options) for i in value.index.tolist()]
            items = [json.dumps(pair, ensure_ascii=False) for pair in zip(index, values)]
        else:
            items = values
        if not options["ordered"]:
            items.sort()
        stages["shape"] = str(len(values))
        stages["value"] = json.dumps(items, ensure_ascii=False)
    elif kind == "dataframe":
        frame = value
        if options.get("check_index"):
            frame = frame.reset_index()
        names = [_norm_text(c, options) for c in frame.columns]
        order = (
            list(range(len(names)))
            if options.get("column_order")
            else sorted(range(len(names)), key=lambda i: names[i])
        )
        stages["shape"] = f"{frame.shape[0]}x{frame.shape[1]}"
        stages["columns"] = json.dumps([names[i] for i in order], ensure_ascii=False)
        columns = [[_norm_scalar(v, options) for v in frame.iloc[:, i].tolist()] for i in order]
        rows = [json.dumps(list(row), ensure_ascii=False) for row in zip(*columns)]
        if not options["ordered"]:
            rows.sort()
        stages["value"] = "\n".join(rows)
    return stages


def _hash(salt: str, stage: str, text: str) -> str:
    return hashlib.sha256(f"{salt}|{stage}|{text}".encode()).hexdigest()


def _coerce(value: Any, kind: str) -> tuple[Any, str]:
    """Accept close-enough containers: a pandas Index/array/tuple/set where a list is expected."""
    got = _kind_of(value)
    if kind == "list" and got == "series":
        return value, "list"
    return value, got


def _nudged_number_hashes(value: Any, salt: str, decimals: int) -> set[str]:
    # A value a hair away from a rounding boundary (0.125 computed two ways) must not flip the
    # verdict: accept the neighbours at a tiny fraction of the stated precision.
    eps = 10.0 ** -(decimals + 4)
    return {_hash(salt, "value", _norm_number(value, decimals, nudge)) for nudge in (-eps, 0.0, eps)}


# ---------------------------------------------------------------------------------------------
# Checking
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """The outcome of :func:`check`: truthy when the answer is right, silent as a cell's last value.

    >>> r = CheckResult(True, "nbxx-demo", None)
    >>> bool(r), r == True, r.correct
    (True, True, True)
    """

    correct: bool
    key: str
    stage: str | None  # the first stage that differed: "type", "shape", "columns", "value" or None

    def __bool__(self) -> bool:
        return self.correct

    def __eq__(self, other: object) -> bool:
        if isinstance(other, CheckResult):
            return (self.correct, self.key, self.stage) == (other.correct, other.key, other.stage)
        if isinstance(other, bool):
            return self.correct is other
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.correct, self.key, self.stage))

    def _ipython_display_(self) -> None:
        # The verdict is already printed; show nothing more as the cell's output.
        return None


def _evaluate(key: str, answer: Any) -> tuple[str | None, dict, str]:
    """Return (first differing stage or None, entry, learner's kind)."""
    entry = _entry(key)
    kind = entry["kind"]
    options = {**_DEFAULT_OPTIONS, **entry.get("options", {})}
    salt = entry["salt"]
    value, got = _coerce(answer, kind)
    if got != kind:
        return "type", entry, got
    stages = _canonical(value, kind, options)
    for stage in ("shape", "columns", "value"):
        if stage not in entry["hashes"]:
            continue
        if stage == "value" and kind == "number":
            ok = entry["hashes"]["value"] in _nudged_number_hashes(value, salt, int(options["decimals"]))
        else:
            ok = _hash(salt, stage, stages.get(stage, "")) == entry["hashes"][stage]
        if not ok:
            return stage, entry, got
    return None, entry, got


def _mistake_text(value: Any, kind: str, options: dict) -> str:
    """One text for a whole answer (all stages), used to recognise a known mistake."""
    stages = _canonical(value, kind, {**_DEFAULT_OPTIONS, **options})
    return "||".join(f"{stage}={stages[stage]}" for stage in sorted(stages))


def _known_mistake(entry: dict, answer: Any) -> str | None:
    """The hint written for this exact wrong answer, when the exercise lists it as a known mistake."""
    mistakes = entry.get("mistakes") or []
    if not mistakes:
        return None
    value, got = _coerce(answer, entry["kind"])
    if got != entry["kind"]:
        return None
    digest = _hash(entry["salt"], "mistake", _mistake_text(value, entry["kind"], entry.get("options", {})))
    for mistake in mistakes:
        if mistake.get("hash") == digest:
            return mistake["hint"]
    return None


def is_correct(key: str, answer: Any) -> bool:
    """Return True when ``answer`` is right for exercise ``key`` (prints nothing).

    >>> from helpers.exercise_authoring import make_entry
    >>> _register(make_entry("nbxx-demo2", "ลำปาง"))
    >>> is_correct("nbxx-demo2", "  ลำปาง "), is_correct("nbxx-demo2", None)
    (True, False)
    """
    stage, _entry_, _kind = _evaluate(key, answer)
    return stage is None


def _size_text(kind: str, answer: Any) -> str:
    if kind == "dataframe":
        return f"{answer.shape[0]:,} แถว × {answer.shape[1]:,} คอลัมน์"
    if kind == "dict":
        return f"{len(answer):,} คีย์"
    return f"{len(answer):,} รายการ"


def _message(stage: str, entry: dict, answer: Any, got: str) -> str:
    kind = entry["kind"]
    if stage == "type":
        return f"คำตอบควรเป็น{KINDS[kind]} แต่ตอนนี้เป็น{_thai_kind(got, answer)}"
    if stage == "shape":
        what = {
            "dataframe": "จำนวนแถวหรือจำนวนคอลัมน์",
            "dict": "จำนวนคีย์",
        }.get(kind, "จำนวนสมาชิก")
        return f"ชนิดข้อมูลถูกแล้ว แต่{what}ยังไม่ตรง (ของคุณมี {_size_text(kind, answer)})"
    if stage == "columns":
        what = "ชื่อคีย์" if kind == "dict" else "ชื่อคอลัมน์"
        return f"ขนาดถูกแล้ว แต่{what}ยังไม่ตรง"
    return (
        "ชนิดข้อมูลถูกแล้ว แต่ค่ายังไม่ตรง"
        if kind in {"number", "text", "bool", "date"}
        else ("ขนาดถูกแล้ว แต่ค่าข้างในยังไม่ตรง")
    )


_DEFAULT_HINTS = {
    "type": "ลองพิมพ์ type(คำตอบ) ดูว่าได้ชนิดข้อมูลอะไร",
    "shape": "ลองพิมพ์ len(คำตอบ) หรือ .shape ดู แล้วนึกว่าควรมีกี่รายการ",
    "columns": "ลองพิมพ์ .columns ดูว่ามีคอลัมน์อะไรบ้าง",
    "value": "อ่านโจทย์อีกครั้ง แล้วค่อย ๆ ตรวจทีละขั้น",
}


def _hint(stage: str, entry: dict, count: int) -> str:
    hints = entry.get("hints", {}).get(stage) or _DEFAULT_HINTS[stage]
    if isinstance(hints, str):
        return hints
    # A list of hints is revealed one more at each wrong try (progressive hints).
    return " ".join(hints[: max(1, min(count, len(hints)))])


def _previous_cell_failed() -> str | None:
    """The error type when the cell run just before this one failed (IPython only), else None."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    shell = get_ipython()
    if shell is None:
        return None
    from .errorhelp import last_error

    last = last_error()
    return last.get("type") if last.get("execution_count") == shell.execution_count - 1 else None


def check(key: str, answer: Any) -> CheckResult:
    """Print ✅ or ❌ with a Thai hint for exercise ``key``; return a :class:`CheckResult`.

    The answer itself is never printed.  ``...`` (the placeholder in an exercise cell) gets a
    gentle reminder instead of a verdict.

    >>> from helpers.exercise_authoring import make_entry
    >>> _register(make_entry("nbxx-demo3", "เชียงใหม่", hints={"type": "ชื่อจังหวัดเป็นข้อความ"}))
    >>> _ = check("nbxx-demo3", ...)
    ✏️ ยังไม่ได้ใส่คำตอบ: แทนที่ ... ด้วยคำตอบของคุณ แล้วรันเซลล์อีกครั้ง
    >>> _ = check("nbxx-demo3", 50)
    ❌ ยังไม่ถูก: คำตอบควรเป็นข้อความ (str) แต่ตอนนี้เป็นตัวเลข (int หรือ float)
    💡 คำใบ้: ชื่อจังหวัดเป็นข้อความ
    >>> bool(check("nbxx-demo3", "เชียงใหม่ "))
    ✅ ถูกต้อง! เก่งมาก ไปต่อกันเลย
    True
    """
    if answer is Ellipsis:
        _entry(key)  # unknown key → a clear error even before an answer is filled in
        failed = _previous_cell_failed()
        if failed:
            print(
                f"⚠️ เซลล์ที่รันก่อนหน้านี้เกิดข้อผิดพลาด ({failed}) คำตอบจึงยังไม่ถูกบันทึก: "
                "แก้ตามคำอธิบายใต้เซลล์นั้น รันเซลล์นั้นใหม่ให้ผ่าน แล้วค่อยรันเซลล์ตรวจคำตอบนี้"
            )
        else:
            print("✏️ ยังไม่ได้ใส่คำตอบ: แทนที่ ... ด้วยคำตอบของคุณ แล้วรันเซลล์อีกครั้ง")
        return CheckResult(False, key, "type")
    stage, entry, got = _evaluate(key, answer)
    if stage is None:
        print("✅ ถูกต้อง! " + entry.get("praise", "เก่งมาก ไปต่อกันเลย"))
        return CheckResult(True, key, None)
    count = _ATTEMPTS.get((key, stage), 0) + 1
    _ATTEMPTS[(key, stage)] = count
    print(f"❌ ยังไม่ถูก: {_message(stage, entry, answer, got)}")
    # A hint written for this very mistake beats the general hint of the stage.
    print(f"💡 คำใบ้: {_known_mistake(entry, answer) or _hint(stage, entry, count)}")
    return CheckResult(False, key, stage)


# ---------------------------------------------------------------------------------------------
# Solutions
# ---------------------------------------------------------------------------------------------


class _Solution:
    """A solution that renders as a collapsed Markdown block in Jupyter and as text elsewhere."""

    def __init__(self, key: str, entry: dict, collapsed: bool):
        self.key = key
        self.text = entry.get("solution", {}).get("markdown", "").strip()
        self.code = entry.get("solution", {}).get("code", "").strip()
        self.collapsed = collapsed

    def _body_markdown(self) -> str:
        parts = [self.text] if self.text else []
        if self.code:
            parts.append(f"```python\n{self.code}\n```")
        return "\n\n".join(parts)

    def _repr_markdown_(self) -> str:
        body = self._body_markdown()
        if not self.collapsed:
            return f"**เฉลย {self.key}**\n\n{body}"
        summary = html.escape("👀 คลิกเพื่อดูเฉลย (ลองทำเองก่อนนะ)")
        return f"<details>\n<summary>{summary}</summary>\n\n{body}\n\n</details>"

    def __repr__(self) -> str:
        lines = [f"เฉลย {self.key}"]
        if self.text:
            lines.append(self.text)
        if self.code:
            lines.append("")
            lines.append(self.code)
        return "\n".join(lines)


def show_solution(key: str, collapsed: bool = True) -> None:
    """Display the hidden solution of exercise ``key``.

    In Jupyter it shows a collapsed "ดูเฉลย" block (click to open) with the explanation and the
    code; outside Jupyter it prints the same as plain text.

    >>> from helpers.exercise_authoring import make_entry
    >>> _register(make_entry("nbxx-demo4", 7, solution_code="answer = len(df)"))
    >>> show_solution("nbxx-demo4")
    เฉลย nbxx-demo4
    <BLANKLINE>
    answer = len(df)
    """
    solution = _Solution(key, _entry(key), collapsed)
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython always ships with the kit
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(solution)
    else:
        print(repr(solution))
