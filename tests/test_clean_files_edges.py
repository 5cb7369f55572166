"""helpers.clean.files: every kind of file the sniffer names, the exact Thai refusals, ZIP member choice.

All files are made in pytest's temporary folder or in memory.
"""

from __future__ import annotations

import gzip
import io
import random
import zipfile

import pytest

from helpers.clean import files
from helpers.clean.files import FileProblem


def _zip_bytes(members: dict, compression=zipfile.ZIP_STORED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _problem(data: bytes, tmp_path, name="x.csv", want="csv", member=None) -> FileProblem:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want=want, member=member)
    return err.value


# ------------------------------------------------------------------------------------ sniffing
@pytest.mark.parametrize(
    "head, kind",
    [
        (b"PK\x05\x06" + b"\x00" * 18, "zip"),  # an empty ZIP archive
        (b"\xfd7zXZ\x00\x00", "xz"),
        (b"Rar!\x1a\x07", "rar"),
        (b"7z\xbc\xaf\x27\x1c\x00", "7z"),
        (b"BZh91AY&SY", "bz2"),
        ("<html><body>x</body></html>".encode("utf-32"), "html"),
        ("<html><body>x</body></html>".encode("utf-32-be"), "binary"),  # NULs without a BOM, not UTF-16
        ("\ufeff<html>".encode("utf-32-be"), "html"),
        ("<!DOCTYPE html>".encode("utf-16-be"), "text"),
        ("\ufeff<!DOCTYPE html>".encode("utf-16-be"), "html"),
        ('{"a": 1}'.encode("utf-16"), "json"),
        (b"{}", "json"),
        (b'{ "x"', "json"),
        (b"[true]", "json"),
        (b"[ null ]", "json"),
        (b"[false,", "json"),
        (b"[-1, 2]", "json"),
        (b"[[1]]", "json"),
        (b'["a"]', "json"),
        (b"[ ]", "json"),
        (b"[trueish],b\n", "text"),
        (b"{a},b\n", "text"),
        (" \n".encode("utf-16-le"), "blank"),
        (" x\n".encode("utf-16-le"), "text"),
        (b"\x0b\x0c \t", "blank"),
        (b"\xef\xbb\xbfa,b\n", "text"),
        (b"<htmlx>", "text"),
        (b"<body class='x'>", "html"),
        (b"<HEAD>", "html"),
    ],
)
def test_sniff_more_kinds(head, kind):
    assert files.sniff(head) == kind


def test_sniff_looks_at_the_first_4_kb_for_html_and_nul_and_64_bytes_for_json():
    # "<html" ending exactly at byte 4096 is still seen; one byte later it is not
    assert files.sniff(b"<!--" + b"-" * 4084 + b"-->" + b"<html") == "html"
    assert files.sniff(b"<!--" + b"-" * 4085 + b"-->" + b"<html") == "text"
    assert files.sniff(b"[" + b" " * 62 + b"1") == "json"
    assert files.sniff(b"[" + b" " * 63 + b"1") == "text"
    assert files.sniff(b"a" * 4095 + b"\x00\x01") == "binary"
    assert files.sniff(b"a" * 4096 + b"\x00\x01") == "text"


def test_ascii_view_of_bom_text():
    assert files._as_ascii_view(b"\xef\xbb\xbfabc") == b"abc"
    assert files._as_ascii_view("<a>".encode("utf-16")) == b"<a>"
    assert files._as_ascii_view("<a>".encode("utf-32")) == b"<a>"
    assert files._as_ascii_view("ก".encode("utf-16")) == "ก".encode()
    assert files._as_ascii_view(b"plain") == b"plain"
    long = ("a" * 3000).encode("utf-16")  # only the first 4 KB are converted
    assert files._as_ascii_view(long) == b"a" * 2047


