"""Recipe for the real DOPA registered population by province, 1966-2021 (พ.ศ. 2509-2564).

สูตรทำความสะอาดประชากรตามทะเบียนราษฎรรายจังหวัดของกรมการปกครอง
"""

from __future__ import annotations

import pandas as pd

from ..thai import BE_OFFSET
from ._common import _as_text, _raw, _region_of


def clean_dopa_population(raw: pd.DataFrame | None = None) -> pd.DataFrame:
    """DOPA population → ``year_be, year_ce, province_code, name_th, region_6, total, male, female, households``.

    ขั้นตอน: (1) ปี ค.ศ. เป็นปี พ.ศ. (ข้อมูล ณ 31 ธันวาคมของปีนั้น) (2) ``geocode`` คือรหัสจังหวัด 2 หลัก
    ของกรมการปกครอง ยกเว้นพระนคร (8) และธนบุรี (9) ก่อนรวมเป็นกรุงเทพฯ ในปี 2514 ซึ่งไม่มีรหัสจังหวัดปัจจุบัน
    จึงเป็นค่าที่หายไปในคอลัมน์ province_code (ไม่รวมให้เอง เพราะเป็นคนละหน่วยการปกครองในตอนนั้น)
    (3) ชื่อภาษาไทยคงตามต้นทาง (เช่น ``กรุงเทพฯ`` ก่อนปี 2536)

    >>> pop = clean_dopa_population()
    >>> int(pop.loc[pop["year_be"] == 2562, "total"].sum())   # ตรงกับ provinces.csv (31 ธ.ค. 2562)
    66558935
    >>> pop.loc[pop["year_be"] == 2564, "province_code"].nunique()
    77
    """
    df = _raw(raw, "dopa-population-by-province")
    code = df["geocode"].astype("Int64").astype(str)
    code = code.where(df["geocode"].astype(int) >= 10)
    tidy = pd.DataFrame(
        {
            "year_be": (df["population_year"] + BE_OFFSET).astype("Int64"),
            "year_ce": df["population_year"].astype("Int64"),
            "province_code": code,
            "name_th": df["name_th"],
            "region_6": _region_of(code),
            "total": df["total"].astype("Int64"),
            "male": df["male"].astype("Int64"),
            "female": df["female"].astype("Int64"),
            "households": pd.to_numeric(df["households"]).astype("Int64"),
        }
    )
    return _as_text(
        tidy.sort_values(["year_be", "province_code"], kind="stable", na_position="first").reset_index(
            drop=True
        )
    )
