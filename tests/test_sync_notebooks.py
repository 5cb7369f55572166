"""``scripts/sync_notebooks.py``: generated header, Colab and navigation cells, idempotent, checkable."""

from __future__ import annotations

import copy
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from _scripts import load_script

from helpers import colab, env
from helpers.paths import repo_root

ROOT = repo_root()
SCRIPT = ROOT / "scripts" / "sync_notebooks.py"
SETUP_SOURCE = (
    "# เตรียมชุดเรียน: ฟอนต์ไทยสำหรับกราฟและค่าเริ่มต้นต่าง ๆ\n"
    "try:\n"
    "    import helpers\n"
    "except ModuleNotFoundError:\n"
    '    raise ModuleNotFoundError("ยังไม่ได้ติดตั้งแพ็กเกจ helpers ของชุดเรียน") from None\n'
    "helpers.setup()"
)


sync = load_script("sync_notebooks")


# --- a small course in a temporary folder --------------------------------------------------------


def _notebook(title: str, code: list[str], minor: int = 5) -> dict:
    nb = nbformat.v4.new_notebook()
    nb.nbformat_minor = minor
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells.append(
        nbformat.v4.new_markdown_cell(
            f"# {title}\n\nคำนำของบท{title}\n\n## สิ่งที่จะได้เรียนรู้\n\n- เป้าหมายแรกของบท{title}\n"
            f"- เป้าหมายที่สองที่ยาว\n  ต่อบรรทัดใหม่\n\n**เวลาที่ใช้:** สอน 20 นาที · ลองทำ 10 นาที"
        )
    )
    setup = nbformat.v4.new_code_cell(SETUP_SOURCE, execution_count=1)
    setup.outputs = [
        nbformat.v4.new_output(
            "execute_result", {"text/plain": "{'font': 'Sarabun', 'shaping': True}"}, execution_count=1
        )
    ]
    nb.cells.append(setup)
    for n, source in enumerate(code, start=2):
        cell = nbformat.v4.new_code_cell(source, execution_count=n)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"ผลลัพธ์ {n}\n")]
        nb.cells.append(cell)
    nb.cells.append(nbformat.v4.new_markdown_cell("## สรุป\n\nจบบท"))
    if minor < 5:
        for cell in nb.cells:
            cell.pop("id", None)
    return nb


@pytest.fixture
def course(tmp_path) -> Path:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path / "data" / "datapackage.json")
    books = {
        "00_welcome.ipynb": _notebook("ยินดีต้อนรับ", ['provinces = data.load("provinces")']),
        "01_find_data.ipynb": _notebook("หาข้อมูลบน data.go.th", ['portal.search("ฝุ่น")']),
        "02_get_data.ipynb": _notebook(
            "ดึงข้อมูล", ['df = clean.read_csv_th(data.path("injuries-newyear-2551"))'], minor=4
        ),
    }
    for name, nb in books.items():
        nbformat.write(nb, tmp_path / "notebooks" / name)
    (tmp_path / "README.md").write_text(
        "# ชุดเรียน\n\n<!-- kit:badges:start -->\nเก่า\n<!-- kit:badges:end -->\n\nเนื้อหา\n", encoding="utf-8"
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "teaching-guide.md").write_text(
        "# คู่มือครู\n\n<!-- kit:guide:start -->\n<!-- kit:guide:end -->\n\n## ตารางอบรม\n", encoding="utf-8"
    )
    return tmp_path


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _kind(cell: dict) -> str | None:
    tags = cell.get("metadata", {}).get("tags", [])
    return next((t for t in ("kit-header", "kit-colab", "kit-nav") if t in tags), None)


def _unmanaged(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if _kind(c) is None]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


# --- the real notebooks --------------------------------------------------------------------------


def test_real_notebooks_and_readme_are_in_sync():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, (
        f"run `make sync` (python scripts/sync_notebooks.py):\n{done.stdout}{done.stderr}"
    )