# ----------------------------------------------------------------------------- UTF-16 without BOM
def test_utf16_without_bom_boundaries():
    assert files.utf16_without_bom(b"a\x00") is None  # too short to tell
    assert files.utf16_without_bom(b"a\x00b\x00") == "utf-16-le"
    assert files.utf16_without_bom(b"\x00a\x00b") == "utf-16-be"
    assert files.utf16_without_bom(b"a\x00b\x00c") == "utf-16-le"  # an odd last byte is ignored
    assert files.utf16_without_bom(b"a\x00b\x00\x00") == "utf-16-le"
    # 19 of 20 high bytes are 0x00/0x0E (95 %): UTF-16; 18 of 20 is not
    assert files.utf16_without_bom(("€" + "a" * 19).encode("utf-16-le")) == "utf-16-le"
    assert files.utf16_without_bom(("€€" + "a" * 18).encode("utf-16-le")) is None
    # at most 5 % of the low bytes may be 0x00 (U+0E00 has a zero low byte)
    assert files.utf16_without_bom(("\u0e00" + "ก" * 19).encode("utf-16-le")) == "utf-16-le"
    assert files.utf16_without_bom(("\u0e00\u0e00" + "ก" * 18).encode("utf-16-le")) is None
    # tabs and line ends are text; other control characters are not
    assert files.utf16_without_bom("a\tb\r\nc\n".encode("utf-16-le")) == "utf-16-le"
    assert files.utf16_without_bom("a\x01bcdef".encode("utf-16-le")) is None
    assert files.utf16_without_bom("a\x01bcdef".encode("utf-16-be")) is None
    # an unpaired surrogate cannot be decoded
    assert files.utf16_without_bom(b"a\x00" * 30 + b"\x00\xd8" + b"a\x00") is None


def test_utf16_without_bom_looks_at_the_first_64_kb():
    head = "a".encode("utf-16-le") * 32768 + b"\x01\x02" * 100
    assert files.utf16_without_bom(head) == "utf-16-le"  # what follows the first 64 KB is not looked at


# ---------------------------------------------------------------------------------- page title
def test_page_title():
    assert files.page_title(b"<html><body>no title</body></html>") == ""
    assert files.page_title(b"<HTML><TITLE lang='th'>\n  Error\n  404 </TITLE>") == "Error 404"
    assert files.page_title(b"<title>\xff Bad</title>") == "\ufffd Bad"
    assert files.page_title("<title>ไม่พบหน้า</title>".encode()) == "ไม่พบหน้า"
    assert files.page_title(b"<title>" + b"x" * 100 + b"</title>") == "x" * 80
    far = b"<!--" + b" " * 70_000 + b"--><title>far</title>"
    assert files.page_title(far) == ""


def test_html_message_without_a_title_is_exact(tmp_path):
    err = _problem(b"<html><body>login</body></html>", tmp_path)
    assert err.kind == "html"
    assert str(err) == (
        "ไฟล์ x.csv เป็นหน้าเว็บ (HTML) ไม่ใช่ไฟล์ข้อมูล มักเป็นหน้าแจ้งข้อผิดพลาดหรือหน้าให้เข้าสู่ระบบ "
        "(login) ที่เว็บไซต์ส่งมาแทนไฟล์จริง ลองเปิดไฟล์นี้ในเว็บเบราว์เซอร์เพื่ออ่านว่าหน้าเว็บเขียนว่าอะไร "
        "แล้วดาวน์โหลดไฟล์ใหม่อีกครั้ง"
    )
    titled = _problem("<html><title>ผิดพลาด</title>".encode("utf-16"), tmp_path)
    assert "ไม่ใช่ไฟล์ข้อมูล (หัวเรื่องของหน้าเว็บคือ “ผิดพลาด”) มักเป็น" in str(titled)


