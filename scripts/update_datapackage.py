"""Rebuild ``data/datapackage.json`` (Frictionless Data Package) and ``data/facts/sources.csv``.

สคริปต์นี้สร้างคำอธิบายชุดข้อมูล (metadata) ของทุกไฟล์ใน ``data/`` ใหม่ทั้งหมด พร้อมค่าตรวจสอบ
ความถูกต้องของไฟล์ (checksum, sha256) ให้รันทุกครั้งที่ไฟล์ใดใน ``data/`` เปลี่ยน::

    python scripts/update_datapackage.py

(``make data`` runs it last, after ``scripts/make_checkpoints.py``.)

Titles, descriptions, sources and notes live in this file (``META``); field types are inferred by
frictionless and then pinned where inference would be wrong (codes kept as text, ``-`` as missing,
...).  Real agency files (``data/real/``) are described from ``scripts/real_data_meta.py``.
The output is deterministic (sorted resources, no timestamps), so an unchanged ``data/`` gives a
byte-identical ``datapackage.json``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import runpy
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


# real_data_meta.py is a file beside this one (scripts are not a package; no sys.path edits).
REAL_FILES = runpy.run_path(str(Path(__file__).with_name("real_data_meta.py")))["REAL_FILES"]
DATA = REPO / "data"

# The package's own licence covers what the kit wrote (titles, descriptions, this descriptor); every
# file keeps the licence recorded in its own resource.
KIT_METADATA = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 (คำอธิบายชุดข้อมูลที่ชุดเรียนเขียน "
    "ส่วนไฟล์ข้อมูลแต่ละไฟล์เป็นไปตามสัญญาอนุญาตที่ระบุไว้ในรายการของไฟล์นั้น)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
# The source list (SOURCES.md) does not record a licence for the real figures: say so, never guess.
GOV_FACTS = {
    "name": "other-at",
    "title": "ข้อมูลจริงจากเอกสารเผยแพร่ของหน่วยงานรัฐ: บันทึกแหล่งที่มาไม่ได้ระบุสัญญาอนุญาต "
    "(license) ของต้นทาง ให้อ้างอิงแหล่งที่มาทุกครั้ง",
}
MIT_REGIONS = {
    "name": "MIT",
    "title": "MIT (การจัดกลุ่ม 6 ภาค จาก kongvut/thai-province-data)",
    "path": "https://opensource.org/licenses/MIT",
}
KIT_CHECKPOINT = "scripts/make_checkpoints.py (helpers.recipes + helpers.clean)"
# ---------------------------------------------------------------------------------------------
# Source keys (from data/facts/SOURCES.md): publisher in Thai and confidence.  Titles and URLs are
# parsed from the "Source list" section of SOURCES.md so that they stay verbatim.
SOURCE_META = {
    "P1": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P2": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P3": ("Bangkok Post (โฆษกกระทรวงมหาดไทย)", "medium"),
    "P4": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P5": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P6": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P7": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P8": ("กรมการปกครอง", "high"),
    "P9": ("สำนักงานสถิติแห่งชาติ (สสช.)", "high"),
    "P10": ("ineedtoknow.org (อ้างประกาศกรมการปกครอง)", "medium"),
    "P11": ("faqthai.org (อ้างกรมการปกครอง)", "medium"),
    "P12": ("สื่อมวลชน (รายงานประกาศราชกิจจานุเบกษา)", "medium"),
    "P13": ("สำนักงานสถิติแห่งชาติ (สสช.)", "unconfirmed: year label probably wrong"),
    "P15": ("บันทึกในที่เก็บโค้ดสาธารณะ (อ้าง data.go.th 0405_01_0005)", "medium"),
    "P16": ("บันทึกในที่เก็บโค้ดสาธารณะ (อ้าง catalog.dopa.go.th)", "medium"),
    "T1": ("สำนักงานสถิติแห่งชาติ (สสช.) อ้าง ททท.", "high"),
    "T5": ("สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม (สผ.)", "medium"),
    "T7": ("สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม (สผ.)", "medium"),
    "T4": ("สำนักงานนโยบายและแผนทรัพยากรธรรมชาติและสิ่งแวดล้อม (สผ.)", "medium"),
    "R19": ("ศูนย์วิชาการเพื่อความปลอดภัยทางถนน (ThaiRSC/TRSO)", "medium"),
    "R26": ("มูลนิธิ (ddd.or.th)", "low"),
    "R27": ("เว็บไซต์ทำซ้ำข่าว (ยืนยันด้วยกรุงเทพธุรกิจ)", "low"),
    "R28": ("ไทยรัฐ", "low: festival year not stated"),
    "A3": ("สื่อมวลชน (สำนักข่าวไทย อ้างนายกรัฐมนตรี)", "low"),
    "A1": ("สผ. สรุปข้อมูลกรมควบคุมมลพิษ", "medium"),
    "A2": ("สผ. สรุปข้อมูลกรมควบคุมมลพิษ", "medium"),
    "W1": ("สผ. (ข้อมูลกรมอุตุนิยมวิทยา)", "medium"),
    "W2": ("สผ. (ข้อมูลกรมอุตุนิยมวิทยา)", "medium"),
    "W3": ("สผ. (ข้อมูลกรมอุตุนิยมวิทยา)", "medium"),
    "C1": ("กรมควบคุมโรค (สำเนาใน GitHub fatalaijon/covid-th)", "high"),
    "C2": ("สำนักงานการวิจัยแห่งชาติ (วช.) รายงานประจำวัน", "medium"),
    "C4": ("องค์การอนามัยโลก (WHO Thailand)", "medium"),
    "C5": ("ที่เก็บโค้ดสาธารณะ (อ้าง API กรมควบคุมโรค)", "medium"),
    "C12": ("Wikipedia (และเว็บทำซ้ำ)", "low"),
}
_DEFAULT_PUBLISHER = {
    "P": ("สื่อมวลชน", "medium"),
    "T": ("สื่อมวลชน (อ้างกระทรวงการท่องเที่ยวและกีฬา)", "medium"),
    "R": ("สื่อมวลชน (อ้าง ศปถ./กรมป้องกันและบรรเทาสาธารณภัย)", "medium"),
    "A": ("สื่อมวลชน (รายงานของกรุงเทพมหานคร)", "medium"),
    "W": ("สถาบันสารสนเทศทรัพยากรน้ำ (สสน.) ThaiWater", "medium"),
    "C": ("สื่อมวลชน (รายงาน ศบค./กรมควบคุมโรค)", "medium"),
}
for _k in ("R20", "R21", "R22", "R23", "R24", "R25"):
    SOURCE_META[_k] = SOURCE_META["R19"]

URL_RE = re.compile(r"https?://[^\s)]+")


def parse_sources(md_text: str) -> list[dict]:
    """Parse the "Source list" of SOURCES.md into rows (key, publisher, title, url, confidence)."""
    text = md_text.split("## Source list", 1)[1]
    rows: list[dict] = []
    base_url = ""
    for line in text.splitlines():
        top = re.match(r"^- ([A-Z]\d+)(?:–([A-Z]\d+))?: (.*)$", line)
        sub_key = re.match(r"^\s+- ([A-Z]\d+): (.*)$", line)
        sub_url = re.match(r"^\s+- (https?://\S+)\s*$", line)
        if top and top.group(2):  # a range such as R19–R25: remember the base URL
            urls = URL_RE.findall(top.group(3))
            base_url = urls[0].rstrip("/").rstrip("…") if urls else ""
            range_title = top.group(3)
            continue
        if top:
            body = top.group(3)
            # title: the reference verbatim; url: its complete URLs (a URL cut with "…" is left out)
            urls = [u.rstrip(".,;") for u in URL_RE.findall(body) if "…" not in u]
            rows.append({"key": top.group(1), "title": body.strip(), "url": " ".join(urls)})
        elif sub_key:
            rows.append(
                {
                    "key": sub_key.group(1),
                    "title": f"{range_title.split(' under ')[0]}: {sub_key.group(2)}",
                    "url": base_url.rstrip("/") + "/" + sub_key.group(2),
                }
            )
        elif sub_url and rows:
            rows[-1]["url"] = (rows[-1]["url"] + " " + sub_url.group(1)).strip()
    for row in rows:
        publisher, confidence = SOURCE_META.get(row["key"], _DEFAULT_PUBLISHER[row["key"][0]])
        row["publisher"] = publisher
        row["confidence"] = confidence
    return rows


def write_sources_csv(data: Path = DATA) -> list[dict]:
    rows = parse_sources((data / "facts" / "SOURCES.md").read_text(encoding="utf-8"))
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, fieldnames=["key", "publisher", "title", "url", "confidence"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    (data / "facts" / "sources.csv").write_text(buf.getvalue(), encoding="utf-8")
    return rows


# ---------------------------------------------------------------------------------------------
# Thai titles of columns (fields).  Every column of every CSV must be here (a test checks).
FIELD_TITLES = {
    # checkpoints of the real files
    "open_date": "วันที่เปิดสถานี",
    "close_date": "วันที่ปิดสถานี",
    "type": "ประเภทผู้ประสบเหตุ",
    "victims": "จำนวนผู้ประสบเหตุ (คน)",
    "province_label": "ชื่อจังหวัดตามที่เขียนในไฟล์",
    "guests": "จำนวนผู้เข้าพัก (คน)",
    "visitors": "ผู้เยี่ยมเยือนทั้งหมด (คน-ครั้ง)",
    "income_mb": "รายได้จากผู้เยี่ยมเยือนทั้งหมด (ล้านบาท)",
    "mots_region": "ภาคตามการแบ่งของกระทรวงการท่องเที่ยวฯ",
    "households": "จำนวนบ้าน",
    # provinces
    "province_code": "รหัสจังหวัด (2 หลัก ตามกรมการปกครอง)",
    "name_th": "ชื่อภาษาไทย",
    "name_en": "ชื่อภาษาอังกฤษ",
    "name_en_variant": "ชื่อภาษาอังกฤษแบบอื่นที่พบ",
    "region_6": "ภาค (แบ่ง 6 ภาค)",
    "population_31dec2562": "ประชากรตามทะเบียนราษฎร ณ 31 ธ.ค. 2562 (คน)",
    "area_km2": "พื้นที่ (ตร.กม.)",
    # province_codes
    "kind": "ชนิดของรหัส (abbr_th, abbr_th_variant, abbr_en, abbr_en_variant, iso_3166_2)",
    "code": "รหัสหรืออักษรย่อ",
    "source": "แหล่งที่มาของแถวนี้",
    # common
    "year_be": "ปี พ.ศ.",
    "year_ce": "ปี ค.ศ.",
    "src": "รหัสแหล่งที่มา (ดู facts/sources.csv)",
    "note": "หมายเหตุ",
    "date": "วันที่",
    "month": "เดือน",
    "province_th": "จังหวัด",
    "province_en": "จังหวัด (อังกฤษ)",
    "region_th": "ภาค",
    "area_th": "พื้นที่",
    "area_en": "พื้นที่ (อังกฤษ)",
    "level": "ระดับพื้นที่",
    "zone": "เขตการปกครอง",
    "total": "รวม (คน)",
    "male": "ชาย (คน)",
    "female": "หญิง (คน)",
    "growth_rate_pct": "อัตราเพิ่ม (ร้อยละ)",
    "density_per_km2": "ความหนาแน่น (คนต่อ ตร.กม.)",
    "houses": "จำนวนบ้าน (หลัง)",
    "population": "ประชากร (คน)",
    # covid
    "date_type": "ความหมายของวันที่",
    "cumulative_confirmed_since_2020": "ผู้ป่วยสะสมตั้งแต่ 2563 (ราย)",
    "cumulative_deaths_since_2020": "ผู้เสียชีวิตสะสมตั้งแต่ 2563 (ราย)",
    "cumulative_confirmed_since_2021_04_01": "ผู้ป่วยสะสมตั้งแต่ 1 เม.ย. 2564 (ราย)",
    "cumulative_deaths_since_2021_04_01": "ผู้เสียชีวิตสะสมตั้งแต่ 1 เม.ย. 2564 (ราย)",
    "new_confirmed": "ผู้ป่วยรายใหม่ (ราย)",
    "confirmed_cumulative": "ผู้ป่วยสะสม (ราย)",
    "new_deaths": "เสียชีวิตรายใหม่ (ราย)",
    "deaths_cumulative": "เสียชีวิตสะสม (ราย)",
    "new_recovered": "หายป่วยรายใหม่ (ราย)",
    "recovered_cumulative": "หายป่วยสะสม (ราย)",
    "new_hospitalized": "ผู้รักษาตัวเปลี่ยนแปลงสุทธิ (ราย)",
    "hospitalized_current": "กำลังรักษาตัว (ราย)",
    # pm2.5
    "time_window": "ช่วงเวลา",
    "bangkok_average_ugm3": "ค่าเฉลี่ย กทม. (มคก./ลบ.ม.)",
    "standard_ugm3": "ค่ามาตรฐาน (มคก./ลบ.ม.)",
    "time": "เวลา",
    "rank": "อันดับ",
    "district_th": "เขต",
    "pm25_ugm3": "PM2.5 (มคก./ลบ.ม.)",
    "national_annual_mean_ugm3": "ค่าเฉลี่ยรายปีทั้งประเทศ (มคก./ลบ.ม.)",
    "station_annual_mean_min": "ค่าเฉลี่ยรายปีของสถานี ต่ำสุด",
    "station_annual_mean_max": "ค่าเฉลี่ยรายปีของสถานี สูงสุด",
    "daily24h_min": "ค่าเฉลี่ย 24 ชม. ต่ำสุด",
    "daily24h_max": "ค่าเฉลี่ย 24 ชม. สูงสุด",
    "national_max_24h_mean_ugm3": "ค่าเฉลี่ย 24 ชม. สูงสุดของประเทศ",
    "annual_standard": "ค่ามาตรฐานรายปี",
    "daily_standard": "ค่ามาตรฐาน 24 ชม.",
    # population extras
    "reference": "ช่วงเวลาอ้างอิง",
    "bangkok_registered_population": "ประชากร กทม. ตามทะเบียน (คน)",
    "cross_check": "การตรวจสอบไขว้",
    "bulletin_q4_2565_value_labelled_2564": "ค่าในวารสาร สสช. ไตรมาส 4/2565 (หัวตารางระบุ 2564)",
    "faqthai_2564_value": "ค่าปี 2564 จาก faqthai (อ้างกรมการปกครอง)",
    "news_2565_value": "ค่าปี 2565 จากข่าวประกาศราชกิจจานุเบกษา",
    "reference_date": "วันอ้างอิง",
    "thai_nationality": "สัญชาติไทย (คน)",
    "non_thai": "ไม่ใช่สัญชาติไทย (คน)",
    # rainfall
    "scope": "ขอบเขตพื้นที่",
    "rain_mm": "ปริมาณฝน (มม.)",
    "departure": "ต่างจากค่าปกติ",
    "departure_from_normal": "ต่างจากค่าปกติ",
    "normal_mm": "ค่าปกติ (มม.)",
    "normal_period": "ช่วงปีของค่าปกติ",
    "method": "วิธี/แหล่งคำนวณ",
    # road
    "festival": "เทศกาล",
    "festival_year_be": "ปีเทศกาล (พ.ศ.)",
    "period_start": "วันเริ่ม",
    "period_end": "วันสิ้นสุด",
    "days": "จำนวนวัน",
    "days_covered": "จำนวนวันที่นับ",
    "crashes": "อุบัติเหตุ (ครั้ง)",
    "injured": "ผู้บาดเจ็บ (คน)",
    "deaths": "ผู้เสียชีวิต (ราย)",
    "indicator": "ตัวชี้วัด",
    "unit": "หน่วย",
    "value": "ค่า",
    "data_source_per_trso": "แหล่งข้อมูลตาม TRSO",
    # tourism
    "arrivals_value": "จำนวนนักท่องเที่ยวต่างชาติ (ตามที่ประกาศ)",
    "arrivals_unit": "หน่วยของจำนวนนักท่องเที่ยว",
    "receipts_value": "รายได้ (ตามที่ประกาศ)",
    "receipts_unit": "หน่วยของรายได้",
    "period": "ช่วงเวลา",
    "status_and_channel": "สถานะและช่องทางการประกาศ",
    "arrivals_thousand": "นักท่องเที่ยวต่างชาติ (พันคน)",
    "arrivals_change_pct": "เปลี่ยนแปลง (ร้อยละ)",
    "avg_length_of_stay_days": "ระยะพำนักเฉลี่ย (วัน)",
    "receipts_billion_baht": "รายได้ (พันล้านบาท)",
    "receipts_pct_gdp": "รายได้ต่อ GDP (ร้อยละ)",
    "per_capita_expense_baht_per_day": "ค่าใช้จ่ายต่อคนต่อวัน (บาท)",
    # sources.csv
    "key": "รหัสแหล่งที่มา",
    "publisher": "หน่วยงาน/ผู้เผยแพร่",
    "title": "ชื่อเอกสาร",
    "url": "ที่อยู่ (URL)",
    "confidence": "ระดับความเชื่อมั่น",
    # checkpoints
    "pm25": "PM2.5 (มคก./ลบ.ม.)",
    "station_code": "รหัสสถานี",
    "province": "จังหวัด (ชื่อทางการ)",
    "thai_visitors": "ผู้เยี่ยมเยือนชาวไทย (คน-ครั้ง)",
    "thai_income_mb": "รายได้จากชาวไทย (ล้านบาท)",
    "foreign_visitors": "ผู้เยี่ยมเยือนชาวต่างชาติ (คน-ครั้ง)",
    "foreign_income_mb": "รายได้จากชาวต่างชาติ (ล้านบาท)",
    "occupancy_pct": "อัตราการเข้าพัก (ร้อยละ)",
    "region": "ภาค",
    # checkpoints of the NIEMS New-Year records (the header is Thai, as in the agency's file)
    "ปีเทศกาล": "ปีเทศกาล (พ.ศ.)",
    "เทศกาล": "เทศกาล",
    "รหัสจังหวัด": "รหัสจังหวัด (2 หลัก ตามกรมการปกครอง หาจากชื่อจังหวัด)",
    "จังหวัด": "จังหวัด (ชื่อทางการ)",
    "ภาค": "ภาค (แบ่ง 6 ภาค)",
    "ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ": "ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ",
    "วันที่เกิดเหตุ": "วันที่เกิดเหตุ (ช่วงรณรงค์ปีใหม่ ปลายเดือนธันวาคมถึงต้นเดือนมกราคม)",
    "ชั่วโมงเกิดเหตุ": "เลขช่วงชั่วโมงที่เกิดเหตุตามไฟล์ต้นทาง (0-23; ค่า 24 เป็นค่าที่หายไป)",
    "เพศ": "เพศ",
    "อายุ": "อายุ (ปี; อายุ 0 คงไว้ตามไฟล์ต้นทาง)",
    "ถนนที่เกิดเหตุ": "ประเภทถนน",
    "สถานะ": "สถานะผู้บาดเจ็บ",
    "รถผู้บาดเจ็บ": "ยานพาหนะของผู้บาดเจ็บ",
    "รถคู่กรณี": "ยานพาหนะคู่กรณี",
    "มาตรการ": "หมวกนิรภัย/เข็มขัดนิรภัย",
    "การดื่มสุรา": "การดื่มสุรา",
    "การนำส่ง": "การนำส่งโรงพยาบาล",
    "Refer-Admit": "การส่งต่อ/รับไว้รักษา",
    "ผลการรักษา": "ผลการรักษา",
    "เสียชีวิต": "เสียชีวิตหรือไม่ (True/False)",
    "จำนวนวันรักษา": "จำนวนวันรักษา",
}

# ---------------------------------------------------------------------------------------------
# Per-file metadata.  "sources": list of source keys (resolved through sources.csv) or dicts.
META: dict[str, dict] = {
    "provinces.csv": dict(
        title="77 จังหวัด: รหัส ชื่อไทย-อังกฤษ ภาค ประชากร 2562 และพื้นที่",
        description="รายชื่อ 77 จังหวัด พร้อมรหัสจังหวัด 2 หลักของกรมการปกครอง (ตรงกับเลขใน ISO 3166-2:TH) "
        "ชื่อภาษาไทยและอังกฤษ (รวมตัวสะกดอังกฤษแบบอื่นที่พบ) การแบ่ง 6 ภาค ประชากรตามทะเบียนราษฎร "
        "ณ 31 ธันวาคม 2562 (รวม 66,558,935 คน ตรงกับยอดที่ประกาศ) และพื้นที่ (ตร.กม.)",
        sources=[
            {
                "title": "กรมการปกครอง: จำนวนประชากรตามหลักฐานการทะเบียนราษฎร ณ 31 ธ.ค. 2562 (ราชกิจจานุเบกษา) "
                "ตรวจกับข่าวประกาศ",
                "path": "https://moe360.blog/2020/02/01/ราชกิจจานุเบกษาเผยแพร่-2/",
            },
            {
                "title": "การจัดกลุ่ม 6 ภาค: kongvut/thai-province-data (MIT)",
                "path": "https://github.com/kongvut/thai-province-data",
            },
            {"title": "พื้นที่: Wikipedia (แหล่งทุติยภูมิ ใช้เพื่อการสอนเท่านั้น)"},
        ],
        licenses=[GOV_FACTS, MIT_REGIONS],
        confidence="high (population, codes); area is a secondary source",
        definition="ประชากรรวมผู้มีสัญชาติไทยและไม่ใช่สัญชาติไทย; พื้นที่จาก Wikipedia (รวม 517,645 ตร.กม.)",
        types={"province_code": "string"},
    ),
    "province_codes.csv": dict(
        title="รหัสย่อของ 77 จังหวัด: อักษรย่อภาษาไทย อักษรย่อภาษาอังกฤษ 3 ตัว และรหัส ISO 3166-2:TH",
        description="อักษรย่อจังหวัดภาษาไทย 2 ตัวอักษร (เช่น ชม ขก และ กทม/กท ของกรุงเทพมหานคร) อักษรย่อภาษาอังกฤษ "
        "3 ตัวอักษร (เช่น CMI KKN) และรหัส ISO 3166-2:TH (เช่น TH-50) ของทุกจังหวัด ผูกกับรหัสจังหวัด 2 หลักใน "
        "provinces.csv ใช้โดย helpers.clean.province_code ทุกแถวบอกแหล่งที่มาในคอลัมน์ source "
        "อักษรย่อภาษาไทยจาก pythainlp ตรวจเทียบกับอักษรนำหน้าหมายเลขทางหลวงชนบทของกรมทางหลวงชนบทแล้ว ตรงกัน 76 จังหวัด "
        "(กรุงเทพมหานครใช้ทั้ง กทม และ กท) อักษรย่อภาษาอังกฤษ 3 ตัวไม่มีมาตรฐานทางการ (มอก. 1099 และ ISO 3166-2:TH "
        "เป็นตัวเลข) จึงรวบรวมจากสามรายการที่เผยแพร่ (pythainlp และโค้ดสาธารณะสองแห่ง) ซึ่งให้รหัสเดียวกัน 73 จังหวัด "
        "จังหวัดที่รายการให้ต่างกัน (พิจิตร นครศรีธรรมราช อุตรดิตถ์) เก็บไว้ทั้งสองแบบ เพราะไม่มีรายการใดใช้รหัสนั้นกับจังหวัดอื่น "
        "ยังไม่ได้ตรวจว่าหน่วยงานใช้รหัสชุดนี้ตรงทุกตัว สร้างโดย scripts/make_province_codes.py",
        sources=[
            {
                "title": "PyThaiNLP corpus thailand_provinces_th.csv (CC0)",
                "path": "https://github.com/PyThaiNLP/pythainlp/blob/dev/pythainlp/corpus/thailand_provinces_th.csv",
            },
            {
                "title": "กรมทางหลวงชนบท: อักษรนำหน้าหมายเลขทางหลวงชนบท ตามตารางใน TravelMapping/HighwayData "
                "hwy_data/THA/tharr/README.md (commit 0015de587595708d96fffb16682ea5957ea1504b)",
                "path": "https://github.com/TravelMapping/HighwayData/blob/0015de587595708d96fffb16682ea5957ea1504b/"
                "hwy_data/THA/tharr/README.md",
            },
            {
                "title": "อักษรย่อภาษาอังกฤษ 3 ตัว: PyThaiNLP corpus thailand_provinces_th.csv คอลัมน์ abbr_en (CC0)",
                "path": "https://github.com/PyThaiNLP/pythainlp/blob/dev/pythainlp/corpus/thailand_provinces_th.csv",
            },
            {
                "title": "อักษรย่อภาษาอังกฤษ 3 ตัว: NorthKunG/Rakpod rakpod-subscriber-service/src/province.ts "
                "(commit 422fa23a01c3c0b346c7f3d2b889c1fc9def3998)",
                "path": "https://github.com/NorthKunG/Rakpod/blob/422fa23a01c3c0b346c7f3d2b889c1fc9def3998/"
                "rakpod-subscriber-service/src/province.ts",
            },
            {
                "title": "อักษรย่อภาษาอังกฤษ 3 ตัว: MercuryHeart123/solar-app src/data/thailand-provinces.ts "
                "(commit 0341dc13b4600eba6b9cf32e1cec6e7419fbf2bd)",
                "path": "https://github.com/MercuryHeart123/solar-app/blob/0341dc13b4600eba6b9cf32e1cec6e7419fbf2bd/"
                "src/data/thailand-provinces.ts",
            },
            {
                "title": "ISO 3166-2:TH จากฐานข้อมูล iso-codes (ผ่าน pycountry)",
                "path": "https://salsa.debian.org/iso-codes-team/iso-codes",
            },
        ],
        licenses=[
            {
                "name": "CC0-1.0",
                "title": "CC0 1.0 (อักษรย่อจาก PyThaiNLP corpus)",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            },
            {"name": "other-at", "title": "รหัส ISO 3166-2 และอักษรย่อทางราชการเป็นข้อเท็จจริง ให้อ้างอิงแหล่งที่มา"},
        ],
        confidence="high (Thai abbreviations, ISO codes); medium (3-letter English codes: no official list)",
        definition="อักษรย่อภาษาไทยจากสองแหล่งตรงกัน 76 จาก 77 จังหวัด (กรุงเทพมหานครเก็บไว้ทั้ง กทม และ กท) "
        "อักษรย่อภาษาอังกฤษ 3 ตัวจากสามรายการ ให้รหัสเดียวกัน 73 จังหวัด และเลข ISO 3166-2:TH ตรงกับรหัสจังหวัดของชุดเรียน",
        generated_by="scripts/make_province_codes.py (pythainlp corpus + pycountry)",
        types={"province_code": "string", "code": "string"},
    ),
    "facts/SOURCES.md": dict(
        title="บันทึกแหล่งที่มาและการตรวจสอบของตารางข้อเท็จจริง",
        description="สำเนาบันทึกต้นฉบับ (ภาษาอังกฤษ) ที่อธิบายทุกตารางใน facts/ คอลัมน์ นิยาม แหล่งที่มา "
        "การตรวจสอบความสอดคล้อง และข้อขัดแย้งระหว่างแหล่ง",
        sources=[{"title": "รวบรวมจากสำเนาหน้าเว็บและที่เก็บโค้ดสาธารณะ (ดูรายการในไฟล์)"}],
        licenses=[GOV_FACTS],
        confidence="documentation",
    ),
    "facts/sources.csv": dict(
        title="รายการแหล่งที่มาของตารางข้อเท็จจริง (รหัส src)",
        description="ตารางแปลงรหัสในคอลัมน์ src (เช่น P1, T7, R1) เป็นหน่วยงาน ชื่อเอกสาร URL และระดับความเชื่อมั่น "
        "สร้างจากส่วน Source list ของ facts/SOURCES.md โดย scripts/update_datapackage.py",
        sources=[{"title": "facts/SOURCES.md", "path": "facts/SOURCES.md"}],
        licenses=[GOV_FACTS],
        confidence="documentation",
    ),
    "facts/covid19_cumulative_snapshots.csv": dict(
        title="โควิด-19: ยอดสะสมผู้ป่วยและผู้เสียชีวิต ณ วันต่าง ๆ (ธ.ค. 2563 - เม.ย. 2565)",
        description="ยอดสะสมตามรายงานประจำวันของ ศบค./กรมควบคุมโรค ตั้งแต่ระลอกที่ 3 มี 2 ชุด (ตั้งแต่ 2563 และตั้งแต่ "
        "1 เม.ย. 2564) ซึ่งต่างกันพอดี 28,863 ราย และ 94 ราย (ยอดสะสม ณ 31 มี.ค. 2564)",
        confidence="medium",
        definition="วันที่แต่ละแถวมีความหมายต่างกัน (ดูคอลัมน์ date_type)",
    ),
    "facts/covid19_daily_2021_04.csv": dict(
        title="โควิด-19 รายวันทั้งประเทศ 1 เม.ย. - 1 พ.ค. 2564",
        description="ข้อมูลรายวันช่วงเริ่มระลอกเดือนเมษายน 2564 (ผู้ป่วยใหม่ สะสม เสียชีวิต หายป่วย กำลังรักษา) "
        "สำเนาตรงตัวจาก timeline ของกรมควบคุมโรค ตรวจแล้วทุกแถว: สะสมวันนี้ = สะสมเมื่อวาน + รายใหม่",
        extra_sources=["C1"],
        confidence="high",
        definition="new_hospitalized คือการเปลี่ยนแปลงสุทธิของผู้กำลังรักษาตัว (ติดลบได้)",
    ),
    "facts/pm25_bangkok_city_average_snapshots.csv": dict(
        title="PM2.5 ค่าเฉลี่ยกรุงเทพมหานคร ณ เช้าวันต่าง ๆ (รายงาน กทม.)",
        description="ค่าเฉลี่ย PM2.5 ของ กทม. จากรายงานตอนเช้า 5 วัน เป็นค่าใกล้เวลาจริง ไม่ใช่สถิติรายปี",
        confidence="medium",
        definition="ค่ามาตรฐาน 24 ชม. ที่อ้างคือ 37.5 มคก./ลบ.ม.; แถว 2026-01-14 มีปีในข้อความไม่ตรงกับวันที่ของหน้า",
    ),
    "facts/pm25_bangkok_top12_districts_snapshots.csv": dict(
        title="PM2.5 สิบสองเขตที่สูงสุดของกรุงเทพมหานคร 4 วัน",
        description="อันดับ 12 เขตที่ค่า PM2.5 สูงสุดตอน 07:00 น. จากรายงาน กทม. วันที่ 24 ต.ค. 2568, 7, 8 และ 14 ม.ค. 2569",
        confidence="medium",
        definition="ค่าใกล้เวลาจริงตอนเช้า ไม่ใช่ค่าเฉลี่ย 24 ชั่วโมง",
    ),
    "facts/pm25_national_annual.csv": dict(
        title="PM2.5 ระดับประเทศรายปี 2560-2562",
        description="ค่าเฉลี่ยรายปีทั้งประเทศ ช่วงค่าเฉลี่ยของสถานี และช่วงค่าเฉลี่ย 24 ชั่วโมง ตามข้อมูลกรมควบคุมมลพิษ "
        "ที่ สผ. สรุปไว้",
        confidence="medium",
        definition="ค่ามาตรฐานในขณะนั้น: รายปี 25 และ 24 ชม. 50 มคก./ลบ.ม.",
    ),
    "facts/population_1m_plus_provinces_multi_year.csv": dict(
        title="ประชากรจังหวัดที่มีประชากร 1 ล้านคนขึ้นไป หลายปี (ตารางยาว)",
        description="จากตาราง 1.2.3 ของรายงานสถิติสังคม สสช. หลายฉบับ (2554-2556, 2558-2562, 2563-2567) "
        "บางจังหวัดไม่มีข้อมูลบางช่วงปีเพราะอ่านหน้าต้นฉบับไม่ได้",
        confidence="high",
        definition="ประชากรตามทะเบียนราษฎร ณ 31 ธ.ค. ของแต่ละปี",
    ),
    "facts/population_2566_region_zone_sex.csv": dict(
        title="ประชากร 2566 จำแนกตามภาค เขตเทศบาล/นอกเขตเทศบาล และเพศ (บางส่วน)",
        description="สมุดรายงานสถิติประเทศไทย 2567 ตาราง 7.1 ตรวจแล้ว: ในเขต + นอกเขต = รวม และ ชาย + หญิง = รวม",
        extra_sources=["P4"],
        confidence="high",
        definition="ประชากรตามทะเบียน ณ 31 ธ.ค. 2566; ไม่มีภาคเหนือ อีสาน และใต้",
    ),
    "facts/population_2566_snapshot_partial.csv": dict(
        title="ประชากร 31 ธ.ค. 2566 ทั้งประเทศ ภาค และ 21 จังหวัด (บางส่วน)",
        description="ประชากรตามทะเบียน ปี 2566 จากหลายแหล่งที่ตรงกัน แถว P1 มีครบทุกคอลัมน์ แถวอื่นมีเฉพาะยอดรวม",
        confidence="high",
        definition="ประชากรตามทะเบียน ณ 31 ธ.ค. 2566 รวมผู้ไม่มีสัญชาติไทย",
    ),
    "facts/population_bangkok_2564_2569.csv": dict(
        title="ประชากรกรุงเทพมหานครตามทะเบียน 2564-2569",
        description="ยอดสิ้นปีของกรมการปกครอง 2564-2568 และค่ากลางปี 2569 ของ กทม. (คนละหน่วยงาน คนละช่วงเวลา "
        "จึงเทียบกันไม่ได้)",
        confidence="medium",
        definition="แถว 2569 เป็นข้อมูลเดือนมิถุนายนจาก กทม. ไม่ใช่ยอดสิ้นปี",
    ),
    "facts/population_label_check_2564_vs_2565.csv": dict(
        title="แบบฝึกตรวจสอบ: ตารางที่หัวระบุปี 2564 แต่ตัวเลขตรงกับปี 2565",
        description="ตาราง 1.1 ของวารสาร สสช. ไตรมาส 4/2565 หัวตารางระบุ พ.ศ. 2564 แต่ค่าของสมุทรสงคราม (189,453) "
        "ตรงกับยอด 31 ธ.ค. 2565 ตามข่าวประกาศราชกิจจานุเบกษา และค่าปี 2564 จากแหล่งอื่นสูงกว่าทุกจังหวัดที่เทียบได้ "
        "สรุป: น่าจะเป็นข้อมูลปี 2565 ที่ติดป้ายปีผิด (ยังไม่ยืนยัน) เก็บไว้เป็นบทเรียน 'ตรวจก่อนเชื่อ'",
        extra_sources=["P13", "P11", "P12"],
        confidence="unconfirmed (year label)",
        definition="คอลัมน์ faqthai_2564_value และ news_2565_value ใช้เทียบ; ค่าว่าง = แหล่งนั้นไม่มีข้อมูล",
    ),
    "facts/population_national_totals.csv": dict(
        title="ประชากรทั้งประเทศ หลายปี (นิยามต่างกันตามแหล่ง)",
        description="ยอดรวมทั้งประเทศ 2557-2566 จากหลายแหล่ง บางประกาศแยกชาย/หญิงเฉพาะสัญชาติไทย "
        "บางแหล่งรวมทุกคน ห้ามนำมาปนกันโดยไม่ดูนิยาม",
        confidence="medium",
        definition="ดูคอลัมน์ note ของแต่ละแถว: สัญชาติไทยเท่านั้น หรือรวมผู้ไม่มีสัญชาติไทย",
    ),
    "facts/population_north_northeast_2553_2555.csv": dict(
        title="ประชากรและจำนวนบ้าน 29 จังหวัดภาคเหนือและอีสาน 2553-2555",
        description="จาก Province Explorer 2556 ของ สสช. (ที่มา: กรมการปกครอง) ชัยภูมิมีค่าเท่ากันในปี 2553 และ 2554 "
        "ตามที่พิมพ์ในต้นฉบับ (อาจผิดที่ต้นฉบับ)",
        confidence="high",
        definition="ประชากรตามทะเบียน ณ 31 ธ.ค.",
    ),
    "facts/rainfall_2565_partial_monthly_regional.csv": dict(
        title="ปริมาณฝนปี 2565 บางเดือนและภาคเหนือทั้งปี",
        description="ปริมาณฝนทั้งประเทศเดือนมกราคม กุมภาพันธ์ สิงหาคม กันยายน 2565 และฝนรวมทั้งปีของภาคเหนือ",
        confidence="medium",
        definition="ข้อมูลสถานีกรมอุตุนิยมวิทยา ประมวลโดย สสน.",
    ),
    "facts/rainfall_thailand_annual.csv": dict(
        title="ปริมาณฝนรายปีของประเทศไทย 2559-2566 (สองแหล่งไม่ตรงกัน)",
        description="ปี 2559 และ 2560 มีสองค่าจากสองหน้าตัวชี้วัดของ สผ. ที่ไม่ตรงกัน (เก็บไว้ทั้งคู่) "
        "ค่าปกติก็ต่างกันตามช่วงปีและวิธี ไม่มีข้อมูลปี 2563",
        confidence="medium",
        definition="ปริมาณฝนรวมรายปี (มม.) วิธีคำนวณต่างกันตามแหล่ง (ดูคอลัมน์ method)",
    ),
    "facts/road_7_dangerous_days.csv": dict(
        title="อุบัติเหตุทางถนนช่วง 7 วันอันตราย ปีใหม่และสงกรานต์ (ยอดทางการ)",
        description="จำนวนอุบัติเหตุ (ครั้ง) ผู้บาดเจ็บ (คน) และผู้เสียชีวิต (ราย) ตามที่ ศปถ./ปภ. ประกาศ เช่น ปีใหม่ 2551: "
        "4,475 ครั้ง บาดเจ็บ 4,903 คน เสียชีวิต 401 ราย",
        confidence="medium",
        definition="ปีเทศกาลคือปี พ.ศ. ในชื่อการรณรงค์ (ปีใหม่ 2566 = 29 ธ.ค. 2565 - 4 ม.ค. 2566); "
        "ปีใหม่ 2558 นับผู้บาดเจ็บเฉพาะที่รับไว้รักษา (Admit)",
    ),
    "facts/road_festival_partial_cumulative.csv": dict(
        title="ยอดสะสมอุบัติเหตุช่วงเทศกาล ณ วันที่ N (ยังไม่ครบ 7 วัน)",
        description="ยอดสะสมระหว่างการรณรงค์ ใช้เทียบกับยอด 7 วัน แถวสุดท้ายไม่ระบุปี (ต้องตรวจก่อนใช้) "
        "ปีใหม่ 2568 รณรงค์ 10 วัน เทียบกับปีที่รณรงค์ 7 วันไม่ได้",
        confidence="medium/low",
        definition="ดูคอลัมน์ days_covered และ note",
    ),
    "facts/road_safety_trso_indicators.csv": dict(
        title="ตัวชี้วัดความปลอดภัยทางถนนระดับประเทศ (TRSO)",
        description="ผู้เสียชีวิตบนทางหลวง อัตราตายต่อประชากรแสนคน ดัชนีความรุนแรง ผู้บาดเจ็บสาหัส "
        "จากหน้าตัวชี้วัดของ Thai Road Safety Observatory (หน้าละ 5 ปี)",
        confidence="medium",
        definition="แต่ละตัวชี้วัดมีแหล่งข้อมูลต้นทางต่างกัน (ดูคอลัมน์ data_source_per_trso)",
    ),
    "facts/tourism_arrivals_announced_2012_2025.csv": dict(
        title="นักท่องเที่ยวต่างชาติและรายได้รายปี ตามที่ประกาศ (2555-2568) มีการแก้ไขตัวเลข",
        description="เก็บตามที่ประกาศพร้อมหน่วย (เช่น 35.38 ล้านคน) หนึ่งแถวต่อ (ปี, แหล่ง) เพื่อให้เห็นข้อขัดแย้ง "
        "เช่น ปี 2561 (2018) ประกาศครั้งแรก 38.27 ล้านคน แล้วแก้เป็น 38.17 ล้านคน",
        confidence="medium/low",
        definition="ค่าบางแถวเป็นข้อความ (เช่น 'nearly 40') ห้ามแปลงเป็นตัวเลขโดยไม่คิด",
    ),
    "facts/tourism_arrivals_monthly_selected.csv": dict(
        title="นักท่องเที่ยวต่างชาติรายเดือน (บางเดือน)",
        description="ตัวเลขรายเดือนกระจัดกระจาย ต.ค. 2563 - เม.ย. 2567 ตรวจแล้ว: ม.ค.-เม.ย. 2567 รวม 12,127,447 คน "
        "ตรงกับยอด 4 เดือนที่โฆษกรัฐบาลประกาศ",
        confidence="medium",
        definition="หน่วยต่างกันตามแถว (คน หรือ ล้านคน)",
    ),
    "facts/tourism_arrivals_receipts_2545_2554_official.csv": dict(
        title="นักท่องเที่ยวต่างชาติและรายได้ 2545-2554 (สถิติทางการ)",
        description="จากรายงานดัชนีเศรษฐกิจสังคม 2555 ของ สสช. (อ้าง ททท.) ตรวจแล้ว: ร้อยละการเปลี่ยนแปลงคำนวณซ้ำได้ตรง",
        confidence="high",
        definition="จำนวนเป็นพันคน รายได้เป็นพันล้านบาท",
    ),
}

# Checkpoints of the real files: cleaned by the kit's recipes, not simulated (their figures are real).
REAL_CHECKPOINT_META = {
    "checkpoints/niems_newyear_2551_2558_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ผู้บาดเจ็บช่วงปีใหม่ 2551-2558 (ตัวอย่างจริง 80 ราย) หลังทำความสะอาด",
        source_file="real/injuries/niems_newyear_2551-2558_sample.csv",
        recipe="helpers.recipes.clean_niems_newyear",
    ),
    "checkpoints/niems_newyear_2551_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ผู้บาดเจ็บช่วงปีใหม่ 2551 (ตัวอย่างจริง 100 ราย) หลังทำความสะอาด",
        source_file="real/injuries/niems_newyear_2551_sample.csv",
        recipe="helpers.recipes.clean_niems_newyear",
    ),
    "checkpoints/thairsc_victims_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ผู้ประสบอุบัติเหตุทางถนนรายจังหวัด 2565-2568 (ThaiRSC) แบบยาว",
        source_file="real/injuries/thairsc_victims_by_province_2565-2568.csv",
        recipe="helpers.recipes.clean_thairsc_victims",
    ),
    "checkpoints/pcd_pm25_daily_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: PM2.5 รายวันทุกสถานี ค.ศ. 2021-2024 (พ.ศ. 2564-2567) แบบยาว",
        source_file="real/pm25/pcd_pm25_daily_{2021,2022,2023,2024}.csv",
        recipe="helpers.recipes.clean_pcd_pm25",
    ),
    "checkpoints/air4thai_stations_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ทะเบียนสถานี Air4Thai พร้อมรหัสจังหวัดและภาค",
        source_file="real/pm25/air4thai_stations.json",
        recipe="helpers.recipes.clean_air4thai_stations",
    ),
    "checkpoints/mots_tourism_province_monthly_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ผู้เยี่ยมเยือนและรายได้รายจังหวัด รายเดือน 2563-2565 พร้อมรหัสจังหวัด",
        caution="ข้อควรระวัง: ผู้เยี่ยมเยือนชาวไทยเดือน ม.ค. 2563 ยังซ้ำกับ ก.พ. ทุกจังหวัดตามตารางต้นทาง "
        "(ใช้ mots-tourism-2563-clean ซึ่งทำจากไฟล์ Excel ของกระทรวงสำหรับปี 2563)",
        source_file="real/tourism/mots_province_monthly_2563-2565.csv",
        recipe="helpers.recipes.clean_mots_province_monthly",
    ),
    "checkpoints/mots_tourism_2563_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ตาราง Excel การท่องเที่ยว 2563 ของกระทรวงฯ ทั้ง 12 แผ่นงาน เป็นตารางแบบยาว",
        source_file="real/tourism/mots_domestic_tourism_2563.xlsx",
        recipe="helpers.recipes.clean_mots_workbook",
    ),
    "checkpoints/dopa_population_clean.csv": dict(
        title="จุดเริ่มต้นสำรอง: ประชากรตามทะเบียนราษฎรรายจังหวัด 2509-2564 พร้อมปี พ.ศ. และภาค",
        source_file="real/population/dopa_population_by_province_1966-2021.csv",
        recipe="helpers.recipes.clean_dopa_population",
    ),
}
for _path, _m in REAL_CHECKPOINT_META.items():
    META[_path] = dict(
        title=_m["title"],
        description=f"ผลของการทำความสะอาดไฟล์จริง {_m['source_file']} ด้วยฟังก์ชัน {_m['recipe']} ตัวเลขเป็นของจริง "
        "ใช้เริ่มโน้ตบุ๊กถัดไปได้โดยไม่ต้องรันโน้ตบุ๊กก่อนหน้า" + (" " + _m["caution"] if "caution" in _m else ""),
        simulated=False,
        generated_by=KIT_CHECKPOINT,
        derived_from=_m["source_file"],
        recipe=_m["recipe"],
        confidence="real figures, cleaned by the kit's recipe (see kit:recipe)",
        licenses=[{"name": "see-source", "title": "ตามสัญญาอนุญาตของไฟล์ต้นทาง (ดู kit:derived_from)"}],
        sources=[{"title": "ไฟล์ต้นทางในชุดเรียน: data/" + _m["source_file"]}],
        types={
            "province_code": "string",
            "station_code": "string",
            "รหัสจังหวัด": "string",
            "open_date": "date",
            "close_date": "date",
            "households": "integer",
            "year_be": "integer",
            "month": "integer",
        },
    )


# ---------------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _resource_name(rel: str) -> str:
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    name = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    if rel == "facts/SOURCES.md":
        name = "facts-sources-notes"
    if rel == "facts/sources.csv":
        name = "facts-sources"
    return name


def _csv_fields(path: Path, meta: dict, encoding: str) -> list[dict]:
    from frictionless import describe

    header = next(csv.reader(io.StringIO(path.read_text(encoding=encoding))))
    inferred = describe(str(path), type="resource", encoding=encoding)
    types = {f.name: f.type for f in inferred.schema.fields}
    if any(t in ("any",) for t in types.values()):
        types = {k: ("string" if v == "any" else v) for k, v in types.items()}
    for k, v in meta.get("types", {}).items():
        if k in types:
            types[k] = v
    fields = []
    for h in header:
        title = FIELD_TITLES.get(h)
        if title is None:
            raise KeyError(f"no Thai title for column {h!r} of {path.name}: add it to FIELD_TITLES")
        fields.append({"name": h, "title": title, "type": types[h]})
    return fields


def _sources_for(rel: str, path: Path, meta: dict, source_rows: dict) -> list[dict]:
    if "sources" in meta:
        return meta["sources"]
    keys: list[str] = list(meta.get("extra_sources", []))
    if path.suffix == ".csv":
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for k in (row.get("src") or "").split(";"):
                    if k.strip() and k.strip() not in keys:
                        keys.append(k.strip())
    out = []
    for k in keys:
        s = source_rows[k]
        entry = {"title": f"[{k}] {s['publisher']}: {s['title']}"}
        if s["url"]:
            entry["path"] = s["url"].split(" ")[0]
        out.append(entry)
    return out


def _count_rows(path: Path, res: dict) -> int | None:
    """Number of data rows (what the learner sees as the table's length)."""
    import pandas as pd

    if res.get("format") == "csv":
        return len(pd.read_csv(path, encoding=res["encoding"], dtype=str, keep_default_na=False))
    return None


# ---------------------------------------------------------------------------------------------
# Real agency files in data/real/: described as they are, never re-typed.  A CSV gets the encoding
# it really has and a schema inferred by frictionless from its own header, a workbook its sheet
# names, JSON its top-level shape; provenance comes from real_data_meta.REAL_FILES.


def _encoding(raw: bytes, meta: dict) -> str:
    if meta.get("encoding"):
        return meta["encoding"]
    return "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"


def _csv_table(path: Path, encoding: str) -> dict:
    """A table resource when frictionless reads the file cleanly with inferred types, else a file.

    Real files often do not pass (blank header cells, a text cell in a number column past the
    sample frictionless infers from): those are declared as plain files (hash and size checked)
    and the problems frictionless reports are recorded, which is itself a lesson in verifying.
    """
    from frictionless import Resource

    # frictionless refuses absolute paths ("not safe"): give it the folder as basepath.
    where = {"path": path.name, "basepath": str(path.parent), "encoding": encoding}
    resource = Resource(**where)
    resource.infer()
    fields = [
        {"name": f.name, "title": f.name or "(ไม่มีชื่อคอลัมน์)", "type": f.type} for f in resource.schema.fields
    ]
    report = Resource(**where, schema=resource.schema).validate()
    if report.valid:
        return {"type": "table", "schema": {"fields": fields}}
    problems: dict[str, int] = {}
    for task in report.tasks:
        for error in task.errors:
            problems[error.type] = problems.get(error.type, 0) + 1
    return {"type": "file", "kit:columns": fields, "kit:table_problems": dict(sorted(problems.items()))}


def describe_real(rel: str, data: Path) -> dict:
    """Return the Data Package resource of one real file (name, type, hash, provenance ...)."""
    import pandas as pd

    meta = REAL_FILES[rel]
    path = data / rel
    raw = path.read_bytes()
    ext = path.suffix.lower().lstrip(".")
    res: dict = {
        "name": meta["name"],
        "title": meta["title"],
        "description": meta["description"],
        "path": rel,
    }
    if ext == "csv":
        encoding = _encoding(raw, meta)
        res.update(format="csv", mediatype="text/csv", encoding=encoding, **_csv_table(path, encoding))
        res["kit:rows"] = len(pd.read_csv(path, encoding=encoding, dtype=str, keep_default_na=False))
    elif ext == "xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        res.update(
            type="file",
            format="xlsx",
            mediatype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            **{"kit:sheets": list(book.sheetnames)},
        )
        book.close()
    elif ext in ("json", "jsonl"):
        res.update(type="json", format=ext, mediatype="application/json", encoding="utf-8")
        if ext == "jsonl":
            res["kit:rows"] = sum(1 for line in raw.decode("utf-8").splitlines() if line.strip())
        else:
            doc = json.loads(raw.decode("utf-8"))
            body = doc.get("result", doc) if isinstance(doc, dict) else doc
            if isinstance(body, dict) and isinstance(body.get("results"), list):
                body = body["results"]
            if isinstance(body, list):
                res["kit:rows"] = len(body)
    else:
        res.update(type="file", format=ext)
    res["bytes"] = len(raw)
    res["hash"] = "sha256:" + hashlib.sha256(raw).hexdigest()
    source = {"title": meta["publisher"]}
    if meta.get("url"):
        source["path"] = meta["url"]
    res["sources"] = [source]
    res["licenses"] = meta["licenses"]
    res["kit:simulated"] = False
    res["kit:real"] = True
    res["kit:publisher"] = meta["publisher"]
    res["kit:fidelity"] = meta["fidelity"]
    res["kit:confidence"] = (
        "real file as published or shared (copy not checked byte for byte against the agency's)"
        if meta.get("source")
        else "derived by the kit from a real file of data/real/"
    )
    for key in ("origin", "derived", "derived_from", "source_sha256"):
        if meta.get(key):
            res["kit:" + key] = meta[key]
    if meta.get("person_level"):
        res["kit:person_level"] = True
    res["kit:quirks"] = meta["quirks"]
    return res


