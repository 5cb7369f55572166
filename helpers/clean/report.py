"""List what a cleaning step could not read: raw values that became NaN/NaT.

แสดงรายการค่าเดิมที่แปลงไม่ได้ (กลายเป็นค่าว่าง) เพื่อให้ตรวจและแก้ได้ ไม่ปล่อยให้ข้อมูลหายไปเงียบ ๆ
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, overload

import numpy as np
import pandas as pd

from ._common import as_series, is_blank, object_array

if TYPE_CHECKING:
    from ._common import Column, Scalar

__all__ = ["problem_report", "unparsed"]


@overload
def unparsed(raw: Column | Scalar, parsed: Column | Scalar, counts: Literal[False] = False) -> pd.Series: ...
@overload
def unparsed(raw: Column | Scalar, parsed: Column | Scalar, counts: Literal[True]) -> pd.Series[int]: ...
@overload
def unparsed(raw: Column | Scalar, parsed: Column | Scalar, counts: bool = False) -> pd.Series: ...
def unparsed(raw, parsed, counts: bool = False) -> pd.Series:
    """Distinct raw values (not missing, not blank) whose cleaned value is missing, most frequent first.

    ค่าเดิมที่ไม่ซ้ำกัน (ไม่นับค่าว่าง ช่องว่างล้วน และอักขระล่องหนล้วน) ที่แปลงแล้วกลายเป็น NaN/NaT เรียงจากพบบ่อยที่สุด
    ``raw`` กับ ``parsed`` ต้องมีจำนวนแถวเท่ากัน (ผลจากฟังก์ชันใน ``helpers.clean``) ถ้า ``counts=True``
    ได้ Series ที่ index เป็นค่าเดิมและค่าคือจำนวนแถว (เหมือน ``value_counts``)
    หมายเหตุ: คำที่แปลว่า "ไม่มีข้อมูล" เช่น ``-`` หรือ ``ไม่ทราบ`` จะอยู่ในรายการด้วย เพราะกลายเป็นค่าว่างเช่นกัน
    อยากรู้เหตุผลของแต่ละค่า ให้ใช้ ``report=True`` ของฟังก์ชันนั้น เช่น ``to_number(raw, report=True)``

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
    blank = values.map(is_blank).to_numpy(dtype=bool)  # pragma: no mutate (map(is_blank) is already bool)
    values = values[~blank]
    # stable: ties keep first appearance.  sort=True is the default and missing raw cells were removed
    # above, so dropna changes nothing: hence the pragma
    vc = values.value_counts(sort=True, dropna=True)  # pragma: no mutate (defaults; no NA left)
    if counts:
        vc.name = "count"
        vc.index.name = r.name
        return vc
    return pd.Series(vc.index.to_numpy(dtype=object), name=r.name, dtype=object)


def problem_report(uniques, codes, problems, messages: dict) -> pd.DataFrame:
    """Table ``value, count, problem`` of the distinct values that have a problem, most frequent first.

    ตารางรายงานของ ``report=True``: หนึ่งแถวต่อค่าเดิมที่ไม่ซ้ำกันซึ่งมีปัญหา พร้อมจำนวนแถวและเหตุผลภาษาไทย
    ``uniques``/``codes`` มาจาก ``_common.factorize`` (code -1 = ค่าว่าง), ``problems`` คือรหัสปัญหาของแต่ละค่า
    ในลำดับเดียวกับ ``uniques`` (``None`` = ไม่มีปัญหา) และ ``messages`` แปลงรหัสเป็นข้อความ
    ค่าที่พบบ่อยอยู่ก่อน ถ้าเท่ากันเรียงตามลำดับที่พบในข้อมูล

    >>> rep = problem_report(["1", "x", "-"], np.array([0, 1, 1, 2, -1]), [None, "bad", "gone"],
    ...                      {"bad": "อ่านไม่ออก", "gone": "ไม่มีข้อมูล"})
    >>> rep.values.tolist()
    [['x', 2, 'อ่านไม่ออก'], ['-', 1, 'ไม่มีข้อมูล']]
    """
    problems = object_array(problems)
    codes = np.asarray(codes, dtype=np.intp)
    counts = np.bincount(codes[codes >= 0], minlength=len(problems))
    flagged = np.flatnonzero(pd.notna(problems) & (counts > 0))
    rep = pd.DataFrame(
        {
            "value": pd.Series(object_array(uniques)[flagged], dtype=object),
            "count": pd.Series(counts[flagged], dtype="int64"),  # pragma: no mutate (bincount: int64 already)
            "problem": pd.Series([messages[p] for p in problems[flagged]], dtype=object),
        }
    )
    order = np.argsort(-rep["count"].to_numpy(), kind="stable")  # ties keep first appearance
    return rep.iloc[order].reset_index(drop=True)
