"""Every notebook is clean as stored: right kernel, Thai H1, run in order, no errors, setup first."""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))
COURSE = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
THAI = re.compile(r"[\u0e01-\u0e5b]")
SECRET = re.compile(r"(api[-_ ]?key|token)['\"]?\s*[:=]\s*['\"][A-Za-z0-9]{16,}", re.IGNORECASE)


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _code_cells(nb):
    """Code cells that run in a normal session (the Colab bootstrap cell runs only on Colab)."""
    return [c for c in nb.cells if c.cell_type == "code" and "kit-colab" not in _tags(c)]


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
def test_first_code_cell_calls_setup(path):
    cells = _code_cells(_read(path))
    assert cells and "helpers.setup()" in cells[0].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_in_order_from_a_fresh_kernel(path):
    counts = [c.execution_count for c in _code_cells(_read(path)) if "nbval-skip" not in _tags(c)]
    assert counts == list(range(1, len(counts) + 1)), f"execution counts {counts}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_errors_warnings_or_secrets_stored(path):
    problems = []
    for i, cell in enumerate(_read(path).cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error" and "raises-exception" not in _tags(cell):
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
    monkeypatch.setitem(__import__("sys").modules, "helpers", None)  # makes `import helpers` fail
    with pytest.raises(ModuleNotFoundError, match="make lab") as info:
        exec(compile(source, path.name, "exec"), {})
    assert THAI.search(str(info.value)) and "Binder" in str(info.value)
