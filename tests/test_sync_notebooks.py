"""``scripts/sync_notebooks.py``: generated header, set-up and navigation cells, idempotent, checkable."""

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
#: The hand-written set-up cell of the notebooks before the generated set-up cell.
SETUP_SOURCE = (
    "# เตรียมชุดเรียน: ฟอนต์ไทยสำหรับกราฟและค่าตั้งต้นต่าง ๆ\n"
    "try:\n"
    "    import helpers\n"
    "except ModuleNotFoundError:\n"
    '    raise ModuleNotFoundError("ยังไม่ได้ติดตั้งแพ็กเกจ helpers ของชุดเรียน: "\n'
    '                              "เปิดชุดเรียนด้วยคำสั่ง make lab") from None\n'
    "helpers.setup()"
)
#: The generated Colab cell that came right before it (tags kit-colab + nbval-skip, stored unexecuted).
OLD_COLAB_SOURCE = (
    "#@title เตรียมชุดเรียนบน Google Colab (บนเครื่องตัวเองหรือ Binder เซลล์นี้ไม่ทำอะไร)\n"
    "# kit:colab:start\n"
    "import sys\n"
    "if 'google.colab' in sys.modules:\n"
    "    print('bootstrap')\n"
    "# kit:colab:end"
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
            "ดึงข้อมูล", ['df = clean.read_csv_th(data.path("niems-newyear-2551-cp874"))'], minor=4
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
    (tmp_path / "docs" / "glossary.md").write_text("# อภิธานศัพท์ (glossary)\n", encoding="utf-8")
    (tmp_path / "docs" / "cheatsheet.md").write_text("# บัตรช่วยจำ (cheatsheet)\n", encoding="utf-8")
    return tmp_path


def _add_old_colab_cell(path: Path) -> dict:
    """Give a notebook the Colab cell of older syncs, right before its hand-written set-up cell."""
    nb = _read(path)
    at = next(i for i, c in enumerate(nb["cells"]) if "helpers.setup()" in _source(c))
    cell = nbformat.v4.new_code_cell(OLD_COLAB_SOURCE)
    cell.metadata = {"cellView": "form", "tags": ["kit-colab", "nbval-skip"]}
    if "id" in nb["cells"][0]:
        cell["id"] = "kit-colab"
    else:
        cell.pop("id", None)
    nb["cells"].insert(at, dict(cell))
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    return nb


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _kind(cell: dict) -> str | None:
    tags = cell.get("metadata", {}).get("tags", [])
    return next((t for t in ("kit-header", "kit-setup", "kit-colab", "kit-nav") if t in tags), None)


def _unmanaged(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if _kind(c) is None]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _setup_cell(nb: dict) -> dict:
    (cell,) = [c for c in nb["cells"] if _kind(c) == "kit-setup"]
    return cell


def _without_hand_written_setup(cells: list[dict]) -> list[dict]:
    return [c for c in cells if "helpers.setup()" not in _source(c) and _kind(c) is None]


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
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("facts", "checkpoints"))
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
    assert _unmanaged(after) == _without_hand_written_setup(before["cells"]), (
        "only the generated cells are new"
    )
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
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert _kind(code[0]) == "kit-setup" and "helpers.setup()" in _source(code[0]), "set-up cell first"
        assert not any("helpers.setup()" in _source(c) for c in code[1:]), "the hand-written one is gone"
        assert kinds.count("kit-header") == kinds.count("kit-setup") == kinds.count("kit-nav") == 1
        assert "kit-colab" not in kinds
        nbformat.validate(nbformat.reads(path.read_text(encoding="utf-8"), as_version=4))


def test_setup_cell_is_generated_runs_under_nbval_and_keeps_the_run_order(course):
    sync.main(["--root", str(course)])
    nb = _read(course / "notebooks" / "00_welcome.ipynb")
    cell = _setup_cell(nb)
    assert _source(cell) == colab.cell_source()
    assert cell["metadata"] == {"cellView": "form", "tags": ["kit-setup"]}, "not nbval-skip; a form on Colab"
    assert cell["id"] == "kit-setup"
    assert cell["outputs"] == [], "outside Colab it prints nothing"
    assert cell["execution_count"] == 1, "the hand-written set-up cell's count: the run order stays 1, 2, 3"


def test_an_executed_but_current_setup_cell_is_not_stale(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "00_welcome.ipynb"
    nb = _read(path)
    _setup_cell(nb)["execution_count"] = 7  # what executing the notebook leaves (no output outside Colab)
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course), "--check"]) == 0
    assert sync.main(["--root", str(course)]) == 0
    assert _setup_cell(_read(path))["execution_count"] == 7, "an up-to-date set-up cell is not blanked"


def test_a_setup_cell_with_outputs_is_stale_and_loses_only_them(course, capsys):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "00_welcome.ipynb"
    nb = _read(path)
    _setup_cell(nb)["outputs"] = [
        {"name": "stdout", "output_type": "stream", "text": ["✅ พร้อมใช้บน Colab\n"]}
    ]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")  # saved on Colab: nbval would fail on it
    assert sync.main(["--root", str(course), "--check"]) == 1
    sync.main(["--root", str(course)])
    cell = _setup_cell(_read(path))
    assert cell["outputs"] == [] and cell["execution_count"] == 1


