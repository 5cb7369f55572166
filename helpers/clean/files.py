"""Recognise what a downloaded file really is (web page, JSON, archive, Excel, empty) and open it.

ไฟล์ที่ดาวน์โหลดจากพอร์ทัลไม่ได้เป็นอย่างที่ชื่อไฟล์บอกเสมอไป บางครั้ง ``.csv`` คือหน้าเว็บแจ้งข้อผิดพลาด
บางครั้ง ``.zip`` มีหลายไฟล์อยู่ข้างใน หรือไฟล์ดาวน์โหลดมาไม่ครบ โมดูลนี้ดูไบต์แรก ๆ ของไฟล์ (magic bytes)
เพื่อบอกว่าไฟล์เป็นอะไรจริง และแจ้งเป็นภาษาไทยว่าควรทำอย่างไรต่อ ``read_csv_th`` และ ``read_excel_th``
ใช้โมดูลนี้ก่อนเปิดไฟล์ทุกครั้ง
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

__all__ = ["CSV_SUFFIXES", "EXCEL_SUFFIXES", "FileProblem", "TableSource", "open_source", "sniff"]

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
_HEAD = 1 << 20  # the head of a file sampled to guess its encoding
_BLOCK = 1 << 18  # size of each block sampled from the middle and the end of a file
_MIDDLE_BLOCKS = 6
_SNIFF = 1 << 16  # bytes read to recognise what a file is
# Samples are read and kept in pieces of 32 KB: freeing a Python object larger than glibc's mmap
# threshold (128 KB) raises that threshold for the whole process, after which pandas' own buffers come
# from the heap and its peak memory grows by 50-70 % (measured on a 200 MB CSV).  Small pieces avoid it.
_PIECE = 1 << 15


class FileProblem(ValueError):
    """A file that is not what its name says, is empty or is damaged; ``str(err)`` is the Thai message.

    ``kind`` names what the file was found to be (``"html"``, ``"json"``, ``"empty"``, ``"damaged"`` …).

    >>> print(FileProblem("empty", "ไฟล์ว่าง"))
    ไฟล์ว่าง
    >>> FileProblem("empty", "ไฟล์ว่าง").kind
    'empty'
    """

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


# ------------------------------------------------------------------------------------- sniffing
_MAGIC = [
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
    (b"%PDF", "pdf"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
]
_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_HTML_START = re.compile(
    rb"^(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_JSON_START = re.compile(rb"^(\{\s*(\"|\})|\[\s*[\{\[\"\d\-\]]|\[\s*(true|false|null)\b)")


def _as_ascii_view(head: bytes) -> bytes:
    """The head without a BOM; UTF-16/32 text turned into ASCII-compatible bytes (for sniffing only)."""
    for bom in _BOMS:
        if head.startswith(bom):
            codec = {codecs.BOM_UTF8: "utf-8-sig"}.get(bom) or ("utf-32" if len(bom) == 4 else "utf-16")
            text = codecs.getincrementaldecoder(codec)(errors="replace").decode(head[:4096])
            return text.encode("utf-8", errors="replace")
    return head


def sniff(head: bytes) -> str:
    """Name what a file is from its first bytes: ``'text'``, ``'html'``, ``'json'``, ``'zip'``, ``'xls'`` …

    คืนชนิดของไฟล์จากไบต์แรก ๆ: ``'empty'`` (0 ไบต์), ``'blank'`` (มีแต่ช่องว่าง), ``'html'`` (หน้าเว็บ),
    ``'json'``, ``'zip'`` (รวมถึง .xlsx ซึ่งเป็น ZIP), ``'gzip'``, ``'xls'`` (Excel รุ่นเก่า), ``'pdf'``
    ``'binary'`` (มีไบต์ NUL แบบที่ไม่ใช่ UTF-16) หรือ ``'text'`` (น่าจะเป็นตารางข้อความเช่น CSV)

    >>> sniff(b""), sniff(b"  \\r\\n"), sniff(b"<!DOCTYPE html><html>"), sniff(b'{"success": false}')
    ('empty', 'blank', 'html', 'json')
    >>> sniff(b"PK\\x03\\x04..."), sniff("จังหวัด,ปี\\n".encode("utf-8-sig")), sniff(b"a,b\\n1,2\\n")
    ('zip', 'text', 'text')
    """
    if not head:
        return "empty"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    has_bom = head.startswith(_BOMS)
    view = _as_ascii_view(head).lstrip(b" \t\r\n\x0b\x0c")
    if not view:
        return "blank"
    if _HTML_START.match(view[:4096]):
        return "html"
    if _JSON_START.match(view[:64]):
        return "json"
    if b"\x00" in head[:4096] and not has_bom:
        if utf16_without_bom(head) is None:
            return "binary"
        if not head.replace(b"\x00", b"").strip():
            return "blank"
    return "text"


def utf16_without_bom(head: bytes) -> str | None:
    """``'utf-16-le'`` or ``'utf-16-be'`` when the bytes look like UTF-16 text without a BOM, else None.

    Hand-written because charset-normalizer does not look for BOM-less UTF-16: in UTF-16 text of Thai
    and ASCII every other byte is the high byte of a code point, 0x00 (ASCII) or 0x0E (Thai).

    >>> utf16_without_bom("จังหวัด,ปี\\n".encode("utf-16-le")), utf16_without_bom(b"a,b\\n")
    ('utf-16-le', None)
    """
    sample = head[:65536]  # pragma: no mutate (an odd 65537th byte is cut off on the next line)
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    n = len(sample) // 2
    for codec, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        if sum(high.count(b) for b in (0x00, 0x0E)) >= 0.95 * n and low.count(0) <= 0.05 * n:
            try:
                text = codecs.getincrementaldecoder(codec)().decode(sample)
            except UnicodeDecodeError:
                continue
            if not any(ord(c) < 32 and c not in "\t\r\n" for c in text):
                return codec
    return None


def page_title(head: bytes) -> str:
    """The ``<title>`` of an HTML page (shortened), or ``''``.

    >>> page_title(b"<html><head><title> Error 404 </title></head>")
    'Error 404'
    """
    m = re.search(rb"<title[^>]*>(.*?)</title>", head[:65536], re.IGNORECASE | re.DOTALL)
    if not m:
        return ""
    title = " ".join(m.group(1).decode("utf-8", errors="replace").split())
    return title[:80]


# --------------------------------------------------------------------------------- messages
def _html_problem(name: str, head: bytes) -> FileProblem:
    title = page_title(_as_ascii_view(head))
    said = f" (หัวเรื่องของหน้าเว็บคือ “{title}”)" if title else ""
    return FileProblem(
        "html",
        (
            f"ไฟล์ {name} เป็นหน้าเว็บ (HTML) ไม่ใช่ไฟล์ข้อมูล{said} มักเป็นหน้าแจ้งข้อผิดพลาดหรือหน้าให้เข้าสู่ระบบ "
            "(login) ที่เว็บไซต์ส่งมาแทนไฟล์จริง ลองเปิดไฟล์นี้ในเว็บเบราว์เซอร์เพื่ออ่านว่าหน้าเว็บเขียนว่าอะไร "
            "แล้วดาวน์โหลดไฟล์ใหม่อีกครั้ง"
        ),
    )


def _problem_for(kind: str, name: str, path_text: str, head: bytes, want: str) -> FileProblem | None:
    """The Thai refusal for a file of ``kind`` opened as ``want`` (``'csv'`` or ``'excel'``), or None."""
    if kind == "empty":
        return FileProblem(
            "empty", f"ไฟล์ {name} ว่างเปล่า (0 ไบต์) ไม่มีข้อมูลเลย อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง"
        )
    if kind == "blank":
        return FileProblem(
            "empty", f"ไฟล์ {name} มีแต่ช่องว่างหรือบรรทัดว่าง ไม่มีข้อมูลเลย อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง"
        )
    if kind == "html":
        return _html_problem(name, head)
    if kind == "json":
        return FileProblem(
            "json",
            (
                f"ไฟล์ {name} เป็นข้อมูลแบบ JSON ไม่ใช่ตาราง CSV หรือ Excel (แม้ชื่อไฟล์จะบอกอย่างนั้น) "
                f'เปิดดูได้ด้วย json.load(open({path_text!r}, encoding="utf-8")) '
                "ถ้าเป็นคำตอบจากเอพีไอ (API) ของพอร์ทัล ให้ดูว่ามีลิงก์ไปยังไฟล์ข้อมูลจริงหรือไม่"
            ),
        )
    if kind == "pdf":
        return FileProblem(
            "pdf",
            f"ไฟล์ {name} เป็นเอกสาร PDF ไม่ใช่ตารางข้อมูล อ่านเป็นตารางโดยตรงไม่ได้ "
            "ลองหาไฟล์ CSV หรือ Excel ของชุดข้อมูลเดียวกันในพอร์ทัล",
        )
    if kind in ("bz2", "xz", "rar", "7z"):
        return FileProblem(
            "archive",
            f"ไฟล์ {name} เป็นไฟล์บีบอัดแบบ {kind} ซึ่งชุดเรียนยังเปิดให้ไม่ได้ ให้แตกไฟล์ (extract) ก่อน แล้วเปิดไฟล์ที่อยู่ข้างใน",
        )
    if kind == "binary":
        return FileProblem(
            "binary", f"ไฟล์ {name} ไม่ใช่ไฟล์ข้อความ (มีไบต์ NUL ปนอยู่) จึงอ่านเป็น CSV ไม่ได้ ตรวจว่าดาวน์โหลดไฟล์ถูกตัวหรือไม่"
        )
    if want == "csv" and kind in ("xlsx", "xls", "ods"):
        return FileProblem(
            "excel", f"ไฟล์ {name} เป็นไฟล์ Excel ไม่ใช่ CSV ให้อ่านด้วย clean.read_excel_th({path_text!r}) แทน"
        )
    if want == "excel" and kind == "text":
        return FileProblem(
            "csv",
            f"ไฟล์ {name} เป็นไฟล์ข้อความ (เช่น CSV) ไม่ใช่ไฟล์ Excel ให้อ่านด้วย clean.read_csv_th({path_text!r}) แทน",
        )
    return None


def damaged(name: str, detail: str = "") -> FileProblem:
    """The Thai error for a damaged or incomplete (truncated) file.

    >>> print(damaged("a.xlsx"))
    ไฟล์ a.xlsx เสียหายหรือดาวน์โหลดมาไม่ครบ (ไฟล์ถูกตัดกลางคัน) จึงเปิดอ่านไม่ได้ ลองดาวน์โหลดใหม่อีกครั้ง
    """
    return FileProblem(
        "damaged",
        f"ไฟล์ {name} เสียหายหรือดาวน์โหลดมาไม่ครบ (ไฟล์ถูกตัดกลางคัน) จึงเปิดอ่านไม่ได้{detail} ลองดาวน์โหลดใหม่อีกครั้ง",
    )


# ------------------------------------------------------------------------------------ sources
@dataclass
class TableSource:
    """Where the bytes of a table are: a plain file, a gzip file, a ZIP member or an in-memory buffer.

    ``kind`` is ``'text'`` (CSV-like) or ``'xlsx'``/``'xls'``/``'ods'``; ``name`` is what messages show.

    >>> src = open_source(io.BytesIO(b"a,b\\n1,2\\n"), want="csv")
    >>> src.kind, src.name, src.head()[:3]
    ('text', 'ที่ให้มา', b'a,b')
    """

    name: str
    kind: str
    path: Path | None = None  # a plain or gzip file on disk
    compression: str | None = None  # "gzip" for .gz
    zip_path: Path | None = None  # the archive holding ``member``
    member: str | None = None
    buffer: io.BytesIO | None = None  # a file-like object already read into memory
    size: int = 0  # bytes of (uncompressed, when known) content
    path_text: str = ""  # how to name the file in a code hint

    def open(self):
        """A fresh binary stream of the (uncompressed) content; the caller closes it."""
        if self.buffer is not None:
            return io.BytesIO(self.buffer.getbuffer())
        if self.member is not None:
            return zipfile.ZipFile(self.zip_path).open(self.member)
        if self.compression == "gzip":
            return gzip.open(self.path, "rb")  # pragma: no mutate ("rb" is gzip.open's default mode)
        return open(self.path, "rb")

    def head(self, size: int = _SNIFF) -> bytes:
        """The first ``size`` bytes of the content."""
        with self.open() as f:
            return f.read(size)

    def sample_blocks(self) -> list[bytes]:
        """The head and, for a plain file on disk, blocks spread over the middle and the end, in pieces.

        A bounded sample (about 2.75 MB at most, as 32 KB pieces; pieces of one block are consecutive)
        so that guessing an encoding never reads a whole file.
        """

        def pieces(f, size):
            out = []
            while size > 0 and (piece := f.read(min(_PIECE, size))):
                out.append(piece)
                size -= len(piece)
            return out

        if self.path is None or self.compression or self.buffer is not None or self.member is not None:
            try:
                with self.open() as f:
                    return pieces(f, 2 * _HEAD) or [b""]
            except (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile) as err:
                raise damaged(self.name, f" ({type(err).__name__})") from None
        with open(self.path, "rb") as f:
            blocks = pieces(f, _HEAD) or [b""]
            if self.size > _HEAD + _BLOCK:
                span = self.size - _HEAD - _BLOCK
                for i in range(1, _MIDDLE_BLOCKS + 2):  # the last one is the end of the file
                    f.seek(_HEAD + span * i // (_MIDDLE_BLOCKS + 1))
                    blocks += pieces(f, _BLOCK)
            elif self.size > _HEAD:
                blocks += pieces(f, _BLOCK)
        return blocks

    def pandas_input(self):
        """What to hand to pandas: a path (pandas streams it) or an open binary stream."""
        if self.buffer is not None or self.member is not None:
            return self.open()
        return self.path


def _name_of(source) -> str:
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    return "ที่ให้มา"


def _is_table_member(info: zipfile.ZipInfo, suffixes) -> bool:
    p = PurePosixPath(info.filename)
    if info.is_dir() or p.name.startswith((".", "~$")) or "__MACOSX" in p.parts:
        return False
    return p.suffix.lower() in suffixes


def _zip_kind(zf: zipfile.ZipFile) -> str:
    """``'xlsx'`` or ``'ods'`` when the ZIP is an office document itself, else ``'zip'``."""
    names = set(zf.namelist())
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "mimetype" in names and "content.xml" in names:
        return "ods"
    return "zip"


def _choose_member(zf: zipfile.ZipFile, name: str, path_text: str, member, want: str, func: str) -> str:
    suffixes = CSV_SUFFIXES if want == "csv" else EXCEL_SUFFIXES
    infos = [i for i in zf.infolist() if _is_table_member(i, CSV_SUFFIXES + EXCEL_SUFFIXES)]
    if member is not None:
        if member in zf.namelist():
            return member
        listing = ", ".join(i.filename for i in infos) or "(ไม่มี)"
        raise FileProblem("member", f"ไม่พบไฟล์ {member!r} ในไฟล์ ZIP {name} ไฟล์ข้อมูลที่มีอยู่คือ: {listing}")
    fitting = [i.filename for i in infos if PurePosixPath(i.filename).suffix.lower() in suffixes]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        others = [i.filename for i in infos]
        if others:
            other_func = "read_excel_th" if want == "csv" else "read_csv_th"
            return_hint = f" ให้อ่านด้วย clean.{other_func}({path_text!r}, member={others[0]!r}) แทน"
            raise FileProblem(
                "member",
                f"ไฟล์ ZIP {name} ไม่มีไฟล์ {'CSV' if want == 'csv' else 'Excel'} "
                f"อยู่ข้างใน มีแต่: {', '.join(others)}{return_hint}",
            )
        listing = ", ".join(zf.namelist()[:20]) or "(ว่างเปล่า)"
        raise FileProblem("member", f"ไฟล์ ZIP {name} ไม่มีไฟล์ตาราง (CSV หรือ Excel) อยู่ข้างใน มีแต่: {listing}")
    listing = "\n".join(f"  - {f}" for f in fitting)
    raise FileProblem(
        "member",
        (
            f"ไฟล์ ZIP {name} มีไฟล์ข้อมูลอยู่ {len(fitting)} ไฟล์:\n{listing}\n"
            f"ให้เลือกไฟล์ที่ต้องการด้วย member= เช่น clean.{func}({path_text!r}, member={fitting[0]!r})"
        ),
    )


def open_source(source, *, member: str | None = None, want: str = "csv") -> TableSource:
    """Recognise ``source`` (path or binary file-like) and return where its table's bytes are.

    ตรวจว่าไฟล์เป็นอะไรจริง ถ้าเป็นหน้าเว็บ, JSON, ไฟล์ว่าง, PDF หรือไฟล์เสียหาย จะแจ้ง :class:`FileProblem`
    เป็นภาษาไทย ถ้าเป็น ``.gz`` หรือ ``.zip`` จะเปิดไฟล์ข้างในให้ (ZIP ที่มีหลายไฟล์ต้องเลือกด้วย ``member=``)
    ``want`` คือ ``'csv'`` หรือ ``'excel'`` ตามฟังก์ชันที่เรียก

    >>> open_source(io.BytesIO(b"<!DOCTYPE html><title>Login</title>"), want="csv")
    Traceback (most recent call last):
    ...
    helpers.clean.files.FileProblem: ไฟล์ ที่ให้มา เป็นหน้าเว็บ (HTML) ไม่ใช่ไฟล์ข้อมูล (หัวเรื่องของหน้าเว็บคือ “Login”) มักเป็นหน้าแจ้งข้อผิดพลาดหรือหน้าให้เข้าสู่ระบบ (login) ที่เว็บไซต์ส่งมาแทนไฟล์จริง ลองเปิดไฟล์นี้ในเว็บเบราว์เซอร์เพื่ออ่านว่าหน้าเว็บเขียนว่าอะไร แล้วดาวน์โหลดไฟล์ใหม่อีกครั้ง
    """
    func = "read_csv_th" if want == "csv" else "read_excel_th"
    name = _name_of(source)
    path_text = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "ไฟล์"
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(_SNIFF)
        src = TableSource(name, "text", path=path, size=size, path_text=path_text)
    else:
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        head = data[:_SNIFF]
        src = TableSource(name, "text", buffer=io.BytesIO(data), size=len(data), path_text=path_text)
    kind = sniff(head)
    if kind == "gzip":
        try:
            if src.path is None:
                src = TableSource(
                    name,
                    "text",
                    buffer=io.BytesIO(gzip.decompress(src.buffer.getvalue())),
                    path_text=path_text,
                )
            else:
                src.compression = "gzip"
            head = src.head()
        except (EOFError, OSError, zlib.error) as err:
            raise damaged(name, f" ({type(err).__name__})") from None
        src.size = max(src.size, len(head))
        kind = sniff(head)
    if kind == "zip":
        if src.compression:  # a gzip-compressed workbook or archive: unpack it in memory
            with src.open() as f:
                src = TableSource(name, "text", buffer=io.BytesIO(f.read()), path_text=path_text)
            src.size = len(src.buffer.getbuffer())
        try:
            zf = zipfile.ZipFile(src.path if src.path is not None else src.buffer)
        except (zipfile.BadZipFile, OSError):
            raise damaged(name) from None
        with zf:
            kind = _zip_kind(zf)
            if kind == "zip":
                chosen = _choose_member(zf, name, path_text, member, want, func)
                info = zf.getinfo(chosen)
                inner = PurePosixPath(chosen).suffix.lower()
                zip_path = src.path if src.path is not None else None
                inner_name = f"{chosen} (ใน {name})"
                try:  # a damaged member fails here, when its bytes are first decompressed
                    if zip_path is None:  # an in-memory archive: keep the member's bytes only
                        src = TableSource(
                            inner_name,
                            "text",
                            buffer=io.BytesIO(zf.read(chosen)),
                            size=info.file_size,
                            path_text=path_text,
                        )
                    else:
                        src = TableSource(
                            inner_name,
                            "text",
                            zip_path=zip_path,
                            member=chosen,
                            size=info.file_size,
                            path_text=path_text,
                        )
                    head = src.head()
                except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
                    raise damaged(inner_name) from None
                kind = sniff(head)
                if kind == "zip":  # an .xlsx or .ods inside the archive
                    kind = "ods" if inner == ".ods" else "xlsx"
    elif member is not None:
        raise FileProblem("member", f"ไฟล์ {name} ไม่ใช่ไฟล์ ZIP จึงไม่ต้องกำหนด member=")
    problem = _problem_for(kind, src.name, path_text, head, want)
    if problem is not None:
        raise problem
    src.kind = kind
    return src
