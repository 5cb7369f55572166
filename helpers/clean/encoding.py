"""Open Thai CSV and Excel files: detect the encoding (UTF-8, UTF-8 with BOM, UTF-16, cp874/TIS-620).

เปิดไฟล์ CSV ภาษาไทยโดยตรวจการเข้ารหัสอักขระ (encoding) ให้เอง และเปิดไฟล์ Excel ที่มีแถวชื่อเรื่อง
หัวตารางสองชั้น และหมายเหตุท้ายตาราง ให้กลายเป็นตารางเรียบร้อยที่มีชื่อคอลัมน์เดียวต่อคอลัมน์
การเข้ารหัสอักขระตรวจจากตัวอย่างไบต์ไม่กี่ MB (ต้นไฟล์ กลางไฟล์ และท้ายไฟล์) แล้วให้ pandas อ่านไฟล์ทีละส่วน
จึงไม่ต้องโหลดทั้งไฟล์เข้าหน่วยความจำ ไฟล์ที่ไม่ใช่ตาราง (หน้าเว็บ, JSON, ไฟล์ว่าง, ไฟล์เสียหาย)
ได้รับคำอธิบายภาษาไทยจาก :mod:`helpers.clean.files`
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import charset_normalizer
import numpy as np
import pandas as pd
from pandas.io.parsers import TextParser

from . import files
from .files import FileProblem
from .text import clean_text

if TYPE_CHECKING:
    from pandas.io.parsers import TextFileReader

    from ._common import FileSource

    _SheetT = TypeVar("_SheetT", bound=int | str)

__all__ = ["ENCODING_NAMES", "ReplacedBytesWarning", "detect_encoding", "read_csv_th", "read_excel_th"]

#: Thai description of each encoding the kit names in its messages.
ENCODING_NAMES = {
    "utf-8": "UTF-8 (มาตรฐานปัจจุบัน)",
    "utf-8-sig": "UTF-8 ที่มี BOM นำหน้า (มักได้จากการบันทึกด้วย Excel)",
    "cp874": "รหัสภาษาไทยแบบเก่า TIS-620/Windows-874",
    "utf-16": "UTF-16 ที่มี BOM นำหน้า (มักได้จากการบันทึกเป็น Unicode Text ใน Excel)",
    "utf-16-le": "UTF-16 แบบไม่มี BOM (little-endian)",
    "utf-16-be": "UTF-16 แบบไม่มี BOM (big-endian)",
    "utf-32": "UTF-32 ที่มี BOM นำหน้า",
}
# Python's cp874 decodes everything tis_620 / iso8859_11 does, plus 0x80-0x9F (… – “ ” €),
# so a file detected as any of them is read as cp874.
_THAI_CODECS = {"tis_620", "cp874", "iso8859_11", "iso_8859_11", "tis620", "windows_874"}
_STAT_SAMPLE = 1 << 15  # bytes given to charset-normalizer and the Thai test (see files._PIECE)
_FEW_NON_ASCII = 64  # fewer stray non-ASCII bytes than this in a sample are too few to name an encoding


class ReplacedBytesWarning(UserWarning):
    """Some bytes could not be decoded and were replaced by ``�`` (U+FFFD); the message says how many.

    >>> issubclass(ReplacedBytesWarning, UserWarning)
    True
    """


# Counting error handler: pandas calls it only for undecodable bytes, so a clean file costs nothing.
# (pandas' C parser decodes each distinct cell once, so this count is a lower bound; the exact number is
# counted in the DataFrame afterwards, only when the handler was called at all.)
_REPLACED = [0]
_COUNTING = "helpers_clean_count_replace"


def _count_and_replace(err: UnicodeDecodeError):
    _REPLACED[0] += err.end - err.start
    return "\ufffd", err.end


codecs.register_error(_COUNTING, _count_and_replace)


@dataclass
class _Guess:
    encoding: str
    evidence: bool = True  # False when the sample was plain ASCII (any ASCII-compatible codec fits)
    bad: int = 0  # undecodable bytes seen in the sample


class _Undetectable(ValueError):
    pass


def _utf8_stats(blocks: list[bytes]) -> tuple[int, int]:
    """(valid non-ASCII characters, invalid bytes) of the blocks read as UTF-8."""
    good = bad = 0
    for i, block in enumerate(blocks):
        if i:  # a block from the middle may start inside a character: skip its continuation bytes
            k = 0
            while k < 3 and k < len(block) and 0x80 <= block[k] <= 0xBF:
                k += 1
            block = block[k:]
        # a block may also end inside a character: drop an incomplete last character
        text = codecs.getincrementaldecoder("utf-8")("replace").decode(block, final=False)
        n_bad = text.count("\ufffd") - block.count(b"\xef\xbf\xbd")  # minus U+FFFD written in the file
        bad += n_bad
        good += len(text) - len(text.encode("ascii", "ignore")) - n_bad
    return good, bad


def _guess(blocks: list[bytes]) -> _Guess:
    """Guess the encoding of a file from sample blocks (the first is the head of the file)."""
    head = b"".join(blocks[:2])  # 64 KB: enough for BOMs and the UTF-16 test
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _Guess("utf-32")
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _Guess("utf-16")
    order = files.utf16_without_bom(head)
    if order:
        return _Guess(order)
    bom = head.startswith(codecs.BOM_UTF8)
    if all(b.isascii() for b in blocks):
        return _Guess("utf-8", evidence=False)
    # BOM and UTF-8 are checked by hand: both are exact tests, while charset-normalizer is statistical
    # and may name a look-alike codec for short or mostly-ASCII samples.  Valid multi-byte UTF-8 almost
    # never happens by chance, so many valid characters beside a few bad bytes mean UTF-8 with damage.
    good, bad = _utf8_stats(blocks)
    if bom or bad == 0 or good >= 20 * bad:
        return _Guess("utf-8-sig" if bom else "utf-8", evidence=good > 0, bad=bad)
    # charset-normalizer and the Thai test look at the piece richest in non-ASCII bytes (32 KB)
    high = bytes(range(128, 256))
    counts = [len(b) - len(b.translate(None, high)) for b in blocks]
    sample = blocks[max(range(len(blocks)), key=counts.__getitem__)][:_STAT_SAMPLE]
    best = charset_normalizer.from_bytes(sample).best()
    # charset-normalizer is statistical: on short Thai samples it may answer big5 or cp1251.
    # Thai text has a strong structural signature in cp874 (letters in 0xA1-0xFB, combining vowel
    # and tone marks always after a Thai letter), checked by hand here as the tie-breaker.
    if (best is not None and best.encoding in _THAI_CODECS) or _looks_thai(sample):
        return _Guess("cp874", bad=sample.decode("cp874", errors="replace").count("\ufffd"))
    if sum(counts) < _FEW_NON_ASCII:
        # a few stray bytes in an ASCII file: too few to name an encoding, so UTF-8 and report them
        return _Guess("utf-8", evidence=False, bad=bad)
    if best is None:
        raise _Undetectable()
    return _Guess(codecs.lookup(best.encoding).name.replace("_", "-"))


def _source_for_detect(path) -> files.TableSource:
    if isinstance(path, (bytes, bytearray)):
        return files.TableSource("ที่ให้มา", "text", buffer=io.BytesIO(bytes(path)), size=len(path))
    p = Path(path)
    src = files.TableSource(p.name, "text", path=p, size=p.stat().st_size)
    with open(p, "rb") as f:
        if f.read(2) == b"\x1f\x8b":
            src.compression = "gzip"
    return src


def detect_encoding(path: str | os.PathLike[str] | bytes | bytearray) -> str:
    """Return the encoding of a text file: ``'utf-8'``, ``'utf-8-sig'``, ``'cp874'``, ``'utf-16'`` …

    ตรวจการเข้ารหัสอักขระของไฟล์จากตัวอย่างไบต์ไม่เกินราว 3 MB (ต้นไฟล์ 1 MB และช่วงสั้น ๆ กระจายตลอดไฟล์
    จนถึงท้ายไฟล์) ไม่อ่านทั้งไฟล์ ตรวจ BOM, UTF-16 ที่ไม่มี BOM (ไบต์ NUL สลับตำแหน่ง) และ UTF-8 ก่อน
    (ตรวจได้แน่นอนและเร็ว) ถ้าไม่ใช่ให้ charset-normalizer เดาจากสถิติของไบต์ ถ้าได้ TIS-620 หรือ
    ISO-8859-11 จะตอบ ``cp874`` เพราะ cp874 ของ Python อ่านได้ครอบคลุมกว่า รับได้ทั้งที่อยู่ไฟล์
    (รวมถึง ``.gz``) และ bytes

    >>> detect_encoding("ปีใหม่ 2551,จังหวัดเชียงใหม่\\n".encode("cp874"))
    'cp874'
    >>> detect_encoding("จังหวัด\\n".encode("utf-8-sig")), detect_encoding(b"a,b\\n1,2\\n")
    ('utf-8-sig', 'utf-8')
    >>> detect_encoding("จังหวัด,ปี\\n".encode("utf-16-le"))
    'utf-16-le'
    """
    try:
        return _guess(_source_for_detect(path).sample_blocks()).encoding
    except _Undetectable:
        raise ValueError(
            "ตรวจการเข้ารหัสอักขระ (encoding) ของไฟล์ไม่ได้ ไบต์ในไฟล์ไม่ตรงกับการเข้ารหัสอักขระที่รู้จัก "
            "ตรวจว่าเป็นไฟล์ข้อความจริงหรือไม่"
        ) from None


_MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_RARE_THAI = frozenset("ฃฅฆฌฎฏฐฑฒฦฤฬฮฯฺ๏๚๛๎")
_THAI_VOWELS = frozenset("ะัาำิีึืุูเแโใไ็ๅ")
_FEW_THAI = 30  # below this many Thai letters the shares say little (ตาก, กรม, ฆ้อง ฐาน ฎีกา)


def _looks_thai(raw: bytes) -> bool:
    """True when the bytes decode as cp874 into text whose non-ASCII part is well-formed Thai."""
    text = raw.decode("cp874", errors="replace")
    # cp874's 0x80-0x9F punctuation (– … “ ” €) is neutral: it appears in Thai and other texts
    non_ascii = [c for c in text if ord(c) > 127 and not "\u2000" <= c <= "\u20ff" and c != "\ufffd"]
    thai = [c for c in non_ascii if "\u0e01" <= c <= "\u0e5b"]
    if not thai or len(thai) < 0.9 * len(non_ascii) or text.count("\ufffd") > 0.01 * len(thai):
        return False
    marks = [m.start() for m in _MARKS.finditer(text)]
    dangling = sum(1 for i in marks if i == 0 or not "\u0e01" <= text[i - 1] <= "\u0e4e")
    if dangling > 0.05 * len(marks):
        return False
    # Korean (EUC-KR) and Chinese (Big5) bytes also land in cp874's Thai letters, but read as Thai
    # they have almost no vowels AND many rare letters (ฆ ฌ ฎ ฐ ฑ ฦ ฮ ...).  In the kit's real Thai
    # files vowels are 24-33 % of the Thai letters and rare letters at most 1.3 %; in Korean and
    # Chinese read as cp874, vowels are under 5 % and rare letters over 14 %.  Only both together
    # refuse, so Thai lists of rare words or of bare consonants still read as Thai.
    rare = sum(c in _RARE_THAI for c in thai) / len(thai)
    vowels = sum(c in _THAI_VOWELS for c in thai) / len(thai)
    return len(thai) < _FEW_THAI or not (rare > 0.08 and vowels < 0.10)


# ------------------------------------------------------------------------------------------ CSV
def _count_replacement_chars(df: pd.DataFrame) -> int:
    """How many U+FFFD characters a frame holds (column names, index and text cells; categorical-safe)."""
    total = sum(str(c).count("\ufffd") for c in df.columns)
    columns = [df.index.to_series()] + [df.iloc[:, i] for i in range(df.shape[1])]
    for s in columns:
        if isinstance(s.dtype, pd.CategoricalDtype):
            cats = s.cat.categories
            if not (cats.dtype == object or pd.api.types.is_string_dtype(cats.dtype)):
                continue
            per_cat = np.array([str(c).count("\ufffd") for c in cats], dtype=np.int64)
            codes = s.cat.codes.to_numpy()
            total += int(per_cat[codes[codes >= 0]].sum())
        elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            try:
                total += int(s.str.count("\ufffd").sum())
            except AttributeError:  # an object column without text
                pass
    return total


def _first_bad_region(src: files.TableSource, encoding: str) -> bytes | None:
    """Bytes around the first place where ``encoding`` fails, streaming the file in 4 MB pieces."""
    decoder = codecs.getincrementaldecoder(encoding)()
    with src.open() as f:
        while chunk := f.read(1 << 22):  # pragma: no mutate (piece size: memory only, same region)
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as err:
                start = max(0, err.start - 4096)
                region = chunk[start : start + files._BLOCK]
                # near the end of the piece: continue with the bytes that follow (one contiguous region)
                return region + f.read(files._BLOCK - len(region))
    return None


def _too_many(replaced: int, src: files.TableSource) -> bool:
    return replaced > max(8, src.size // 10_000)


def _eof_in_quotes(err: Exception) -> bool:
    return "EOF inside string" in str(err) or "unexpected end of data" in str(err)


def _read_csv_once(src: files.TableSource, encoding: str, kwargs: dict) -> tuple[pd.DataFrame, int]:
    """One pandas read; returns the frame and how many bytes were replaced (0 when none)."""
    counting = kwargs.get("encoding_errors") == _COUNTING
    _REPLACED[0] = 0
    source = src.pandas_input()
    extra = {"compression": src.compression} if isinstance(source, Path) else {}
    try:
        df = pd.read_csv(source, encoding=encoding, **extra, **kwargs)
    except pd.errors.ParserError as err:
        if _eof_in_quotes(err):
            row = re.search(r"row (\d+)", str(err))
            where = f" ตั้งแต่แถวที่ {int(row.group(1)) + 1:,}" if row else ""
            raise FileProblem(
                "truncated",
                (
                    f'ไฟล์ {src.name} จบกลางข้อความที่อยู่ในเครื่องหมายคำพูด ("){where} แสดงว่าไฟล์อาจดาวน์โหลด'
                    "มาไม่ครบ (ถูกตัดกลางคัน) หรือมีเครื่องหมายคำพูดที่ไม่ได้ปิด ลองดาวน์โหลดใหม่อีกครั้ง"
                ),
            ) from None
        raise
    except (EOFError, zlib.error, zipfile.BadZipFile, gzip.BadGzipFile) as err:
        raise files.damaged(src.name, f" ({type(err).__name__})") from None
    except pd.errors.EmptyDataError:
        raise FileProblem(
            "empty", f"ไฟล์ {src.name} ไม่มีข้อมูล (ไม่มีแถวหรือคอลัมน์ให้อ่าน) อาจดาวน์โหลดไม่สำเร็จ ลองดาวน์โหลดใหม่อีกครั้ง"
        ) from None
    finally:
        if not isinstance(source, Path):
            source.close()
    replaced = _REPLACED[0]
    if counting and replaced:
        # the exact number of replacement characters in the table; the handler's count is a fallback
        # when the damaged bytes are in columns that were not kept (usecols=...)
        replaced = _count_replacement_chars(df) or replaced
    return df, replaced


def _how(encoding: str, given: bool) -> str:
    return "ตามที่กำหนด" if given else ENCODING_NAMES.get(encoding, "ตรวจพบโดยอัตโนมัติ")


def _replaced_message(name: str, encoding: str, replaced: int) -> str:
    return (
        f"ไฟล์ {name} มีไบต์ที่ถอดรหัสด้วย {encoding} ไม่ได้ {replaced:,} จุด ชุดเรียนแทนแต่ละจุดด้วย"
        "เครื่องหมาย � แล้วอ่านส่วนที่เหลือตามปกติ ดูแถวที่มีเครื่องหมายนี้ได้ด้วย "
        'df[df.astype(str).apply(lambda c: c.str.contains("\\ufffd")).any(axis=1)]'
    )


# chunksize= or iterator=True give pandas' reader (TextFileReader); otherwise a DataFrame.
@overload
def read_csv_th(
    path: FileSource,
    *,
    verbose: bool = True,
    member: str | None = None,
    chunksize: None = None,
    iterator: Literal[False] = False,
    **kwargs: Any,
) -> pd.DataFrame: ...
@overload
def read_csv_th(
    path: FileSource, *, verbose: bool = True, member: str | None = None, chunksize: int, **kwargs: Any
) -> TextFileReader: ...
@overload
def read_csv_th(
    path: FileSource,
    *,
    verbose: bool = True,
    member: str | None = None,
    iterator: Literal[True],
    **kwargs: Any,
) -> TextFileReader: ...
def read_csv_th(path, *, verbose: bool = True, member: str | None = None, **kwargs):
    """Read a CSV whose encoding may be UTF-8, UTF-8 with BOM, UTF-16 or cp874/TIS-620; print which one.

    อ่านไฟล์ CSV ภาษาไทย ตรวจการเข้ารหัสอักขระ (encoding) ให้เอง แล้วพิมพ์หนึ่งบรรทัดบอกว่าใช้รหัสอะไร
    (ปิดได้ด้วย ``verbose=False``) อาร์กิวเมนต์อื่นส่งต่อให้ ``pandas.read_csv`` ทั้งหมด
    ถ้ากำหนด ``encoding=`` เองจะใช้ค่านั้นโดยไม่ตรวจ

    - ตรวจการเข้ารหัสอักขระจากตัวอย่างไม่กี่ MB แล้วให้ pandas อ่านทั้งไฟล์ทีละส่วน (ไฟล์ใหญ่ก็ใช้หน่วยความจำพอ ๆ กับ pandas)
    - ``chunksize=`` หรือ ``iterator=True``: คืนตัวอ่านของ pandas (``TextFileReader``) ที่ใช้การเข้ารหัสอักขระที่ตรวจได้
    - อ่าน ``.csv.gz`` และ ``.zip`` ได้ (ZIP ที่มีหลายไฟล์ ให้เลือกด้วย ``member="ชื่อไฟล์.csv"``)
    - ไบต์เสียไม่กี่จุดถูกแทนด้วย ``�`` และแจ้งจำนวนด้วยคำเตือน :class:`ReplacedBytesWarning`
    - ถ้าไฟล์เป็นหน้าเว็บ (HTML), JSON, ไฟล์ว่าง หรือไฟล์ที่ดาวน์โหลดมาไม่ครบ จะแจ้งข้อผิดพลาด
      :class:`~helpers.clean.files.FileProblem` เป็นภาษาไทยว่าไฟล์เป็นอะไรและควรทำอย่างไร

    >>> from helpers import paths
    >>> df = read_csv_th(paths.data_dir() / "provinces.csv", dtype={"province_code": str})
    อ่านไฟล์ provinces.csv ด้วยการเข้ารหัสอักขระ (encoding) utf-8 — UTF-8 (มาตรฐานปัจจุบัน)
    >>> df.loc[0, "name_th"]
    'กรุงเทพมหานคร'
    >>> with read_csv_th(paths.data_dir() / "provinces.csv", chunksize=50, verbose=False) as reader:
    ...     [len(chunk) for chunk in reader]
    [50, 27]
    """
    src = files.open_source(path, member=member, want="csv")
    kwargs.pop("compression", None)  # the kit recognises gzip and ZIP itself
    given = kwargs.pop("encoding", None)
    if given:
        guess = _Guess(given)
    else:
        try:
            guess = _guess(src.sample_blocks())
        except _Undetectable:
            raise FileProblem(
                "encoding",
                (
                    f"ตรวจการเข้ารหัสอักขระ (encoding) ของไฟล์ {src.name} ไม่ได้ ไบต์ในไฟล์ไม่ตรงกับการเข้ารหัสอักขระที่รู้จัก "
                    "ถ้ารู้การเข้ารหัสอักขระของไฟล์ ให้กำหนดเอง หรืออ่านโดยแทนไบต์ที่อ่านไม่ได้ด้วย � : "
                    f'clean.read_csv_th({src.path_text!r}, encoding="utf-8", encoding_errors="replace")'
                ),
            ) from None
    encoding = guess.encoding
    name = src.name
    if kwargs.get("chunksize") is not None or kwargs.get("iterator"):
        if "encoding_errors" not in kwargs and guess.bad:
            kwargs["encoding_errors"] = "replace"
        source = src.pandas_input()
        extra = {"compression": src.compression} if isinstance(source, Path) else {}
        reader = pd.read_csv(source, encoding=encoding, **extra, **kwargs)
        if verbose:
            print(f"อ่านไฟล์ {name} ด้วยการเข้ารหัสอักขระ (encoding) {encoding} — {_how(encoding, bool(given))}")
        if guess.bad:
            warnings.warn(
                f"ตัวอย่างจากไฟล์ {name} มีไบต์ที่ถอดรหัสด้วย {encoding} ไม่ได้ {guess.bad:,} จุด "
                "ตัวอ่านจะแทนแต่ละจุดด้วยเครื่องหมาย �",
                ReplacedBytesWarning,
                stacklevel=2,
            )
        return reader
    own_errors = "encoding_errors" not in kwargs
    if own_errors:
        kwargs["encoding_errors"] = _COUNTING
    df, replaced = _read_csv_once(src, encoding, kwargs)
    if replaced and own_errors and not given and (not guess.evidence or _too_many(replaced, src)):
        # the sample did not show these bytes: look at where they are and guess again from there
        region = _first_bad_region(src, encoding)
        better = None
        if region is not None:
            try:
                better = _guess([region]).encoding
            except _Undetectable:
                better = None
        if better and better != encoding:
            df2, replaced2 = _read_csv_once(src, better, kwargs)
            if replaced2 < replaced:
                df, replaced, encoding = df2, replaced2, better
    if replaced and own_errors and _too_many(replaced, src):
        if given:
            hint = f"ลองไม่กำหนด encoding= เพื่อให้ชุดเรียนตรวจให้: clean.read_csv_th({src.path_text!r})"
        else:
            hint = (
                "ไฟล์อาจใช้การเข้ารหัสอักขระหลายแบบปนกัน ถ้ายังต้องการอ่าน ให้แทนไบต์ที่อ่านไม่ได้ด้วย � ทั้งหมด: "
                f'clean.read_csv_th({src.path_text!r}, encoding={encoding!r}, encoding_errors="replace")'
            )
        raise FileProblem(
            "encoding",
            (
                f"ไฟล์ {name} มีไบต์ที่ถอดรหัสด้วย {encoding} ไม่ได้ {replaced:,} จุด มากเกินกว่าจะเป็นไบต์เสียไม่กี่จุด "
                f"แสดงว่าการเข้ารหัสอักขระ (encoding) {encoding} ไม่ตรงกับไฟล์ {hint}"
            ),
        )
    if verbose:
        print(f"อ่านไฟล์ {name} ด้วยการเข้ารหัสอักขระ (encoding) {encoding} — {_how(encoding, bool(given))}")
    if replaced:
        warnings.warn(_replaced_message(name, encoding, replaced), ReplacedBytesWarning, stacklevel=2)
    return df


#: A trailing row holding one text cell that starts with one of these is a note, not data.
_NOTE_WORDS = (
    "หมายเหตุ",
    "ที่มา",
    "แหล่งที่มา",
    "แหล่งข้อมูล",
    "ข้อมูล ณ",
    "จัดทำโดย",
    "source",
    "note",
    "remark",
    "*",
    "(",
)


# ---------------------------------------------------------------------------------------- Excel
def _header_names(block: list[list], sep: str) -> list[str]:
    """Join the header rows of each column into one name (merged cells already filled)."""
    names = []
    for col in range(len(block[0]) if block else 0):
        parts: list[str] = []
        for row in block:
            v = row[col]
            if v is None or v == "" or isinstance(v, float) and np.isnan(v):
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


def _cells(row: list) -> list:
    """Calamine cells as pandas' own calamine reader gives them (whole floats become int, date → datetime)."""
    # inlined (no function call per cell): this loop is most of the time of reading a large sheet
    return [
        int(v)
        if v.__class__ is float and v.is_integer()
        else dt.datetime(v.year, v.month, v.day)
        if v.__class__ is dt.date
        else v
        for v in row
    ]


