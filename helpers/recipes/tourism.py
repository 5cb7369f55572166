"""Recipes for the real tourism files of the Ministry of Tourism and Sports (MOTS).

สูตรทำความสะอาดสถิติการท่องเที่ยวภายในประเทศรายจังหวัดของกระทรวงการท่องเที่ยวและกีฬา: ตารางแบบยาว
ที่ผู้ใช้ข้อมูลพิมพ์ใหม่ และไฟล์ Excel ของกระทรวงที่มีหัวตารางสองแถว แถวรวมรายภาค และเชิงอรรถ
"""

from __future__ import annotations

import re

import pandas as pd

from .. import clean
from .. import data as _data
from ..thai import THAI_MONTHS, THAI_MONTHS_ABBR
from ._common import _as_text, _raw, _region_of

#: Column groups of the MOTS monthly sheets (header row 2) → tidy column names.
_GROUPS = {
    "อัตราการเข้าพัก": "occupancy_pct",
    "จำนวนผู้เข้าพัก": "guests",
    "จำนวนผู้เยี่ยมเยือนทั้งหมด": "visitors",
    "จำนวนผู้เยี่ยมเยือนคนไทย": "thai_visitors",
    "จำนวนผู้เยี่ยมเยือนชาวต่างชาติ": "foreign_visitors",
    "รายได้จากผู้เยี่ยมเยือนคนไทย": "thai_income_mb",
    "รายได้จากผู้เยี่ยมเยือนชาวต่างชาติ": "foreign_income_mb",
    "รายได้จากผู้เยี่ยมเยือน": "income_mb",
}


def clean_mots_province_monthly(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """The retyped MOTS table → ``year_be, month, province_code, province, region_6``, visitors, income.

    ขั้นตอน: (1) ชื่อเดือนภาษาไทยเป็นเลขเดือน 1-12 (2) ชื่อจังหวัดเป็นชื่อทางการ + รหัส + ภาค 6 ภาค
    (คอลัมน์ region ของต้นทางแบ่งภาคแบบกระทรวงการท่องเที่ยวฯ เก็บไว้เป็น ``mots_region``)
    (3) ตัวเลขเป็นตัวเลข รายได้หน่วยล้านบาท

    >>> t = clean_mots_province_monthly()
    >>> t.shape, int(t["province_code"].isna().sum()), sorted(t["month"].unique().tolist())[:3]
    ((2310, 10), 0, [1, 2, 3])
    """
    df = _raw(raw, "mots-tourism-province-monthly")
    months = {name: i + 1 for i, name in enumerate(THAI_MONTHS)}
    province = clean.normalize_province(df["province"].astype("object"))
    code = clean.province_code(province)
    tidy = pd.DataFrame(
        {
            "year_be": pd.to_numeric(df["year"]).astype("Int64"),
            "month": clean.clean_text(df["month"].astype("object")).map(months).astype("Int64"),
            "province_code": code,
            "province": province,
            "region_6": _region_of(code),
            "mots_region": df["region"],
            "thai_visitors": clean.to_number(df["thai_visitors"].astype("object")).astype("Int64"),
            "foreign_visitors": clean.to_number(df["foreign_visitors"].astype("object")).astype("Int64"),
            "thai_income_mb": clean.to_number(df["income_from_thai_visitors"].astype("object")),
            "foreign_income_mb": clean.to_number(df["income_from_foreign_visitors"].astype("object")),
        }
    )
    return _as_text(
        tidy.sort_values(["year_be", "month", "province_code"], kind="stable").reset_index(drop=True)
    )


def _sheet_month(sheet: str) -> tuple[int, int]:
    """``"ม.ค.2563(P)"`` → ``(2563, 1)``."""
    match = re.match(r"^\s*(?P<abbr>\S+?\.\S*?\.)\s*(?P<year>\d{4})", sheet)
    if not match or match["abbr"] not in THAI_MONTHS_ABBR:
        raise ValueError(f"อ่านเดือนจากชื่อแผ่นงาน {sheet!r} ไม่ได้")
    return int(match["year"]), THAI_MONTHS_ABBR.index(match["abbr"]) + 1


def _tidy_sheet(grid: pd.DataFrame, sheet: str) -> pd.DataFrame:
    year_be, month = _sheet_month(sheet)
    header, years = grid.iloc[1], grid.iloc[3]
    columns = {}
    for col, label in header.items():
        if not isinstance(label, str):
            continue
        key = re.sub(r"\s*\(.*|/\d+$", "", label.strip())
        name = _GROUPS.get(key)
        # the first column of each group is this year's figure ("2563(P)")
        if name and str(years.get(col, "")).startswith(str(year_be)):
            columns[col] = name
    body = grid.iloc[4:].copy()
    label = clean.clean_text(body.iloc[:, 1].astype("object"))
    province = clean.normalize_province(label)
    rows = province.notna()  # region subtotals, the total and footnotes drop out
    n = int(rows.sum())
    tidy = pd.DataFrame(
        {
            "year_be": pd.array([year_be] * n, dtype="Int64"),
            "month": pd.array([month] * n, dtype="Int64"),
            "province_label": label[rows].to_numpy(),
            "province": province[rows].to_numpy(),
        }
    )
    tidy.insert(2, "province_code", clean.province_code(tidy["province"]))
    tidy["region_6"] = _region_of(tidy["province_code"])
    for col, name in columns.items():
        tidy[name] = clean.to_number(body.loc[rows, col].astype("object")).to_numpy()
    return tidy


def clean_mots_workbook(name: str = "mots-tourism-2563-xlsx") -> pd.DataFrame:
    """A MOTS monthly workbook (one sheet per month) → one long table, one row per province and month.

    ขั้นตอน: (1) อ่านทุกแผ่นงาน (แผ่นงานเรียงเดือนสลับกัน: ใช้เดือนจากชื่อแผ่นงาน) (2) หัวตารางสองแถว:
    ชื่อกลุ่มในแถวที่ 2 ปีในแถวที่ 4 เก็บเฉพาะตัวเลขของปีนั้น (3) ชื่อจังหวัดที่มี ``(R1)`` ``(P)`` ``*``
    หรือสะกดผิด เป็นชื่อทางการ แถวรวมรายภาค ``รวมทั้งหมด`` และเชิงอรรถไม่ใช่จังหวัด จึงตัดออก
    (4) เก็บชื่อเดิมไว้ใน ``province_label`` เพื่อตรวจย้อนได้

    >>> t = clean_mots_workbook()
    >>> t.shape[0], t["month"].nunique(), int(t["province_code"].isna().sum())
    (924, 12, 0)
    """
    path = _data.verify(name)
    engine = "calamine" if _data._has_calamine() else "openpyxl"
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine=engine)
    frames = [_tidy_sheet(grid, sheet) for sheet, grid in sheets.items()]
    tidy = pd.concat(frames, ignore_index=True)
    return _as_text(
        tidy.sort_values(["year_be", "month", "province_code"], kind="stable").reset_index(drop=True)
    )