def test_check_mode_catches_a_stale_copy_of_the_real_notebooks(tmp_path):
    shutil.copytree(
        ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    shutil.copytree(
        ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("practice", "facts", "checkpoints")
    )
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    assert sync.main(["--root", str(tmp_path)]) == 0  # bring the copy up to date, whatever the checkout says
    assert sync.main(["--root", str(tmp_path), "--check"]) == 0
    target = sorted((tmp_path / "notebooks").glob("[0-9][0-9]_*.ipynb"))[0]
    nb = _read(target)
    nav = next(c for c in nb["cells"] if _kind(c) == "kit-nav")
    nav["source"] = ["<!-- kit:nav:start -->\n", "ลิงก์เก่า\n", "<!-- kit:nav:end -->"]
    target.write_text(sync.dump_notebook(nb), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check", "--root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == [f"out of date: notebooks/{target.name}"]
    assert target.read_text(encoding="utf-8") == sync.dump_notebook(nb), "--check changes nothing"


# --- behaviour on a small course -----------------------------------------------------------------


def test_sync_then_check_then_sync_again_changes_nothing(course, capsys):
    assert sync.main(["--root", str(course), "--check"]) == 1
    listed = capsys.readouterr().out.splitlines()
    assert listed == [
        "out of date: notebooks/00_welcome.ipynb",
        "out of date: notebooks/01_find_data.ipynb",
        "out of date: notebooks/02_get_data.ipynb",
        "out of date: README.md",
        "out of date: docs/teaching-guide.md",
    ]
    assert sync.main(["--root", str(course)]) == 0
    snapshot = {p: p.read_bytes() for p in course.rglob("*") if p.is_file()}
    assert sync.main(["--root", str(course), "--check"]) == 0
    assert sync.main(["--root", str(course)]) == 0
    assert "everything is up to date" in capsys.readouterr().out
    assert {p: p.read_bytes() for p in course.rglob("*") if p.is_file()} == snapshot


def test_other_cells_keep_their_outputs_and_execution_counts(course):
    path = course / "notebooks" / "01_find_data.ipynb"
    before = _read(path)
    sync.main(["--root", str(course)])
    after = _read(path)
    assert _unmanaged(after) == before["cells"], "only the generated cells are new"
    assert {k: v for k, v in after.items() if k != "cells"} == {
        k: v for k, v in before.items() if k != "cells"
    }


def test_cells_are_placed_where_the_hygiene_test_expects_them(course):
    sync.main(["--root", str(course)])
    for path in sorted((course / "notebooks").glob("*.ipynb")):
        nb = _read(path)
        kinds = [_kind(c) for c in nb["cells"]]
        assert _source(nb["cells"][0]).startswith("# "), "the H1 title stays first"
        assert kinds[1] == "kit-header"
        assert kinds[-1] == "kit-nav"
        colab_at = kinds.index("kit-colab")
        assert "helpers.setup()" in _source(nb["cells"][colab_at + 1]), "Colab cell right before setup"
        code = [c for c in nb["cells"] if c["cell_type"] == "code" and _kind(c) != "kit-colab"]
        assert "helpers.setup()" in _source(code[0])
        assert kinds.count("kit-header") == kinds.count("kit-colab") == kinds.count("kit-nav") == 1
        nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))


def test_colab_cell_is_stored_unexecuted_with_skip_tags(course):
    sync.main(["--root", str(course)])
    nb = _read(course / "notebooks" / "00_welcome.ipynb")
    cell = next(c for c in nb["cells"] if _kind(c) == "kit-colab")
    assert cell["execution_count"] is None and cell["outputs"] == []
    assert cell["metadata"]["tags"] == ["kit-colab", "nbval-skip"]
    assert _source(cell) == colab.cell_source()
    assert cell["id"] == "kit-colab"


def test_an_executed_but_current_colab_cell_is_not_stale(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "00_welcome.ipynb"
    nb = _read(path)
    cell = next(c for c in nb["cells"] if _kind(c) == "kit-colab")
    cell["execution_count"] = 1  # what executing the notebook locally leaves (no output locally)
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course), "--check"]) == 0


