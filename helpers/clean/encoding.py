"""Open Thai CSV and Excel files: detect the encoding (UTF-8, UTF-8 with BOM, cp874/TIS-620).

เปิดไฟล์ CSV ภาษาไทยโดยตรวจรหัสอักขระ (encoding) ให้เอง และเปิดไฟล์ Excel ที่มีแถวชื่อเรื่อง
หัวตารางสองชั้น และหมายเหตุท้ายตาราง ให้กลายเป็นตารางเรียบร้อยที่มีชื่อคอลัมน์เดียวต่อคอลัมน์
"""

from __future__ import annotations

import codecs
import io
import os
import re
from pathlib import Path

import charset_normalizer
import numpy as np
import pandas as pd

from .text import clean_text

__all__ = ["detect_encoding", "read_csv_th", "read_excel_th", "ENCODING_NAMES"]

#: Thai description of each encoding the kit names in its messages.
ENCODING_NAMES = {
    "utf-8": "UTF-8 (มาตรฐานปัจจุบัน)",
    "utf-8-sig": "UTF-8 ที่มี BOM นำหน้า (มักได้จากการบันทึกด้วย Excel)",
    "cp874": "รหัสภาษาไทยแบบเก่า TIS-620/Windows-874",
}
# Python's cp874 decodes everything tis_620 / iso8859_11 does, plus 0x80-0x9F (… – “ ” €),
# so a file detected as any of them is read as cp874.
_THAI_CODECS = {"tis_620", "cp874", "iso8859_11", "iso_8859_11", "tis620", "windows_874"}
_SAMPLE = 1 << 20  # 1 MB is plenty to recognise an encoding


def _head(source, size: int = _SAMPLE) -> bytes:
    if isinstance(source, (bytes, bytearray)):
        return bytes(source[:size])
    with open(source, "rb") as f:
        return f.read(size)


def detect_encoding(path) -> str:
    """Return the encoding of a text file: ``'utf-8'``, ``'utf-8-sig'``, ``'cp874'`` (or another codec).

    ตรวจรหัสอักขระของไฟล์ ตรวจ BOM และ UTF-8 ก่อน (ตรวจได้แน่นอนและเร็ว) ถ้าไม่ใช่ให้
    charset-normalizer เดาจากสถิติของไบต์ ถ้าได้ TIS-620 หรือ ISO-8859-11 จะตอบ ``cp874``
    เพราะ cp874 ของ Python อ่านได้ครอบคลุมกว่า รับได้ทั้งที่อยู่ไฟล์และ bytes

    >>> detect_encoding("ปีใหม่ 2551,จังหวัดเชียงใหม่\\n".encode("cp874"))
    'cp874'
    >>> detect_encoding("จังหวัด\\n".encode("utf-8-sig")), detect_encoding(b"a,b\\n1,2\\n")
    ('utf-8-sig', 'utf-8')
    """
    raw = _head(path)
    # BOM and strict UTF-8 are checked by hand: both are exact tests, while charset-normalizer is
    # statistical and may name a look-alike codec for short or mostly-ASCII samples.
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(raw, final=len(raw) < _SAMPLE)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is not None and best.encoding in _THAI_CODECS:
        return "cp874"
    # charset-normalizer is statistical: on short Thai samples it may answer big5 or cp1251.
    # Thai text has a strong structural signature in cp874 (letters in 0xA1-0xFB, combining vowel
    # and tone marks always after a Thai letter), checked by hand here as the tie-breaker.
    if _looks_thai(raw):
        return "cp874"
    if best is None:
        raise ValueError("ตรวจรหัสอักขระของไฟล์ไม่ได้ ลองกำหนดเอง เช่น encoding=\"cp874\"")
    return codecs.lookup(best.encoding).name.replace("_", "-")


_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def _looks_thai(raw: bytes) -> bool:
    """True when the bytes decode as cp874 into text whose non-ASCII part is well-formed Thai."""
    try:
        text = raw.decode("cp874")
    except UnicodeDecodeError:
        return False
    # cp874's 0x80-0x9F punctuation (– … “ ” €) is neutral: it appears in Thai and other texts
    non_ascii = [c for c in text if ord(c) > 127 and not "\u2000" <= c <= "\u20ff"]
    thai = [c for c in non_ascii if "\u0e01" <= c <= "\u0e5b"]
    if not thai or len(thai) < 0.9 * len(non_ascii):
        return False
    marks = [m.start() for m in _MARKS.finditer(text)]
    dangling = sum(1 for i in marks if i == 0 or not "\u0e01" <= text[i - 1] <= "\u0e4e")
    return dangling <= 0.05 * len(marks)


