"""Recipes for the real PM2.5 files of the Pollution Control Department and the Air4Thai register.

สูตรทำความสะอาดค่าฝุ่น PM2.5 รายวันของกรมควบคุมมลพิษ (ปี ค.ศ. 2021-2024) และทะเบียนสถานี Air4Thai
"""

from __future__ import annotations

import pandas as pd

from .. import clean
from .. import data as _data
from ._common import _as_text, _region_of

#: The four yearly wide files (data-set names) that make the long table.
PM25_YEARS = {
    2021: "pcd-pm25-daily-2021",
    2022: "pcd-pm25-daily-2022",
    2023: "pcd-pm25-daily-2023",
    2024: "pcd-pm25-daily-2024",
}


def _dates(text: pd.Series, year: int) -> pd.Series:
    # Each year's file has one date order (month-first 2021-2023, day-first 2024): let the parser
    # infer it from the whole column, and refuse a column whose order the values cannot prove.
    parsed, report = clean.parse_date_th(text, era="ce", report=True)
    if report.attrs.get("order") != "inferred" or parsed.isna().any() or not (parsed.dt.year == year).all():
        raise ValueError(
            f"ลำดับวันและเดือนในไฟล์ปี {year} กำกวม: ตรวจคอลัมน์ Date เองก่อน ({report.attrs.get('order')})"
        )
    return parsed


def clean_pcd_pm25(raws: dict | None = None) -> pd.DataFrame:
    """The yearly wide PM2.5 files → one long table ``date, station_code, pm25`` (µg/m³), 2021-2024.

    ขั้นตอน: (1) วันที่: ไฟล์ 2021-2023 เขียน เดือน/วัน/ปี แต่ไฟล์ 2024 เขียน วัน/เดือน/ปี ให้
    ``parse_date_th`` ดูลำดับจากค่าทั้งคอลัมน์ (เช่น ``12/30/2021`` พิสูจน์ว่าเดือนมาก่อน) ถ้าพิสูจน์ไม่ได้จะหยุด (2) แปลงตารางจากแบบกว้างเป็นแบบยาว
    (3) ช่องว่างเป็นค่าที่หายไป ค่าเป็นตัวเลข (4) รหัสสถานีคงตามหัวคอลัมน์ รวมถึง ``72T(เก่า)``
    และ ``72T(ใหม่)`` (สถานีย้ายที่: เป็นคนละจุดตรวจวัด) วันที่ไม่มีค่ายังอยู่ในตาราง เพื่อให้นับได้ว่าหายไปกี่วัน
    หมายเหตุ: ไฟล์ 2021 มี ``6/30/2021`` สองแถว (ค่าต่างกัน) และไม่มี 29 มิ.ย. แถวแรกน่าจะเป็นวันที่ 29
    แต่ไฟล์ไม่ได้บอก จึงเก็บทั้งสองแถวตามต้นทาง คู่ (date, station_code) ของวันนั้นจึงซ้ำกัน

    >>> long = clean_pcd_pm25()
    >>> long["date"].min().date().isoformat(), long["date"].max().date().isoformat()
    ('2021-01-01', '2024-12-31')
    >>> sorted(long["date"].dt.year.unique().tolist())
    [2021, 2022, 2023, 2024]
    """
    frames = []
    for year, name in PM25_YEARS.items():
        wide = _data.load(name) if raws is None else raws[year].copy()
        wide["Date"] = _dates(wide["Date"].astype("object"), year)
        long = wide.melt(id_vars="Date", var_name="station_code", value_name="pm25")
        frames.append(long)
    long = pd.concat(frames, ignore_index=True)
    long["pm25"] = clean.to_number(long["pm25"].astype("object"))
    long = long.rename(columns={"Date": "date"}).sort_values(["date", "station_code"], kind="stable")
    return _as_text(long.reset_index(drop=True))


def clean_air4thai_stations(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Air4Thai station register with upper-case codes, the official province and dates.

    ขั้นตอน: (1) รหัสสถานีเป็นตัวพิมพ์ใหญ่ให้ตรงกับหัวคอลัมน์ของไฟล์ค่าฝุ่น (``02t`` → ``02T``)
    (2) จังหวัดคือส่วนท้ายสุดของ ``Area`` หลังจุลภาค ทำเป็นชื่อทางการ + รหัสจังหวัด + ภาค
    ถ้าไม่มีชื่อจังหวัดแต่มีคำว่า ``เขต`` (เขตมีเฉพาะในกรุงเทพมหานคร) เป็นกรุงเทพมหานคร
    (3) ``0000-00-00`` คือวันที่ที่ไม่ทราบ เป็นค่าที่หายไป

    >>> stations = clean_air4thai_stations()
    >>> stations.loc[stations["station_code"] == "36T", ["province", "region_6"]].values.tolist()
    [['เชียงใหม่', 'ภาคเหนือ']]
    """
    df = _data.load("air4thai-stations") if raw is None else raw.copy()
    area = clean.clean_text(df["Area"].astype("object"))
    province = clean.normalize_province(area.str.rsplit(",", n=1).str[-1].str.strip())
    # Some Bangkok stations give only "แขวง ... เขต ...": a เขต (district) exists only in Bangkok
    # (other provinces have อำเภอ), so those areas are Bangkok.
    bangkok = province.isna() & area.str.contains(r"(?:^|\s)เขต\S", regex=True)
    province = province.mask(bangkok, "กรุงเทพมหานคร")
    code = clean.province_code(province)

    def _date(col: pd.Series) -> pd.Series:
        text = col.astype("object").mask(col.astype(str).str.startswith("0000-00-00"))
        return pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")

    return _as_text(
        pd.DataFrame(
            {
                "station_code": df["ID"].astype(str).str.strip().str.upper(),
                "name_th": clean.clean_text(df["Name"].astype("object")),
                "area_th": area,
                "province": province,
                "province_code": code,
                "region_6": _region_of(code),
                "open_date": _date(df["OpenDate"]),
                "close_date": _date(df["CloseDate"]),
            }
        )
    )
