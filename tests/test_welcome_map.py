"""The welcome notebook's course map lists every notebook once, with the minutes the notebook itself states."""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers.paths import notebooks_dir

WELCOME = "00_welcome.ipynb"
#: A notebook's own line, e.g. "**เวลาที่ใช้:** สอน 35 นาที · ลองทำดู 20 นาที" (12 adds its project time).
OWN_LINE = re.compile(
    r"\*\*เวลาที่ใช้:\*\*\s*สอน (\d+) นาที · ลองทำดู (\d+) นาที(?: · โครงงานของคุณอีก (\d+)–(\d+) นาที)?"
)
#: The same minutes in a row of the welcome notebook's map: "สอน 35 · ลองทำดู 20".
MAP_MINUTES = re.compile(r"สอน (\d+) · ลองทำดู (\d+)(?: · โครงงานของคุณอีก (\d+)–(\d+))?")
ROW_NOTEBOOK = re.compile(r"\((\d\d_[a-z0-9_]+\.ipynb)\)")
PIPELINE = "หา → ดึง → ตรวจ → ทำความสะอาด → วิเคราะห์ → นำเสนอ → เผยแพร่ → โครงงาน"


def _markdown(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def own_minutes(path) -> tuple:
    found = OWN_LINE.findall(_markdown(path))
    assert len(found) == 1, f"{path.name}: expected one 'เวลาที่ใช้' line, found {len(found)}"
    return found[0]


def map_rows() -> dict[str, tuple]:
    """{notebook file name: minutes} from the map table of the welcome notebook."""
    rows: dict[str, tuple] = {}
    for line in _markdown(notebooks_dir() / WELCOME).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 4 or not MAP_MINUTES.search(cells[3]):
            continue
        linked = ROW_NOTEBOOK.search(cells[1])
        name = linked.group(1) if linked else (WELCOME if cells[1].startswith("00 ") else None)
        assert name, f"map row without a notebook: {line!r}"
        assert name not in rows, f"{name} appears twice in the map"
        rows[name] = MAP_MINUTES.search(cells[3]).groups(default="")
    return rows


def test_map_lists_every_notebook_once():
    names = sorted(p.name for p in notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    assert sorted(map_rows()) == names


@pytest.mark.parametrize("path", sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb")), ids=lambda p: p.name)
def test_map_minutes_are_the_notebooks_own(path):
    assert map_rows()[path.name] == own_minutes(path)


def test_map_total_and_pipeline():
    text = _markdown(notebooks_dir() / WELCOME)
    minutes = [own_minutes(p) for p in notebooks_dir().glob("[0-9][0-9]_*.ipynb")]
    teach, practise = sum(int(m[0]) for m in minutes), sum(int(m[1]) for m in minutes)
    assert f"รวมทุกบท สอน {teach} นาที และลองทำดู {practise} นาที" in text
    assert PIPELINE in text