def test_an_old_colab_cell_is_replaced_and_reset(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "00_welcome.ipynb"
    nb = _read(path)
    cell = next(c for c in nb["cells"] if _kind(c) == "kit-colab")
    cell["source"] = ["# kit:colab:start\n", "print('old')\n", "# kit:colab:end"]
    cell["execution_count"] = 1
    cell["outputs"] = [{"name": "stdout", "output_type": "stream", "text": ["old\n"]}]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course)]) == 0
    cell = next(c for c in _read(path)["cells"] if _kind(c) == "kit-colab")
    assert _source(cell) == colab.cell_source()
    assert cell["execution_count"] is None and cell["outputs"] == []


def test_navigation_links_previous_contents_next(course):
    sync.main(["--root", str(course)])
    navs = {
        p.name: _source(next(c for c in _read(p)["cells"] if _kind(c) == "kit-nav"))
        for p in sorted((course / "notebooks").glob("*.ipynb"))
    }
    first, middle, last = navs["00_welcome.ipynb"], navs["01_find_data.ipynb"], navs["02_get_data.ipynb"]
    assert "ก่อนหน้า" not in first and "[สารบัญ]" not in first
    assert "[ถัดไป: หาข้อมูลบน data.go.th →](01_find_data.ipynb)" in first
    assert (
        "[← ก่อนหน้า: ยินดีต้อนรับ](00_welcome.ipynb) · [สารบัญ](00_welcome.ipynb) · [ถัดไป: ดึงข้อมูล →](02_get_data.ipynb)"
        in middle
    )
    assert "ถัดไป" not in last and "[สารบัญ](00_welcome.ipynb)" in last
    assert env.colab_url("notebooks/02_get_data.ipynb") in middle, "Colab cannot follow relative links"
    for text in navs.values():
        assert text.startswith("<!-- kit:nav:start -->") and text.endswith("<!-- kit:nav:end -->")


def test_header_has_badges_data_sources_and_licences(course):
    sync.main(["--root", str(course)])
    headers = {
        p.name: _source(next(c for c in _read(p)["cells"] if _kind(c) == "kit-header"))
        for p in sorted((course / "notebooks").glob("*.ipynb"))
    }
    h = headers["02_get_data.ipynb"]
    assert h.startswith(sync.HEADER_START) and h.endswith(sync.HEADER_END)
    assert env.binder_url("notebooks/02_get_data.ipynb") in h and "labpath=notebooks%2F02_get_data.ipynb" in h
    assert env.colab_url("notebooks/02_get_data.ipynb") in h
    assert "CC BY 4.0" in h and "MIT" in h
    assert "ข้อมูลจำลอง" in h and "ห้ามนำไปสรุปเป็นข้อเท็จจริง" in h, "simulated data says so"
    assert "ข้อมูลจริง ที่มา: กรมการปกครอง" in headers["00_welcome.ipynb"]
    assert "data.go.th" in headers["01_find_data.ipynb"], "the offline catalogue is named when portal is used"
    assert headers["01_find_data.ipynb"].count("สำเนาแค็ตตาล็อก") == 1, "same title listed once"


def test_notebook_metadata_can_add_a_source(course):
    path = course / "notebooks" / "02_get_data.ipynb"
    nb = _read(path)
    nb["metadata"]["kit"] = {"sources": ["pm25-stations"]}
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    sync.main(["--root", str(course)])
    header = _source(next(c for c in _read(path)["cells"] if _kind(c) == "kit-header"))
    assert "สถานีวัด PM2.5" in header


