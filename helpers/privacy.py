"""Privacy checks before sharing a table: unique records on quasi-identifiers, small-cell suppression.

ตรวจความเสี่ยงก่อนเผยแพร่ข้อมูล: นับว่ามีระเบียนกี่ระเบียนที่ "ไม่ซ้ำใคร" เมื่อดูจากข้อมูลที่ระบุตัวตนทางอ้อม
(quasi-identifier) เช่น อายุ เพศ จังหวัด และปิดช่องที่มีจำนวนน้อยในตารางสรุปก่อนเผยแพร่
(small cell suppression)

ฟังก์ชันในโมดูลนี้ **นับ** อย่างเดียว ไม่ค้นหาหรือชี้ตัวบุคคล ใช้เพื่อตัดสินใจว่าจะรวมกลุ่มหรือปิดค่าอะไรก่อนเผยแพร่

>>> import pandas as pd
>>> people = pd.DataFrame({"province": ["น่าน", "น่าน", "น่าน", "ตาก"],
...                        "sex": ["ชาย", "ชาย", "หญิง", "หญิง"]})
>>> uniqueness(people, ["province", "sex"])
2
>>> table = pd.DataFrame({"0-14": [1, 12], "15+": [30, 4]}, index=["น่าน", "ตาก"])
>>> suppress_small(table, threshold=5)
      0-14  15+
น่าน  <NA>   30
ตาก     12  <NA>
"""

from __future__ import annotations

import difflib
import numbers

import pandas as pd

__all__ = ["group_sizes", "uniqueness", "uniqueness_table", "small_cells", "suppress_small"]


def _check_columns(frame: pd.DataFrame, columns) -> list:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"ต้องเป็นตาราง (DataFrame) แต่ได้ {type(frame).__name__}")
    if isinstance(columns, str):
        columns = [columns]
    columns = list(columns)
    if not columns:
        raise ValueError('ต้องระบุอย่างน้อยหนึ่งคอลัมน์ เช่น ["จังหวัด", "อายุ", "เพศ"]')
    for column in columns:
        if column not in frame.columns:
            close = difflib.get_close_matches(str(column), [str(c) for c in frame.columns], n=3, cutoff=0.5)
            tip = f" ชื่อที่ใกล้เคียง: {', '.join(close)}" if close else ""
            raise KeyError(f"ไม่มีคอลัมน์ {column!r} ในตาราง{tip}")
    return columns


def group_sizes(frame: pd.DataFrame, columns) -> pd.Series:
    """Return, for each record, how many records share its values in ``columns`` (the group size).

    ขนาดกลุ่มของแต่ละระเบียน: มีกี่ระเบียน (นับตัวเองด้วย) ที่มีค่าในคอลัมน์ ``columns`` ตรงกันทุกคอลัมน์
    ขนาด 1 แปลว่าระเบียนนั้นไม่ซ้ำใคร ใครที่รู้ค่าเหล่านี้ของคนคนหนึ่งจะหาแถวของเขาเจอ

    ค่าที่หายไป (missing value) นับเป็นค่าหนึ่ง: ระเบียนที่ไม่รู้อายุเหมือนกันอยู่กลุ่มเดียวกัน
    ถ้าไม่ต้องการนับระเบียนที่ไม่รู้ค่า ให้ตัดออกก่อนด้วย ``dropna(subset=columns)``
    ผลลัพธ์มีดัชนี (index) เดียวกับตารางเดิม

    >>> df = pd.DataFrame({"age": [30, 30, 41, None], "sex": ["ชาย", "ชาย", "หญิง", "หญิง"]})
    >>> group_sizes(df, ["age", "sex"]).tolist()
    [2, 2, 1, 1]
    >>> group_sizes(df, ["อายุ"])
    Traceback (most recent call last):
    ...
    KeyError: "ไม่มีคอลัมน์ 'อายุ' ในตาราง"
    """
    columns = _check_columns(frame, columns)
    if frame.empty:
        return pd.Series([], index=frame.index, dtype="int64", name="group_size")
    keys = [frame[c] for c in columns]
    # groupby(...).transform("size") gives each row the size of its own group; dropna=False keeps
    # rows with a missing value (they form their own group instead of disappearing).
    sizes = frame.groupby(keys, dropna=False, sort=False)[columns[0]].transform("size")
    return sizes.astype("int64").rename("group_size")


