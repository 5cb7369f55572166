"""helpers.clean.detect_encoding, read_csv_th, read_excel_th (files made in a temporary folder)."""

from __future__ import annotations

import gzip
import io
import json
import re
import string
import warnings
import zipfile
from pathlib import Path

import hypothesis.strategies as st
import openpyxl
import pandas as pd
import pytest
from hypothesis import given

from helpers import clean, data, paths
from helpers.clean import encoding, files
from helpers.clean.files import FileProblem

FIXTURES = Path(__file__).parent / "clean_encoding_fixtures"


def _hinted_call(message: str) -> str:
    """The ``clean.read_...(...)`` / ``df[...]`` code a Thai message tells the learner to run."""
    m = re.search(r"(clean\.read_\w+\(.*?\)|df\[df\.astype.*\)\])(?=\s|$)", message)
    assert m, message
    return m.group(1)


CSV = "ชื่อเทศกาล,จังหวัด,อายุ\nปีใหม่ 51,เชียงใหม่,23\nปีใหม่ 51,กรุงเทพมหานคร,ไม่ทราบ\n"


@pytest.mark.parametrize(
    "codec, expected",
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp874", "cp874"),
        ("tis_620", "cp874"),
        ("iso8859_11", "cp874"),
    ],
)
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
    text = "รายการ,หมายเหตุ\nทดสอบ–ภาษาไทย,ราคา…\n"  # – and … exist in cp874, not in tis_620
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
    assert df.columns.tolist() == [
        "จังหวัด",
        "ผู้บาดเจ็บ (คน) ชาย",
        "ผู้บาดเจ็บ (คน) หญิง",
        "ผู้บาดเจ็บ (คน) รวม",
        "หมายเหตุ",
    ]
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


def test_a_few_stray_bytes_in_an_ascii_file_are_replaced_and_counted(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 300_000 + b"\xff\xfe\xfa,3\n")
    with pytest.warns(encoding.ReplacedBytesWarning, match="ไม่ได้ 3 จุด"):
        df = clean.read_csv_th(path, verbose=False, dtype=str)
    assert df["a"].iloc[-1] == "\ufffd\ufffd\ufffd" and df["b"].iloc[-1] == "3" and len(df) == 300_001


# ----------------------------------------------------------------- large files, sample, streaming
def _late_thai_file(path, size_mb=6, thai_from_mb=2.0, thai_to_mb=4.0):
    """ASCII rows, then cp874 Thai rows between the given offsets, then ASCII rows again."""
    ascii_row, thai_row = "1,abc,2567\n", "2,เชียงใหม่,2567\n".encode("cp874")
    with open(path, "wb") as f:
        f.write(b"id,name,year\n")
        while f.tell() < thai_from_mb * 2**20:
            f.write(ascii_row.encode() * 1000)
        while f.tell() < thai_to_mb * 2**20:
            f.write(thai_row * 1000)
        while f.tell() < size_mb * 2**20:
            f.write(ascii_row.encode() * 1000)
    return path


def test_thai_after_the_first_megabyte_is_found_from_a_bounded_sample(tmp_path, monkeypatch, capsys):
    path = _late_thai_file(tmp_path / "late.csv")
    blocks = files.TableSource("x", "text", path=path, size=path.stat().st_size).sample_blocks()
    assert sum(map(len, blocks)) <= 3 * 2**20 and path.read_bytes()[: 2**20].isascii()
    assert clean.detect_encoding(path) == "cp874"
    seen = []
    real = pd.read_csv
    monkeypatch.setattr(
        pd, "read_csv", lambda src, **kw: seen.append((src, kw["encoding"])) or real(src, **kw)
    )
    df = clean.read_csv_th(path)
    assert seen == [(path, "cp874")]  # pandas streamed the file itself, once, with the right encoding
    assert "cp874" in capsys.readouterr().out
    assert (df["name"] == "เชียงใหม่").sum() > 100_000 and set(df["name"]) == {"abc", "เชียงใหม่"}