def test_author_text_outside_the_markers_is_kept_and_misplaced_cells_move_back(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "01_find_data.ipynb"
    nb = _read(path)
    header = next(c for c in nb["cells"] if _kind(c) == "kit-header")
    header["source"] = ["หมายเหตุของครู\n"] + header["source"]
    nb["cells"].remove(header)
    nb["cells"].insert(3, header)  # moved by accident
    nb["cells"].insert(4, copy.deepcopy(nb["cells"][-1]))  # a pasted copy of the navigation cell
    nb["cells"][4]["id"] = "pasted"
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course), "--check"]) == 1
    sync.main(["--root", str(course)])
    nb = _read(path)
    kinds = [_kind(c) for c in nb["cells"]]
    assert kinds[1] == "kit-header" and kinds.count("kit-nav") == 1 and kinds[-1] == "kit-nav"
    assert _source(nb["cells"][1]).startswith("หมายเหตุของครู\n" + sync.HEADER_START)


def test_a_changed_title_updates_the_neighbours(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "01_find_data.ipynb"
    nb = _read(path)
    nb["cells"][0]["source"] = ["# ค้นหาชุดข้อมูล\n", "\n", "คำนำ"]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    changes, _ = sync.plan(course)
    assert sorted(p.name for p, _ in changes) == [
        "00_welcome.ipynb",
        "02_get_data.ipynb",
        "teaching-guide.md",
    ]


def test_repository_url_comes_from_helpers_env(course, monkeypatch):
    sync.main(["--root", str(course)])
    monkeypatch.setattr(env, "REPO_URL", "https://github.com/another-org/kit-fork")
    changes, _ = sync.plan(course)
    assert len(changes) == 4, "every notebook and the README follow helpers.env.REPO_URL"
    assert all("another-org/kit-fork" in text for _, text in changes)


def test_readme_badges_between_markers_only(course):
    sync.main(["--root", str(course)])
    text = (course / "README.md").read_text(encoding="utf-8")
    assert "เก่า" not in text
    assert (
        f"<!-- kit:badges:start -->\n{env.badges_markdown('notebooks/00_welcome.ipynb')}\n<!-- kit:badges:end -->"
        in text
    )
    assert text.startswith("# ชุดเรียน\n") and text.endswith("\n\nเนื้อหา\n")
    assert sync.sync_readme("no markers here\n") == "no markers here\n"


def test_written_files_match_nbformat_serialisation(course):
    sync.main(["--root", str(course)])
    for path in (course / "notebooks").glob("*.ipynb"):
        buffer = io.StringIO()
        nbformat.write(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4), buffer)
        assert buffer.getvalue() == path.read_text(encoding="utf-8")


def test_ids_only_in_notebooks_that_use_them(course):
    sync.main(["--root", str(course)])
    old_format = _read(course / "notebooks" / "02_get_data.ipynb")
    assert all("id" not in c for c in old_format["cells"]), "nbformat 4.4 has no cell ids"
    assert {"kit-header", "kit-colab", "kit-nav"} <= {
        c["id"] for c in _read(course / "notebooks" / "00_welcome.ipynb")["cells"]
    }


def test_notebook_without_setup_cell_is_a_problem(course, capsys):
    path = course / "notebooks" / "02_get_data.ipynb"
    nb = _read(path)
    nb["cells"] = [c for c in nb["cells"] if "helpers.setup()" not in _source(c)]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course)]) == 1
    assert "no setup cell" in capsys.readouterr().err
    kinds = [_kind(c) for c in _read(path)["cells"]]
    assert "kit-colab" not in kinds and kinds[1] == "kit-header" and kinds[-1] == "kit-nav"


def test_only_named_notebooks_are_written(course):
    target = course / "notebooks" / "01_find_data.ipynb"
    untouched = (course / "notebooks" / "00_welcome.ipynb").read_bytes()
    assert sync.main(["--root", str(course), str(target)]) == 0
    assert (course / "notebooks" / "00_welcome.ipynb").read_bytes() == untouched
    assert any(_kind(c) == "kit-nav" for c in _read(target)["cells"])


# --- the teacher's guide -------------------------------------------------------------------------


