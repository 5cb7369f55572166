"""Re-create the fixtures of tests/test_clean_encoding.py and tests/test_clean_files.py (run by hand).

- ``before.json``: what ``read_csv_th`` / ``read_excel_th`` return for real bundled files (``CALLS``):
  column names, dtypes, shape and the sha256 of ``to_csv``.  It is a regression snapshot: any change to
  ``helpers/clean/encoding.py`` or ``files.py`` that alters how a learner's real file is read (its
  columns, types or any value) fails ``test_bundled_files_read_exactly_as_the_snapshot``.  The files
  cover what the readers must get right on real agency data: the NIEMS sample as UTF-8 and as the
  kit's cp874 copy (the same characters), UTF-8 CSVs with a byte-order mark (ThaiRSC, MOTS, DOH), the
  province table, and the real MOTS workbooks (a title row, two merged header rows, notes below;
  one sheet per month) and the RTDDI data dictionary (one header row).
  Until issue 14 the snapshot was taken on the simulated practice files (with the readers of commit
  19278c8, before issue 12); those files are gone, so it was re-taken on these real files with the
  readers as they are now.  Re-create it only after a change to the readers that you mean, and say
  in the commit which reading changed and why.
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
MOTS_2563 = "real/tourism/mots_domestic_tourism_2563.xlsx"
MOTS_2566 = "real/tourism/mots_domestic_tourism_2566_janfeb.xlsx"
CALLS = {
    "xlsx:default": (MOTS_2563, {}),
    # the calls notebook 03 makes: the MOTS header is three rows (the middle one empty)
    "xlsx:notebook-jan": (
        MOTS_2563,
        {"sheet_name": "ม.ค.2563(P)", "title_rows": 1, "header_rows": 3, "notes_rows": 5},
    ),
    "xlsx:notebook-oct": (MOTS_2563, {"sheet_name": "ต.ค.2563(P)", "title_rows": 1, "header_rows": 3}),
    "xlsx:one-header": (MOTS_2563, {"header_rows": 1}),
    "xlsx:slash": (MOTS_2563, {"sheet_name": 11, "header_rows": 3, "sep": " / "}),
    "xlsx:no-header": (MOTS_2563, {"header_rows": 0, "title_rows": 4}),
    "xlsx:mots-2566": (MOTS_2566, {}),
    "xlsx:mots-2566-no-notes": (MOTS_2566, {"header_rows": 3, "notes_rows": 0}),
    "xlsx:rtddi-dictionary": (
        "real/injuries/ddc_rtddi_data_dictionary.xlsx",
        {"title_rows": 0, "header_rows": 1},
    ),
}
CSV_FILES = [
    "real/injuries/niems_newyear_2551_sample.csv",  # UTF-8
    "real/injuries/niems_newyear_2551_sample_cp874.csv",  # the same characters in cp874
    "real/injuries/thairsc_victims_by_province_2565-2568.csv",  # UTF-8 with a byte-order mark
    "real/tourism/mots_province_monthly_2563-2565.csv",  # UTF-8 with a byte-order mark
    "real/injuries/doh_highway_accidents_songkhla.csv",  # UTF-8 with a byte-order mark
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