def test_an_old_setup_cell_is_replaced_and_keeps_its_place(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "00_welcome.ipynb"
    nb = _read(path)
    at = nb["cells"].index(_setup_cell(nb))
    _setup_cell(nb)["source"] = ["# kit:setup:start\n", "print('old')\n", "# kit:setup:end"]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course)]) == 0
    nb = _read(path)
    assert _source(_setup_cell(nb)) == colab.cell_source() and nb["cells"].index(_setup_cell(nb)) == at


@pytest.mark.parametrize("name", ["00_welcome.ipynb", "02_get_data.ipynb"])  # nbformat 4.5 and 4.4
def test_old_colab_cell_and_hand_written_setup_become_one_cell_in_their_place(course, name):
    path = course / "notebooks" / name
    nb = _read(path)  # as older syncs left it: the Colab cell, then the hand-written set-up cell
    nb["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": ["ก่อนเซลล์เตรียม"]})
    if "id" in nb["cells"][0]:
        nb["cells"][1]["id"] = "before"
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    old = _add_old_colab_cell(path)
    old_at = [_kind(c) for c in old["cells"]].index("kit-colab")
    assert sync.main(["--root", str(course), "--check"]) == 1
    assert sync.main(["--root", str(course)]) == 0
    new = _read(path)
    kinds = [_kind(c) for c in new["cells"]]
    assert "kit-colab" not in kinds and kinds.count("kit-setup") == 1
    at = kinds.index("kit-setup")
    assert new["cells"][at - 1] == old["cells"][old_at - 1], (
        "the set-up cell stands where the Colab cell stood"
    )
    assert new["cells"][at + 1] == old["cells"][old_at + 2], "... and the hand-written set-up cell is gone"
    assert _unmanaged(new) == _without_hand_written_setup(old["cells"]), "nothing else is touched"
    assert sum("helpers.setup()" in _source(c) for c in new["cells"]) == 1
    assert _setup_cell(new)["execution_count"] == 1
    assert ("id" in _setup_cell(new)) == ("id" in new["cells"][0])
    snapshot = path.read_bytes()
    assert sync.main(["--root", str(course), "--check"]) == 0 and sync.main(["--root", str(course)]) == 0
    assert path.read_bytes() == snapshot, "idempotent"


def test_other_code_in_the_hand_written_setup_cell_is_kept_right_after(course, capsys):
    path = course / "notebooks" / "01_find_data.ipynb"
    nb = _read(path)
    setup = next(c for c in nb["cells"] if "helpers.setup()" in _source(c))
    setup["source"] = sync._lines(
        "%matplotlib inline\nimport pandas as pd  # ตาราง\n" + SETUP_SOURCE + "\nfrom helpers import data\n"
    )
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course)]) == 1, "the kept code must be executed again: reported"
    assert "01_find_data.ipynb: the old set-up cell had other code" in capsys.readouterr().err
    new = _read(path)
    at = new["cells"].index(_setup_cell(new))
    kept = new["cells"][at + 1]
    assert _source(kept) == "%matplotlib inline\nimport pandas as pd  # ตาราง\nfrom helpers import data"
    assert kept["id"] == setup["id"] and kept["outputs"] == [] and kept["execution_count"] is None
    assert sync.main(["--root", str(course)]) == 0, "once migrated, nothing more to report"


@pytest.mark.parametrize(
    "source",
    [
        "import helpers\nhelpers.setup(quiet=False)",  # an argument changes what the cell shows
        "helpers.setup()",  # no import here: not the set-up cell
        "import helpers\nif True:\n    helpers.setup()",
        "import helpers\nhelpers.setup(",  # not Python
    ],
)
def test_split_old_setup_recognises_only_the_hand_written_setup(source):
    assert sync.split_old_setup(source) is None


def test_split_old_setup_takes_out_the_guard_written_over_several_lines():
    source = (
        "try:\n    import helpers\nexcept ModuleNotFoundError:\n    raise ModuleNotFoundError(\n"
        '        "ยังไม่ได้ติดตั้ง"\n    ) from None\nhelpers.setup()\nx = 1\n'
    )
    assert sync.split_old_setup(source) == "x = 1"
    assert sync.split_old_setup(SETUP_SOURCE) == ""


def test_setup_cell_runs_outside_colab_in_plain_python_with_the_kit(course):
    sync.main(["--root", str(course)])
    source = _source(_setup_cell(_read(course / "notebooks" / "00_welcome.ipynb")))
    code = "import sys; exec(compile(sys.stdin.read(), 'kit-setup', 'exec')); print(sorted(helpers.setup()))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=source,
        capture_output=True,
        text=True,
        cwd=course / "notebooks",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "['font', 'shaping']\n", "the cell itself printed nothing"
    assert "Warning" not in done.stderr, done.stderr