def uniqueness(frame: pd.DataFrame, columns) -> int:
    """Return how many records are unique on ``columns`` (no other record has the same values).

    จำนวนระเบียนที่ไม่ซ้ำใครเมื่อดูเฉพาะคอลัมน์ ``columns`` (ขนาดกลุ่มเท่ากับ 1)
    ไม่ใช่จำนวนแบบของค่าที่ไม่ซ้ำกัน: กลุ่มที่มีสองคนไม่นับ เพราะแยกสองคนนั้นออกจากกันไม่ได้

    >>> df = pd.DataFrame({"age": [30, 30, 41, 52], "sex": ["ชาย", "ชาย", "หญิง", "หญิง"]})
    >>> uniqueness(df, ["age", "sex"])
    2
    >>> uniqueness(df, "sex")
    0
    """
    return int((group_sizes(frame, columns) == 1).sum())


def uniqueness_table(frame: pd.DataFrame, column_sets: dict) -> pd.DataFrame:
    """Compare several sets of quasi-identifiers: records, unique records and their percentage.

    ``column_sets`` maps a label (Thai text shown as the row name) to a list of columns.
    ผลเป็นตารางหนึ่งแถวต่อหนึ่งชุดคอลัมน์: จำนวนระเบียน จำนวนที่ไม่ซ้ำใคร และร้อยละ (ทศนิยมหนึ่งตำแหน่ง)

    >>> df = pd.DataFrame({"age": [30, 30, 41, 52], "sex": ["ชาย", "ชาย", "หญิง", "หญิง"]})
    >>> table = uniqueness_table(df, {"เพศ": ["sex"], "อายุ + เพศ": ["age", "sex"]})
    >>> list(table.columns)
    ['ระเบียน', 'ไม่ซ้ำใคร', 'ร้อยละที่ไม่ซ้ำใคร']
    >>> table.to_dict("index")   # (display options that helpers.setup() sets do not change the values)
    {'เพศ': {'ระเบียน': 4, 'ไม่ซ้ำใคร': 0, 'ร้อยละที่ไม่ซ้ำใคร': 0.0}, 'อายุ + เพศ': {'ระเบียน': 4, 'ไม่ซ้ำใคร': 2, 'ร้อยละที่ไม่ซ้ำใคร': 50.0}}
    """
    if not isinstance(column_sets, dict) or not column_sets:
        raise TypeError('column_sets ต้องเป็น dict เช่น {"อายุ + เพศ": ["อายุ", "เพศ"]}')
    rows = {}
    for label, columns in column_sets.items():
        unique = uniqueness(frame, columns)
        share = round(unique / len(frame) * 100, 1) if len(frame) else 0.0
        rows[label] = {"ระเบียน": len(frame), "ไม่ซ้ำใคร": unique, "ร้อยละที่ไม่ซ้ำใคร": share}
    return pd.DataFrame.from_dict(rows, orient="index")


def _check_counts(table: pd.DataFrame, threshold) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"ต้องเป็นตารางจำนวนนับ (DataFrame หรือ Series) แต่ได้ {type(table).__name__}")
    if isinstance(threshold, bool) or not isinstance(threshold, numbers.Integral) or threshold < 1:
        raise ValueError(f"เกณฑ์ (threshold) ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป เช่น 5 แต่ได้ {threshold!r}")
    values = table.apply(pd.to_numeric, errors="coerce")
    not_numbers = values.isna() & table.notna()
    if not_numbers.any().any():
        raise ValueError("ตารางต้องมีแต่จำนวนนับ (ตัวเลข) แต่มีช่องที่ไม่ใช่ตัวเลข เช่นข้อความ")
    known = values.stack()
    if ((known < 0) | (known % 1 != 0)).any():
        raise ValueError("ตารางต้องเป็นจำนวนนับ (จำนวนเต็มที่ไม่ติดลบ) เช่นผลของ pd.crosstab ไม่ใช่ร้อยละหรือค่าเฉลี่ย")