def _open_workbook(src: files.TableSource):
    import python_calamine

    try:
        if src.path is not None and src.compression is None:
            return python_calamine.CalamineWorkbook.from_path(os.fspath(src.path))
        with src.open() as f:
            return python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(f.read()))
    except (python_calamine.CalamineError, zipfile.BadZipFile, EOFError, zlib.error) as err:
        raise files.damaged(src.name, f" ({type(err).__name__})") from None
    except Exception as err:  # python-calamine raises its own errors for broken zip/xml parts
        if type(err).__module__.startswith("python_calamine"):
            raise files.damaged(src.name, f" ({type(err).__name__})") from None
        raise


def _sheet_list(sheet_name, names: list[str], src: files.TableSource) -> list:
    wanted = names if sheet_name is None else sheet_name if isinstance(sheet_name, list) else [sheet_name]
    for s in wanted:
        ok = (isinstance(s, int) and -len(names) <= s < len(names)) or (isinstance(s, str) and s in names)
        if not ok:
            listing = ", ".join(repr(n) for n in names)
            raise FileProblem(
                "sheet",
                (
                    f"ไม่พบชีต {s!r} ในไฟล์ {src.name} ชีตที่มีคือ {listing} ให้เลือกด้วยชื่อชีตหรือลำดับชีต "
                    f"(เริ่มจาก 0) เช่น clean.read_excel_th({src.path_text!r}, sheet_name={names[0]!r})"
                ),
            )
    return wanted


