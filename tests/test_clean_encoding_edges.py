"""helpers.clean.encoding: boundaries, exact learner messages and the less common paths of the readers.

Every file is made in pytest's temporary folder; a few private helpers (the Thai test, the counter of
replaced characters, the bad-region finder) are checked directly because their thresholds decide
which encoding a learner's file is read with.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import warnings

import numpy as np
import openpyxl
import pandas as pd
import pytest

from helpers import clean
from helpers.clean import encoding, files
from helpers.clean.files import FileProblem

THAI_ROW = "จังหวัดเชียงใหม่ อำเภอเมือง"


def _utf8_thai_file(path, bad_rows: int, size: int | None = None):
    """A UTF-8 Thai CSV whose first ``bad_rows`` data rows hold one byte 0xFF; padded to ``size`` bytes."""
    rows = [f"{i},{THAI_ROW}".encode() for i in range(300)]
    for i in range(bad_rows):
        rows[10 + i] = f"{10 + i},".encode() + b"\xff" + THAI_ROW.encode()
    body = b"id,place\n" + b"\n".join(rows) + b"\n"
    if size is not None:
        pad = size - len(body) - len("999,\n")
        assert pad > 0
        body += b"999," + b"x" * pad + b"\n"
        assert len(body) == size
    path.write_bytes(body)
    return path


# ------------------------------------------------------------------------------ detect_encoding
def test_detect_encoding_of_gzip_file(tmp_path):
    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress("ปี,จังหวัด\n2567,น่าน\n".encode("cp874")))
    assert clean.detect_encoding(path) == "cp874"
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(path.read_bytes()[:-12])
    with pytest.raises(FileProblem) as err:
        clean.detect_encoding(cut)
    assert str(err.value) == files.damaged("cut.csv.gz", " (EOFError)").message


def test_detect_encoding_refusal_message_is_exact():
    noise = bytes((i * 151 + 7) % 128 + 128 for i in range(6000))
    with pytest.raises(ValueError) as err:
        clean.detect_encoding(b"a,b\n1," + noise + b"\n")
    assert str(err.value) == (
        "ตรวจการเข้ารหัสอักขระ (encoding) ของไฟล์ไม่ได้ ไบต์ในไฟล์ไม่ตรงกับการเข้ารหัสอักขระที่รู้จัก "
        "ตรวจว่าเป็นไฟล์ข้อความจริงหรือไม่"
    )


def test_read_csv_undetectable_message_start(tmp_path):
    noise = bytes((i * 151 + 7) % 128 + 128 for i in range(6000))
    path = tmp_path / "noise.csv"
    path.write_bytes(b"a,b\n1," + noise + b"\n")
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path)
    assert str(err.value).startswith(
        "ตรวจการเข้ารหัสอักขระ (encoding) ของไฟล์ noise.csv ไม่ได้ ไบต์ในไฟล์ไม่ตรงกับการเข้ารหัสอักขระที่รู้จัก "
        "ถ้ารู้การเข้ารหัสอักขระของไฟล์ ให้กำหนดเอง"
    )


# ------------------------------------------------------------------------------- the Thai test
@pytest.mark.parametrize(
    "text, thai",
    [
        ("กา" * 450 + "\u00a0" * 100, True),  # exactly 90 % Thai letters among the non-ASCII characters
        ("กา" * 449 + "ก" + "\u00a0" * 101, False),
        ("กา" * 450 + "\u00a0" * 100 + "\x7f" * 50, True),  # ASCII (DEL included) is not counted
        ("กา" * 25 + "“”…–" * 200, True),  # cp874 punctuation is neutral
        ("\u00a0" * 10, False),  # no Thai letter at all
        ("", False),
        ("กั" * 100, True),
        ("ั" + "ก" * 10, False),  # a mark at the very start dangles
        ("กา" * 45 + "ก" * 5 + "ั" * 5, True),  # a mark after a mark is attached, not dangling
    ],
    ids=range(9),
)
def test_looks_thai_thresholds(text, thai):
    assert encoding._looks_thai(text.encode("cp874")) is thai


def test_looks_thai_dangling_marks_boundary():
    # 20 marks: one dangling (after a space) is exactly 5 % and still Thai; two are not
    one = "กั" * 19 + " ั" + "ก" * 10
    two = "กั" * 18 + " ั" * 2 + "ก" * 10
    assert encoding._looks_thai(one.encode("cp874")) is True
    assert encoding._looks_thai(two.encode("cp874")) is False


def test_looks_thai_replaced_bytes_boundary():
    # undefined cp874 bytes (0xFC) become U+FFFD: at most 1 % of the Thai letters
    thai = "กา".encode("cp874") * 50
    assert encoding._looks_thai(thai + b"\xfc") is True
    assert encoding._looks_thai(thai + b"\xfc\xfc") is False
    # replaced bytes do not count as foreign letters either (90 Thai + 10 NBSP + 0 … 1 U+FFFD)
    mixed = "กา".encode("cp874") * 450 + b"\xa0" * 100
    assert encoding._looks_thai(mixed + b"\xfc" * 9) is True


# ------------------------------------------------------------------- counting replaced characters
def test_count_replacement_chars_in_names_index_and_every_kind_of_column():
    df = pd.DataFrame(
        {
            "a\ufffd": ["x\ufffd", "y", None],
            "n": [1, 2, 3],
            "o": pd.Series([1, 2, 3], dtype=object),  # object column without text
            "k": pd.Categorical([1, 2, 1]),  # categories that are not text
            "c": pd.Categorical(["\ufffd\ufffd", None, "\ufffd\ufffd"]),  # category code 0, one missing
            "t": ["\ufffd", "b", "c"],
        },
        index=["i\ufffd", "j", "k"],
    )
    # name 1 + index 1 + a 1 + c 2×2 + t 1
    assert encoding._count_replacement_chars(df) == 8
    assert encoding._count_replacement_chars(df[["n", "o", "k"]]) == 1  # the index only
    only_cat = pd.DataFrame({"c": pd.Categorical(["b", "\ufffd", "b"])})
    assert encoding._count_replacement_chars(only_cat) == 1


def test_replaced_count_falls_back_to_the_decoder_when_the_column_is_not_kept(tmp_path):
    # cp874 file; the undefined bytes sit in a column that usecols= leaves out: the count comes
    # from the decoder's error handler (one per byte, added over the whole file)
    lines = [f"{i},{THAI_ROW},ok" for i in range(200)]
    lines[50] = f"50,{THAI_ROW}\ufffd,ok"
    text = ("id,place,flag\n" + "\n".join(lines) + "\n").encode("cp874", errors="replace")
    raw = text.replace(b"?", b"\xfc")
    raw = raw.replace(b"100," + THAI_ROW.encode("cp874"), b"100,\xfd\xfe" + THAI_ROW.encode("cp874"))
    path = tmp_path / "u.csv"
    path.write_bytes(raw)
    with pytest.warns(encoding.ReplacedBytesWarning) as caught:
        df = clean.read_csv_th(path, verbose=False, usecols=["id", "flag"])
    assert "cp874 ไม่ได้ 3 จุด" in str(caught[0].message)
    assert df.columns.tolist() == ["id", "flag"] and len(df) == 200


def test_replaced_message_is_exact(tmp_path):
    path = tmp_path / "b.csv"
    path.write_bytes(b"id,place\n1," + THAI_ROW.encode() * 20 + b"\n2,\xff\n")
    with pytest.warns(encoding.ReplacedBytesWarning) as caught:
        clean.read_csv_th(path, verbose=False)
    assert str(caught[0].message) == (
        "ไฟล์ b.csv มีไบต์ที่ถอดรหัสด้วย utf-8 ไม่ได้ 1 จุด ชุดเรียนแทนแต่ละจุดด้วยเครื่องหมาย � "
        "แล้วอ่านส่วนที่เหลือตามปกติ ดูแถวที่มีเครื่องหมายนี้ได้ด้วย "
        'df[df.astype(str).apply(lambda c: c.str.contains("\\ufffd")).any(axis=1)]'
    )


# ---------------------------------------------------------------------- where the bad bytes are
def test_first_bad_region_is_the_bytes_around_the_first_error(tmp_path):
    path = tmp_path / "r.csv"
    data = b"a" * 10_000 + b"\xff" + b"b" * 600_000
    path.write_bytes(data)
    src = files.TableSource("r.csv", "text", path=path, size=len(data))
    assert encoding._first_bad_region(src, "utf-8") == data[10_000 - 4096 : 10_000 - 4096 + files._BLOCK]
    early = b"ab\xff" + b"c" * 400_000
    path.write_bytes(early)
    assert encoding._first_bad_region(src, "utf-8") == early[: files._BLOCK]
    path.write_bytes(b"clean text\n" * 1000)
    assert encoding._first_bad_region(src, "utf-8") is None


def test_first_bad_region_past_the_first_piece_is_contiguous_and_bounded(tmp_path):
    piece = 1 << 22
    path = tmp_path / "big.csv"
    src = files.TableSource("big.csv", "text", path=path)
    for where in (100, piece - 100, piece + 5000):
        data = bytearray(b"x" * (piece + 4 * files._BLOCK))
        data[where] = 0xFF
        path.write_bytes(bytes(data))
        start = max(0, where - 4096)
        assert encoding._first_bad_region(src, "utf-8") == bytes(data[start : start + files._BLOCK]), where


# ------------------------------------------------------------------ how many bad bytes are too many
@pytest.mark.parametrize("bad, refused", [(8, False), (9, True)])
def test_at_most_eight_bad_bytes_in_a_small_file_are_replaced(tmp_path, bad, refused):
    path = _utf8_thai_file(tmp_path / "s.csv", bad)
    if refused:
        with pytest.raises(FileProblem) as err:
            clean.read_csv_th(path, verbose=False)
        assert err.value.kind == "encoding" and f"ไม่ได้ {bad} จุด มากเกินกว่า" in str(err.value)
    else:
        with pytest.warns(encoding.ReplacedBytesWarning, match=f"ไม่ได้ {bad} จุด"):
            clean.read_csv_th(path, verbose=False)


@pytest.mark.parametrize("bad, refused", [(10, False), (11, True)])
def test_one_bad_byte_per_ten_thousand_bytes_is_the_limit(tmp_path, bad, refused):
    path = _utf8_thai_file(tmp_path / "l.csv", bad, size=100_000)
    if refused:
        with pytest.raises(FileProblem, match=f"ไม่ได้ {bad} จุด มากเกินกว่า"):
            clean.read_csv_th(path, verbose=False)
    else:
        with pytest.warns(encoding.ReplacedBytesWarning, match=f"ไม่ได้ {bad} จุด"):
            df = clean.read_csv_th(path, verbose=False)
        assert df["place"].str.contains("\ufffd").sum() == bad


def test_too_many_message_with_a_given_encoding_is_exact(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes("".join(f"{i},เชียงใหม่\n" for i in range(300)).encode("cp874"))
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, encoding="utf-8", header=None, verbose=False)
    assert str(err.value).startswith(
        "ไฟล์ g.csv มีไบต์ที่ถอดรหัสด้วย utf-8 ไม่ได้ 1,800 จุด มากเกินกว่าจะเป็นไบต์เสียไม่กี่จุด "
        "แสดงว่าการเข้ารหัสอักขระ (encoding) utf-8 ไม่ตรงกับไฟล์ ลองไม่กำหนด encoding="
    )


def test_given_encoding_with_own_errors_is_left_to_pandas(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes("".join(f"{i},เชียงใหม่\n" for i in range(300)).encode("cp874"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = clean.read_csv_th(path, encoding="utf-8", encoding_errors="replace", header=None, verbose=False)
    assert df[1].str.contains("\ufffd").all()


def test_few_bad_bytes_in_a_plain_ascii_sample_are_looked_at_again(tmp_path):
    # an ASCII head (no evidence) and one cp874 Thai cell far below: read again as cp874, no warning
    lines = ["id,name"] + [f"{i},x" for i in range(300_000)] + ["300000,น่าน"]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("cp874"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        df = clean.read_csv_th(path, verbose=False)
    assert df["name"].iloc[-1] == "น่าน"


# -------------------------------------------------------------------------------- pandas errors
def test_truncated_quoted_field_message_is_exact(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes('id,note\n1,"ok"\n2,"ข้อความยาว, มีจุลภาค'.encode())
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, verbose=False)
    assert str(err.value) == (
        'ไฟล์ cut.csv จบกลางข้อความที่อยู่ในเครื่องหมายคำพูด (") ตั้งแต่แถวที่ 3 แสดงว่าไฟล์อาจดาวน์โหลด'
        "มาไม่ครบ (ถูกตัดกลางคัน) หรือมีเครื่องหมายคำพูดที่ไม่ได้ปิด ลองดาวน์โหลดใหม่อีกครั้ง"
    )


def test_truncated_quoted_field_with_the_python_engine(tmp_path):
    path = tmp_path / "cut.csv"
    path.write_bytes(b'id,note\n1,"ok\n2,x')
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, verbose=False, engine="python")
    assert err.value.kind == "truncated" and "ตั้งแต่แถวที่" not in str(err.value)


def test_other_parser_errors_are_pandas_own(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes(b"a,b\n1,2\n3,4,5\n")
    with pytest.raises(pd.errors.ParserError, match="Expected 2 fields"):
        clean.read_csv_th(path, verbose=False)


def test_no_columns_left_is_an_empty_file_problem():
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(io.BytesIO(b"a,b\n1,2\n"), skiprows=5)
    assert err.value.kind == "empty"
    assert str(err.value) == (
        "ไฟล์ ที่ให้มา ไม่มีข้อมูล (ไม่มีแถวหรือคอลัมน์ให้อ่าน) อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง"
    )


def test_gzip_cut_after_the_sample_is_damaged(tmp_path):
    rows = "".join(f"{i},{THAI_ROW},{i * 7919 % 10007}\n" for i in range(60_000)).encode()
    assert len(rows) > 2 * files._HEAD + 500_000
    packed = gzip.compress(b"id,place,n\n" + rows)
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(packed[: len(packed) * 9 // 10])
    with pytest.raises(FileProblem) as err:
        clean.read_csv_th(path, verbose=False)
    assert str(err.value) == files.damaged("cut.csv.gz", " (EOFError)").message


# ----------------------------------------------------------------------------- the printed line
def test_printed_line_names_the_file_the_encoding_and_how(tmp_path, capsys):
    path = tmp_path / "t.csv"
    path.write_bytes("ปี,จังหวัด\n2567,น่าน\n".encode("cp874"))
    clean.read_csv_th(path)
    assert capsys.readouterr().out == (
        "อ่านไฟล์ t.csv ด้วยการเข้ารหัสอักขระ (encoding) cp874 — รหัสภาษาไทยแบบเก่า TIS-620/Windows-874\n"
    )
    clean.read_csv_th(path, encoding="cp874")
    assert capsys.readouterr().out == "อ่านไฟล์ t.csv ด้วยการเข้ารหัสอักขระ (encoding) cp874 — ตามที่กำหนด\n"
    with clean.read_csv_th(path, chunksize=1, encoding="cp874"):
        pass
    assert capsys.readouterr().out == "อ่านไฟล์ t.csv ด้วยการเข้ารหัสอักขระ (encoding) cp874 — ตามที่กำหนด\n"


def test_an_encoding_the_kit_does_not_describe(capsys):
    text = "Привет мир это проверка кодировки текста"
    raw = ("a,b\n" + "".join(f"{i},{text}\n" for i in range(30))).encode("cp1251")
    df = clean.read_csv_th(io.BytesIO(raw))
    assert capsys.readouterr().out == ("อ่านไฟล์ ที่ให้มา ด้วยการเข้ารหัสอักขระ (encoding) cp1251 — ตรวจพบโดยอัตโนมัติ\n")
    assert df["b"].iloc[0] == text


def test_compression_argument_is_ignored(tmp_path):
    path = tmp_path / "a.csv.gz"
    path.write_bytes(gzip.compress("ปี,จังหวัด\n2567,น่าน\n".encode()))
    df = clean.read_csv_th(path, verbose=False, compression="zip")
    assert df["จังหวัด"].tolist() == ["น่าน"]


# ---------------------------------------------------------------------------------- chunk reader
def test_chunk_reader_replaces_bad_bytes_and_warns_with_the_sample_count(tmp_path):
    path = _utf8_thai_file(tmp_path / "c.csv", 2)
    with pytest.warns(encoding.ReplacedBytesWarning) as caught:
        reader = clean.read_csv_th(path, chunksize=100, verbose=False)
    with reader:
        df = pd.concat(reader)
    assert str(caught[0].message) == (
        "ตัวอย่างจากไฟล์ c.csv มีไบต์ที่ถอดรหัสด้วย utf-8 ไม่ได้ 2 จุด ตัวอ่านจะแทนแต่ละจุดด้วยเครื่องหมาย �"
    )
    assert df["place"].str.contains("\ufffd").sum() == 2 and len(df) == 300


def test_chunk_reader_keeps_the_callers_encoding_errors(tmp_path):
    path = _utf8_thai_file(tmp_path / "c.csv", 2)
    with pytest.warns(encoding.ReplacedBytesWarning):
        reader = clean.read_csv_th(path, chunksize=100, verbose=False, encoding_errors="strict")
    with reader, pytest.raises(UnicodeDecodeError):
        pd.concat(reader)


def test_chunk_reader_of_gzip_and_of_a_zip_member(tmp_path):
    data = "ปี,จังหวัด\n" + "".join(f"{2500 + i},น่าน\n" for i in range(10))
    gz = tmp_path / "a.csv.gz"
    gz.write_bytes(gzip.compress(data.encode("cp874")))
    with clean.read_csv_th(gz, chunksize=4, verbose=False) as reader:
        assert [len(c) for c in reader] == [4, 4, 2]
    with clean.read_csv_th(io.BytesIO(data.encode()), iterator=True, verbose=False) as reader:
        assert reader.get_chunk(3)["จังหวัด"].tolist() == ["น่าน"] * 3


# ------------------------------------------------------------------------------------- Excel
def _workbook(path, rows, merges=(), title="ข้อมูล"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_header_names_directly():
    assert encoding._header_names([], " ") == []
    block = [["ผู้บาดเจ็บ", None, float("nan"), "", "ปี"], [None, "ชาย", "หญิง", "  ", "ปี"]]
    assert encoding._header_names(block, " ") == ["ผู้บาดเจ็บ", "ชาย", "หญิง", "คอลัมน์_4", "ปี"]


def test_a_header_with_an_empty_top_cell_keeps_the_lower_name(tmp_path):
    path = _workbook(
        tmp_path / "h.xlsx",
        [["ชื่อเรื่อง"], ["จังหวัด", "ผู้บาดเจ็บ", None, None], [None, "ชาย", "หญิง", "รวม"], ["น่าน", 1, 2, 3]],
        merges=["A2:A3", "B2:C2"],
    )
    df = clean.read_excel_th(path, verbose=False)
    assert df.columns.tolist() == ["จังหวัด", "ผู้บาดเจ็บ ชาย", "ผู้บาดเจ็บ หญิง", "รวม"]


def test_date_cells_become_timestamps(tmp_path):
    path = _workbook(
        tmp_path / "d.xlsx",
        [["ชื่อเรื่อง"], ["วันที่", "ค่า"], [dt.date(2024, 1, 15), 2.0], [dt.date(2024, 2, 29), 3.5]],
    )
    df = clean.read_excel_th(path, header_rows=1, verbose=False)
    assert df["วันที่"].tolist() == [pd.Timestamp("2024-01-15"), pd.Timestamp("2024-02-29")]
    assert pd.api.types.is_datetime64_any_dtype(df["วันที่"]) and df["ค่า"].tolist() == [2.0, 3.5]


def test_blank_rows_inside_the_title_count_as_rows(tmp_path):
    path = _workbook(
        tmp_path / "b.xlsx", [["ชื่อเรื่อง"], [None], ["ปี", "จำนวน"], [2567, 12], [None], [2568, 15]]
    )
    df = clean.read_excel_th(path, title_rows=2, header_rows=1, verbose=False)
    assert df.columns.tolist() == ["ปี", "จำนวน"] and df["ปี"].tolist() == [2567, 2568]


def test_nrows_limits_the_rows_read(tmp_path):
    rows = [["ชื่อเรื่อง"], ["ปี", "จำนวน"]] + [[2500 + i, i] for i in range(20)]
    path = _workbook(tmp_path / "n.xlsx", rows)
    df = clean.read_excel_th(path, header_rows=1, nrows=7, verbose=False)
    assert df["ปี"].tolist() == [2500, 2501, 2502, 2503, 2504]


def test_an_empty_sheet_gives_an_empty_table(tmp_path, capsys):
    path = _workbook(tmp_path / "e.xlsx", [])
    df = clean.read_excel_th(path)
    assert df.shape == (0, 0)
    assert "ได้ 0 แถว × 0 คอลัมน์" in capsys.readouterr().out


def test_english_note_words_and_a_short_note(tmp_path):
    rows = [["ชื่อเรื่อง"], ["ปี", "จำนวน"], [2567, 12], ["Source: NSO"], ["Note 1"]]
    path = _workbook(tmp_path / "en.xlsx", rows)
    df = clean.read_excel_th(path, header_rows=1, verbose=False)
    assert df["ปี"].tolist() == [2567]


def test_a_numeric_one_cell_row_at_the_end_is_data(tmp_path):
    rows = [["ชื่อเรื่อง"], ["ปี", "จำนวน"], [2567, 12], [2568]]
    path = _workbook(tmp_path / "num.xlsx", rows)
    df = clean.read_excel_th(path, header_rows=1, verbose=False)
    assert df["ปี"].tolist() == [2567, 2568]


def test_ods_headers_without_merge_information_fill_to_the_right(tmp_path):
    # .ods via the no-merge path: simulate by giving _tidy_sheet no merge list
    rows = [["ชื่อเรื่อง", "", "", ""], ["จังหวัด", "ผู้บาดเจ็บ", "", "ตาย"], ["", "ชาย", "หญิง", ""]]
    rows += [["น่าน", 1, 2, 0]]
    body, dropped = encoding._tidy_sheet(rows, None, 1, 2, "auto", " ", {})
    assert body.columns.tolist() == ["จังหวัด", "ผู้บาดเจ็บ ชาย", "ผู้บาดเจ็บ หญิง", "ตาย"]
    assert body.iloc[0].tolist() == ["น่าน", 1, 2, 0] and dropped == 0


def test_merged_header_with_an_empty_anchor_and_a_merge_past_the_last_column(tmp_path):
    rows = [["ชื่อเรื่อง", "", ""], ["", "", "ค่า"], ["ปี", "จำนวน", "เงิน"], [2567, 1, 2]]
    merges = [((1, 0), (1, 1)), ((1, 2), (1, 5)), ((0, 0), (0, 2))]
    body, _ = encoding._tidy_sheet(rows, merges, 1, 2, "auto", " ", {})
    assert body.columns.tolist() == ["ปี", "จำนวน", "ค่า เงิน"]


@pytest.mark.parametrize("bad", ["header", "skiprows", "names"])
def test_read_excel_refuses_pandas_header_arguments_with_thai_reason(tmp_path, bad):
    path = _workbook(tmp_path / "r.xlsx", [["ชื่อเรื่อง"], ["ปี"], [2567]])
    with pytest.raises(TypeError) as err:
        clean.read_excel_th(path, **{bad: 0})
    assert str(err.value) == f"read_excel_th กำหนด {bad} เอง ใช้ title_rows / header_rows แทน"


def test_read_excel_ignores_engine_and_reads_a_zip_member(tmp_path):
    import zipfile

    xlsx = _workbook(tmp_path / "r.xlsx", [["ชื่อเรื่อง"], ["ปี"], [2567]])
    z = tmp_path / "x.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.xlsx", xlsx.read_bytes())
        zf.writestr("b.xlsx", xlsx.read_bytes())
    df = clean.read_excel_th(z, member="b.xlsx", header_rows=1, engine="openpyxl", verbose=False)
    assert df["ปี"].tolist() == [2567]


@pytest.mark.parametrize("sheet, where", [(-1, "ชีตที่ 2"), (-2, "ชีตที่ 1"), (1, "ชีตที่ 2")])
def test_negative_sheet_positions(tmp_path, capsys, sheet, where):
    path = _workbook(tmp_path / "s.xlsx", [["ชื่อเรื่อง"], ["ปี"], [2567]])
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("สอง").append(["t"])
    wb["สอง"].append(["ปี"])
    wb["สอง"].append([2568])
    wb.save(path)
    df = clean.read_excel_th(path, sheet_name=sheet, header_rows=1)
    assert capsys.readouterr().out.startswith(f"อ่านไฟล์ s.xlsx {where}: ข้ามชื่อเรื่อง 1 แถว")
    assert df["ปี"].tolist() == ([2568] if where == "ชีตที่ 2" else [2567])
    both = clean.read_excel_th(path, sheet_name=[sheet], header_rows=1, verbose=False)
    assert list(both) == [sheet]


@pytest.mark.parametrize("sheet", [2, -3, "ไม่มี"])
def test_missing_sheet_message_is_exact(tmp_path, sheet):
    path = _workbook(tmp_path / "s.xlsx", [["ชื่อเรื่อง"], ["ปี"], [2567]])
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("สอง")
    wb.save(path)
    with pytest.raises(FileProblem) as err:
        clean.read_excel_th(path, sheet_name=sheet)
    assert err.value.kind == "sheet"
    assert str(err.value) == (
        f"ไม่พบชีต {sheet!r} ในไฟล์ s.xlsx ชีตที่มีคือ 'ข้อมูล', 'สอง' ให้เลือกด้วยชื่อชีตหรือลำดับชีต "
        f"(เริ่มจาก 0) เช่น clean.read_excel_th({str(path)!r}, sheet_name='ข้อมูล')"
    )


def test_xls_inside_gzip(tmp_path):
    from pathlib import Path

    xls = Path(__file__).parent / "clean_encoding_fixtures" / "report.xls"
    gz = tmp_path / "report.xls.gz"
    gz.write_bytes(gzip.compress(xls.read_bytes()))
    pd.testing.assert_frame_equal(
        clean.read_excel_th(gz, verbose=False), clean.read_excel_th(xls, verbose=False)
    )


def test_a_broken_xls_is_damaged_with_the_reason(tmp_path):
    path = tmp_path / "bad.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(FileProblem) as err:
        clean.read_excel_th(path)
    assert str(err.value) == files.damaged("bad.xls", " (CalamineError)").message


class _OtherCalamineError(Exception):
    """An error raised by python-calamine that is not a CalamineError (e.g. from its zip/xml parts)."""


_OtherCalamineError.__module__ = "python_calamine._parts"


@pytest.mark.parametrize("where", ["from_path", "get_sheet_by_name"])
def test_other_python_calamine_errors_are_damaged_and_foreign_errors_pass(tmp_path, monkeypatch, where):
    import python_calamine

    path = _workbook(tmp_path / "r.xlsx", [["ชื่อเรื่อง"], ["ปี"], [2567]])
    raised: list[type[Exception]] = []

    def broken(*args, **kwargs):
        raise raised[0]("broken part")

    if where == "from_path":
        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", broken)
    else:
        real = python_calamine.CalamineWorkbook.from_path

        class Book:
            def __init__(self, p):
                self.book = real(p)
                self.sheet_names = self.book.sheet_names

            def get_sheet_by_name(self, name):
                broken()

            def close(self):
                self.book.close()

        monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", Book)
    raised.append(_OtherCalamineError)
    with pytest.raises(FileProblem) as err:
        clean.read_excel_th(path)
    assert str(err.value) == files.damaged("r.xlsx", " (_OtherCalamineError)").message
    raised[0] = KeyError
    with pytest.raises(KeyError):
        clean.read_excel_th(path)


def test_cells_converts_whole_floats_and_dates_only():
    row = [1.0, 2.5, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), "x"]
    got = encoding._cells(row)
    assert got == [1, 2.5, dt.datetime(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4), "x"]
    assert got[0].__class__ is int and got[2].__class__ is dt.datetime


# ---------------------------------------------------------------------- the guess, step by step
def test_utf8_stats_of_head_and_middle_blocks():
    stats = encoding._utf8_stats
    assert stats([b"abc", "กข".encode()[1:]]) == (1, 0)  # a middle block may start inside a character
    assert stats([b"\xb8\x81"]) == (0, 2)  # the head may not
    assert stats([b"a", b"\x80\x80\x80\x80a"]) == (0, 1)  # at most 3 continuation bytes are skipped
    assert stats(["�".encode()]) == (1, 0)  # a U+FFFD written in the file is a valid character
    assert stats(["ก".encode()[:2]]) == (0, 0)  # a block may end inside a character
    assert stats(["กข".encode(), b"\xff\xfe", "ง".encode()]) == (3, 2)


def test_guess_boms_and_the_utf8_rules():
    guess, g = encoding._guess, encoding._Guess
    assert guess([b"\xff\xfe\x00\x00a\x00\x00\x00"]) == g("utf-32")
    assert guess([b"\x00\x00\xfe\xffa"]) == g("utf-32")
    assert guess([b"\xfe\xff\x00a"]) == g("utf-16") and guess([b"\xff\xfea\x00"]) == g("utf-16")
    assert guess(["ab".encode("utf-16-le")]) == g("utf-16-le")
    assert guess([b"a,b\n", b"1,2\n"]) == g("utf-8", evidence=False)
    assert guess([b"\xef\xbb\xbfa,b\n"]) == g("utf-8-sig", evidence=True)
    assert guess([b"\xef\xbb\xbfa,b\n\xff"]) == g("utf-8-sig", evidence=True, bad=1)
    # 20 valid characters per bad byte: UTF-8 with damage; 19: not enough evidence
    assert guess(["ก".encode() * 20 + b"\xff"]) == g("utf-8", evidence=True, bad=1)
    assert guess(["ก".encode() * 19 + b"\xff"]) == g("utf-8", evidence=False, bad=1)
    assert guess([b"a" * 100 + b"\xff" * 63]) == g("utf-8", evidence=False, bad=63)
    assert guess([b"a" * 100 + b"\xff" * 64]).encoding != "utf-8"


def test_guess_reads_the_sample_richest_in_non_ascii_bytes():
    thai = "ปีใหม่ จังหวัดเชียงใหม่ อำเภอเมือง".encode("cp874")
    blocks = [b"a,b\n" * 100, b"x\xa0y" * 3, thai * 5, b"z" * 100]
    assert encoding._guess(blocks) == encoding._Guess("cp874")
    damaged = encoding._guess([b"a,b\n", thai * 50 + b"\xfc\xfd"])
    assert damaged == encoding._Guess("cp874", bad=2)


def test_guess_names_a_non_thai_codec_by_its_python_name():
    text = "Привет мир это проверка кодировки текста ".encode("cp1251")
    assert encoding._guess([text * 20]) == encoding._Guess("cp1251")


# --------------------------------------------------------------- Korean and Chinese are not Thai
KOREAN = "대한민국 서울특별시 종로구 세종대로 인구 통계 자료입니다 경기도 부산광역시 인천 대구 광주\n"
CHINESE = "中華民國 臺北市 人口 統計 資料 政府 開放 數據 新北市 桃園市 臺中市 臺南市 高雄市\n"


@pytest.mark.parametrize("text, codec", [(KOREAN, "euc-kr"), (CHINESE, "big5")])
def test_korean_and_chinese_bytes_are_not_taken_for_thai(text, codec):
    raw = (text * 20).encode(codec)
    assert not encoding._looks_thai(raw)
    guessed = clean.detect_encoding(raw)
    assert guessed != "cp874"
    assert raw.decode(guessed) == text * 20


def test_the_thai_shape_thresholds_hold_on_every_real_thai_file():
    """The vowel and rare-letter limits of _looks_thai come from the kit's real files: keep a margin."""
    from helpers import paths

    checked = 0
    for p in sorted((paths.data_dir() / "real").rglob("*.csv")):
        text = p.read_bytes()[: 1 << 20].decode(clean.detect_encoding(p), errors="replace")
        thai = [c for c in text if "\u0e01" <= c <= "\u0e5b"]
        if len(thai) < 1000:
            continue
        checked += 1
        rare = sum(c in encoding._RARE_THAI for c in thai) / len(thai)
        vowels = sum(c in encoding._THAI_VOWELS for c in thai) / len(thai)
        assert rare <= 0.08 / 2 and vowels >= 0.10 * 1.5, p.name
    assert checked >= 8


