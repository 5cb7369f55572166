"""Write the cleaned checkpoints in ``data/checkpoints/`` with the recipes of ``helpers.recipes``.

สร้าง "จุดเริ่มต้นสำรอง" (checkpoint): ผลการทำความสะอาดไฟล์จริงของหน่วยงานใน ``data/real/``
ด้วยฟังก์ชันเดียวกับที่โน้ตบุ๊กใช้ (``helpers.recipes``) เพื่อให้ผู้เรียนเริ่มโน้ตบุ๊กใดก็ได้โดยไม่ต้องรันโน้ตบุ๊กก่อนหน้า

Usage::

    python scripts/make_checkpoints.py            # write data/checkpoints/*.csv and refresh datapackage.json
    python scripts/make_checkpoints.py --out DIR  # write into DIR only

``tests/test_checkpoints.py`` re-runs every recipe on its raw real file and compares the bytes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from helpers import recipes

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

#: checkpoint data-set name → file name in data/checkpoints/
FILES = {
    "niems-newyear-2551-2558-clean": "niems_newyear_2551_2558_clean.csv",
    "niems-newyear-2551-clean": "niems_newyear_2551_clean.csv",
    "thairsc-victims-clean": "thairsc_victims_clean.csv",
    "pcd-pm25-daily-clean": "pcd_pm25_daily_clean.csv",
    "air4thai-stations-clean": "air4thai_stations_clean.csv",
    "mots-tourism-province-monthly-clean": "mots_tourism_province_monthly_clean.csv",
    "mots-tourism-2563-clean": "mots_tourism_2563_clean.csv",
    "dopa-population-clean": "dopa_population_clean.csv",
}


def build(out: Path) -> dict[str, Path]:
    """Run every recipe on its raw real file (hash-checked) and write the CSVs into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, (_raw_name, recipe) in recipes.RECIPES.items():
        target = out / FILES[name]
        target.write_bytes(recipes.checkpoint_csv(recipe()))
        written[name] = target
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder (default data/checkpoints)")
    args = parser.parse_args(argv)
    out = args.out or DATA / "checkpoints"
    for name, p in build(out).items():
        print(f"{p.stat().st_size:>9,d}  {name}  ->  {p}")
    if args.out is None:
        print("next: python scripts/update_datapackage.py (or run `make data`, which does every step)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