def describe_file(rel: str, data: Path, source_rows: dict) -> dict:
    """The resource of one file: a real file (``REAL_FILES``), or a table the kit keeps (``META``)."""
    if rel in REAL_FILES:
        return describe_real(rel, data)
    path = data / rel
    meta = META.get(rel)
    if meta is None:
        raise KeyError(f"no metadata for data/{rel}: add it to META in scripts/update_datapackage.py")
    ext = path.suffix.lower().lstrip(".")
    res: dict = {
        "name": _resource_name(rel),
        "title": meta["title"],
        "description": meta["description"],
        "path": rel,
    }
    if ext == "csv":
        res.update(type="table", format="csv", mediatype="text/csv", encoding="utf-8")
        res["schema"] = {"fields": _csv_fields(path, meta, "utf-8")}
    elif ext == "md":
        res.update(type="text", format="md", mediatype="text/markdown", encoding="utf-8")
    else:
        res.update(type="file", format=ext)
    rows = _count_rows(path, res)
    if rows is not None:
        res["kit:rows"] = rows
    res["bytes"] = path.stat().st_size
    res["hash"] = "sha256:" + sha256(path)
    res["sources"] = _sources_for(rel, path, meta, source_rows)
    res["licenses"] = meta.get("licenses", [GOV_FACTS])
    res["kit:simulated"] = False  # the kit ships no simulated data (issue 14); the flag stays explicit
    for key in ("generated_by", "derived_from", "recipe", "confidence", "definition"):
        if key in meta:
            res["kit:" + key] = meta[key]
    if "confidence" not in meta:
        res["kit:confidence"] = "see facts/SOURCES.md"
    return res