def test_thai_only_between_sampled_blocks_is_found_after_reading(tmp_path, capsys):
    # 10 MB; the Thai rows sit after the first middle block, where no sample block looks
    size = 10 * 2**20
    span = size - files._HEAD - files._BLOCK
    first_block_end = files._HEAD + span // (files._MIDDLE_BLOCKS + 1) + files._BLOCK
    start = (first_block_end + 100_000) / 2**20
    path = _late_thai_file(tmp_path / "hidden.csv", size_mb=10, thai_from_mb=start, thai_to_mb=start + 0.05)
    assert clean.detect_encoding(path) == "utf-8"  # the sample alone cannot know
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no replaced bytes left
        df = clean.read_csv_th(path)
    assert "cp874" in capsys.readouterr().out and "เชียงใหม่" in set(df["name"])


# --------------------------------------------------------------------------------- UTF-16 / BOM
@pytest.mark.parametrize(
    "codec, expected",
    [
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-16", "utf-16"),
        ("utf-8-sig", "utf-8-sig"),
    ],
)
def test_utf16_with_and_without_bom_and_utf8_bom(tmp_path, capsys, codec, expected):
    path = tmp_path / "u.csv"
    path.write_bytes(CSV.replace("\n", "\r\n").encode(codec))
    assert clean.detect_encoding(path) == expected
    df = clean.read_csv_th(path)
    assert expected in capsys.readouterr().out
    assert list(df.columns) == ["ชื่อเทศกาล", "จังหวัด", "อายุ"]
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "กรุงเทพมหานคร"]


def test_pure_thai_utf16_without_ascii(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("จังหวัด\nเชียงใหม่\nน่าน\n".encode("utf-16-le"))
    assert clean.read_csv_th(path, verbose=False)["จังหวัด"].tolist() == ["เชียงใหม่", "น่าน"]


# ------------------------------------------------------------------------------ replaced bytes
def _utf8_with_bad_bytes(path, bad=b"\xff\xfe"):
    rows = [f"{i},จังหวัดเชียงใหม่ อำเภอเมือง".encode() for i in range(2000)]
    rows[700] = b"700,\xe0\xb8\x99\xe0\xb9" + bad + "น".encode()  # a cut character and two bad bytes
    path.write_bytes(b"id,place\n" + b"\n".join(rows) + b"\n")
    return path


def test_a_few_invalid_bytes_are_counted_and_the_hint_finds_the_row(tmp_path):
    path = _utf8_with_bad_bytes(tmp_path / "b.csv")
    with pytest.warns(encoding.ReplacedBytesWarning) as caught:
        df = clean.read_csv_th(path, verbose=False)
    message = str(caught[0].message)
    assert "utf-8" in message and "ไม่ได้ 3 จุด" in message  # U+0E19 cut (1) + 0xFF + 0xFE
    rows = eval(_hinted_call(message), {"df": df})  # exactly what the message says to run
    assert rows["id"].tolist() == [700] and rows["place"].iloc[0].count("\ufffd") == 3
    assert df.loc[1, "place"] == "จังหวัดเชียงใหม่ อำเภอเมือง"


def test_replaced_bytes_counted_in_categorical_columns(tmp_path):
    path = tmp_path / "c.csv"
    body = "".join(f"{i},เชียงใหม่\n" for i in range(500)).encode() + b"9,\xff\n" * 4
    path.write_bytes(b"id,name\n" + body)
    with pytest.warns(encoding.ReplacedBytesWarning, match="ไม่ได้ 4 จุด"):
        df = clean.read_csv_th(path, verbose=False, dtype={"name": "category"})
    assert isinstance(df["name"].dtype, pd.CategoricalDtype)
    assert (df["name"] == "\ufffd").sum() == 4
    assert encoding._count_replacement_chars(df) == 4


def test_a_cp874_file_with_a_few_undefined_bytes(tmp_path):
    text = "".join(f"{i},จังหวัดเชียงใหม่,อำเภอเมือง\n" for i in range(3000)).encode("cp874")
    path = tmp_path / "cp.csv"
    path.write_bytes("id,a,b\n".encode("cp874") + text + b"3000,\xfc\xfd,x\n")  # 0xFC/0xFD undefined in cp874
    with pytest.warns(encoding.ReplacedBytesWarning, match="cp874 ไม่ได้ 2 จุด"):
        df = clean.read_csv_th(path, verbose=False)
    assert df["a"].iloc[0] == "จังหวัดเชียงใหม่" and df["a"].iloc[-1] == "\ufffd\ufffd"


def test_mixed_encodings_refuse_and_the_hint_works(tmp_path):
    # half UTF-8 Thai, half cp874 Thai: no single encoding fits
    a = "".join(f"{i},เชียงใหม่\n" for i in range(3000)).encode("utf-8")
    b = "".join(f"{i},น่าน\n" for i in range(3000)).encode("cp874")
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,name\n" + a + b)
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, verbose=False)
    assert err.value.kind == "encoding" and "encoding" in str(err.value)
    call = _hinted_call(str(err.value))
    assert "encoding_errors" in call
    df = eval(call, {"clean": clean})
    assert df["name"].iloc[0] == "เชียงใหม่" and len(df) == 6000


