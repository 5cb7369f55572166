"""Recipes for the kit's SIMULATED practice files (kept until every notebook uses the real files).

สูตรทำความสะอาดข้อมูลจำลองชุดเดิม ใช้โดยโน้ตบุ๊กที่ยังไม่ได้ย้ายไปใช้ไฟล์จริง
"""

from __future__ import annotations

import pandas as pd

from .. import clean
from .. import data as _data
from ..thai import THAI_MONTHS_ABBR
from ._common import _provinces, _raw, _text_columns

#: Words that mean "no data" in the simulated practice files (เปลี่ยนเป็นค่าว่าง).
MISSING_WORDS = ("ไม่ทราบ", "-")
#: Abbreviated Thai month names as used in agency report headers (ม.ค. = 1 ... ธ.ค. = 12).
MONTH_ABBR_TH = THAI_MONTHS_ABBR


def clean_injuries(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """Clean the New-Year 2551 injury records (simulated): one row per injured person.

    ขั้นตอน: (1) ตัดแถวซ้ำทุกคอลัมน์ (2) ทำความสะอาดข้อความ ช่องว่างล้วนและ ``ไม่ทราบ`` เป็นค่าว่าง
    (3) แก้คำสะกดผิด ``ผู้ชับขี่`` (4) ชื่อจังหวัดเป็นชื่อทางการ แล้วหารหัสจังหวัดจากชื่อ (ไม่เชื่อ
    คอลัมน์รหัสเดิมเพราะบางจังหวัดกรอกเลขลำดับ) และเติมภาค (5) ``ปีใหม่ 51`` เป็นปีเทศกาล 2551
    (6) เลขวันที่ 28-31 เป็นธันวาคม 2550 และ 1-3 เป็นมกราคม 2551 (7) ช่วงเวลาเป็นชั่วโมงเริ่ม 0-23
    (``24:01-01:00 น.`` เป็นไปไม่ได้ → ค่าว่าง) (8) อายุเป็นตัวเลข อายุ 0 (ส่วนใหญ่คือไม่ได้กรอก)
    และเกิน 100 ปี เป็นค่าว่าง (9) คอลัมน์ ``เสียชีวิต`` (True/False)

    >>> tidy = clean_injuries()
    >>> len(tidy), int(tidy["เสียชีวิต"].sum())        # ตรงกับยอดจริงปีใหม่ 2551: 4,903 คน เสียชีวิต 401
    (4903, 401)
    >>> int(tidy["รหัสจังหวัด"].isna().sum()), int(tidy["ชั่วโมงเกิดเหตุ"].max())
    (0, 23)
    """
    df = _raw(raw, "injuries-newyear-2551")
    df = df.drop_duplicates().reset_index(drop=True)
    for col in _text_columns(df):
        df[col] = clean.clean_text(df[col], blank_to_na=True)
    df = df.replace(list(MISSING_WORDS), pd.NA)
    df["สถานะ"] = df["สถานะ"].replace({"ผู้ชับขี่": "ผู้ขับขี่"})

    prov = _provinces()
    df["จังหวัด"] = clean.normalize_province(df["จังหวัด"])
    code = clean.province_code(df["จังหวัด"])
    region = code.map(prov.set_index("province_code")["region_6"])

    festival = df["ชื่อเทศกาล"].str.extract(r"^(?P<name>\D+?)\s*(?P<yy>\d{2})$")
    year_be = 2500 + pd.to_numeric(festival["yy"])
    day = pd.to_numeric(df["วันที่เกิดเหตุ"])
    # a 7-day New-Year campaign: days 28-31 belong to December of the previous B.E. year
    date_text = pd.Series(
        [f"{d}/12/{y - 1}" if d >= 28 else f"{d}/1/{y}" for d, y in zip(day, year_be)], index=df.index
    )
    date = clean.parse_date_th(date_text, dayfirst=True, era="be")

    start = pd.to_numeric(df["เวลาเกิดเหตุ"].str.extract(r"^(\d{1,2}):", expand=False))
    hour = start.where(start.between(0, 23)).astype("Int64")
    age = clean.to_number(df["อายุ"])
    age = age.where(age.between(1, 100)).astype("Int64")

    tidy = pd.DataFrame(
        {
            "ปีเทศกาล": year_be.astype("Int64"),
            "เทศกาล": festival["name"],
            "รหัสจังหวัด": code,
            "จังหวัด": df["จังหวัด"],
            "ภาค": region,
            "รหัส รพ.": df["รหัส รพ."].astype(str),
            "ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ": df["ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ"],
            "วันที่เกิดเหตุ": date,
            "ชั่วโมงเกิดเหตุ": hour,
            "เพศ": df["เพศ"],
            "อายุ": age,
            **{
                c: df[c]
                for c in [
                    "ถนนที่เกิดเหตุ",
                    "สถานะ",
                    "รถผู้บาดเจ็บ",
                    "รถคู่กรณี",
                    "มาตรการ",
                    "การดื่มสุรา",
                    "การนำส่ง",
                    "Refer-Admit",
                    "ผลการรักษา",
                ]
            },
            "เสียชีวิต": df["ผลการรักษา"].eq("เสียชีวิต").fillna(False).astype(bool),
            "จำนวนวันรักษา": clean.to_number(df["จำนวนวันรักษา"]).astype("Int64"),
        }
    )
    return tidy


def clean_pm25(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """Reshape the wide daily PM2.5 table (simulated) to long: ``date, station_code, pm25``.

    ขั้นตอน: (1) แปลง ``Date`` แบบ วัน/เดือน/ปี พ.ศ. เป็นวันที่ (2) แปลงตารางแบบกว้างเป็นแบบยาว
    (melt) (3) ``-`` และช่องว่างเป็นค่าว่าง แปลงค่าเป็นตัวเลข (4) เรียงตามวันที่และสถานี
    วันที่ไม่มีค่ายังอยู่ในตาราง (pm25 ว่าง) เพื่อให้นับได้ว่าหายไปกี่วัน

    >>> long = clean_pm25()
    >>> long.shape, long["date"].min().date().isoformat()
    ((4380, 3), '2023-01-01')
    """
    df = _raw(raw, "pm25-wide-2566")
    df["Date"] = clean.parse_date_th(df["Date"].astype(str), dayfirst=True, era="be")
    long = df.melt(id_vars="Date", var_name="station_code", value_name="pm25")
    long["pm25"] = clean.to_number(long["pm25"].astype("object"))
    long = long.rename(columns={"Date": "date"}).sort_values(["date", "station_code"], kind="stable")
    return long.reset_index(drop=True)


def clean_pm25_stations(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """Station list (simulated) with the official province name, province code and region.

    >>> stations = clean_pm25_stations()
    >>> stations.loc[stations["station_code"] == "36T", ["province_code", "region_6"]].values.tolist()
    [['50', 'ภาคเหนือ']]
    """
    df = _raw(raw, "pm25-stations")
    prov = _provinces().set_index("province_code")
    province = clean.normalize_province(df["province_th"])
    code = clean.province_code(province)
    return pd.DataFrame(
        {
            "station_code": df["station_code"].astype(str),
            "name_th": clean.clean_text(df["name_th"]),
            "province": province,
            "province_code": code,
            "region_6": code.map(prov["region_6"]),
            "lat": clean.to_number(df["lat"]),
            "lon": clean.to_number(df["lon"]),
        }
    )


def clean_tourism(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """Domestic tourism by province and month (simulated) with consistent names and real numbers.

    ขั้นตอน: (1) ตั้งชื่อคอลัมน์ใหม่ให้สม่ำเสมอ (ไฟล์จริงสะกด ``ForeignersinternalIncome``)
    (2) ตัวเลขที่เป็นข้อความมีจุลภาคเป็นตัวเลข (3) ชื่อจังหวัดเป็นชื่อทางการ + รหัสจังหวัด
    (4) ตัดคอลัมน์ ``_id`` ของ datastore

    >>> t = clean_tourism()
    >>> t.shape, int(t["foreign_visitors"].sum())     # ผลรวมผูกไว้กับยอดจริงปี 2562: 39.92 ล้านคน
    ((924, 11), 39920000)
    """
    df = _raw(raw, "tourism-domestic")
    province = clean.normalize_province(df["Province"])
    return (
        pd.DataFrame(
            {
                "year_be": df["YearInfo"].astype("Int64"),
                "month": df["MonthInfo"].astype("Int64"),
                "province": province,
                "province_code": clean.province_code(province),
                "city_type": clean.clean_text(df["CityType"]),
                "thai_visitors": clean.to_number(df["InternalAmount"]).astype("Int64"),
                "thai_income_mb": clean.to_number(df["InternalIncome"]),
                "foreign_visitors": clean.to_number(df["ForeignerInternalAmount"]).astype("Int64"),
                "foreign_income_mb": clean.to_number(df["ForeignersinternalIncome"]),
                "room_rate_baht": clean.to_number(df["RoomRate"]),
                "occupancy_pct": clean.to_number(df["OR"]),
            }
        )
        .sort_values(["province_code", "month"], kind="stable")
        .reset_index(drop=True)
    )


def clean_agency_report(source=None) -> pd.DataFrame:
    """Agency-style Excel report (simulated) → long table ``region, n_stations, month, pm25_mean``.

    ขั้นตอน: (1) อ่านด้วย ``clean.read_excel_th``: ข้ามชื่อตาราง 1 แถว รวมหัวตาราง 2 แถว ตัดหมายเหตุ
    (2) ตัดแถวรวม ``ทั้งประเทศ`` และคอลัมน์สรุปทั้งปี (คำนวณใหม่ได้) (3) แปลงเป็นแบบยาว
    เดือนเป็นเลข 1-12 ``source`` คือที่อยู่ไฟล์ (ค่าเริ่มต้น: ไฟล์ฝึกที่ตรวจ sha256 แล้ว)

    >>> report = clean_agency_report()
    >>> report.shape, report["month"].unique().tolist()[:3]
    ((60, 4), [1, 2, 3])
    """
    file = _data.verify("agency-report") if source is None else source
    wide = clean.read_excel_th(file, sheet_name="สรุปรายเดือน", title_rows=1, header_rows=2, verbose=False)
    wide = wide.rename(columns={wide.columns[0]: "region", wide.columns[1]: "n_stations"})
    wide = wide[wide["region"] != "ทั้งประเทศ"]
    month_cols = {
        c: i + 1 for c in wide.columns for i, abbr in enumerate(MONTH_ABBR_TH) if c.endswith(" " + abbr)
    }
    long = wide.melt(
        id_vars=["region", "n_stations"],
        value_vars=list(month_cols),
        var_name="month",
        value_name="pm25_mean",
    )
    long["month"] = long["month"].map(month_cols).astype("Int64")
    long["n_stations"] = long["n_stations"].astype("Int64")
    long["pm25_mean"] = clean.to_number(long["pm25_mean"])
    order = {region: i for i, region in enumerate(wide["region"])}  # keep the report's region order
    long = long.sort_values(
        ["region", "month"], key=lambda col: col.map(order) if col.name == "region" else col, kind="stable"
    )
    return long.reset_index(drop=True)
