"""helpers.clean.detect_encoding, read_csv_th, read_excel_th (files made in a temporary folder)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from helpers import clean

CSV = "ชื่อเทศกาล,จังหวัด,อายุ\nปีใหม่ 51,เชียงใหม่,23\nปีใหม่ 51,กรุงเทพมหานคร,ไม่ทราบ\n"


@pytest.mark.parametrize("codec, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("tis_620", "cp874"),
    ("iso8859_11", "cp874"),
])
def test_detect_and_read(tmp_path, capsys, codec, expected):
    path = tmp_path / f"data_{codec}.csv"
    path.write_bytes(CSV.encode(codec))
    assert clean.detect_encoding(path) == expected
    assert clean.detect_encoding(str(path)) == expected
    df = clean.read_csv_th(path)
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and expected in out and path.name in out and "encoding" in out
    assert list(df.columns) == ["ชื่อเทศกาล", "จังหวัด", "อายุ"]
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "กรุงเทพมหานคร"]


def test_cp874_only_characters(tmp_path):
    text = "รายการ,หมายเหตุ\nทดสอบ–ภาษาไทย,ราคา…\n"   # – and … exist in cp874, not in tis_620
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode("cp874"))
    assert clean.detect_encoding(path) == "cp874"
    assert clean.read_csv_th(path, verbose=False).iloc[0, 0] == "ทดสอบ–ภาษาไทย"


@pytest.mark.parametrize("text", ["สวัสดี", "ก", "จังหวัด,ปี\n", "ปี,จำนวน\n2567,12\n"])
def test_short_thai_samples(text):
    assert clean.detect_encoding(text.encode("cp874")) == "cp874"
    assert clean.detect_encoding(text.encode("utf-8")) == "utf-8"


def test_ascii_and_empty_are_utf8(tmp_path):
    assert clean.detect_encoding(b"a,b\n1,2\n") == "utf-8"
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert clean.detect_encoding(empty) == "utf-8"


def test_large_utf8_file_cut_inside_a_character(tmp_path):
    # the 1 MB sample ends in the middle of a 3-byte Thai character: still UTF-8
    path = tmp_path / "big.csv"
    path.write_bytes(("ก" * 400_000 + "\n").encode("utf-8"))
    assert clean.detect_encoding(path) == "utf-8"


def test_kwargs_go_to_pandas_and_explicit_encoding_is_used(tmp_path, capsys):
    path = tmp_path / "semi.csv"
    path.write_bytes("รหัส;ชื่อ\n010;น่าน\n".encode("cp874"))
    df = clean.read_csv_th(path, sep=";", dtype={"รหัส": str})
    assert df.loc[0, "รหัส"] == "010" and df.loc[0, "ชื่อ"] == "น่าน"
    capsys.readouterr()
    df = clean.read_csv_th(path, sep=";", encoding="cp874")
    assert "ตามที่กำหนด" in capsys.readouterr().out and df.shape == (1, 2)


def test_verbose_false_prints_nothing(tmp_path, capsys):
    path = tmp_path / "q.csv"
    path.write_text(CSV, encoding="utf-8")
    clean.read_csv_th(path, verbose=False)
    assert capsys.readouterr().out == ""


def test_file_like_object(capsys):
    df = clean.read_csv_th(io.BytesIO(CSV.encode("cp874")))
    assert "cp874" in capsys.readouterr().out and df.shape == (2, 3)


# ------------------------------------------------------------------------------------- Excel
def _agency_workbook(path, notes=True, extra_row=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "สรุป"
    ws.append(["รายงานจำนวนผู้บาดเจ็บ ช่วงปีใหม่ 2567"])
    ws.merge_cells("A1:F1")
    ws.append(["จังหวัด", "ผู้บาดเจ็บ (คน)", None, None, None, "หมายเหตุ"])
    ws.append([None, "ชาย", "หญิง", "รวม", None, None])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:D2")
    ws.merge_cells("F2:F3")
    ws.append(["เชียงใหม่", 10, 5, 15, None, None])
    ws.append(["กทม.", "1,200", 300, 1500, None, "รวมทุกเขต"])
    if extra_row:
        ws.append(extra_row)
    if notes:
        ws.append([None])
        ws.append(["หมายเหตุ: ข้อมูลเบื้องต้น"])
        ws.append(["ที่มา: ข้อมูลจำลองสำหรับฝึก"])
    wb.save(path)
    return path


def test_read_excel_joins_two_header_rows_and_drops_notes(tmp_path, capsys):
    path = _agency_workbook(tmp_path / "r.xlsx")
    df = clean.read_excel_th(path)
    assert df.columns.tolist() == ["จังหวัด", "ผู้บาดเจ็บ (คน) ชาย", "ผู้บาดเจ็บ (คน) หญิง",
                                   "ผู้บาดเจ็บ (คน) รวม", "หมายเหตุ"]
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "กทม."]
    assert df["ผู้บาดเจ็บ (คน) รวม"].tolist() == [15, 1500]
    out = capsys.readouterr().out
    assert "ตัดหมายเหตุท้ายตาราง 2 แถว" in out and out.count("\n") == 1


def test_read_excel_options(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx")
    kept = clean.read_excel_th(path, notes_rows=0, verbose=False)
    assert kept["จังหวัด"].tolist()[-1].startswith("ที่มา")
    two = clean.read_excel_th(path, notes_rows=2, verbose=False)
    assert len(two) == 2
    joined = clean.read_excel_th(path, sheet_name="สรุป", sep=" / ", verbose=False)
    assert "ผู้บาดเจ็บ (คน) / ชาย" in joined.columns


def test_read_excel_keeps_a_data_row_with_one_filled_cell(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx", notes=False, extra_row=["บึงกาฬ"])
    df = clean.read_excel_th(path, verbose=False)
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "กทม.", "บึงกาฬ"]


def test_read_excel_refuses_header_kwargs(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx")
    with pytest.raises(TypeError):
        clean.read_excel_th(path, header=0)


def test_read_excel_duplicate_and_empty_header_names(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["ชื่อเรื่อง"])
    ws.append(["ปี", "ปี", None])
    ws.append([2566, 2567, 1])
    path = tmp_path / "d.xlsx"
    wb.save(path)
    df = clean.read_excel_th(path, header_rows=1, verbose=False)
    assert df.columns.tolist() == ["ปี", "ปี_2", "คอลัมน์_3"]
    assert df.iloc[0].tolist() == [2566, 2567, 1]


def test_thai_bytes_after_a_long_ascii_start(tmp_path, capsys):
    # the first megabyte is plain ASCII (looks like UTF-8); Thai cp874 text comes later
    lines = ["id,name"] + [f"{i},x" for i in range(200_000)] + ["200000,เชียงใหม่"]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp874"))
    assert path.stat().st_size > 1 << 20
    df = clean.read_csv_th(path)
    assert df["name"].iloc[-1] == "เชียงใหม่" and "cp874" in capsys.readouterr().out


def test_undecodable_file_still_raises(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 300_000 + b"\xff\xfe\xfa\n")
    with pytest.raises(UnicodeDecodeError):
        clean.read_csv_th(path, verbose=False)