def read_csv_th(path, *, verbose: bool = True, **kwargs) -> pd.DataFrame:
    """Read a CSV whose encoding may be UTF-8, UTF-8 with BOM or cp874/TIS-620; print which one.

    อ่านไฟล์ CSV ภาษาไทย ตรวจรหัสอักขระ (encoding) ให้เอง แล้วพิมพ์หนึ่งบรรทัดบอกว่าใช้รหัสอะไร
    (ปิดได้ด้วย ``verbose=False``) อาร์กิวเมนต์อื่นส่งต่อให้ ``pandas.read_csv`` ทั้งหมด
    ถ้ากำหนด ``encoding=`` เองจะใช้ค่านั้นโดยไม่ตรวจ

    >>> from helpers import paths
    >>> df = read_csv_th(paths.data_dir() / "provinces.csv", dtype={"province_code": str})
    อ่านไฟล์ provinces.csv ด้วยรหัสอักขระ (encoding) utf-8 — UTF-8 (มาตรฐานปัจจุบัน)
    >>> df.loc[0, "name_th"]
    'กรุงเทพมหานคร'
    """
    name = Path(path).name if isinstance(path, (str, os.PathLike)) else "ที่ให้มา"
    source = path
    if hasattr(path, "read"):
        data = path.read()
        source = io.BytesIO(data if isinstance(data, bytes) else data.encode("utf-8"))
        path_for_detect = source.getvalue()
    else:
        path_for_detect = path
    given = kwargs.pop("encoding", None)
    encoding = given or detect_encoding(path_for_detect)
    try:
        df = pd.read_csv(source, encoding=encoding, **kwargs)
    except UnicodeDecodeError:
        # the 1 MB sample was plain ASCII but Thai bytes come later: look at the whole file
        whole = source.getvalue() if isinstance(source, io.BytesIO) else Path(source).read_bytes()
        if given or encoding != "utf-8" or not _looks_thai(whole):
            raise
        encoding = "cp874"
        if isinstance(source, io.BytesIO):
            source.seek(0)
        df = pd.read_csv(source, encoding=encoding, **kwargs)
    if verbose:
        how = "ตามที่กำหนด" if given else ENCODING_NAMES.get(encoding, "ตรวจพบโดยอัตโนมัติ")
        print(f"อ่านไฟล์ {name} ด้วยรหัสอักขระ (encoding) {encoding} — {how}")
    return df


#: A trailing row holding one text cell that starts with one of these is a note, not data.
_NOTE_WORDS = ("หมายเหตุ", "ที่มา", "แหล่งที่มา", "แหล่งข้อมูล", "ข้อมูล ณ", "จัดทำโดย", "source", "note",
               "remark", "*", "(")


def _header_names(block: pd.DataFrame, sep: str) -> list[str]:
    """Join the header rows of each column into one name (merged cells already filled)."""
    names = []
    for col in block.columns:
        parts: list[str] = []
        for v in block[col]:
            if isinstance(v, float) and np.isnan(v) or v is None:
                continue
            text = clean_text(str(v))
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        names.append(sep.join(parts))
    seen: dict[str, int] = {}
    unique = []
    for i, n in enumerate(names):
        n = n or f"คอลัมน์_{i + 1}"
        seen[n] = seen.get(n, 0) + 1
        unique.append(n if seen[n] == 1 else f"{n}_{seen[n]}")
    return unique