def data_files(data: Path = DATA) -> list[str]:
    skip = {"datapackage.json", "README.md"}
    out = []
    for p in sorted(data.rglob("*")):
        if p.is_file() and p.name not in skip and not p.name.startswith(".") and "__pycache__" not in p.parts:
            out.append(p.relative_to(data).as_posix())
    return out


def order_key(rel: str) -> tuple:
    group = {"provinces.csv": 0}.get(rel, {"real": 1, "facts": 2, "checkpoints": 3}.get(rel.split("/")[0], 4))
    return (group, rel)


def build(data: Path = DATA) -> dict:
    source_rows = {r["key"]: r for r in write_sources_csv(data)}
    resources = [describe_file(rel, data, source_rows) for rel in sorted(data_files(data), key=order_key)]
    names = [r["name"] for r in resources]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate resource names: {sorted(dupes)}")
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "thai-opendata-kit-data",
        "title": "ข้อมูลประกอบชุดเรียนข้อมูลเปิดภาครัฐไทย",
        "description": "ข้อมูลทุกไฟล์ที่มากับชุดเรียน: ไฟล์จริงของหน่วยงานตามที่เผยแพร่ (real/ รวมสำเนาแค็ตตาล็อก "
        "data.go.th สำหรับใช้ออฟไลน์ใน real/catalog/) ตารางอ้างอิงและข้อเท็จจริง (provinces.csv, province_codes.csv "
        "และ facts/) และจุดเริ่มต้นสำรองที่ทำความสะอาดไฟล์จริงด้วยสูตรของชุดเรียน (checkpoints/) "
        "ดู README.md ในโฟลเดอร์นี้",
        "version": "1.0.0",
        "licenses": [KIT_METADATA],
        "kit:note": "ชุดเรียนไม่มีข้อมูลจำลอง: ทุกไฟล์มี kit:simulated = false พร้อมแหล่งที่มา (sources) "
        "สัญญาอนุญาต (licenses) และระดับความเชื่อมั่น (kit:confidence)",
        "resources": resources,
    }