def test_too_many_invalid_bytes_refuses_and_the_hint_works(tmp_path):
    # the sample (head, middle, end) is UTF-8 Thai; a long cp874 part sits between sampled blocks
    utf8_row, cp_row = "1,เชียงใหม่\n".encode(), "2,น่าน\n".encode("cp874")
    size = 12 * 2**20
    span = size - files._HEAD - files._BLOCK
    first_block_end = files._HEAD + span // (files._MIDDLE_BLOCKS + 1) + files._BLOCK
    path = tmp_path / "many.csv"
    with open(path, "wb") as f:
        f.write(b"id,name\n")
        while f.tell() < first_block_end + 10_000:
            f.write(utf8_row * 100)
        f.write(cp_row * 60_000)
        while f.tell() < size:
            f.write(utf8_row * 100)
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, verbose=False)
    assert (
        err.value.kind == "encoding" and "มากเกินกว่า" in str(err.value) and "60,000 จุด" not in str(err.value)
    )
    call = _hinted_call(str(err.value))
    assert "encoding='utf-8'" in call and "encoding_errors" in call
    df = eval(call, {"clean": clean})
    assert df["name"].iloc[0] == "เชียงใหม่" and df["name"].str.contains("\ufffd").sum() == 60_000


def test_undetectable_bytes_refuse_and_the_hint_works(tmp_path):
    noise = bytes((i * 151 + 7) % 128 + 128 for i in range(6000))  # high bytes, no language
    path = tmp_path / "noise.csv"
    path.write_bytes(b"a,b\n1," + noise + b"\n")
    with pytest.raises(ValueError, match="ตรวจการเข้ารหัสอักขระ"):
        clean.detect_encoding(path)
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path)
    assert err.value.kind == "encoding"
    df = eval(_hinted_call(str(err.value)), {"clean": clean})
    assert df["a"].tolist() == [1] and "\ufffd" in df["b"].iloc[0]


def test_a_wrong_given_encoding_refuses_and_the_hint_works(tmp_path):
    path = tmp_path / "given.csv"
    path.write_bytes("".join(f"{i},เชียงใหม่\n" for i in range(300)).encode("cp874"))
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, encoding="utf-8", header=None, verbose=False)
    call = _hinted_call(str(err.value))
    assert call == f"clean.read_csv_th({str(path)!r})"
    assert eval(call, {"clean": clean}).columns[1] == "เชียงใหม่"


# ------------------------------------------------------------------------------ chunks, iterator
def test_chunksize_and_iterator_return_pandas_reader_with_detected_encoding(tmp_path, capsys):
    path = tmp_path / "chunks.csv"
    path.write_bytes(("id,name\n" + "".join(f"{i},เชียงใหม่\n" for i in range(1000))).encode("cp874"))
    with clean.read_csv_th(path, chunksize=300) as reader:
        assert isinstance(reader, pd.io.parsers.TextFileReader)
        chunks = list(reader)
    assert "cp874" in capsys.readouterr().out
    assert [len(c) for c in chunks] == [300, 300, 300, 100]
    whole = clean.read_csv_th(path, verbose=False)
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)
    with clean.read_csv_th(path, iterator=True, verbose=False) as reader:
        pd.testing.assert_frame_equal(reader.get_chunk(10), whole.head(10))