# ------------------------------------------------------------------------------- Thai refusals
def test_refusal_messages_are_exact(tmp_path):
    path_text = str(tmp_path / "x.csv")
    cases = {
        b"": (
            "empty",
            "ไฟล์ x.csv ว่างเปล่า (0 ไบต์) ไม่มีข้อมูลเลย อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง",
        ),
        b" \r\n": (
            "empty",
            "ไฟล์ x.csv มีแต่ช่องว่างหรือบรรทัดว่าง ไม่มีข้อมูลเลย อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง",
        ),
        b'{"a": 1}': (
            "json",
            "ไฟล์ x.csv เป็นข้อมูลแบบ JSON ไม่ใช่ตาราง CSV หรือ Excel (แม้ชื่อไฟล์จะบอกอย่างนั้น) "
            f'เปิดดูได้ด้วย json.load(open({path_text!r}, encoding="utf-8")) '
            "ถ้าเป็นคำตอบจากเอพีไอ (API) ของพอร์ทัล ให้ดูว่ามีลิงก์ไปยังไฟล์ข้อมูลจริงหรือไม่",
        ),
        b"%PDF-1.4": (
            "pdf",
            "ไฟล์ x.csv เป็นเอกสาร PDF ไม่ใช่ตารางข้อมูล อ่านเป็นตารางโดยตรงไม่ได้ "
            "ลองหาไฟล์ CSV หรือ Excel ของชุดข้อมูลเดียวกันในพอร์ทัล",
        ),
        b"\x00\x01\x02\x00a,b": (
            "binary",
            "ไฟล์ x.csv ไม่ใช่ไฟล์ข้อความ (มีไบต์ NUL ปนอยู่) จึงอ่านเป็น CSV ไม่ได้ ตรวจว่าดาวน์โหลดไฟล์ถูกตัวหรือไม่",
        ),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": (
            "excel",
            f"ไฟล์ x.csv เป็นไฟล์ Excel ไม่ใช่ CSV ให้อ่านด้วย clean.read_excel_th({path_text!r}) แทน",
        ),
    }
    for data, (kind, message) in cases.items():
        err = _problem(data, tmp_path)
        assert (err.kind, str(err), err.message, err.args) == (kind, message, message, (message,)), data


@pytest.mark.parametrize(
    "magic, kind",
    [(b"BZh9", "bz2"), (b"\xfd7zXZ\x00", "xz"), (b"Rar!\x1a", "rar"), (b"7z\xbc\xaf\x27\x1c", "7z")],
)
def test_other_archives_are_refused_with_their_kind(tmp_path, magic, kind):
    err = _problem(magic + b"\x00" * 20, tmp_path, name="a.csv")
    assert err.kind == "archive"
    assert str(err) == (
        f"ไฟล์ a.csv เป็นไฟล์บีบอัดแบบ {kind} ซึ่งชุดเรียนยังเปิดให้ไม่ได้ ให้แตกไฟล์ (extract) ก่อน แล้วเปิดไฟล์ที่อยู่ข้างใน"
    )


def test_text_opened_as_excel_and_excel_opened_as_csv(tmp_path):
    err = _problem(b"a,b\n1,2\n", tmp_path, name="t.xlsx", want="excel")
    assert err.kind == "csv"
    assert str(err) == (
        f"ไฟล์ t.xlsx เป็นไฟล์ข้อความ (เช่น CSV) ไม่ใช่ไฟล์ Excel ให้อ่านด้วย "
        f"clean.read_csv_th({str(tmp_path / 't.xlsx')!r}) แทน"
    )
    xlsx = _zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})
    assert _problem(xlsx, tmp_path, name="w.csv").kind == "excel"
    ods = _zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert _problem(ods, tmp_path, name="w.csv").kind == "excel"
    src = files.open_source(io.BytesIO(ods), want="excel")
    assert src.kind == "ods"
    src = files.open_source(io.BytesIO(xlsx), want="excel")
    assert src.kind == "xlsx"
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 10
    assert files.open_source(io.BytesIO(xls), want="excel").kind == "xls"


def test_damaged_message_and_kind():
    err = files.damaged("a.zip", " (BadZipFile)")
    assert err.kind == "damaged"
    assert str(err) == (
        "ไฟล์ a.zip เสียหายหรือดาวน์โหลดมาไม่ครบ (ไฟล์ถูกตัดกลางคัน) จึงเปิดอ่านไม่ได้ (BadZipFile) ลองดาวน์โหลดใหม่อีกครั้ง"
    )


