"""Benchmark ``parse_date_th`` / ``find_date_th`` on long cells against the version before the length cap.

วัดเวลาที่ ``parse_date_th`` และ ``find_date_th`` ใช้กับเซลล์ยาว (100, 800, 4,000, 40,000 ตัวอักษร)
เทียบกับโค้ดรุ่นก่อนแก้ (issue 12: รุ่นเก่าใช้เวลาเพิ่มแบบกำลังสามตามความยาว เพราะ regex ย้อนรอย)

Run: ``.venv/bin/python bench/dates.py`` (``--old-max-length N`` to time the old code on longer cells,
``--baseline REV`` to choose the old version, ``--rows N`` to also time 1,000,000 mixed rows the way
``bench/clean.py`` does).

Method:
- the old code is ``git show REV:helpers/clean/dates.py`` loaded as a temporary module next to
  ``helpers/clean/dates.py`` (its relative imports resolve to today's ``helpers.clean``); REV
  "auto" (default) is the newest revision of that file without ``MAX_DATE_LENGTH``, i.e. HEAD
  until the fix is committed and the commit before it afterwards;
- cells: "dashes" = ``"1" + "-" * (n - 2) + "x"`` (the worst case found for the old regexes: the
  lazy month group and the separators around it can share every dash), "remark" = a Thai remark
  with dates repeated to length n (a realistic long cell, not a date);
- new times are the best of ``--repeat`` runs (``time.perf_counter``); old times are one run, and
  only up to ``--old-max-length`` characters (default 800: the old code needs seconds there and
  minutes at 4,000), longer cells show "not run".
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

import numpy as np
import pandas as pd

from helpers import clean, paths
from helpers.clean import dates

LENGTHS = (100, 800, 4_000, 40_000)
CELLS = {
    "dashes": lambda n: "1" + "-" * (n - 2) + "x",
    "remark": lambda n: ("หมายเหตุ: ปรับปรุงข้อมูล 15 ม.ค. 2567 และ 1/2/2567 " * (n // 40 + 1))[:n],
}
ROOT = paths.repo_root()
FILE = "helpers/clean/dates.py"


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def baseline_revision(rev: str) -> str:
    """``rev`` itself, or for "auto" the newest revision of dates.py without the length cap."""
    if rev != "auto":
        return rev
    for commit in _git("log", "--format=%H", "--", FILE).split():
        if "MAX_DATE_LENGTH" not in _git("show", f"{commit}:{FILE}"):
            return commit
    raise SystemExit("no revision of helpers/clean/dates.py without MAX_DATE_LENGTH: give --baseline")


def load_old(rev: str):
    """The dates module as it was at ``rev``, imported as ``helpers.clean._dates_baseline``."""
    source = _git("show", f"{rev}:{FILE}")
    with tempfile.TemporaryDirectory(prefix="dates-baseline-") as folder:
        path = Path(folder) / "dates_baseline.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("helpers.clean._dates_baseline", path)
        module = importlib.util.module_from_spec(spec)
        module.__package__ = "helpers.clean"  # so that "from ._common import ..." finds today's package
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def long_cells(old, repeat: int, old_max: int) -> pd.DataFrame:
    rows = []
    for kind, make in CELLS.items():
        for n in LENGTHS:
            cell = make(n)
            new_parse = best(lambda c=cell: dates.parse_date_th(c), repeat)
            new_find = best(lambda c=cell: dates.find_date_th(c), repeat)
            old_s = best(lambda c=cell: old.parse_date_th(c), 1) if n <= old_max else None
            rows.append(
                {
                    "cell": kind,
                    "length": f"{n:,}",
                    "old parse_date_th s": "not run" if old_s is None else f"{old_s:.4f}",
                    "new parse_date_th s": f"{new_parse:.5f}",
                    "old/new": "-" if old_s is None else f"{old_s / new_parse:,.0f}×",
                    "new find_date_th s": f"{new_find:.5f}",
                    "result": str(dates.parse_date_th(cell)),
                }
            )
    return pd.DataFrame(rows)


def million(rows: int, repeat: int) -> str:
    """The parse_date_th row of bench/clean.py: ours vs pd.to_datetime(ISO) and row-by-row."""
    spec = importlib.util.spec_from_file_location("bench_clean", ROOT / "bench" / "clean.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = np.random.default_rng(2567)
    texts, iso = bench.make_dates(rows, rng)
    clean.parse_date_th(texts.iloc[:100])
    pd.testing.assert_series_equal(
        clean.parse_date_th(texts), pd.to_datetime(iso, format="%Y-%m-%d").rename("วันที่")
    )
    ours = bench.best_time(lambda: clean.parse_date_th(texts), repeat)
    floor = bench.best_time(lambda: pd.to_datetime(iso, format="%Y-%m-%d"), repeat)
    sample = np.sort(rng.choice(rows, size=min(20_000, rows), replace=False))
    row = bench.best_time(lambda: texts.iloc[sample].apply(bench.learner_date), 1) * rows / len(sample)
    met = ours <= 2 * floor and row >= 50 * ours
    return (
        f"{rows:,} mixed rows ({texts.nunique():,} distinct): parse_date_th {ours:.3f} s, "
        f"pd.to_datetime(ISO) {floor:.3f} s ({ours / floor:.2f}× floor), row-by-row* {row:.1f} s "
        f"({row / ours:,.0f}× ours); target ≤2× floor, ≥50× row: {'met' if met else 'NOT met'}"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default="auto", help="git revision of the old dates.py (default: auto)")
    ap.add_argument("--old-max-length", type=int, default=800)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rows", type=int, default=0, help="also time N mixed rows like bench/clean.py")
    args = ap.parse_args(argv)
    rev = baseline_revision(args.baseline)
    old = load_old(rev)
    old.parse_date_th("15/1/2567"), dates.parse_date_th("15/1/2567")  # warm-up: compile regexes
    table = long_cells(old, args.repeat, args.old_max_length)
    print(
        f"parse_date_th on one long cell; old = {FILE} at {rev[:10]} (one run, up to "
        f"{args.old_max_length:,} characters), new = this work tree (best of {args.repeat}); "
        f"pandas {pd.__version__}, {os.cpu_count()} CPU"
    )
    print(table.to_string(index=False))
    if args.rows:
        print(million(args.rows, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