def test_setup_cell_raises_the_thai_message_when_helpers_is_missing(course, monkeypatch):
    sync.main(["--root", str(course)])
    source = _source(_setup_cell(_read(course / "notebooks" / "00_welcome.ipynb")))
    monkeypatch.setitem(sys.modules, "helpers", None)  # makes `import helpers` fail
    with pytest.raises(ModuleNotFoundError) as info:
        exec(compile(source, "kit-setup", "exec"), {})
    assert str(info.value) == "".join(colab.NOT_INSTALLED_MESSAGE)
    assert "kit.py lab" in str(info.value) and "ยังไม่ได้ติดตั้ง" in str(info.value)


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
    assert "ผู้บาดเจ็บช่วงปีใหม่ 2551" in h, "the data the code names is listed"
    assert "ข้อมูลจริง ที่มา: สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.)" in h, "a real file names its publisher"
    assert "ข้อมูลจำลอง" not in h, "the kit ships no simulated data"
    assert "ข้อมูลจริง ที่มา: กรมการปกครอง" in headers["00_welcome.ipynb"]
    assert "data.go.th" in headers["01_find_data.ipynb"], "the offline catalogue is named when portal is used"
    assert headers["01_find_data.ipynb"].count("ระเบียนชุดข้อมูลจริงจาก data.go.th") == 1, "same title listed once"
    blob = f"{env.REPO_URL}/blob/{env.REPO_BRANCH}"
    for text in headers.values():
        assert "[อภิธานศัพท์ (glossary)](../docs/glossary.md)" in text
        assert "[บัตรช่วยจำ (cheatsheet)](../docs/cheatsheet.md)" in text
        assert f"{blob}/docs/glossary.md" in text and f"{blob}/docs/cheatsheet.md" in text, "for Colab"
        assert text.index("glossary.md") < text.index("สัญญาอนุญาต")


def test_header_links_only_the_documents_that_exist(course):
    (course / "docs" / "cheatsheet.md").unlink()
    sync.main(["--root", str(course)])
    header = _source(_read(course / "notebooks" / "00_welcome.ipynb")["cells"][1])
    assert "../docs/glossary.md" in header and "cheatsheet" not in header
    (course / "docs" / "glossary.md").unlink()
    sync.main(["--root", str(course)])
    header = _source(_read(course / "notebooks" / "00_welcome.ipynb")["cells"][1])
    assert "glossary" not in header and "คำศัพท์และคำสั่งที่ใช้บ่อย" not in header


def test_notebook_metadata_can_add_a_source(course):
    path = course / "notebooks" / "02_get_data.ipynb"
    nb = _read(path)
    nb["metadata"]["kit"] = {"sources": ["air4thai-stations"]}
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    sync.main(["--root", str(course)])
    header = _source(next(c for c in _read(path)["cells"] if _kind(c) == "kit-header"))
    assert "ทะเบียนสถานีตรวจวัดคุณภาพอากาศ Air4Thai" in header


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
    assert {"kit-header", "kit-setup", "kit-nav"} <= {
        c["id"] for c in _read(course / "notebooks" / "00_welcome.ipynb")["cells"]
    }


def test_notebook_without_setup_cell_gets_one_before_its_first_code_cell(course):
    path = course / "notebooks" / "02_get_data.ipynb"
    nb = _read(path)
    nb["cells"] = [c for c in nb["cells"] if "helpers.setup()" not in _source(c)]
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course)]) == 0
    new = _read(path)
    kinds = [_kind(c) for c in new["cells"]]
    assert kinds[1] == "kit-header" and kinds[-1] == "kit-nav"
    code = [c for c in new["cells"] if c["cell_type"] == "code"]
    assert _kind(code[0]) == "kit-setup" and code[0]["execution_count"] is None, "never run: no count"
    assert _unmanaged(new) == nb["cells"]


def test_setup_cell_moved_below_authored_code_goes_back_first(course):
    sync.main(["--root", str(course)])
    path = course / "notebooks" / "01_find_data.ipynb"
    nb = _read(path)
    setup = _setup_cell(nb)
    nb["cells"].remove(setup)
    nb["cells"].insert(len(nb["cells"]) - 1, setup)  # dragged to the end by accident
    path.write_text(sync.dump_notebook(nb), encoding="utf-8")
    assert sync.main(["--root", str(course), "--check"]) == 1
    sync.main(["--root", str(course)])
    code = [c for c in _read(path)["cells"] if c["cell_type"] == "code"]
    assert _kind(code[0]) == "kit-setup"


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
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("facts", "checkpoints"))
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
        assert (sync.SHUTDOWN_LAST if name == max(before) else sync.SHUTDOWN_NEXT) in _source(nb["cells"][-1])
        # The set-up cell replaces the Colab and hand-written set-up cells, first, with the same count.
        code = lambda book: [c for c in book["cells"] if c["cell_type"] == "code"]  # noqa: E731
        assert _kind(code(nb)[0]) == "kit-setup" and _source(code(nb)[0]) == colab.cell_source(), name
        assert code(nb)[0]["outputs"] == [] and code(nb)[0]["execution_count"] == 1, name
        # The other code cells, and so every stored output nbval compares, are untouched.
        assert code(nb)[1:] == _without_hand_written_setup(code(old)), name