def test_guide_lists_every_notebook_with_minutes_and_objectives(course):
    sync.main(["--root", str(course)])
    guide = (course / "docs" / "teaching-guide.md").read_text(encoding="utf-8")
    assert guide.startswith("# คู่มือครู\n\n<!-- kit:guide:start -->") and guide.endswith(
        "<!-- kit:guide:end -->\n\n## ตารางอบรม\n"
    )
    assert "| 01 | [หาข้อมูลบน data.go.th](../notebooks/01_find_data.ipynb) | 20 | 10 | 30 |" in guide
    assert "| | **รวมทุกบท** | **60** | **30** | **90** |" in guide
    assert "### 02 · ดึงข้อมูล" in guide
    assert "- เป้าหมายแรกของบทดึงข้อมูล" in guide
    assert "- เป้าหมายที่สองที่ยาว ต่อบรรทัดใหม่" in guide, "wrapped bullets are joined"


def test_guide_goes_stale_when_a_notebook_changes_its_minutes(course, capsys):
    sync.main(["--root", str(course)])
    capsys.readouterr()
    path = course / "notebooks" / "01_find_data.ipynb"
    nb = _read(path)
    nb["cells"][0]["source"] = [line.replace("สอน 20 นาที", "สอน 35 นาที") for line in nb["cells"][0]["source"]]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course), "--check"]) == 1
    assert capsys.readouterr().out.splitlines() == ["out of date: docs/teaching-guide.md"]


def test_objectives_and_minutes_parsers():
    nb = {
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": "# ชื่อ\n\nคำนำสั้น ๆ\nบรรทัดสอง\n\n## สิ่งที่จะได้เรียนรู้\n\n1. ข้อหนึ่ง\n\n2. ข้อสอง\n\nย่อหน้าอื่น",
            },
            {"cell_type": "markdown", "metadata": {}, "source": "เวลา: สอน 25 นาที และแบบฝึกหัด 15 นาที"},
        ]
    }
    assert sync.objectives_of(nb) == ["ข้อหนึ่ง", "ข้อสอง"]
    assert sync.minutes_of(nb) == ((25, 25), (15, 15))
    ranged = {
        "cells": [
            {
                "cell_type": "markdown",
                "metadata": {},
                "source": "**เวลาที่ใช้:** สอน 15 นาที · แบบฝึกหัดและโครงงาน 90–120 นาที",
            }
        ]
    }
    assert sync.minutes_of(ranged) == ((15, 15), (90, 120))
    assert sync.intro_of(nb) == "คำนำสั้น ๆ บรรทัดสอง"
    empty = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# ชื่อ"}]}
    assert sync.objectives_of(empty) == [] and sync.minutes_of(empty) == (None, None)


# --- one navigation footer and the kernel reminder -----------------------------------------------


OLD_FOOTERS = {
    "rule and arrows": "## สรุป\n\nจบบท\n\n---\n\n⬅️ บทก่อนหน้า: [00 ยินดีต้อนรับ](00_welcome.ipynb) · ➡️ บทถัดไป: [02 ดึงข้อมูล](02_get_data.ipynb)",
    "bold labels": "## สรุป\n\nจบบท\n\n**ก่อนหน้า:** [00 ยินดีต้อนรับ](00_welcome.ipynb) · **ถัดไป:** [02 ดึงข้อมูล](02_get_data.ipynb)",
    "a heading left empty": "## สรุป\n\nจบบท\n\n## ไปต่อ\n\nพร้อมแล้วก็ไปบทถัดไปกันเลย: [02 ดึงข้อมูล](02_get_data.ipynb)",
}


def _set_last_authored(path: Path, text: str) -> None:
    nb = _read(path)
    last = max(i for i, c in enumerate(nb["cells"]) if _kind(c) is None)
    nb["cells"][last]["source"] = sync._lines(text)
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")