# --------------------------------------------------------------------------------- sources
def test_buffer_source_opens_fresh_streams_and_gives_the_head(tmp_path):
    src = files.open_source(io.BytesIO(b"a,b\n1,2\n"), want="csv")
    assert (src.name, src.path_text, src.size) == ("ที่ให้มา", "ไฟล์", 8)
    with src.open() as f:
        f.read()
    assert src.head() == b"a,b\n1,2\n" and src.head(3) == b"a,b"
    stream = src.pandas_input()
    assert stream.read() == b"a,b\n1,2\n"
    assert src.sample_blocks() == [b"a,b\n1,2\n"]


def test_text_file_object_is_read_as_utf8():
    src = files.open_source(io.StringIO("จังหวัด,ปี\nน่าน,2567\n"), want="csv")
    assert src.head() == "จังหวัด,ปี\nน่าน,2567\n".encode()
    assert src.kind == "text"


def test_path_source(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"a\n1\n")
    src = files.open_source(str(path), want="csv")
    assert (src.name, src.path, src.path_text, src.size, src.kind) == ("p.csv", path, str(path), 4, "text")
    assert src.pandas_input() == path and src.compression is None and src.buffer is None


def test_sample_blocks_of_a_buffer_are_bounded_pieces():
    data = bytes(range(1, 256)) * (3 * files._HEAD // 255)
    src = files.open_source(io.BytesIO(b"a,b\n" + data), want="csv")
    blocks = src.sample_blocks()
    assert b"".join(blocks) == (b"a,b\n" + data)[: 2 * files._HEAD]
    assert {len(b) for b in blocks} == {files._PIECE}
    assert files.TableSource("e", "text", buffer=io.BytesIO(b"")).sample_blocks() == [b""]


def test_sample_blocks_of_a_file_a_little_longer_than_the_head(tmp_path):
    path = tmp_path / "m.csv"
    data = b"x" * (files._HEAD + 1000)
    path.write_bytes(data)
    src = files.TableSource("m.csv", "text", path=path, size=len(data))
    assert b"".join(src.sample_blocks()) == data
    longer = b"y" * (files._HEAD + files._BLOCK)  # the head and one block: the whole file, once
    path.write_bytes(longer)
    src = files.TableSource("m.csv", "text", path=path, size=len(longer))
    assert b"".join(src.sample_blocks()) == longer
    # just over the head plus one block: the middle blocks start where they are spread
    bigger = bytes(range(256)) * ((files._HEAD + files._BLOCK + 256 * 100) // 256)
    path.write_bytes(bigger)
    src = files.TableSource("m.csv", "text", path=path, size=len(bigger))
    blocks = src.sample_blocks()
    span = len(bigger) - files._HEAD - files._BLOCK
    want = bigger[: files._HEAD]
    for i in range(1, files._MIDDLE_BLOCKS + 2):
        at = files._HEAD + span * i // (files._MIDDLE_BLOCKS + 1)
        want += bigger[at : at + files._BLOCK]
    assert b"".join(blocks) == want


def test_gzip_sample_of_a_damaged_stream_is_refused(tmp_path):
    path = tmp_path / "d.csv.gz"
    path.write_bytes(gzip.compress(b"a,b\n" * 1000)[:-20])
    src = files.TableSource("d.csv.gz", "text", path=path, compression="gzip")
    with pytest.raises(FileProblem) as err:
        src.sample_blocks()
    assert str(err.value) == files.damaged("d.csv.gz", " (EOFError)").message


def test_gzip_buffer_and_gzip_in_memory_that_is_damaged(tmp_path):
    data = b"a,b\n" + b"1,2\n" * 100
    src = files.open_source(io.BytesIO(gzip.compress(data)), want="csv")
    assert src.kind == "text" and src.head() == data and src.size == len(data)
    with pytest.raises(FileProblem) as err:
        files.open_source(io.BytesIO(b"\x1f\x8b\x08\x00garbage"), want="csv")
    assert str(err.value) == files.damaged("ที่ให้มา", " (EOFError)").message
    path = tmp_path / "g.csv.gz"
    path.write_bytes(b"\x1f\x8b\x09\x00garbage")  # an unknown compression method
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert str(err.value).startswith("ไฟล์ g.csv.gz เสียหายหรือดาวน์โหลดมาไม่ครบ") and err.value.kind == "damaged"


def test_gzip_file_size_is_at_least_the_head(tmp_path):
    data = b"a,b\n" + b"1,2\n" * 5000
    path = tmp_path / "s.csv.gz"
    path.write_bytes(gzip.compress(data))
    src = files.open_source(path, want="csv")
    assert src.size == len(data) and src.size > path.stat().st_size


def test_gzip_of_a_zip_archive_and_of_a_workbook(tmp_path):
    inner = _zip_bytes({"a.csv": b"a\n1\n"})
    path = tmp_path / "a.zip.gz"
    path.write_bytes(gzip.compress(inner))
    src = files.open_source(path, want="csv")
    assert src.head() == b"a\n1\n" and src.name == "a.csv (ใน a.zip.gz)" and src.size == 4
    xlsx = _zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})
    path = tmp_path / "w.xlsx.gz"
    path.write_bytes(gzip.compress(xlsx))
    src = files.open_source(path, want="excel")
    assert src.kind == "xlsx" and src.path is None and src.size == len(xlsx)
    with src.open() as f:
        assert f.read() == xlsx


