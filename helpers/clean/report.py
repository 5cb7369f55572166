"""List what a cleaning step could not read: raw values that became NaN/NaT.

แสดงรายการค่าเดิมที่แปลงไม่ได้ (กลายเป็นค่าว่าง) เพื่อให้ตรวจและแก้ได้ ไม่ปล่อยให้ข้อมูลหายไปเงียบ ๆ
"""

from __future__ import annotations

import pandas as pd

from ._common import as_series

__all__ = ["unparsed"]


def unparsed(raw, parsed, counts: bool = False) -> pd.Series:
    """Distinct raw values (not missing, not blank) whose cleaned value is missing, most frequent first.

    ค่าเดิมที่ไม่ซ้ำกัน (ไม่นับค่าว่างและช่องว่างล้วน) ที่แปลงแล้วกลายเป็น NaN/NaT เรียงจากพบบ่อยที่สุด
    ``raw`` กับ ``parsed`` ต้องมีจำนวนแถวเท่ากัน (ผลจากฟังก์ชันใน ``helpers.clean``) ถ้า ``counts=True``
    ได้ Series ที่ index เป็นค่าเดิมและค่าคือจำนวนแถว (เหมือน ``value_counts``)
    หมายเหตุ: คำที่แปลว่า "ไม่มีข้อมูล" เช่น ``-`` หรือ ``ไม่ทราบ`` จะอยู่ในรายการด้วย เพราะกลายเป็นค่าว่างเช่นกัน

    >>> raw = pd.Series(["1,200", "สองร้อย", "-", None, "สองร้อย", " "])
    >>> from helpers.clean import to_number
    >>> unparsed(raw, to_number(raw)).tolist()
    ['สองร้อย', '-']
    >>> unparsed(raw, to_number(raw), counts=True).to_dict()
    {'สองร้อย': 2, '-': 1}
    """
    r, _ = as_series(raw)
    p, _ = as_series(parsed)
    if len(r) != len(p):
        raise ValueError(f"raw มี {len(r)} แถว แต่ parsed มี {len(p)} แถว: ต้องเป็นคอลัมน์เดียวกันก่อนและหลังแปลง")
    rv = r.to_numpy(dtype=object)
    lost = p.isna().to_numpy() & ~r.isna().to_numpy()
    values = pd.Series(rv[lost], dtype=object)
    blank = values.map(lambda v: isinstance(v, str) and v.strip() == "").to_numpy(dtype=bool)
    values = values[~blank]
    vc = values.value_counts(sort=True, dropna=True)  # stable: ties keep first appearance
    if counts:
        vc.name = "count"
        vc.index.name = r.name
        return vc
    return pd.Series(vc.index.to_numpy(dtype=object), name=r.name, dtype=object)