def _merged_fill(path, sheet_name, top: int, nrows: int, ncols: int) -> pd.DataFrame | None:
    """Header block with merged cells filled in (xlsx only, via openpyxl's merged ranges)."""
    try:
        import openpyxl
        wb = openpyxl.load_workbook(path, data_only=True)
    except Exception:  # not an xlsx (e.g. old .xls): fall back to pandas' values
        return None
    ws = wb.worksheets[sheet_name] if isinstance(sheet_name, int) else wb[sheet_name]
    grid = [[ws.cell(row=top + r + 1, column=c + 1).value for c in range(ncols)] for r in range(nrows)]
    for rng in ws.merged_cells.ranges:
        value = ws.cell(row=rng.min_row, column=rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if top < r <= top + nrows and c <= ncols:
                    # a vertical merge repeats the name; _header_names drops the repeat
                    grid[r - top - 1][c - 1] = value
    wb.close()
    return pd.DataFrame(grid, dtype=object)


def read_excel_th(path, *, sheet_name=0, title_rows: int = 1, header_rows: int = 2,
                  notes_rows="auto", sep: str = " ", verbose: bool = True, **kwargs) -> pd.DataFrame:
    """Read an agency Excel sheet: skip title rows, join multi-row headers, drop trailing notes.

    อ่านไฟล์ Excel แบบที่หน่วยงานราชการนิยมทำ: มีชื่อเรื่อง ``title_rows`` แถวด้านบน, หัวตาราง
    ``header_rows`` แถว (เช่น แถวบน "จำนวนผู้บาดเจ็บ" คลุมหลายคอลัมน์ แถวล่าง "ชาย", "หญิง")
    ซึ่งจะถูกรวมเป็นชื่อเดียวต่อคอลัมน์ เช่น ``"จำนวนผู้บาดเจ็บ ชาย"`` (เชื่อมด้วย ``sep``)
    เซลล์ที่ผสาน (merge) ถูกเติมให้ทุกคอลัมน์ที่คลุม แถวหมายเหตุท้ายตาราง (``notes_rows="auto"``:
    แถวท้าย ๆ ที่มีข้อความเซลล์เดียวและขึ้นต้นด้วย "หมายเหตุ" "ที่มา" "*" ฯลฯ ดู ``_NOTE_WORDS``)
    ถูกตัดออก หรือกำหนดจำนวนแถวเป็นตัวเลข (0 = ไม่ตัด) แถวและคอลัมน์ที่ว่างทั้งหมดถูกตัดออก
    แถว "รวม" ยังอยู่ ให้ตัดสินใจเอง อาร์กิวเมนต์อื่นส่งต่อให้ ``pandas.read_excel``

    >>> import tempfile, openpyxl
    >>> wb = openpyxl.Workbook(); ws = wb.active
    >>> ws.append(["รายงานผู้บาดเจ็บ ปีใหม่ 2567"])
    >>> ws.append(["จังหวัด", "ผู้บาดเจ็บ", None]); ws.merge_cells("B2:C2"); ws.merge_cells("A2:A3")
    >>> ws.append([None, "ชาย", "หญิง"])
    >>> ws.append(["น่าน", 10, 5])
    >>> ws.append(["ที่มา: ข้อมูลจำลอง"])
    >>> path = tempfile.mkdtemp() + "/report.xlsx"; wb.save(path)
    >>> df = read_excel_th(path)
    อ่านไฟล์ report.xlsx ชีตที่ 1: ข้ามชื่อเรื่อง 1 แถว, รวมหัวตาราง 2 แถวเป็นชื่อคอลัมน์, ตัดหมายเหตุท้ายตาราง 1 แถว, ได้ 1 แถว × 3 คอลัมน์
    >>> df.columns.tolist()
    ['จังหวัด', 'ผู้บาดเจ็บ ชาย', 'ผู้บาดเจ็บ หญิง']
    """
    for bad in ("header", "skiprows", "names"):
        if bad in kwargs:
            raise TypeError(f"read_excel_th กำหนด {bad} เอง ใช้ title_rows / header_rows แทน")
    raw = pd.read_excel(path, sheet_name=sheet_name, header=None, **kwargs)
    raw = raw.dropna(axis=1, how="all")
    keep_cols = list(raw.columns)
    block = None
    if header_rows:
        filled = _merged_fill(path, sheet_name, title_rows, header_rows, max(keep_cols) + 1 if keep_cols else 0)
        if filled is not None:
            block = filled[keep_cols]
        else:
            block = raw.iloc[title_rows:title_rows + header_rows].copy()
            block.iloc[:-1] = block.iloc[:-1].ffill(axis=1)  # merged parents show in one cell only
    body = raw.iloc[title_rows + header_rows:].dropna(how="all")
    body.columns = _header_names(block, sep) if block is not None else [f"คอลัมน์_{i + 1}" for i in range(raw.shape[1])]
    dropped = 0
    if notes_rows == "auto":
        while len(body):
            last = body.iloc[-1].dropna()
            text = str(last.iloc[0]).strip() if len(last) else ""
            # only rows that say they are notes: a data row with one filled cell must stay
            if len(last) == 1 and isinstance(last.iloc[0], str) and text.lower().startswith(_NOTE_WORDS):
                body = body.iloc[:-1]
                dropped += 1
            else:
                break
    elif notes_rows:
        dropped = int(notes_rows)
        body = body.iloc[:-dropped]
    body = body.reset_index(drop=True).infer_objects()
    if verbose:
        where = f"ชีตที่ {sheet_name + 1}" if isinstance(sheet_name, int) else f"ชีต {sheet_name}"
        name = Path(path).name if isinstance(path, (str, os.PathLike)) else "ที่ให้มา"
        print(f"อ่านไฟล์ {name} {where}: ข้ามชื่อเรื่อง {title_rows} แถว, รวมหัวตาราง {header_rows} แถวเป็นชื่อคอลัมน์, "
              f"ตัดหมายเหตุท้ายตาราง {dropped} แถว, ได้ {len(body):,} แถว × {body.shape[1]} คอลัมน์")
    return body