README_START = "<!-- kit:real-data:start -->"
README_END = "<!-- kit:real-data:end -->"


def real_data_section(pkg: dict) -> str:
    """The generated part of data/README.md: every real file with its provenance (from REAL_FILES)."""
    lines = [
        README_START,
        "<!-- สร้างโดย scripts/update_datapackage.py จาก scripts/real_data_meta.py: อย่าแก้ตรงนี้ -->",
        "",
    ]
    by_path = {r["path"]: r for r in pkg["resources"]}
    for rel, meta in REAL_FILES.items():
        res = by_path[rel]
        lines.append(f"### `{rel[len('real/') :]}` (`{meta['name']}`)")
        lines.append("")
        lines.append(meta["title"] + (f" · {res['kit:rows']:,} แถว" if res.get("kit:rows") else ""))
        lines.append("")
        lines.append(f"- **หน่วยงาน:** {meta['publisher']}")
        if meta.get("url"):
            lines.append(f"- **ที่อยู่ต้นฉบับ:** <{meta['url']}>")
        else:
            lines.append("- **ที่อยู่ต้นฉบับ:** ไม่ได้บันทึกไว้")
        if meta.get("origin"):
            lines.append(f"- **คัดลอกจาก:** {meta['origin']}")
        if meta.get("derived") or meta.get("derived_from"):
            lines.append(f"- **การแปลง:** {meta.get('derived') or 'สร้างจาก data/' + meta['derived_from']}")
        lines.append(f"- **สัญญาอนุญาต:** {'; '.join(lic['title'] for lic in meta['licenses'])}")
        lines.append(f"- **ตรวจเทียบกับไฟล์ของหน่วยงานแล้วหรือยัง:** {meta['fidelity']}")
        if meta.get("person_level"):
            lines.append("- **ข้อมูลรายบุคคล:** ไม่มีชื่อ เลขประจำตัว หรือที่อยู่ (มีการทดสอบ)")
        if meta["quirks"]:
            lines.append(f"- **ปัญหาที่ได้ฝึก:** {'; '.join(meta['quirks'])}")
        lines.append("")
    lines.append(README_END)
    return "\n".join(lines)


def update_readme(pkg: dict, readme: Path) -> str:
    """Return data/README.md with its generated real-data section replaced (the rest is hand-written)."""
    text = readme.read_text(encoding="utf-8")
    if README_START not in text:
        raise ValueError(f"{readme} has no {README_START} marker")
    head, rest = text.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    return head + real_data_section(pkg) + tail


def main(argv=None) -> int:
    pkg = build(DATA)
    text = json.dumps(pkg, ensure_ascii=False, indent=2) + "\n"
    (DATA / "datapackage.json").write_text(text, encoding="utf-8")
    readme = DATA / "README.md"
    readme.write_text(update_readme(pkg, readme), encoding="utf-8")
    print(f"data/datapackage.json: {len(pkg['resources'])} resources")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
