"""Recipes for the real road-injury files: NIEMS New-Year records and ThaiRSC victims by province.

สูตรทำความสะอาดข้อมูลจริงเรื่องอุบัติเหตุทางถนน ทุกขั้นใช้ฟังก์ชันใน ``helpers.clean``
"""

from __future__ import annotations

import pandas as pd

from .. import clean
from ._common import _as_text, _raw, _region_of, _text_columns

#: NIEMS columns kept as they are (categories typed by hospital staff).
_NIEMS_CATEGORIES = [
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


def clean_niems_newyear(
    raw: pd.DataFrame | None = None, *, name: str = "niems-newyear-2551-2558"
) -> pd.DataFrame:
    """Clean the real NIEMS New-Year injury records: one row per injured person, tidy types.

    ขั้นตอน: (1) ข้อความ: ตัดช่องว่าง และคำว่า ``unknown`` เป็นค่าที่หายไป (2) แก้คำสะกดผิดของต้นทาง
    ``ผู้ชับขี่`` เป็น ``ผู้ขับขี่`` (3) ``ปีใหม่ 51`` เป็นปีเทศกาล พ.ศ. 2551 (4) ช่วงรณรงค์ปีใหม่คร่อมสิ้นปี:
    วันที่ 25-31 เป็นเดือนธันวาคมของปีก่อน 1-10 เป็นเดือนมกราคม วันอื่นไม่เดา (5) เลขช่วงชั่วโมงคงไว้ตามต้นทาง
    ถ้าอยู่ใน 0-23 ส่วนค่า 24 เป็นค่าที่หายไป (ไม่เดา): ไฟล์ไม่บอกว่าเลขช่วงคือชั่วโมงเริ่มหรือชั่วโมงจบ
    (ตัวอย่างปีใหม่ 51 มี 01-24 และไม่มี 00) 24 จึงอาจเป็น 23:01-24:00 น. หรือหลังเที่ยงคืนซึ่งเป็นวันรุ่งขึ้น
    (6) ชื่อจังหวัดเป็นชื่อทางการ หารหัสจังหวัดจากชื่อ (รหัสในไฟล์ไม่ใช่รหัสทางการเสมอไป: บึงกาฬเป็น 97
    ไม่ใช่ 38) และเติมภาค (7) ``เสียชีวิต`` จริงเมื่อผลการรักษามีคำว่า ``ตาย`` หรือ ``เสียชีวิต``
    อายุ 0 คงไว้ตามต้นทาง (อาจเป็นเด็กเล็กหรือไม่ได้กรอก แยกไม่ได้) แถวที่เหมือนกันทุกคอลัมน์ไม่ถูกลบ
    เพราะไม่มีเลขประจำตัวบอกว่าเป็นคนเดียวกัน (ไฟล์ 80 แถวมี 1 คู่)

    >>> tidy = clean_niems_newyear()
    >>> len(tidy), int(tidy["ปีเทศกาล"].min()), int(tidy["ปีเทศกาล"].max())
    (80, 2551, 2558)
    >>> sorted(tidy["สถานะ"].dropna().unique())
    ['คนเดินเท้า', 'ผู้ขับขี่', 'ผู้โดยสาร']
    """
    df = _raw(raw, name)
    for col in _text_columns(df):
        text = clean.clean_text(df[col].astype("object"), blank_to_na=True)
        df[col] = text.mask(text.str.casefold().eq("unknown"))
    df["สถานะ"] = df["สถานะ"].replace({"ผู้ชับขี่": "ผู้ขับขี่"})

    festival = df["ชื่อเทศกาล"].str.extract(r"^(?P<name>\D+?)\s*(?P<yy>\d{2})$")
    year_be = (2500 + pd.to_numeric(festival["yy"])).astype("Int64")
    day = pd.to_numeric(df["วันที่เกิดเหตุ"], errors="coerce").astype("Int64")
    # the New-Year campaign runs from late December into early January
    month = (
        pd.Series(pd.NA, index=df.index, dtype="Int64")
        .mask(day.between(25, 31), 12)
        .mask(day.between(1, 10), 1)
    )
    year_of_day = (year_be - (month == 12).astype("Int64")).astype("Int64")
    text = [
        f"{d}/{m}/{y}" if pd.notna(d) and pd.notna(m) else None for d, m, y in zip(day, month, year_of_day)
    ]
    date = clean.parse_date_th(pd.Series(text, index=df.index, dtype="object"), dayfirst=True, era="be")

    hour = pd.to_numeric(df["เวลาเกิดเหตุ"], errors="coerce")
    hour = hour.where(hour.between(0, 23)).astype("Int64")
    province = clean.normalize_province(df["จังหวัด"])
    code = clean.province_code(province)
    outcome = df["ผลการรักษา"].fillna("")
    return _as_text(
        pd.DataFrame(
            {
                "ปีเทศกาล": year_be,
                "เทศกาล": festival["name"],
                "รหัสจังหวัด": code,
                "จังหวัด": province,
                "ภาค": _region_of(code),
                "ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ": df["ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ"],
                "วันที่เกิดเหตุ": date,
                "ชั่วโมงเกิดเหตุ": hour,
                "เพศ": df["เพศ"],
                "อายุ": clean.to_number(df["อายุ"].astype("object")).astype("Int64"),
                **{c: df[c] for c in _NIEMS_CATEGORIES},
                "เสียชีวิต": outcome.str.contains("ตาย|เสียชีวิต", regex=True),
                "จำนวนวันรักษา": clean.to_number(df["จำนวนวันรักษา"].astype("object")).astype("Int64"),
            }
        )
    )


def clean_thairsc_victims(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """ThaiRSC victims by province (wide, B.E. years in headers) → long ``year_be, province, type, victims``.

    ขั้นตอน: (1) ตัดคอลัมน์ว่างท้ายตาราง (2) แปลงตารางจากแบบกว้างเป็นแบบยาว ปี พ.ศ. มาจากชื่อคอลัมน์
    (3) ตัวเลขมีจุลภาค ("118,118") เป็นตัวเลข ``(Blank)`` เป็นค่าที่หายไป (4) ชื่อจังหวัดเป็นชื่อทางการ + รหัส

    >>> long = clean_thairsc_victims()
    >>> long.shape, sorted(long["type"].unique())
    ((924, 6), ['ทุพพลภาพ', 'บาดเจ็บ', 'เสียชีวิต'])
    """
    df = _raw(raw, "thairsc-victims-by-province")
    df = df.loc[:, [c for c in df.columns if not str(c).startswith("Unnamed")]]
    years = {
        c: int(str(c).rsplit(" ", 1)[-1]) for c in df.columns if str(c).startswith("number of victims in")
    }
    long = df.melt(
        id_vars=["region", "province", "type"],
        value_vars=list(years),
        var_name="year_be",
        value_name="victims",
    )
    long["year_be"] = long["year_be"].map(years).astype("Int64")
    values = long["victims"].astype("object")
    long["victims"] = clean.to_number(values.mask(values.astype(str).str.strip().eq("(Blank)"))).astype(
        "Int64"
    )
    long["province"] = clean.normalize_province(long["province"])
    long.insert(2, "province_code", clean.province_code(long["province"]))
    return _as_text(
        long[["year_be", "region", "province_code", "province", "type", "victims"]]
        .sort_values(["year_be", "province_code", "type"], kind="stable")
        .reset_index(drop=True)
    )