def small_cells(table, threshold: int, *, include_zero: bool = False):
    """Return a True/False table: True where a count is below ``threshold`` (zeros only if asked).

    ``table`` is a count table (DataFrame, e.g. from ``pd.crosstab``) or one column of counts
    (Series, e.g. from ``value_counts()``); the result has the same shape and type.

    ช่องที่มีจำนวนน้อยกว่าเกณฑ์ (ค่าเริ่มต้นไม่นับช่องที่เป็น 0 เพราะหน่วยงานส่วนใหญ่แสดง 0 ได้
    ถ้าหน่วยงานของคุณปิด 0 ด้วย ให้ใส่ ``include_zero=True``) ช่องที่ถูกปิดไว้แล้ว (ค่าที่หายไป) ไม่นับซ้ำ

    >>> t = pd.DataFrame({"ชาย": [0, 3], "หญิง": [7, 12]}, index=["ก", "ข"])
    >>> small_cells(t, 5)
         ชาย   หญิง
    ก  False  False
    ข   True  False
    >>> int(small_cells(t, 5, include_zero=True).sum().sum())
    2
    >>> small_cells(pd.Series({"น่าน": 11, "อุตรดิตถ์": 2}), 5).tolist()
    [False, True]
    >>> small_cells(t, 0)
    Traceback (most recent call last):
    ...
    ValueError: เกณฑ์ (threshold) ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป เช่น 5 แต่ได้ 0
    """
    if isinstance(table, pd.Series):
        return (
            small_cells(table.to_frame(), threshold, include_zero=include_zero).iloc[:, 0].rename(table.name)
        )
    _check_counts(table, threshold)
    values = table.apply(pd.to_numeric, errors="coerce")
    low = values.lt(threshold) & values.notna()
    if not include_zero:
        low &= values.ne(0)
    return low.astype(bool)


def suppress_small(table, threshold: int = 5, *, include_zero: bool = False):
    """Return a copy of a count table with every small cell (below ``threshold``) replaced by <NA>.

    ``table`` is a count table (DataFrame) or one column of counts (Series).
    ปิดช่องที่มีจำนวนน้อยกว่าเกณฑ์ก่อนเผยแพร่ ผลเป็นตารางใหม่ชนิด ``Int64`` ที่ช่องซึ่งถูกปิดแสดงเป็น ``<NA>``
    (ตารางเดิมไม่เปลี่ยน) ถ้าจะเผยแพร่ยอดรวมด้วย ระวัง: แถวที่ปิดไว้ช่องเดียวคำนวณกลับได้จากยอดรวม

    >>> t = pd.DataFrame({"ชาย": [0, 3], "หญิง": [7, 12]}, index=["ก", "ข"])
    >>> suppress_small(t, threshold=5)
        ชาย  หญิง
    ก     0     7
    ข  <NA>    12
    >>> suppress_small(t.astype(float) / 2)
    Traceback (most recent call last):
    ...
    ValueError: ตารางต้องเป็นจำนวนนับ (จำนวนเต็มที่ไม่ติดลบ) เช่นผลของ pd.crosstab ไม่ใช่ร้อยละหรือค่าเฉลี่ย
    """
    if isinstance(table, pd.Series):
        return (
            suppress_small(table.to_frame(), threshold, include_zero=include_zero)
            .iloc[:, 0]
            .rename(table.name)
        )
    mask = small_cells(table, threshold, include_zero=include_zero)
    values = table.apply(pd.to_numeric, errors="coerce").astype("Int64")
    return values.mask(mask)
