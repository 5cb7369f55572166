"""Fast, vectorised cleaning for Thai government data (``from helpers import clean``).

เครื่องมือทำความสะอาดข้อมูลภาษาไทย: วันที่ พ.ศ./ชื่อเดือนไทย, เลขไทยและตัวเลขที่เป็นข้อความ,
ชื่อจังหวัดเป็นชื่อ/รหัสทางการ, การเข้ารหัสอักขระของไฟล์ ทุกฟังก์ชันรับค่าเดี่ยวหรือ pandas Series
ไม่แก้ไขข้อมูลต้นฉบับ และค่าที่แปลงไม่ได้จะเป็น NaN/NaT ซึ่งดูรายการได้ด้วย ``unparsed``

>>> from helpers import clean
>>> clean.parse_date_th("15 ม.ค. 67"), clean.to_number("๑,๒๐๐ บาท"), clean.province_code("กทม")
(Timestamp('2024-01-15 00:00:00'), 1200.0, '10')
"""

from .dates import be_to_ce, ce_to_be, find_date_th, parse_date_th
from .encoding import ENCODING_NAMES, ReplacedBytesWarning, detect_encoding, read_csv_th, read_excel_th
from .files import FileProblem
from .numbers import to_arabic_digits, to_number
from .provinces import normalize_province, province_code, province_code_table, province_table
from .report import unparsed
from .text import clean_text, sort_key_th, sort_th, text_columns

__all__ = [
    "read_csv_th",
    "detect_encoding",
    "read_excel_th",
    "FileProblem",
    "ReplacedBytesWarning",
    "ENCODING_NAMES",
    "to_arabic_digits",
    "to_number",
    "parse_date_th",
    "find_date_th",
    "be_to_ce",
    "ce_to_be",
    "normalize_province",
    "province_code",
    "province_table",
    "province_code_table",
    "clean_text",
    "sort_th",
    "sort_key_th",
    "text_columns",
    "unparsed",
]