def _tidy_sheet(
    rows: list[list], merges, title_rows: int, header_rows: int, notes_rows, sep: str, kwargs: dict
) -> tuple[pd.DataFrame, int]:
    """Raw sheet cells → table with one name per column; returns (table, note rows dropped)."""
    data = [_cells(row) for row in rows]
    try:
        raw = TextParser(data, header=None, skip_blank_lines=False, **kwargs).read(kwargs.get("nrows"))
    except pd.errors.EmptyDataError:
        raw = pd.DataFrame()
    raw = raw.dropna(axis=1, how="all")
    keep_cols = list(raw.columns)
    block = None
    if header_rows:
        ncols = max(keep_cols) + 1 if keep_cols else 0
        grid = [
            (list(data[r][:ncols]) + [None] * ncols)[:ncols] if r < len(data) else [None] * ncols
            for r in range(title_rows, title_rows + header_rows)
        ]
        grid = [[None if v == "" else v for v in row] for row in grid]
        if merges is not None:
            for (r0, c0), (r1, c1) in merges:
                value = data[r0][c0] if r0 < len(data) and c0 < len(data[r0]) else None
                for r in range(max(r0, title_rows), min(r1, title_rows + header_rows - 1) + 1):
                    for c in range(c0, min(c1, ncols - 1) + 1):
                        # a vertical merge repeats the name; _header_names drops the repeat
                        grid[r - title_rows][c] = None if value == "" else value
        else:  # no merge information (e.g. .ods): merged parents show in their first cell only
            for r in range(len(grid) - 1):
                for c in range(1, ncols):
                    if grid[r][c] is None:
                        grid[r][c] = grid[r][c - 1]
        block = [[row[c] for c in keep_cols] for row in grid]
    body = raw.iloc[title_rows + header_rows :].dropna(how="all")
    body.columns = (
        _header_names(block, sep) if block is not None else [f"คอลัมน์_{i + 1}" for i in range(raw.shape[1])]
    )
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
    return body.reset_index(drop=True).infer_objects(), dropped


