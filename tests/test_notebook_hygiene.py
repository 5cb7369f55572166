"""Every notebook is clean as stored: right kernel, Thai H1, run in order, no errors, setup first."""

from __future__ import annotations

import re
import sys

import nbformat
import pytest

from helpers import colab
from helpers.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))
COURSE = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
THAI = re.compile(r"[\u0e01-\u0e5b]")
SECRET = re.compile(r"(api[-_ ]?key|token)['\"]?\s*[:=]\s*['\"][A-Za-z0-9]{16,}", re.IGNORECASE)


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _code_cells(nb):
    """Code cells in order (the first one is the generated set-up cell, which runs everywhere)."""
    return [c for c in nb.cells if c.cell_type == "code"]


def _read(path):
    return nbformat.read(path, as_version=4)


def test_there_are_notebooks():
    assert any(p.name == "00_welcome.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_file_name_is_ascii_and_numbered(path):
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_kernelspec_is_python3(path):
    assert _read(path).metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_cell_is_a_thai_h1_title(path):
    first = _read(path).cells[0]
    assert first.cell_type == "markdown"
    title = first.source.lstrip().splitlines()[0]
    assert title.startswith("# ") and THAI.search(title), f"first line is {title!r}"
    h1 = [c for c in _read(path).cells if c.cell_type == "markdown" and re.search(r"^# ", c.source, re.M)]
    assert len(h1) == 1, "a notebook has exactly one H1 heading"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cell_is_the_setup_cell(path):
    cells = _code_cells(_read(path))
    assert cells and _tags(cells[0]) == {"kit-setup"}, "run `make sync` (scripts/sync_notebooks.py)"
    assert cells[0].source == colab.cell_source(), "run `make sync`: the set-up cell is out of date"
    assert "helpers.setup()" in cells[0].source
    assert cells[0].outputs == [], "outside Colab the set-up cell prints nothing"
    later = [i for i, c in enumerate(cells) if i and "helpers.setup()" in c.source]
    assert not later, f"code cells {later} call helpers.setup() again: the set-up cell does it"
    assert not [c for c in cells if "kit-colab" in _tags(c)], (
        "the old Colab cell is part of the set-up cell now"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_in_order_from_a_fresh_kernel(path):
    counts = [c.execution_count for c in _code_cells(_read(path)) if "nbval-skip" not in _tags(c)]
    assert counts == list(range(1, len(counts) + 1)), f"execution counts {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_errors_warnings_or_secrets_stored(path):
    problems = []
    for i, cell in enumerate(_read(path).cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":  # examples of errors use errorhelp.show_error
                problems.append(f"cell {i}: error {out.ename}")
            if out.output_type == "stream" and out.name == "stderr":
                problems.append(f"cell {i}: stderr {out.text[:80]!r}")
            text = str(out)
            if re.search(r"Glyph \d+ .{0,80}missing from font", text):
                problems.append(f"cell {i}: missing Thai glyphs")
            if SECRET.search(text):
                problems.append(f"cell {i}: something like a secret")
        if cell.cell_type == "code" and SECRET.search(cell.source):
            problems.append(f"cell {i}: something like a secret in the code")
    assert not problems, problems


@pytest.mark.parametrize("path", COURSE, ids=lambda p: p.name)
def test_course_notebook_anatomy(path):
    nb = _read(path)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in _code_cells(nb))
    assert "สิ่งที่จะได้เรียนรู้" in markdown, "objectives section"
    assert "นาที" in markdown, "minutes for teaching and exercises"
    assert markdown.count("ลองทำดู") >= 3, "at least three exercises"
    assert len(re.findall(r"\bcheck\(", code)) >= 3, "a self-check after each exercise"
    assert "สรุป" in markdown, "key points at the end"
    assert re.search(r"\]\(\d\d_[a-z0-9_]+\.ipynb\)", markdown), "links to other notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS[:1] + NOTEBOOKS[-1:], ids=lambda p: p.name)
def test_setup_cell_explains_in_thai_when_helpers_is_not_installed(path, monkeypatch):
    source = _code_cells(_read(path))[0].source
    monkeypatch.setitem(sys.modules, "helpers", None)  # makes `import helpers` fail
    with pytest.raises(ModuleNotFoundError) as info:
        exec(compile(source, path.name, "exec"), {})
    message = str(info.value)
    assert THAI.search(message) and "ยังไม่ได้ติดตั้ง" in message
    assert "python3 kit.py lab" in message and "py kit.py lab" in message, "how to open the kit now"
    assert "Binder" in message and "Colab" in message and "README" in message
    assert "make lab" not in message