# ------------------------------------------------------------------------ compressed and archives
def test_csv_gz_and_truncated_gz(tmp_path, capsys):
    data = ("id,name\n" + "".join(f"{i},เชียงใหม่\n" for i in range(50_000))).encode("cp874")
    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress(data))
    df = clean.read_csv_th(path)
    assert "cp874" in capsys.readouterr().out and df.shape == (50_000, 2) and df["name"].iloc[-1] == "เชียงใหม่"
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(cut, verbose=False)
    assert err.value.kind == "damaged" and "ไม่ครบ" in str(err.value)


def _zip(path, members: dict):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_with_one_csv_and_with_several(tmp_path, capsys):
    one = _zip(tmp_path / "one.zip", {"data/รายงาน.csv": CSV.encode("cp874"), "readme.pdf": b"%PDF-1.4"})
    df = clean.read_csv_th(one)
    out = capsys.readouterr().out
    assert "รายงาน.csv (ใน one.zip)" in out and "cp874" in out and df.shape == (2, 3)
    many = _zip(tmp_path / "many.zip", {"a.csv": CSV.encode("utf-8"), "b.csv": CSV.encode("cp874")})
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(many)
    message = str(err.value)
    assert "a.csv" in message and "b.csv" in message and "member=" in message
    df = eval(_hinted_call(message), {"clean": clean})
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "กรุงเทพมหานคร"]
    df_b = clean.read_csv_th(many, member="b.csv", verbose=False)
    pd.testing.assert_frame_equal(df, df_b)
    with pytest.raises(FileProblem, match="ไม่พบไฟล์ 'c.csv'"):
        clean.read_csv_th(many, member="c.csv")


def test_zip_with_an_excel_file_and_the_hints_between_readers(tmp_path):
    xlsx = _agency_workbook(tmp_path / "r.xlsx")
    z = _zip(tmp_path / "x.zip", {"r.xlsx": xlsx.read_bytes()})
    df = clean.read_excel_th(z, verbose=False)
    pd.testing.assert_frame_equal(df, clean.read_excel_th(xlsx, verbose=False))
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(z)
    pd.testing.assert_frame_equal(eval(_hinted_call(str(err.value)), {"clean": clean}).assign(), df)
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(xlsx)
    assert err.value.kind == "excel"
    pd.testing.assert_frame_equal(eval(_hinted_call(str(err.value)), {"clean": clean}), df)
    csv = tmp_path / "t.csv"
    csv.write_text(CSV, encoding="utf-8")
    with pytest.raises(FileProblem) as err:
        clean.read_excel_th(csv)
    assert eval(_hinted_call(str(err.value)), {"clean": clean}).shape == (2, 3)


# --------------------------------------------------------------------------- not data, damaged
PORTAL_ERROR_PAGE = (
    b'<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8">'
    b"<title>Request Rejected</title></head><body>The requested URL was rejected.</body></html>"
)


@pytest.mark.parametrize("suffix, reader", [(".csv", clean.read_csv_th), (".xlsx", clean.read_excel_th)])
@pytest.mark.parametrize(
    "page",
    [
        PORTAL_ERROR_PAGE,
        b"\r\n  <html><body>login</body></html>",
        b"\xef\xbb\xbf" + PORTAL_ERROR_PAGE,
        PORTAL_ERROR_PAGE.decode().encode("utf-16"),
    ],
)
def test_web_page_saved_as_data(tmp_path, suffix, reader, page):
    path = tmp_path / f"page{suffix}"
    path.write_bytes(page)
    with pytest.raises(FileProblem) as err:
        reader(path)
    message = str(err.value)
    assert err.value.kind == "html" and "หน้าเว็บ (HTML)" in message and "เบราว์เซอร์" in message
    assert "ดาวน์โหลด" in message and "เข้าสู่ระบบ" in message and path.name in message
    assert ("“Request Rejected”" in message) == (b"Request" in page.replace(b"\x00", b""))


def test_json_saved_as_csv_and_the_hint_works(tmp_path):
    path = tmp_path / "api.csv"
    payload = {"success": True, "result": {"name": "pm25", "resources": []}}
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path)
    assert err.value.kind == "json"
    code = re.search(r"json\.load\(open\(.*?\)\)", str(err.value)).group(0)
    assert eval(code, {"json": json}) == payload