@pytest.mark.parametrize("style", sorted(OLD_FOOTERS))
def test_a_hand_written_footer_is_removed_so_only_the_generated_one_is_left(course, style):
    path = course / "notebooks" / "01_find_data.ipynb"
    sync.main(["--root", str(course)])
    _set_last_authored(path, OLD_FOOTERS[style])
    assert sync.main(["--root", str(course), "--check"]) == 1, "a notebook with two footers is out of date"
    sync.main(["--root", str(course)])
    nb = _read(path)
    assert _source(nb["cells"][-2]) == "## สรุป\n\nจบบท", "the author's text above the footer stays as it was"
    assert [_kind(c) for c in nb["cells"]].count("kit-nav") == 1 and _kind(nb["cells"][-1]) == "kit-nav"
    assert sync.main(["--root", str(course), "--check"]) == 0


def test_a_cell_that_was_only_a_footer_goes_away(course):
    path = course / "notebooks" / "01_find_data.ipynb"
    sync.main(["--root", str(course)])
    before = len(_read(path)["cells"])
    _set_last_authored(path, "---\n\n**ก่อนหน้า:** [00](00_welcome.ipynb) · **ถัดไป:** [02](02_get_data.ipynb)")
    sync.main(["--root", str(course)])
    nb = _read(path)
    assert len(nb["cells"]) == before - 1 and _kind(nb["cells"][-1]) == "kit-nav"


@pytest.mark.parametrize(
    "text",
    [
        "## สรุป\n\nอ่านวิธีติดตั้งใน [คู่มือ](../docs/jupyterhub.md)",  # a link that is not a notebook
        "## สรุป\n\n- ข้อหนึ่ง [ดูบท 02](02_get_data.ipynb)\n- ข้อสอง",  # a list, not one line
        "## สรุป\n\nไม่มีลิงก์เลย",
    ],
)
def test_other_endings_are_left_alone(course, text):
    path = course / "notebooks" / "01_find_data.ipynb"
    sync.main(["--root", str(course)])
    _set_last_authored(path, text)
    sync.main(["--root", str(course)])
    assert _source(_read(path)["cells"][-2]) == text


def test_every_notebook_ends_with_the_kernel_reminder(course):
    sync.main(["--root", str(course)])
    navs = {p.name: _source(_read(p)["cells"][-1]) for p in sorted((course / "notebooks").glob("*.ipynb"))}
    for name, text in navs.items():
        reminder = sync.SHUTDOWN_LAST if name == "02_get_data.ipynb" else sync.SHUTDOWN_NEXT
        assert reminder in text, name
        assert text.index(reminder) < text.index("เรียนบน Google Colab"), "the reminder comes before the links"
    assert "Kernel → Shut Down Kernel" in sync.SHUTDOWN_NEXT and "2 GB" in sync.SHUTDOWN_NEXT
    assert "Running Terminals and Kernels" in sync.SHUTDOWN_NEXT and "Shut Down All" in sync.SHUTDOWN_LAST


def test_real_notebooks_get_exactly_one_navigation_footer(tmp_path):
    """Synced (in a copy), each course notebook ends with the generated footer alone."""
    shutil.copytree(
        ROOT / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints")
    )
    shutil.copytree(
        ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("practice", "facts", "checkpoints")
    )
    before = {p.name: _read(p) for p in (tmp_path / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert sync.main(["--root", str(tmp_path)]) == 0
    for name, old in sorted(before.items()):
        nb = _read(tmp_path / "notebooks" / name)
        assert _kind(nb["cells"][-1]) == "kit-nav", name
        authored = _unmanaged(nb)
        _, last = sync._last_paragraph(_source(authored[-1]))
        assert not sync.is_navigation_line(last), f"{name} still ends with a hand-written footer: {last!r}"
        outside = "\n".join(_source(c) for c in authored)
        assert "⬅️" not in outside and "**ถัดไป:**" not in outside, name
        assert (sync.SHUTDOWN_LAST if name.startswith("09") else sync.SHUTDOWN_NEXT) in _source(
            nb["cells"][-1]
        )
        # Code cells, and so every stored output nbval compares, are untouched.
        code = lambda book: [c for c in book["cells"] if c["cell_type"] == "code"]  # noqa: E731
        assert code(nb) == code(old), name
