"""Re-create the fixtures of tests/test_clean_encoding.py and tests/test_clean_files.py (run by hand).

- ``before.json``: what ``read_csv_th`` / ``read_excel_th`` of commit 19278c8 (before issue 12) returned
  for the bundled files: columns, dtypes, shape and the sha256 of ``to_csv``.  Re-creating it only makes
  sense with that version of ``helpers/clean/encoding.py``.
- ``report.xls``: a small Excel 97-2003 workbook with merged header cells (needs ``pip install xlwt``;
  no kit code depends on xlwt, it only writes this file).

Run: ``.venv/bin/python tests/clean_encoding_fixtures/make_fixtures.py [before|xls]``
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent

#: label → (file under data/, keyword arguments); the test replays exactly these calls.
CALLS = {
    "xlsx:default": ("practice/agency_report.xlsx", {}),
    "xlsx:named": (
        "practice/agency_report.xlsx",
        {"sheet_name": "สรุปรายเดือน", "title_rows": 1, "header_rows": 2},
    ),
    "xlsx:one-header": ("practice/agency_report.xlsx", {"header_rows": 1}),
    "xlsx:no-notes": ("practice/agency_report.xlsx", {"notes_rows": 0}),
    "xlsx:slash": ("practice/agency_report.xlsx", {"sep": " / "}),
    "xlsx:no-header": ("practice/agency_report.xlsx", {"header_rows": 0, "title_rows": 3}),
}
CSV_FILES = [
    "practice/injuries_newyear_2551.csv",
    "practice/pm25_stations.csv",
    "practice/pm25_wide_2566.csv",
    "provinces.csv",
]
for _f in CSV_FILES:
    CALLS[f"csv:{_f}"] = (_f, {})
    CALLS[f"csv-str:{_f}"] = (_f, {"dtype": "str"})


def snapshot(df) -> dict:
    """What is compared: column names, dtypes, shape and a digest of every value."""
    text = df.to_csv(index=False, lineterminator="\n")
    return {
        "columns": [str(c) for c in df.columns],
        "dtypes": [str(t) for t in df.dtypes],
        "shape": list(df.shape),
        "csv_sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def make_before() -> None:
    from helpers import clean, paths

    out = {}
    for label, (rel, kwargs) in CALLS.items():
        reader = clean.read_excel_th if label.startswith("xlsx") else clean.read_csv_th
        out[label] = snapshot(reader(paths.data_dir() / rel, verbose=False, **kwargs))
    (HERE / "before.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def make_xls() -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("สรุป")
    ws.write_merge(0, 0, 0, 3, "รายงานผู้บาดเจ็บ ปีใหม่ 2567 (ข้อมูลจำลอง)")
    ws.write_merge(1, 2, 0, 0, "จังหวัด")
    ws.write_merge(1, 1, 1, 3, "ผู้บาดเจ็บ (คน)")
    for c, v in enumerate(["ชาย", "หญิง", "รวม"], 1):
        ws.write(2, c, v)
    for r, row in enumerate([["เชียงใหม่", 10, 5, 15], ["น่าน", 7, 2.5, 9.5]], 3):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    ws.write(6, 0, "ที่มา: ข้อมูลจำลอง")
    other = wb.add_sheet("อื่น")
    other.write(0, 0, "ชื่อเรื่อง")
    other.write(1, 0, "ปี")
    other.write(2, 0, 2567)
    wb.save(str(HERE / "report.xls"))


if __name__ == "__main__":
    what = sys.argv[1:] or ["xls"]
    if "before" in what:
        make_before()
    if "xls" in what:
        make_xls()