# One sheet (a position or a name) → a DataFrame; sheet_name=None → {sheet title: DataFrame} of every
# sheet; a list → {each item of the list: DataFrame}.
@overload
def read_excel_th(
    path: FileSource,
    *,
    sheet_name: int | str = 0,
    title_rows: int = 1,
    header_rows: int = 2,
    notes_rows: int | Literal["auto"] = "auto",
    sep: str = " ",
    verbose: bool = True,
    member: str | None = None,
    **kwargs: Any,
) -> pd.DataFrame: ...
@overload
def read_excel_th(
    path: FileSource,
    *,
    sheet_name: None,
    title_rows: int = 1,
    header_rows: int = 2,
    notes_rows: int | Literal["auto"] = "auto",
    sep: str = " ",
    verbose: bool = True,
    member: str | None = None,
    **kwargs: Any,
) -> dict[str, pd.DataFrame]: ...
@overload
def read_excel_th(
    path: FileSource,
    *,
    sheet_name: list[_SheetT],
    title_rows: int = 1,
    header_rows: int = 2,
    notes_rows: int | Literal["auto"] = "auto",
    sep: str = " ",
    verbose: bool = True,
    member: str | None = None,
    **kwargs: Any,
) -> dict[_SheetT, pd.DataFrame]: ...
def read_excel_th(
    path,
    *,
    sheet_name=0,
    title_rows: int = 1,
    header_rows: int = 2,
    notes_rows="auto",
    sep: str = " ",
    verbose: bool = True,
    member: str | None = None,
    **kwargs,
):
    """Read an agency Excel sheet: skip title rows, join multi-row headers, drop trailing notes.

    อ่านไฟล์ Excel แบบที่หน่วยงานราชการนิยมทำ: มีชื่อเรื่อง ``title_rows`` แถวด้านบน, หัวตาราง
    ``header_rows`` แถว (เช่น แถวบน "จำนวนผู้บาดเจ็บ" คลุมหลายคอลัมน์ แถวล่าง "ชาย", "หญิง")
    ซึ่งจะถูกรวมเป็นชื่อเดียวต่อคอลัมน์ เช่น ``"จำนวนผู้บาดเจ็บ ชาย"`` (เชื่อมด้วย ``sep``)
    เซลล์ที่ผสาน (merge) ถูกเติมให้ทุกคอลัมน์ที่คลุม แถวหมายเหตุท้ายตาราง (``notes_rows="auto"``:
    แถวท้าย ๆ ที่มีข้อความเซลล์เดียวและขึ้นต้นด้วย "หมายเหตุ" "ที่มา" "*" ฯลฯ ดู ``_NOTE_WORDS``)
    ถูกตัดออก หรือกำหนดจำนวนแถวเป็นตัวเลข (0 = ไม่ตัด) แถวและคอลัมน์ที่ว่างทั้งหมดถูกตัดออก
    แถว "รวม" ยังอยู่ ให้ตัดสินใจเอง อาร์กิวเมนต์อื่น (เช่น ``dtype``, ``nrows``, ``na_values``)
    ส่งต่อให้ตัวแยกข้อมูลของ pandas แบบเดียวกับ ``pandas.read_excel``

    อ่าน ``.xlsx``, ``.xls`` (Excel รุ่นเก่า) และ ``.ods`` ด้วย python-calamine ครั้งเดียว (ค่าในเซลล์และ
    ช่วงเซลล์ที่ผสานมาจากการอ่านครั้งเดียวกัน) ``sheet_name=None`` คืนทุกชีตเป็น dict
    ``sheet_name=[0, "ชื่อชีต"]`` คืนเฉพาะชีตที่เลือกเป็น dict ไฟล์ ``.zip`` ที่มีไฟล์ Excel อยู่ข้างใน
    อ่านได้ (หลายไฟล์ให้เลือกด้วย ``member=``)

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
    >>> list(read_excel_th(path, sheet_name=None, verbose=False))
    ['Sheet']
    """
    for bad in ("header", "skiprows", "names"):
        if bad in kwargs:
            raise TypeError(f"read_excel_th กำหนด {bad} เอง ใช้ title_rows / header_rows แทน")
    kwargs.pop("engine", None)  # always python-calamine: one fast read of cells and merged ranges
    src = files.open_source(path, member=member, want="excel")
    book = _open_workbook(src)
    try:
        names = list(book.sheet_names)
        wanted = _sheet_list(sheet_name, names, src)
        out = {}
        for s in wanted:
            sheet_title = names[s] if isinstance(s, int) else s
            try:
                sheet = book.get_sheet_by_name(sheet_title)
                rows = sheet.to_python(skip_empty_area=False, nrows=kwargs.get("nrows"))
                merges = sheet.merged_cell_ranges
            except Exception as err:
                if type(err).__module__.startswith("python_calamine"):
                    raise files.damaged(src.name, f" ({type(err).__name__})") from None
                raise
            body, dropped = _tidy_sheet(rows, merges, title_rows, header_rows, notes_rows, sep, kwargs)
            if verbose:
                where = f"ชีตที่ {s + 1 if s >= 0 else len(names) + s + 1}" if isinstance(s, int) else f"ชีต {s}"
                print(
                    f"อ่านไฟล์ {src.name} {where}: ข้ามชื่อเรื่อง {title_rows} แถว, "
                    f"รวมหัวตาราง {header_rows} แถวเป็นชื่อคอลัมน์, "
                    f"ตัดหมายเหตุท้ายตาราง {dropped} แถว, ได้ {len(body):,} แถว × {body.shape[1]} คอลัมน์"
                )
            out[sheet_title if sheet_name is None else s] = body
    finally:
        book.close()
    if sheet_name is None or isinstance(sheet_name, list):
        return out
    return out[wanted[0]]