# ------------------------------------------------------------------------------ ZIP members
def test_member_filter():
    def ok(name):
        return files._is_table_member(zipfile.ZipInfo(name), files.CSV_SUFFIXES)

    assert ok("data/a.CSV") and ok("b.tsv") and ok("c.txt")
    assert not ok("folder/") and not ok(".hidden.csv") and not ok("~$lock.csv")
    assert not ok("__MACOSX/a.csv") and not ok("a.xlsx")
    assert files._is_table_member(zipfile.ZipInfo("a.xlsx"), files.EXCEL_SUFFIXES)


def test_zip_kind():
    def kind(members):
        with zipfile.ZipFile(io.BytesIO(_zip_bytes(members))) as zf:
            return files._zip_kind(zf)

    assert kind({"[Content_Types].xml": b"", "xl/workbook.xml": b""}) == "xlsx"
    assert kind({"[Content_Types].xml": b"", "word/document.xml": b""}) == "zip"
    assert kind({"xl/workbook.xml": b""}) == "zip"
    assert kind({"mimetype": b"", "content.xml": b""}) == "ods"
    assert kind({"mimetype": b""}) == "zip" and kind({"content.xml": b""}) == "zip"


def test_zip_member_messages_are_exact(tmp_path):
    path = tmp_path / "z.zip"
    path.write_bytes(_zip_bytes({"a.csv": b"a\n1\n", "b.csv": b"b\n2\n", "r.pdf": b"%PDF"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert err.value.kind == "member"
    assert str(err.value) == (
        "ไฟล์ ZIP z.zip มีไฟล์ข้อมูลอยู่ 2 ไฟล์:\n  - a.csv\n  - b.csv\n"
        f"ให้เลือกไฟล์ที่ต้องการด้วย member= เช่น clean.read_csv_th({str(path)!r}, member='a.csv')"
    )
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv", member="c.csv")
    assert err.value.kind == "member"
    assert str(err.value) == "ไม่พบไฟล์ 'c.csv' ในไฟล์ ZIP z.zip ไฟล์ข้อมูลที่มีอยู่คือ: a.csv, b.csv"


def test_zip_member_given_that_is_not_a_table_is_still_sniffed(tmp_path):
    path = tmp_path / "z.zip"
    path.write_bytes(_zip_bytes({"a.csv": b"a\n1\n", "r.pdf": b"%PDF-1.4"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv", member="r.pdf")
    assert err.value.kind == "pdf" and "r.pdf (ใน z.zip)" in str(err.value)


def test_zip_without_any_table_members(tmp_path):
    path = tmp_path / "d.zip"
    path.write_bytes(_zip_bytes({"manual.pdf": b"%PDF"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv", member="x.csv")
    assert str(err.value) == "ไม่พบไฟล์ 'x.csv' ในไฟล์ ZIP d.zip ไฟล์ข้อมูลที่มีอยู่คือ: (ไม่มี)"
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="excel")
    assert err.value.kind == "member"
    assert str(err.value) == "ไฟล์ ZIP d.zip ไม่มีไฟล์ตาราง (CSV หรือ Excel) อยู่ข้างใน มีแต่: manual.pdf"
    empty = tmp_path / "e.zip"
    empty.write_bytes(_zip_bytes({}))
    with pytest.raises(FileProblem) as err:
        files.open_source(empty, want="csv")
    assert str(err.value) == "ไฟล์ ZIP e.zip ไม่มีไฟล์ตาราง (CSV หรือ Excel) อยู่ข้างใน มีแต่: (ว่างเปล่า)"
    many = tmp_path / "m.zip"
    many.write_bytes(_zip_bytes({f"f{i:02}.doc": b"" for i in range(25)}))
    with pytest.raises(FileProblem) as err:
        files.open_source(many, want="csv")
    assert str(err.value).endswith("มีแต่: " + ", ".join(f"f{i:02}.doc" for i in range(20)))


def test_zip_with_only_the_other_kind_of_table(tmp_path):
    path = tmp_path / "x.zip"
    path.write_bytes(_zip_bytes({"r.xlsx": b"x", "s.xls": b"y"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert err.value.kind == "member"
    assert str(err.value) == (
        "ไฟล์ ZIP x.zip ไม่มีไฟล์ CSV อยู่ข้างใน มีแต่: r.xlsx, s.xls "
        f"ให้อ่านด้วย clean.read_excel_th({str(path)!r}, member='r.xlsx') แทน"
    )
    path.write_bytes(_zip_bytes({"t.csv": b"a\n1\n"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="excel")
    assert str(err.value) == (
        "ไฟล์ ZIP x.zip ไม่มีไฟล์ Excel อยู่ข้างใน มีแต่: t.csv "
        f"ให้อ่านด้วย clean.read_csv_th({str(path)!r}, member='t.csv') แทน"
    )


def test_zip_member_that_is_a_workbook(tmp_path):
    xlsx = _zip_bytes({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})
    path = tmp_path / "b.zip"
    path.write_bytes(_zip_bytes({"r.xlsx": xlsx}))
    src = files.open_source(path, want="excel")
    assert (src.kind, src.member, src.zip_path, src.size) == ("xlsx", "r.xlsx", path, len(xlsx))
    path.write_bytes(_zip_bytes({"r.ods": xlsx}))
    assert files.open_source(path, want="excel").kind == "ods"
    mem = files.open_source(io.BytesIO(_zip_bytes({"r.xlsx": xlsx})), want="excel")
    assert (mem.kind, mem.member, mem.name) == ("xlsx", None, "r.xlsx (ใน ที่ให้มา)")
    with mem.open() as f:
        assert f.read() == xlsx


def test_not_a_zip_with_member_message_is_exact(tmp_path):
    err = _problem(b"a\n1\n", tmp_path, name="a.csv", member="x.csv")
    assert (err.kind, str(err)) == ("member", "ไฟล์ a.csv ไม่ใช่ไฟล์ ZIP จึงไม่ต้องกำหนด member=")


def test_damaged_archive_and_damaged_member(tmp_path):
    err = _problem(b"PK\x03\x04" + b"\x00" * 40, tmp_path, name="bad.zip")
    assert str(err) == files.damaged("bad.zip").message
    rng = random.Random(1)
    payload = b"a,b\n" + bytes(rng.getrandbits(8) for _ in range(5000)).hex().encode()
    data = bytearray(_zip_bytes({"a.csv": payload}, compression=zipfile.ZIP_DEFLATED))
    data[60:200] = bytes(140)  # break the compressed bytes of the member
    for source in (io.BytesIO(bytes(data)), tmp_path / "m.zip"):
        (tmp_path / "m.zip").write_bytes(bytes(data))
        with pytest.raises(FileProblem) as caught:
            files.open_source(source, want="csv")
        where = "ที่ให้มา" if isinstance(source, io.BytesIO) else "m.zip"
        assert str(caught.value) == files.damaged(f"a.csv (ใน {where})").message