def fill_january_2563(table: pd.DataFrame, workbook: pd.DataFrame | None = None) -> pd.DataFrame:
    """Replace the retyped table's wrong January 2563 Thai visitors with the ministry's workbook figures.

    ตารางที่พิมพ์ใหม่ (``mots-tourism-province-monthly``) มีผู้เยี่ยมเยือนชาวไทยเดือน ม.ค. 2563 ซ้ำกับ ก.พ.
    ทุกจังหวัด ฟังก์ชันนี้คืนสำเนาของตาราง (แบบ ``mots-tourism-province-monthly-clean``) ที่ใช้ตัวเลข ม.ค. 2563
    จากไฟล์ Excel ของกระทรวงแทน (``workbook``: ตาราง ``mots-tourism-2563-clean`` ถ้าไม่ส่งมาจะเปิดให้เอง)
    ค่าอื่นไม่เปลี่ยน จังหวัดที่ไฟล์ Excel ไม่มีตัวเลขจะเป็นค่าที่หายไป

    >>> fixed = fill_january_2563(_data.load("mots-tourism-province-monthly-clean"))
    >>> int(fixed.loc[(fixed["year_be"] == 2563) & (fixed["month"] == 1), "thai_visitors"].sum())
    19901703
    """
    workbook = _data.load("mots-tourism-2563-clean") if workbook is None else workbook
    january = workbook[(workbook["year_be"] == 2563) & (workbook["month"] == 1)]
    by_code = january.set_index("province_code")["thai_visitors"]
    fixed = table.copy()
    wrong = (fixed["year_be"] == 2563) & (fixed["month"] == 1)
    fixed.loc[wrong, "thai_visitors"] = fixed.loc[wrong, "province_code"].map(by_code).round().astype("Int64")
    return fixed