@pytest.mark.parametrize(
    "content", [b"", b"   \r\n\r\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n", " \n".encode("utf-16")]
)
@pytest.mark.parametrize("reader", [clean.read_csv_th, clean.read_excel_th])
def test_empty_and_blank_files(tmp_path, content, reader):
    path = tmp_path / "e.csv"
    path.write_bytes(content)
    with pytest.raises(FileProblem) as err:
        reader(path)
    assert err.value.kind == "empty" and "ไม่มีข้อมูล" in str(err.value)


def test_csv_cut_inside_a_quoted_field(tmp_path):
    full = 'id,note\n1,"ok"\n2,"ข้อความยาว, มีจุลภาค'
    path = tmp_path / "cut.csv"
    path.write_bytes(full.encode("utf-8"))
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path)
    assert err.value.kind == "truncated" and "ไม่ครบ" in str(err.value) and "แถวที่" in str(err.value)


def test_truncated_xlsx_is_damaged(tmp_path):
    good = _agency_workbook(tmp_path / "r.xlsx").read_bytes()
    for cut in (len(good) // 2, len(good) - 30):
        path = tmp_path / "cut.xlsx"
        path.write_bytes(good[:cut])
        with pytest.raises(FileProblem) as err:
            clean.read_excel_th(path)
        assert err.value.kind == "damaged" and "ดาวน์โหลดมาไม่ครบ" in str(err.value)


# ------------------------------------------------------------------------------------ Excel more
def test_xls_with_merged_headers_and_all_sheets():
    path = FIXTURES / "report.xls"
    df = clean.read_excel_th(path, verbose=False)
    assert df.columns.tolist() == ["จังหวัด", "ผู้บาดเจ็บ (คน) ชาย", "ผู้บาดเจ็บ (คน) หญิง", "ผู้บาดเจ็บ (คน) รวม"]
    assert df["จังหวัด"].tolist() == ["เชียงใหม่", "น่าน"] and df["ผู้บาดเจ็บ (คน) หญิง"].tolist() == [5, 2.5]
    sheets = clean.read_excel_th(path, sheet_name=None, header_rows=1, verbose=False)
    assert list(sheets) == ["สรุป", "อื่น"] and sheets["อื่น"]["ปี"].tolist() == [2567]
    chosen = clean.read_excel_th(path, sheet_name=[1, "สรุป"], header_rows=1, verbose=False)
    assert list(chosen) == [1, "สรุป"]
    pd.testing.assert_frame_equal(chosen[1], sheets["อื่น"])


def test_sheet_name_none_prints_one_line_per_sheet(tmp_path, capsys):
    path = _agency_workbook(tmp_path / "r.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("ว่าง").append(["ชื่อ"])
    wb.save(path)
    out = clean.read_excel_th(path, sheet_name=None)
    assert isinstance(out, dict) and list(out) == ["สรุป", "ว่าง"]
    printed = capsys.readouterr().out
    assert printed.count("\n") == 2 and "ชีต สรุป" in printed and "ชีต ว่าง" in printed


def test_missing_sheet_gives_the_sheet_names_and_a_working_hint(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx")
    with pytest.raises(FileProblem) as err:
        clean.read_excel_th(path, sheet_name="ไม่มี")
    assert "'สรุป'" in str(err.value)
    assert eval(_hinted_call(str(err.value)), {"clean": clean}).shape == (2, 5)
    with pytest.raises(FileProblem):
        clean.read_excel_th(path, sheet_name=3)


def test_read_excel_from_a_file_object_and_from_gzip(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx")
    want = clean.read_excel_th(path, verbose=False)
    pd.testing.assert_frame_equal(clean.read_excel_th(io.BytesIO(path.read_bytes()), verbose=False), want)
    gz = tmp_path / "r.xlsx.gz"
    gz.write_bytes(gzip.compress(path.read_bytes()))
    pd.testing.assert_frame_equal(clean.read_excel_th(gz, verbose=False), want)


def test_read_excel_reads_the_workbook_once(tmp_path, monkeypatch):
    path = _agency_workbook(tmp_path / "r.xlsx")

    def forbidden(*a, **k):
        raise AssertionError("a second reader opened the workbook")

    monkeypatch.setattr(pd, "read_excel", forbidden)
    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    assert clean.read_excel_th(path, verbose=False).shape == (2, 5)


def test_read_excel_passes_pandas_options_and_categories(tmp_path):
    path = _agency_workbook(tmp_path / "r.xlsx")
    df = clean.read_excel_th(path, verbose=False, na_values=["กทม."], dtype={0: "category"})
    assert df["จังหวัด"].isna().tolist() == [False, True]
    assert isinstance(df["จังหวัด"].dtype, pd.CategoricalDtype)


# -------------------------------------------------- bundled real files read exactly as the snapshot
def _make_fixtures():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bundled_files_read_exactly_as_the_snapshot():
    # before.json: how the readers read these real files when it was taken (see make_fixtures.py)
    mf = _make_fixtures()
    before = json.loads((FIXTURES / "before.json").read_text(encoding="utf-8"))
    assert set(before) == set(mf.CALLS)
    for label, (rel, kwargs) in mf.CALLS.items():
        reader = clean.read_excel_th if label.startswith("xlsx") else clean.read_csv_th
        got = mf.snapshot(reader(paths.data_dir() / rel, verbose=False, **kwargs))
        want = {k: before[label][k] for k in got}
        assert got == want, label
    # the cp874 copy holds the same characters as the UTF-8 file, so it reads to the same table
    niems = "csv:real/injuries/niems_newyear_2551_sample"
    assert before[f"{niems}_cp874.csv"] == before[f"{niems}.csv"]


_CSV_RESOURCES = [r for r in data.package()["resources"] if r.get("format") == "csv"]


@pytest.mark.parametrize("res", _CSV_RESOURCES, ids=[r["name"] for r in _CSV_RESOURCES])
def test_bundled_csv_equals_plain_pandas_with_the_declared_encoding(res):
    # every bundled CSV (UTF-8, UTF-8 with a byte-order mark, the cp874 copy): read_csv_th finds the
    # encoding the data package declares and adds nothing pandas would not read
    path = paths.data_dir() / res["path"]
    assert clean.detect_encoding(path) == res["encoding"]
    pd.testing.assert_frame_equal(
        clean.read_csv_th(path, verbose=False), pd.read_csv(path, encoding=res["encoding"])
    )


def test_bundled_cp874_csv_is_not_utf8_and_reads_like_its_utf8_twin():
    path = data.path("niems-newyear-2551-cp874")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    got = clean.read_csv_th(path, verbose=False)
    pd.testing.assert_frame_equal(got, pd.read_csv(path, encoding="cp874"))
    pd.testing.assert_frame_equal(got, clean.read_csv_th(data.path("niems-newyear-2551"), verbose=False))


# --------------------------------------------------------------------------------- properties
_CONSONANTS = "กขคงจฉชซญดตถทนบปผพฟภมยรลวศษสหอฮ"
_SYLLABLE = st.builds(
    lambda lead, c, v, t: lead + c + v + t,
    st.sampled_from(["", "เ", "แ", "โ", "ไ"]),
    st.sampled_from(_CONSONANTS),
    st.sampled_from(["", "ั", "ิ", "ี", "ุ", "ู", "า", "ำ"]),
    st.sampled_from(["", "่", "้", "๊", "๋"]),
)
_ASCII_BIT = st.text(string.ascii_letters + string.digits + ' .,-"', min_size=1, max_size=4)
_CELL = st.lists(st.one_of(_SYLLABLE, _ASCII_BIT), min_size=1, max_size=6).map("".join)
_FRAMES = st.integers(1, 12).flatmap(lambda n: st.lists(st.tuples(_CELL, _CELL), min_size=n, max_size=n))


@given(rows=_FRAMES, codec=st.sampled_from(["utf-8", "utf-8-sig", "cp874", "utf-16", "utf-16-le"]))
def test_round_trip_of_random_thai_and_ascii_text(tmp_path_factory, rows, codec):
    df = pd.DataFrame(rows, columns=["ชื่อ", "note"])
    df.insert(0, "id", range(len(df)))
    path = tmp_path_factory.mktemp("rt") / "t.csv"
    df.to_csv(path, index=False, encoding=codec)
    back = clean.read_csv_th(path, verbose=False, dtype={"ชื่อ": str, "note": str}, keep_default_na=False)
    pd.testing.assert_frame_equal(back, df, check_dtype=False)
    assert back["ชื่อ"].tolist() == df["ชื่อ"].tolist()
