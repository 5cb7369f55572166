"""docs/teaching-guide.md: schedules add up from the notebooks' minutes, the rubric is notebook 12's, links.

The hand-written parts of the teacher's guide quote numbers that live elsewhere: each notebook's
"เวลาที่ใช้" line (the schedules), notebook 12's rubric (the assessment), ``docs/guide/`` (the
per-notebook guides) and the real files (the data section).  These tests recompute every such
number from its source, so a changed notebook or data file makes the guide fail instead of drift.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

import pytest
from _scripts import load_script

from helpers import data
from helpers.paths import repo_root

ROOT = repo_root()
GUIDE_PATH = ROOT / "docs" / "teaching-guide.md"
SCHEDULE_HEADER = "| เวลา | นาที | บท | กิจกรรม |"
sync = load_script("sync_notebooks")


def _guide() -> str:
    return GUIDE_PATH.read_text(encoding="utf-8")


def _hand_written(text: str) -> str:
    """The guide without the block that scripts/sync_notebooks.py generates."""
    start, end = text.index(sync.GUIDE_START), text.index(sync.GUIDE_END) + len(sync.GUIDE_END)
    return text[:start] + text[end:]


def _number(text: str) -> int:
    return int(text.replace(",", ""))


@pytest.fixture(scope="module")
def minutes() -> dict[str, int]:
    """Teaching plus exercise minutes of every notebook, from its "เวลาที่ใช้" line."""
    found = {}
    for path in sorted((ROOT / "notebooks").glob(sync.NOTEBOOK_GLOB)):
        teach, practise = sync.minutes_of(sync.read_notebook(path))
        assert teach and practise, f"{path.name}: no 'สอน N นาที · ลองทำดู M นาที' line"
        assert teach[0] == teach[1] and practise[0] == practise[1], f"{path.name}: a range, not minutes"
        found[path.name[:2]] = (teach[0], practise[0])
    return found


def _numbers_in(text: str) -> list[str]:
    """Notebook numbers named in a phrase: "00 ถึง 05" is a range, "06, 07 และ 10" a list."""
    found = []
    for a, b in re.findall(r"(\d\d) ถึง (\d\d)", text):
        found += [f"{n:02d}" for n in range(int(a), int(b) + 1)]
    return found + re.findall(r"\b\d\d\b", re.sub(r"\d\d ถึง \d\d", "", text))


def _sections(text: str) -> dict[str, str]:
    """The schedule sections ("### อบรม...") of the guide, by heading."""
    parts = re.split(r"^(### อบรม.*)$", _hand_written(text), flags=re.M)
    return {parts[i]: parts[i + 1].split("\n## ", 1)[0] for i in range(1, len(parts) - 1, 2)}


def _tables(section: str) -> list[list[tuple[datetime, datetime, int, str]]]:
    """Every schedule table of a section as rows of (start, end, minutes, notebook or "")."""
    tables = []
    for block in section.split(SCHEDULE_HEADER)[1:]:
        rows = []
        for line in block.strip().splitlines()[1:]:
            if not line.startswith("|"):
                break
            when, mins, notebook = (cell.strip() for cell in line.strip("|").split("|")[:3])
            start, end = (datetime.strptime(t, "%H:%M") for t in when.split("–"))
            rows.append((start, end, int(mins), notebook))
        tables.append(rows)
    return tables


def test_the_guide_has_the_three_schedules():
    headings = list(_sections(_guide()))
    assert [h.split()[1].split("(")[0] for h in headings] == ["อบรมครึ่งวัน", "อบรมเต็มวัน", "อบรมสองวัน"]


@pytest.mark.parametrize("heading", list(_sections(_guide())))
def test_schedule_rows_follow_the_clock_and_the_notebooks(heading, minutes):
    section = _sections(_guide())[heading]
    day_start, day_end = re.search(r"\((\d\d:\d\d)–(\d\d:\d\d)", heading).groups()
    tables = _tables(section)
    assert tables, f"{heading}: no schedule table"
    for rows in tables:
        assert rows[0][0].strftime("%H:%M") == day_start and rows[-1][1].strftime("%H:%M") == day_end
        for (start, end, mins, notebook), following in zip(rows, rows[1:] + [None]):
            assert (end - start).seconds // 60 == mins, (
                f"{heading}: {start:%H:%M}–{end:%H:%M} is not {mins} นาที"
            )
            if following:
                assert following[0] == end, f"{heading}: a gap or an overlap after {end:%H:%M}"
            if notebook:
                assert mins == sum(minutes[notebook]), (
                    f"{heading}: notebook {notebook} takes {minutes[notebook]}"
                )


@pytest.mark.parametrize("heading", list(_sections(_guide())))
def test_schedule_says_which_notebooks_it_covers_and_skips_with_the_right_total(heading, minutes):
    section = _sections(_guide())[heading]
    taught_line = re.search(r"\*\*บทที่สอน:\*\* (.*?)\(เนื้อหา ([\d,]+) นาที\)", section)
    skipped_line = re.search(r"\*\*บทที่ข้าม:\*\* ([^(·\n]*)", section)
    taught, skipped = _numbers_in(taught_line.group(1)), _numbers_in(skipped_line.group(1))
    assert sorted(taught + skipped) == sorted(minutes), (
        f"{heading}: every notebook is either taught or skipped"
    )
    assert _number(taught_line.group(2)) == sum(sum(minutes[n]) for n in taught)
    in_tables = [row[3] for rows in _tables(section) for row in rows if row[3]]
    days = re.findall(r"\*\*วันที่ \d\*\* \(บท (.*?) เนื้อหา ([\d,]+) นาที\)", section)
    for names, total in days:
        assert _number(total) == sum(sum(minutes[n]) for n in _numbers_in(names)), f"{heading}: day {names}"
    listed = [n for names, _ in days for n in _numbers_in(names)] if days else in_tables
    assert sorted(listed) == sorted(taught) and set(in_tables) <= set(taught)


def test_totals_and_alternatives_in_the_prose_are_computed_from_the_notebooks(minutes):
    text = _hand_written(_guide())
    teach = sum(t for t, _ in minutes.values())
    practise = sum(p for _, p in minutes.values())
    whole = re.search(
        r"สอน ([\d,]+) นาทีและลองทำ ([\d,]+) นาที รวม ([\d,]+) นาที \((\d+) ชั่วโมง (\d+) นาที\)", text
    )
    hours = divmod(teach + practise, 60)
    assert [_number(g) for g in whole.groups()] == [teach, practise, teach + practise, *hours]
    assert _number(re.search(r"ข้ามบท 01 ได้ ตารางที่มีบท 01 จะสั้นลง (\d+) นาที", text).group(1)) == sum(
        minutes["01"]
    )
    swap = re.search(r"บท 08 และ 09 ใช้บทละ (\d+) นาที บท 11 ใช้ (\d+) นาที\s+ช่วงหลังจากนั้นจึงเร็วขึ้น (\d+) นาที", text)
    assert sum(minutes["08"]) == sum(minutes["09"]) == int(swap.group(1))
    longer, shorter = sum(minutes["11"]), sum(minutes["08"])
    assert int(swap.group(2)) == longer and int(swap.group(3)) == longer - shorter
    third_day = re.search(r"บท 08 และ 09 \(รวม (\d+) นาที\)", text)
    assert int(third_day.group(1)) == sum(minutes["08"]) + sum(minutes["09"])


def _rubric_cell() -> str:
    nb = sync.read_notebook(ROOT / "notebooks" / "12_project.ipynb")
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    return next(c for c in cells if c.startswith("## ") and "เกณฑ์ให้คะแนน" in c.splitlines()[0])


def test_the_capstone_rubric_is_notebook_12s_rubric_word_for_word():
    rubric = [line for line in _rubric_cell().splitlines() if line.startswith("|")]
    guide = _hand_written(_guide()).splitlines()
    start = guide.index(rubric[0])
    assert guide[start : start + len(rubric) + 1] == [*rubric, ""], "copy the table of notebook 12, section 6"
    criteria = len(rubric) - 2
    levels = [c.strip() for c in rubric[0].strip("|").split("|")[1:]]
    top = max(int(level.split()[0]) for level in levels)
    stated = re.search(r"ให้คะแนนแต่ละด้าน 1–(\d) คะแนน (\d+) ด้าน รวม (\d+) คะแนน", "\n".join(guide))
    assert [int(g) for g in stated.groups()] == [top, criteria, top * criteria]
    passing = re.search(r"รวมอย่างน้อย (\d+) จาก (\d+) คะแนน\s*\(เฉลี่ยด้านละ ([\d.]+) คะแนน\)", "\n".join(guide))
    assert int(passing.group(2)) == top * criteria
    assert float(passing.group(3)) == int(passing.group(1)) / criteria


def test_the_citation_template_is_notebook_12s():
    template = next(line for line in _rubric_cell().splitlines() if line.startswith("`<หน่วยงาน>"))
    assert template in _hand_written(_guide()).splitlines()


def test_every_teachers_file_is_linked_in_order_and_matches_a_notebook():
    guides = sorted(p.name for p in (ROOT / "docs" / "guide").glob("[0-9][0-9]_*.md"))
    notebooks = {p.stem for p in (ROOT / "notebooks").glob(sync.NOTEBOOK_GLOB)}
    linked = re.findall(r"\]\(guide/([0-9][0-9]_[^)#]+\.md)\)", _hand_written(_guide()))
    ordered = list(dict.fromkeys(linked))
    assert ordered[: len(guides)] == guides, "link every docs/guide/NN_*.md once, in order, in the table"
    assert set(linked) <= set(guides), f"links to missing files: {sorted(set(linked) - set(guides))}"
    assert {g[:-3] for g in guides} <= notebooks, "every teacher's file is named after its notebook"


def test_no_old_ten_notebook_course_or_simulated_data_in_the_hand_written_parts():
    text = _hand_written(_guide())
    rubric = "\n".join(line for line in _rubric_cell().splitlines() if line.startswith("|"))
    prose = text.replace(rubric, "")
    assert "09_project" not in prose and "(บท 09)" not in prose and "28 คะแนน" not in prose
    assert prose.count("ข้อมูลจำลอง") == 1, "only the sentence that says there is none"
    assert "ชุดเรียนไม่มีข้อมูลจำลอง" in prose


def test_the_real_data_errors_quoted_in_the_guide_are_the_files_own():
    text = _hand_written(_guide())
    retyped = data.load("mots-tourism-province-monthly")
    y2563 = retyped[retyped["year"] == 2563].set_index("province")
    jan, feb = (y2563[y2563["month"] == m]["thai_visitors"] for m in ("มกราคม", "กุมภาพันธ์"))
    assert (jan == feb.reindex(jan.index)).sum() == len(jan) == 77
    workbook = data.load("mots-tourism-2563-clean")
    quoted = re.search(
        r"รวม ([\d,]+) คน-ครั้งทั้งสองเดือน\) ส่วนสมุดงาน Excel ของกระทรวงให้เดือนมกราคม ([\d,]+)", text
    )
    assert _number(quoted.group(1)) == jan.sum() == feb.sum()
    assert _number(quoted.group(2)) == workbook[workbook["month"] == 1]["thai_visitors"].sum()

    pm = data.load("pcd-pm25-daily-2021")
    days = pm["Date"].astype(str)
    assert days.value_counts().get("6/30/2021") == 2 and "6/29/2021" not in set(days)

    population = data.load("dopa-population-by-province")
    years = set(population["population_year"])
    assert {2015, 2016}.isdisjoint(years) and {2014, 2017} <= years  # พ.ศ. 2558–2559 missing, not the ends
    ubon = population[population["name_th"].str.contains("อุบลราชธานี")]
    assert 2011 not in set(ubon["population_year"]) and 2010 in set(ubon["population_year"])
    totals = population.groupby("population_year")["total"].sum()
    drop = re.search(r"ยอดรวมทั้งประเทศปี 2554 จึงต่ำกว่าปี 2553 อยู่ ([\d,]+) คน", text)
    assert _number(drop.group(1)) == totals[2010] - totals[2011]


def test_the_licence_count_quoted_in_the_guide_is_the_data_packages():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    real = [r for r in package["resources"] if r["path"].startswith("real/")]
    unstated = [r for r in real if [lic.get("name") for lic in r.get("licenses", [])] == ["not-stated"]]
    quoted = re.search(r"ไฟล์จริง (\d+) จาก (\d+) ไฟล์ต้นทางไม่ได้ระบุสัญญาอนุญาต", _hand_written(_guide()))
    assert (int(quoted.group(1)), int(quoted.group(2))) == (len(unstated), len(real))