def test_a_short_thai_sample_is_not_judged_by_its_letter_shares():
    assert clean.detect_encoding("ฆ้อง,ฐาน,ฎีกา\n".encode("cp874")) == "cp874"
    assert encoding._looks_thai(("ฆ้อง ฐาน ฎีกา " * 1).encode("cp874"))
    assert encoding._looks_thai(("ฆ้อง ฐาน ฎีกา " * 5).encode("cp874")), "rare letters, but vowels too"
    assert encoding._looks_thai(("กขค งจฉ ชซ " * 10).encode("cp874")), "no vowels, but common letters"
    assert not encoding._looks_thai(("ฆฐฎฑฒ กข " * 10).encode("cp874")), "no vowels and rare letters"


# ------------------------------------------------------- what read_csv_th prints, returns and warns
def _cp874_csv(tmp_path, name="t.csv", extra=b""):
    path = tmp_path / name
    path.write_bytes("จังหวัด,จำนวน\nเชียงใหม่,1\nขอนแก่น,2\n".encode("cp874") + extra)
    return path


def test_verbose_line_says_how_the_encoding_was_chosen(tmp_path, capsys):
    path = _cp874_csv(tmp_path)
    clean.read_csv_th(path)
    assert capsys.readouterr().out == (
        "อ่านไฟล์ t.csv ด้วยการเข้ารหัสอักขระ (encoding) cp874 — รหัสภาษาไทยแบบเก่า TIS-620/Windows-874\n"
    )
    clean.read_csv_th(path, encoding="cp874")
    assert capsys.readouterr().out == "อ่านไฟล์ t.csv ด้วยการเข้ารหัสอักขระ (encoding) cp874 — ตามที่กำหนด\n"


def test_iterator_true_gives_the_reader_with_thai_text(tmp_path):
    reader = clean.read_csv_th(_cp874_csv(tmp_path), iterator=True, verbose=False)
    with reader:
        part = reader.get_chunk(1)
    assert part["จังหวัด"].tolist() == ["เชียงใหม่"]


def test_replaced_bytes_warning_points_at_the_callers_line(tmp_path):
    body = "จังหวัด,จำนวน\n".encode() + "เชียงใหม่,1\n".encode() * 400
    path = tmp_path / "u.csv"
    path.write_bytes(body + b"\xff,2\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clean.read_csv_th(path, verbose=False)
    replaced = [w for w in caught if issubclass(w.category, encoding.ReplacedBytesWarning)]
    # stacklevel=2: the warning names the caller's line, not the kit's own module
    assert replaced and all(not w.filename.endswith("encoding.py") for w in replaced), [
        w.filename for w in replaced
    ]
    assert str(replaced[0].message).startswith("ไฟล์ u.csv มีไบต์ที่ถอดรหัสด้วย utf-8 ไม่ได้ 1 จุด")
