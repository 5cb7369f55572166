"""Cleaning recipes: one function per data set, the steps the notebooks teach, and the checkpoints.

สูตรทำความสะอาดข้อมูล ชุดละหนึ่งฟังก์ชัน ใช้ขั้นตอนเดียวกับที่โน้ตบุ๊กสอน และเป็นตัวสร้างไฟล์
``data/checkpoints/`` (``scripts/make_checkpoints.py``) ผลลัพธ์จึงตรงกันเสมอ ทุกฟังก์ชันรับตารางดิบ
ที่ได้จาก ``helpers.data.load(...)`` (ถ้าไม่ส่งมา จะเปิดให้เอง) ไม่แก้ไขตารางที่ส่งเข้ามา
และคืนตารางใหม่ที่สะอาดแล้ว ทุกขั้นใช้ฟังก์ชันใน ``helpers.clean``

Real agency files (``data/real/``):

=================================  ==============================  ====================================
ข้อมูลดิบ                           ฟังก์ชัน                         จุดเริ่มต้นสำรอง (checkpoint)
=================================  ==============================  ====================================
niems-newyear-2551-2558            ``clean_niems_newyear``         niems-newyear-2551-2558-clean
niems-newyear-2551                 ``clean_niems_newyear``         niems-newyear-2551-clean
thairsc-victims-by-province        ``clean_thairsc_victims``       thairsc-victims-clean
pcd-pm25-daily-2021 ... 2024       ``clean_pcd_pm25``              pcd-pm25-daily-clean
air4thai-stations                  ``clean_air4thai_stations``     air4thai-stations-clean
mots-tourism-province-monthly      ``clean_mots_province_monthly`` mots-tourism-province-monthly-clean
mots-tourism-2563-xlsx             ``clean_mots_workbook``         mots-tourism-2563-clean
dopa-population-by-province        ``clean_dopa_population``       dopa-population-clean
=================================  ==============================  ====================================

``RECIPES`` maps each checkpoint name to ``(raw data-set name or None, recipe)``; ``None`` marks a
recipe that opens several files or a workbook itself.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from .injuries import clean_niems_newyear, clean_thairsc_victims
from .pm25 import clean_air4thai_stations, clean_pcd_pm25
from .population import clean_dopa_population
from .tourism import clean_mots_province_monthly, clean_mots_workbook, fill_january_2563

__all__ = [
    "clean_niems_newyear",
    "clean_thairsc_victims",
    "clean_pcd_pm25",
    "clean_air4thai_stations",
    "clean_mots_province_monthly",
    "clean_mots_workbook",
    "fill_january_2563",
    "clean_dopa_population",
    "RECIPES",
    "checkpoint_csv",
]

#: checkpoint data-set name → (raw data-set name or None, recipe)
RECIPES = {
    "niems-newyear-2551-2558-clean": ("niems-newyear-2551-2558", clean_niems_newyear),
    "niems-newyear-2551-clean": (
        "niems-newyear-2551",
        partial(clean_niems_newyear, name="niems-newyear-2551"),
    ),
    "thairsc-victims-clean": ("thairsc-victims-by-province", clean_thairsc_victims),
    "pcd-pm25-daily-clean": (None, clean_pcd_pm25),
    "air4thai-stations-clean": ("air4thai-stations", clean_air4thai_stations),
    "mots-tourism-province-monthly-clean": ("mots-tourism-province-monthly", clean_mots_province_monthly),
    "mots-tourism-2563-clean": (None, clean_mots_workbook),
    "dopa-population-clean": ("dopa-population-by-province", clean_dopa_population),
}


def checkpoint_csv(frame: pd.DataFrame) -> bytes:
    """Serialise a cleaned table exactly as ``data/checkpoints/*.csv`` are written (UTF-8, ISO dates).

    >>> checkpoint_csv(pd.DataFrame({"a": [1, None], "d": pd.to_datetime(["2024-01-02", None])}))
    b'a,d\\n1.0,2024-01-02\\n,\\n'
    """
    return frame.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d").encode("utf-8")
