"""helpers.clean.files: what a downloaded file really is, and opening .gz / .zip members."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from helpers.clean import files
from helpers.clean.files import FileProblem


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"", "empty"),
        (b" \r\n\t", "blank"),
        (b"\xef\xbb\xbf\r\n", "blank"),
        (" \n".encode("utf-16"), "blank"),
        (b"<!DOCTYPE html>\n<html>", "html"),
        (b"<!doctype HTML><html>", "html"),
        (b"\n\n<html lang='th'>", "html"),
        (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        (b"<!-- error page -->\n<head><title>x</title>", "html"),
        (b'{"help": "x", "success": false}', "json"),
        (b'[{"a": 1}]', "json"),
        (b"[]", "json"),
        (b"PK\x03\x04\x14\x00", "zip"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "xls"),
        (b"%PDF-1.7", "pdf"),
        (b"a,b\x00\x00\x01,2\n", "binary"),
        ("จังหวัด,ปี\n".encode("cp874"), "text"),
        ("จังหวัด,ปี\n".encode("utf-16-le"), "text"),
        (b"[a],b\n1,2\n", "text"),
        (b"{name},b\n", "text"),
    ],
)
def test_sniff(head, kind):
    assert files.sniff(head) == kind


def test_utf16_without_bom_is_recognised_and_ordinary_text_is_not():
    text = "id,จังหวัด\r\n1,เชียงใหม่\r\n"
    assert files.utf16_without_bom(text.encode("utf-16-le")) == "utf-16-le"
    assert files.utf16_without_bom(text.encode("utf-16-be")) == "utf-16-be"
    for codec in ("utf-8", "cp874"):
        assert files.utf16_without_bom(text.encode(codec)) is None
    assert files.utf16_without_bom(b"\x00\x00\x00\x00\x00\x00") is None  # NULs are not text


def test_page_title_is_shown_in_the_html_message(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"<!DOCTYPE html><html><head><title>403 Forbidden</title></head></html>")
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert "“403 Forbidden”" in str(err.value) and "data.csv" in str(err.value)


def test_pdf_and_binary_and_other_archives_are_refused(tmp_path):
    for data, kind in (
        (b"%PDF-1.4\n...", "pdf"),
        (b"\x00\x01\x02\x00a,b", "binary"),
        (b"BZh91AY", "archive"),
    ):
        path = tmp_path / "x.csv"
        path.write_bytes(data)
        with pytest.raises(FileProblem) as err:
            files.open_source(path, want="csv")
        assert err.value.kind == kind


def test_gzip_source_streams_and_reports_size(tmp_path):
    data = b"a,b\n" + b"1,2\n" * 1000
    path = tmp_path / "x.csv.gz"
    path.write_bytes(gzip.compress(data))
    src = files.open_source(path, want="csv")
    assert src.compression == "gzip" and src.kind == "text" and src.pandas_input() == path
    with src.open() as f:
        assert f.read() == data


def test_gzip_that_is_a_web_page(tmp_path):
    path = tmp_path / "x.csv.gz"
    path.write_bytes(gzip.compress(b"<html><body>error</body></html>"))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert err.value.kind == "html"


def _zip_bytes(members: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_member_choice_ignores_folders_and_mac_junk(tmp_path):
    path = tmp_path / "a.zip"
    path.write_bytes(
        _zip_bytes(
            {
                "__MACOSX/._data.csv": b"junk",
                "folder/": b"",
                "folder/data.csv": b"a\n1\n",
                "README.txt.pdf": b"%PDF",
            }
        )
    )
    src = files.open_source(path, want="csv")
    assert src.member == "folder/data.csv" and src.name == "folder/data.csv (ใน a.zip)"
    with src.open() as f:
        assert f.read() == b"a\n1\n"


def test_zip_in_memory_and_member_argument(tmp_path):
    data = _zip_bytes({"a.csv": b"a\n1\n", "b.csv": b"b\n2\n"})
    src = files.open_source(io.BytesIO(data), member="b.csv", want="csv")
    assert src.head() == b"b\n2\n"
    with pytest.raises(FileProblem) as err:
        files.open_source(io.BytesIO(data), want="csv")
    assert err.value.kind == "member" and "a.csv" in str(err.value) and "b.csv" in str(err.value)


def test_zip_without_tables_lists_what_is_inside(tmp_path):
    path = tmp_path / "docs.zip"
    path.write_bytes(_zip_bytes({"manual.pdf": b"%PDF", "notes.docx": b"x"}))
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert "manual.pdf" in str(err.value) and "notes.docx" in str(err.value)


def test_member_on_a_plain_file_is_refused(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"a\n1\n")
    with pytest.raises(FileProblem, match="member="):
        files.open_source(path, member="x.csv", want="csv")


def test_truncated_zip_is_damaged(tmp_path):
    data = _zip_bytes({"a.csv": b"a,b\n" + b"1,2\n" * 5000})
    path = tmp_path / "cut.zip"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileProblem) as err:
        files.open_source(path, want="csv")
    assert err.value.kind == "damaged" and "cut.zip" in str(err.value)


def test_sample_blocks_are_bounded_and_cover_the_end(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * (8 * 2**20 - 3) + b"END")
    src = files.open_source(path, want="csv")
    blocks = src.sample_blocks()
    assert blocks[-1].endswith(b"END") and max(map(len, blocks)) <= files._PIECE  # small pieces only
    assert sum(map(len, blocks)) == files._HEAD + (files._MIDDLE_BLOCKS + 1) * files._BLOCK
