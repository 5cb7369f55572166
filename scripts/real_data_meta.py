"""Provenance of the real government files in ``data/real/``: one entry per file, one place.

Read by ``scripts/make_real_data.py`` (which copies and checks the files) and by
``scripts/update_datapackage.py`` (which writes them into ``data/datapackage.json``).  Every fact
here comes from ``shared/realdata/PROVENANCE.md``, the record of where each file was found: the
public repository, path and commit, the publishing agency, the original URL where known and the
licence as the source states it.  Where the source states no licence, the entry says so; the kit
never guesses one.  No copy was checked byte for byte against the agency's own file: each entry
says so in ``fidelity``.
"""

from __future__ import annotations

#: The licence as the portal labels it (real records say "Creative Commons Attributions").
#: The portal gives no licence_id, version or link for it: the label is kept as it is, no version guessed.
PORTAL_CC = {
    "name": "Creative Commons Attributions",
    "title": "Creative Commons Attributions (ป้ายสัญญาอนุญาตตามที่ data.go.th ระบุ ไม่ได้ระบุรุ่น)",
}
OGL = {"name": "ogl", "title": "DGA Open Government License (ตามที่ datapackage.json ของชุดข้อมูลระบุ)"}
NOT_STATED = {"name": "not-stated", "title": "ต้นทางไม่ได้ระบุสัญญาอนุญาต (license): อ้างอิงหน่วยงานเจ้าของข้อมูลทุกครั้ง"}
CATALOGUE = {
    "name": "metadata",
    "title": "คำอธิบายชุดข้อมูลจาก data.go.th: ข้อมูลเป็นของหน่วยงานที่เผยแพร่ "
    "แต่ละระเบียนมีสัญญาอนุญาตของตัวเองใน license_title",
}

NOT_CHECKED = "ไม่ได้ตรวจเทียบทีละไบต์กับไฟล์ของหน่วยงาน (สำเนาจากที่เก็บโค้ดสาธารณะ)"


def _origin(repo: str, path: str, commit: str) -> str:
    return f"github.com/{repo} {path} @ {commit}"


#: data/<rel> -> metadata.  ``source`` is the file's name in shared/realdata/files/ (None for a file
#: the kit derives itself); ``source_sha256`` pins the exact bytes that were copied.
REAL_FILES: dict[str, dict] = {
    # ---- catalogue ------------------------------------------------------------------------
    "real/catalog/datagoth_records_sample.jsonl": dict(
        name="datagoth-records-sample",
        source="catalog/catalog_sample_1238.jsonl",
        source_sha256="63eda97e54395a329ffb4e72ae9cb36fc7b807982f79261385851955f580afa0",
        title="ระเบียนชุดข้อมูลจริงจาก data.go.th 1,238 ระเบียน (ตัวอย่างจากปี 2563-2564)",
        description="คำอธิบายชุดข้อมูล (metadata) จริงจากผลลัพธ์ package_search ของ data.go.th หนึ่งระเบียนต่อบรรทัด "
        "1,236 ระเบียนมาจากสำเนาที่ซิงก์เมื่อ 7 ก.ค. 2569 ซึ่งบอกว่าพอร์ทัลมี 41,236 ชุดข้อมูล แต่เหลือรอดเพียง "
        "ส่วนท้ายคือระเบียนที่แก้ไขล่าสุดเก่าที่สุด (2 ม.ค. 2563 - 31 ต.ค. 2564) จาก 87 หน่วยงาน อีก 2 ระเบียน "
        "คือ covid-19-daily (ฉบับเต็ม) และ rtddi",
        publisher="สำนักงานพัฒนารัฐบาลดิจิทัล (data.go.th) และหน่วยงานเจ้าของชุดข้อมูลแต่ละชุด",
        url="https://data.go.th/api/3/action/package_search",
        origin=_origin(
            "sarapab-th/thai-open-data-mcp",
            "scripts/.seed/seed-11.sql",
            "0e8d7bd4c0b4fa10fc89e8b7991f1007e16c2bd0",
        ),
        derived="ดึงจากไฟล์ SQL ของสำเนา (mirror) เป็น JSON Lines ผู้ทำสำเนาตัดคำอธิบายเหลือไม่เกิน 600 อักขระ "
        "(44 ระเบียนลงท้ายด้วย …) แท็กไม่เกิน 8 ไฟล์ข้อมูลไม่เกิน 25 และตัดชื่อผู้ดูแลข้อมูลออก (เพื่อ PDPA)",
        licenses=[CATALOGUE],
        quirks=[
            "รูปแบบไฟล์ XSL (หมายถึง Excel) 1,423 ทรัพยากร",
            "รูปแบบไฟล์ว่าง 11 ทรัพยากร",
            "ลิงก์ย่อ is.gd เป็นที่อยู่ไฟล์",
            "HTML entity (&nbsp; &rdquo;) ในคำอธิบาย",
            "ชื่อชุดข้อมูลสงกรานต์ที่เป็นคำสั่ง SQL",
            "ชื่อบอก 'ปี 51-58' แต่คำอธิบายบอก '2551 - 2557'",
            "ชื่อในลิงก์ (slug) ที่เป็นตัวเลขล้วน เช่น 2559",
            "แท็กที่ถูกตัดกลางอักขระ",
        ],
    ),
    "real/catalog/package_search_covid-19-daily.json": dict(
        name="datagoth-package-search-covid",
        source="catalog/datagoth_package_search_covid-19-daily_2025-06.json",
        source_sha256="ba32c3c0c35c40c432e366390b57e473c84b0009afee7b1238173b98290614e4",
        title="คำตอบจริงของ package_search จาก data.go.th: ชุดข้อมูล covid-19-daily (มิ.ย. 2568)",
        description="คำตอบของเอพีไอ (API) แบบเต็มไม่ตัดทอนสำหรับชุดข้อมูลโควิด-19 รายวันของกรมควบคุมโรค "
        "มีช่องคำอธิบายข้อมูลตามมาตรฐานของ สพร. ครบ (data_category, geo_coverage, update_frequency_unit, "
        "high_value_dataset ...) และมี 14 ทรัพยากร",
        publisher="กรมควบคุมโรค (ชุดข้อมูล) / สำนักงานพัฒนารัฐบาลดิจิทัล (พอร์ทัล)",
        url="https://data.go.th/dataset/covid-19-daily",
        origin=_origin(
            "kunyakorngun/Thai-Open-Dataset-pipeline",
            "dags/data/covid-19-daily.json",
            "ffbea26aed3f06350e590d49a3507c77d398f525",
        ),
        licenses=[PORTAL_CC],
        quirks=[
            "คีย์ในช่อง extras สะกดผิดเป็น height_value_dataset",
            "objective และ data_format เป็น ['ไม่ทราบ']",
            "ค่าความจริงเป็นข้อความ '1'",
        ],
    ),
    "real/catalog/package_list_2025-06.json": dict(
        name="datagoth-package-list-2025",
        source="catalog/datagoth_package_list_2025-06.json",
        source_sha256="6b8530c17f4baa213230582b0215d7a83ccc76f1ba4e36cf4b9299066bb0ecbe",
        title="รายชื่อชุดข้อมูลทั้งพอร์ทัล data.go.th 32,473 ชื่อ (package_list, มิ.ย. 2568)",
        description="คำตอบจริงของ package_list: ชื่อในลิงก์ (name) ของทุกชุดข้อมูลบนพอร์ทัลเมื่อ 22 มิ.ย. 2568",
        publisher="สำนักงานพัฒนารัฐบาลดิจิทัล (data.go.th)",
        url="https://data.go.th/api/3/action/package_list",
        origin=_origin(
            "kunyakorngun/Thai-Open-Dataset-pipeline",
            "dags/package_batches.json",
            "ffbea26aed3f06350e590d49a3507c77d398f525",
        ),
        licenses=[CATALOGUE],
        quirks=["ชื่อแปลก ๆ เช่น __ และ 00000000000", "ชื่อแบบ item_<uuid> 1,008 ชื่อ"],
    ),
    "real/catalog/rtddi_datapackage_2021.json": dict(
        name="datagoth-rtddi-datapackage",
        source="catalog/rtddi_datapackage_2021.json",
        source_sha256="29e82d482f77ed11927ca7280f054ccddb312dcdde4026c59e0b97d9d7347f88",
        title="datapackage.json ของชุดข้อมูลผู้เสียชีวิตจากอุบัติเหตุทางถนน 3 ฐาน (rtddi, พ.ศ. 2564)",
        description="ไฟล์คำอธิบายที่อยู่ในไฟล์ zip 'ดาวน์โหลดทั้งหมด' ของชุดข้อมูล rtddi บน data.go.th "
        "บอกสัญญาอนุญาตและรายการทรัพยากร ชื่อและอีเมลของเจ้าหน้าที่ถูกแทนด้วย [redacted]",
        publisher="กรมควบคุมโรค (กองป้องกันการบาดเจ็บ)",
        url="https://data.go.th/dataset/rtddi",
        origin=_origin(
            "pwarawit/thailand-road-accident-deaths-2011-2020",
            "data_original/datapackage.json",
            "6a6a495534356629bd9c7101aafe56d63e95543a",
        ),
        derived="เหมือนต้นฉบับทุกอย่าง ยกเว้นชื่อและอีเมลของเจ้าหน้าที่ที่ถูกแทนด้วย [redacted]",
        licenses=[OGL],
        quirks=["ที่อยู่ของทรัพยากรชี้ไปที่ data.go.th"],
    ),
    "real/catalog/datasets_aspx_scrape_2016-08.csv": dict(
        name="datagoth-catalogue-2016",
        source="catalog/datagoth_Datasets.aspx_scrape_2016-08.csv",
        source_sha256="995fc461f37ec04b10309a23e11b8727da63e2645bd7133ab3b7f4bdca20be57",
        title="รายชื่อชุดข้อมูลบน data.go.th รุ่นเก่า (ก่อนใช้ CKAN) 770 ชุด เก็บเมื่อ ส.ค. 2559",
        description="หมวดหมู่ ชื่อชุดข้อมูล และที่อยู่ (DatasetDetail.aspx?id=...) จากหน้ารายการชุดข้อมูลของพอร์ทัลรุ่นเก่า "
        "UUID เดิมยังอยู่ในชื่อในลิงก์แบบ item_<uuid> ของพอร์ทัลปัจจุบัน",
        publisher="สำนักงานพัฒนารัฐบาลดิจิทัล (data.go.th รุ่นเก่า)",
        url="https://data.go.th/Datasets.aspx",
        origin=_origin(
            "heytitle/data.go.th-auditing", "data.csv", "3e335ab51f4d7f57116c543a5af03f892b157847"
        ),
        licenses=[CATALOGUE],
        quirks=["ที่อยู่เว็บรุ่นเก่าที่ใช้ไม่ได้แล้ว (ลิงก์เสีย)"],
    ),
    # ---- injuries and roads ----------------------------------------------------------------
    "real/injuries/niems_newyear_2551_sample.csv": dict(
        name="niems-newyear-2551",
        source="injury_roads/newyear_injury_100_samples_2551-2558.csv",
        source_sha256="fff8d76703fa052b350c8510f3492860f270b146037777239b5bd0248fd67b1f",
        title="ผู้บาดเจ็บและเสียชีวิตช่วงเทศกาลปีใหม่ 2551: ตัวอย่างระเบียนจริง 100 ราย",
        description="ระเบียนรายบุคคลของสถาบันการแพทย์ฉุกเฉินแห่งชาติ (ไม่มีชื่อบุคคล) 100 แถวแรกของปีใหม่ 51 "
        "ทีมแฮกกาธอนเพิ่มคอลัมน์ year (ค.ศ.) ไว้ด้านหน้า",
        publisher="สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.)",
        url="https://data.go.th/dataset/item_7d61f508-d2e1-4f0c-8408-dfde29f111f5",
        origin=_origin(
            "boonmeelab/opendata-hackathon-2015",
            "src/data/100_samples_newyear_casualties.csv",
            "3c3d2e5c76d2e67db3404f68d778192410fc2122",
        ),
        licenses=[PORTAL_CC],
        person_level=True,
        quirks=[
            "ปีเทศกาลเป็น พ.ศ. 2 หลัก ('ปีใหม่ 51')",
            "วันที่เกิดเหตุมีแค่วันของเดือน",
            "เวลาเป็นช่วงชั่วโมง มีค่า 24",
            "ค่า unknown ภาษาอังกฤษในคอลัมน์ภาษาไทย",
            "คำสะกดผิดของต้นทาง 'ผู้ชับขี่'",
            "อายุ 0 ใน 12 แถว",
        ],
    ),
    "real/injuries/niems_newyear_2551-2558_sample.csv": dict(
        name="niems-newyear-2551-2558",
        source="injury_roads/newyear_injury_175_samples_2551-2558.csv",
        source_sha256="0fa68d0ef9288a89c96c6ada2a98b31a51f545d05d91d522b31cbbec07eed6d0",
        title="ผู้บาดเจ็บและเสียชีวิตช่วงเทศกาลปีใหม่ 2551-2558: ตัวอย่างระเบียนจริงปีละ 10 ราย",
        description="ระเบียนรายบุคคลของสถาบันการแพทย์ฉุกเฉินแห่งชาติ ปีละ 10 แถว 8 ปี รวม 80 แถว "
        "(ชื่อไฟล์ต้นทางเขียนว่า 175 ตัวอย่าง แต่มี 80 แถวจริง)",
        publisher="สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.)",
        url="https://data.go.th/dataset/item_7d61f508-d2e1-4f0c-8408-dfde29f111f5",
        origin=_origin(
            "boonmeelab/opendata-hackathon-2015",
            "src/data/175_samples_all_newyear_casualties.csv",
            "3c3d2e5c76d2e67db3404f68d778192410fc2122",
        ),
        licenses=[PORTAL_CC],
        person_level=True,
        quirks=["ชื่อไฟล์บอกจำนวนแถวผิด", "ปีเทศกาลเป็น พ.ศ. 2 หลัก"],
    ),
    "real/injuries/niems_newyear_header.csv": dict(
        name="niems-newyear-header",
        source="injury_roads/newyear_injury_header.csv",
        source_sha256="4cb64cb2b9a261b60ae861110b2035e7ad9b54406beeb2e7388b39e1ae913672",
        title="หัวตารางจริงของไฟล์ผู้บาดเจ็บช่วงเทศกาล (19 คอลัมน์)",
        description="แถวหัวตารางของไฟล์ต้นทาง ก่อนทีมแฮกกาธอนเพิ่มคอลัมน์ year",
        publisher="สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.)",
        url="https://data.go.th/dataset/item_7d61f508-d2e1-4f0c-8408-dfde29f111f5",
        origin=_origin(
            "boonmeelab/opendata-hackathon-2015",
            "src/data/header.csv",
            "3c3d2e5c76d2e67db3404f68d778192410fc2122",
        ),
        licenses=[PORTAL_CC],
        quirks=[],
    ),
    "real/injuries/niems_newyear_2551_sample_cp874.csv": dict(
        name="niems-newyear-2551-cp874",
        source=None,
        derived_from="real/injuries/niems_newyear_2551_sample.csv",
        title="ผู้บาดเจ็บช่วงปีใหม่ 2551 (ตัวอย่าง 100 ราย) ที่ชุดเรียนแปลงเป็นการเข้ารหัสอักขระ cp874",
        description="ไฟล์เดียวกับ niems-newyear-2551 ทุกตัวอักษร แต่ชุดเรียนเข้ารหัสอักขระ (encoding) ใหม่เป็น cp874 "
        "(TIS-620 ของ Windows) ด้วย scripts/make_real_data.py เพราะหาไฟล์ cp874 ของจริงไม่ได้ "
        "แต่โค้ดสาธารณะแสดงว่าไฟล์ต้นฉบับของ rtddi และกรมทางหลวงเป็น TIS-620 "
        "ไม่ใช่ข้อมูลจำลอง เนื้อหาเป็นของจริง เปลี่ยนเฉพาะวิธีเก็บตัวอักษร",
        publisher="สถาบันการแพทย์ฉุกเฉินแห่งชาติ (สพฉ.); ชุดเรียนแปลงการเข้ารหัสอักขระ",
        url="https://data.go.th/dataset/item_7d61f508-d2e1-4f0c-8408-dfde29f111f5",
        licenses=[PORTAL_CC],
        person_level=True,
        encoding="cp874",
        quirks=["อ่านด้วย utf-8 แล้วพัง (UnicodeDecodeError)"],
    ),
    "real/injuries/ddc_rtddi_data_dictionary.xlsx": dict(
        name="ddc-rtddi-dictionary",
        source="injury_roads/rtddi_data_dictionary.xlsx",
        source_sha256="26dbab2ac71f108d7ee6920915ac5eb10edd45e347a4efc5e96d7ef496d329d6",
        title="พจนานุกรมข้อมูล (data dictionary) ของข้อมูลผู้เสียชีวิตจากอุบัติเหตุทางถนน 3 ฐาน",
        description="คำอธิบาย 25 ตัวแปรของชุดข้อมูล rtddi เชิงอรรถลงวันที่ 23/12/63",
        publisher="กรมควบคุมโรค (กองป้องกันการบาดเจ็บ)",
        url="https://data.go.th/dataset/f5804870-7dc2-42df-86f3-769d6cc2ae23/resource/"
        "51d0dfa8-bd17-4a2d-8035-978ed597510f/download/3bura-_data_dictionary.xlsx",
        origin=_origin(
            "pwarawit/thailand-road-accident-deaths-2011-2020",
            "data_original/data-dictionary-kh-muul-3-thaan.xlsx",
            "6a6a495534356629bd9c7101aafe56d63e95543a",
        ),
        licenses=[OGL],
        quirks=["อ่านพจนานุกรมก่อนใช้ข้อมูล"],
    ),
    "real/injuries/ddc_rtddi_birthyear_after_deathyear.csv": dict(
        name="ddc-rtddi-impossible-rows",
        source="injury_roads/rtddi_birthyear_after_deathyear_86rows.csv",
        source_sha256="632ff0b63e43ea736dd20d194a5a0e5364f7d83b74d45d8c9858330c745b9457",
        title="ผู้เสียชีวิตจากอุบัติเหตุทางถนน (rtddi): 86 ระเบียนที่ปีเกิดมาทีหลังปีที่เสียชีวิต",
        description="ระเบียนจริงที่เป็นไปไม่ได้ 86 แถวที่ผู้วิเคราะห์ข้อมูลคนหนึ่งพบในชุดข้อมูล rtddi 2554-2563 "
        "ผ่านการเปลี่ยนชื่อคอลัมน์และแปลงเพศเป็น Male/Female แล้ว ส่วนจังหวัดที่อยู่ยังเป็นอักษรย่อ 2 ตัว",
        publisher="กรมควบคุมโรค (กองป้องกันการบาดเจ็บ)",
        url="https://data.go.th/dataset/rtddi",
        origin=_origin(
            "pwarawit/thailand-road-accident-deaths-2011-2020",
            "thailand road accident deaths 2011-2020.nb.html (JSON ที่ฝังอยู่)",
            "77dc3799791bfe9e7efd4a9a3d1d6a3f29da0916",
        ),
        derived="ดึงจาก JSON ที่ฝังในโน้ตบุ๊ก R ของผู้วิเคราะห์ (ผ่านโค้ด R ของเขามาแล้ว: ชื่อคอลัมน์ เพศ NA วันที่แบบ ISO)",
        licenses=[OGL],
        person_level=True,
        quirks=[
            "ปีเกิดมาทีหลังปีที่เสียชีวิต",
            "จังหวัดที่อยู่เป็นอักษรย่อ 2 ตัว (รบ ชร นค กท) และ 'ec' หนึ่งแถว",
            "ค่าที่หายไปเขียนว่า NA",
        ],
    ),
    "real/injuries/doh_highway_accidents_songkhla.csv": dict(
        name="doh-accidents-songkhla",
        source="injury_roads/doh_highway_accidents_songkhla_2020-2025_mixed_dates.csv",
        source_sha256="f56b939a1a9592f16564875a73c8ebf33fd4dd7adccd8e390cd4a108c9f77746",
        title="อุบัติเหตุบนทางหลวงในจังหวัดสงขลา พ.ศ. 2563-2568 (1,648 ครั้ง)",
        description="ระเบียนอุบัติเหตุของกรมทางหลวงรายครั้ง 38 คอลัมน์ (สายทาง กม. มูลเหตุ พิกัด จำนวนผู้บาดเจ็บ) "
        "นักศึกษาคนหนึ่งรวมไฟล์ใน Excel จึงมีวันที่หลายแบบปนกัน",
        publisher="กรมทางหลวง",
        url=None,
        origin=_origin(
            "sakkarin31/CarAccident",
            "alldata-notclean/accident2020.csv",
            "bfc52ad882c0dc69383939cbc588167970afed73",
        ),
        licenses=[NOT_STATED],
        quirks=[
            "วันที่เป็นข้อความ เดือน/วัน/ปี ปนกับเลขลำดับวันของ Excel (45292 = 1 ม.ค. 2567)",
            "เวลาเป็นเศษส่วนของวันแบบ Excel (0.090277778 = 02:10 น.)",
            "บริเวณที่เกิดเหตุว่าง 146 แถว",
            "ไม่ได้บันทึกที่อยู่ทรัพยากรของกรมทางหลวงที่แน่นอน",
        ],
    ),
    "real/injuries/thairsc_victims_by_province_2565-2568.csv": dict(
        name="thairsc-victims-by-province",
        source="injury_roads/thairsc_victims_by_province_2565-2568.csv",
        source_sha256="18bd4ba8bb309fecdad231fce705581311750feb2e14744b5dbecfc08aa4c179",
        title="ผู้บาดเจ็บ เสียชีวิต และทุพพลภาพจากอุบัติเหตุทางถนน รายจังหวัด พ.ศ. 2565-2568 (ThaiRSC)",
        description="77 จังหวัด × 3 ประเภทผู้ประสบเหตุ ปีละคอลัมน์ ส่งออกจากแดชบอร์ด Power BI ของศูนย์ข้อมูลอุบัติเหตุ ThaiRSC "
        "ปี 2567-2568 อาจยังไม่ครบปี",
        publisher="ศูนย์อำนวยการความปลอดภัยทางถนน (ThaiRSC, thairsc.com)",
        url="https://www.thairsc.com",
        origin=_origin(
            "KaningNoppasin/Thailand-Road-Accident-Statistics",
            "data/raw/accident_region.csv",
            "c4e5e49439ad9d854a8395f0fbc6a6b36f96be0a",
        ),
        licenses=[NOT_STATED],
        quirks=[
            "ตัวเลขมีจุลภาคคั่นหลักพันในเครื่องหมายคำพูด ('118,118')",
            "ช่อง (Blank) 20 ช่อง",
            "คอลัมน์ว่างท้ายตาราง 7 คอลัมน์",
            "ปี พ.ศ. อยู่ในชื่อคอลัมน์",
        ],
    ),
    # ---- PM2.5 --------------------------------------------------------------------------------
    **{
        f"real/pm25/pcd_pm25_daily_{year}.csv": dict(
            name=f"pcd-pm25-daily-{year}",
            source=f"pm25/pcd_pm25_daily_{year}.csv",
            source_sha256=sha,
            title=f"ค่าเฉลี่ยรายวัน PM2.5 ทุกสถานี ปี ค.ศ. {year} (พ.ศ. {year + 543}) กรมควบคุมมลพิษ"
            + (" (ม.ค.-มิ.ย. เท่านั้น)" if year == 2023 else ""),
            description="ตารางแบบกว้าง: คอลัมน์ Date แล้วตามด้วยคอลัมน์ละสถานี (รหัสเช่น 02T 36T) หน่วยไมโครกรัมต่อลูกบาศก์เมตร "
            "ชุดข้อมูล 12_02_aaq_pm2-5_bkk_metro ในแค็ตตาล็อกของกรมควบคุมมลพิษ (ชื่อบอกกรุงเทพฯ และปริมณฑล "
            "แต่มีสถานีทั่วประเทศ)",
            publisher="กรมควบคุมมลพิษ (คพ.)",
            url="https://pcd.gdcatalog.go.th/dataset/78495048-ce78-4b53-b6b9-63610fc9e841"
            if year == 2024
            else None,
            origin=_origin(
                "paldee/Data-Science-PM2.5", f"pm2.5{year}.csv", "5fee2b6797a5add0b76093fd6dd67152b65b979f"
            ),
            licenses=[NOT_STATED],
            quirks=quirks,
        )
        for year, sha, quirks in [
            (
                2021,
                "71870e9fbc68440c44f028860bb49a0bab51345c4fe2511ec1ea192d99faf823",
                [
                    "วันที่เป็น เดือน/วัน/ปี",
                    "คอลัมน์ 72T(เก่า) และ 72T(ใหม่)",
                    "ค่าเป็นจำนวนเต็ม",
                    "ช่องว่างคือค่าที่หายไป",
                    "ค่าสูงสุด 414 ควรตรวจ",
                    "6/30/2021 มีสองแถว (ค่าต่างกัน) และไม่มีวันที่ 29 มิ.ย.",
                ],
            ),
            (
                2022,
                "8ac4847a8703462e0a367ebe4f39d6bb79cb4c254d527be39b119020952cd7ce",
                ["วันที่เป็น เดือน/วัน/ปี", "สถานีเพิ่ม 10 สถานี", "คอลัมน์ 72T(เก่า) และ 72T(ใหม่)"],
            ),
            (
                2023,
                "a65c4721fa678575a8dd2e5ec6d9c89281cce96297ce58394a75e0e3d908513c",
                ["มีเฉพาะ ม.ค.-มิ.ย. (181 วัน)", "ค่ามีทศนิยม 1 ตำแหน่ง", "ค่าสูงสุด 586 ควรตรวจ"],
            ),
            (
                2024,
                "7cc6ab35dcd6af1f8bb958fa38460ada000ad4b72caf9e2ee3fe6870377b5896",
                ["วันที่เป็น วัน/เดือน/ปี (ต่างจากปีก่อน)", "สถานีเพิ่มอีก 10 สถานี"],
            ),
        ]
    },
    "real/pm25/air4thai_stations.json": dict(
        name="air4thai-stations",
        source="pm25/air4thai_stations.json",
        source_sha256="73c27888b519b2024b937e27c5a2ea66330670a7e3eec0010b0d6d8049412d8c",
        title="ทะเบียนสถานีตรวจวัดคุณภาพอากาศ Air4Thai 189 สถานี",
        description="รหัสสถานี ชื่อ พื้นที่ (ไทยและอังกฤษ) วันเปิดและวันปิดสถานี",
        publisher="กรมควบคุมมลพิษ (Air4Thai)",
        url=None,
        origin=_origin(
            "pattaphon123/framework",
            "data-platform-spark-framework/air4thai_station.js",
            "f2a7a40156681afe462f49c31b6d44412030d85b",
        ),
        licenses=[NOT_STATED],
        quirks=[
            "รหัสสถานีเป็นตัวพิมพ์เล็ก (02t) แต่หัวคอลัมน์ PM2.5 เป็นตัวพิมพ์ใหญ่ (02T)",
            "10T และ 11T มีในไฟล์ PM2.5 แต่ไม่มีในทะเบียน",
            "0000-00-00 คือวันที่ที่ไม่ทราบ (124 สถานี)",
            "ชื่อจังหวัดมี จ. นำหน้า มีช่องว่าง และสะกดผิด (ประจวบคิรีขันธ์ กาฬสินธ์ุ)",
            "ชื่ออังกฤษหลายแบบ (Pattanee, Suphun Buri)",
        ],
    ),
    # ---- tourism --------------------------------------------------------------------------
    "real/tourism/mots_domestic_tourism_2563.xlsx": dict(
        name="mots-tourism-2563-xlsx",
        source="tourism/mots_domestic_tourism_monthly_2563.xlsx",
        source_sha256="3bcfa1c78a57ad452d9f025110567be59192fb93cef468a764005b0131229374",
        title="สถิติการท่องเที่ยวภายในประเทศรายจังหวัด รายเดือน พ.ศ. 2563 (Excel ของกระทรวงการท่องเที่ยวและกีฬา)",
        description="ตาราง 'รายงานเบื้องต้น' รายเดือน แผ่นงานละเดือน 12 แผ่น: ผู้เยี่ยมเยือน นักท่องเที่ยว รายได้ "
        "ไทยและต่างชาติ เทียบปีก่อน ผู้อัปโหลดน่าจะรวมแต่ละเดือนเป็นไฟล์เดียว",
        publisher="กองเศรษฐกิจการท่องเที่ยวและกีฬา กระทรวงการท่องเที่ยวและกีฬา",
        url="https://www.mots.go.th/news/category/411",
        origin=_origin(
            "RThaweewat/tourism-domestic",
            "datasets/internal_2020.xlsx",
            "76d28e60d10e194cc432a839da42333bb0b03c0d",
        ),
        licenses=[NOT_STATED],
        quirks=[
            "คอลัมน์ A ว่าง",
            "ชื่อตารางผสานเซลล์",
            "หัวตาราง 2 แถว (ปีนี้ ปีก่อน ร้อยละที่เปลี่ยน)",
            "เครื่องหมาย (P) (R) (R1) * ติดกับชื่อจังหวัด",
            "สะกดผิด ประจวบศีรีขันธ์ ศรีษะเกษ",
            "แถวรวมรายภาคและรวมทั้งหมดแทรกระหว่างจังหวัด",
            "เชิงอรรถใต้ตาราง",
            "แผ่นงานเรียงเดือนสลับกัน",
            "จำนวนคอลัมน์ต่างกันในแต่ละแผ่นงาน",
            "หน่วยอยู่ในหัวตารางเท่านั้น (คน ล้านบาท)",
        ],
    ),
    "real/tourism/mots_domestic_tourism_2566_janfeb.xlsx": dict(
        name="mots-tourism-2566-xlsx",
        source="tourism/mots_domestic_tourism_monthly_2566_JanFeb.xlsx",
        source_sha256="bc1136a6bee1eb83919d71103e3d9a31ee41f8f9789b07339d87783f438b930c",
        title="สถิติการท่องเที่ยวภายในประเทศรายจังหวัด ม.ค.-ก.พ. 2566 (Excel ของกระทรวงการท่องเที่ยวและกีฬา)",
        description="ตาราง 'รายงานเบื้องต้น' 2 แผ่นงาน (ม.ค. และ ก.พ. 2566) ลำดับจังหวัดต่างจากไฟล์ปี 2563",
        publisher="กองเศรษฐกิจการท่องเที่ยวและกีฬา กระทรวงการท่องเที่ยวและกีฬา",
        url="https://www.mots.go.th/news/category/411",
        origin=_origin(
            "RThaweewat/tourism-domestic",
            "datasets/internal_2023.xlsx",
            "76d28e60d10e194cc432a839da42333bb0b03c0d",
        ),
        licenses=[NOT_STATED],
        quirks=["เลขไทยปนเลขอารบิกในเชิงอรรถ (ครั้งที่ ๒/๒๕๖3)", "ลำดับจังหวัดเปลี่ยนจากปีก่อน"],
    ),
    "real/tourism/mots_province_monthly_2563-2565.csv": dict(
        name="mots-tourism-province-monthly",
        source="tourism/mots_province_monthly_2563-2565_retyped.csv",
        source_sha256="8725e18931a84e2affb328a9214c7d52fa579c015832d04de657a571d4dafc75",
        title="ผู้เยี่ยมเยือนและรายได้การท่องเที่ยวรายจังหวัด รายเดือน ม.ค. 2563 - มิ.ย. 2565 (ตารางที่พิมพ์ใหม่)",
        description="ตัวเลขชุดเดียวกับตาราง Excel ของกระทรวงการท่องเที่ยวและกีฬา ที่นักศึกษาคนหนึ่งพิมพ์ใหม่เป็นตารางแบบยาว: "
        "ปี (พ.ศ.) เดือน (ชื่อเต็ม) ภาค จังหวัด ผู้เยี่ยมเยือนไทยและต่างชาติ รายได้ (ล้านบาท) 77 จังหวัด × 30 เดือน",
        publisher="กองเศรษฐกิจการท่องเที่ยวและกีฬา กระทรวงการท่องเที่ยวและกีฬา (พิมพ์ใหม่โดยผู้ใช้ข้อมูล)",
        url="https://www.mots.go.th/news/category/411",
        origin=_origin("icetrm/dads5001-travel", "raw_data.csv", "e58f86e5854113329ecfc1436536d438d8fad974"),
        licenses=[NOT_STATED],
        quirks=[
            "พิมพ์ใหม่โดยบุคคล อาจมีพิมพ์ผิด: ตรวจกับไฟล์ Excel",
            "ผู้เยี่ยมเยือนชาวไทยเดือน ม.ค. 2563 ซ้ำกับ ก.พ. 2563 ทุกจังหวัด (ไฟล์ Excel ของกระทรวงให้ 19,901,703 คน-ครั้ง "
            "ไม่ใช่ 14,168,996): ค่าอื่นของปี 2563 ตรงกับไฟล์ Excel",
            "เดือนเป็นชื่อเต็มภาษาไทย",
        ],
    ),
    # ---- population -----------------------------------------------------------------------
    "real/population/dopa_population_by_province_1966-2021.csv": dict(
        name="dopa-population-by-province",
        source="population/dopa_registered_population_by_province_1966-2021.csv",
        source_sha256="37f0658cfd97b4ee79e15228b339f4648a4dd630126f9993a24cb54197e4aac2",
        title="ประชากรตามทะเบียนราษฎร รายจังหวัด ณ 31 ธันวาคม ค.ศ. 1966-2021 (พ.ศ. 2509-2564)",
        description="ประชากรรวม ชาย หญิง และจำนวนบ้าน (ตั้งแต่ 2536) ของทุกจังหวัด ปีละแถว จากสถิติการทะเบียนของกรมการปกครอง "
        "ที่ Andreas Hörstemeier รวบรวมเป็นไฟล์ XML ชุดเรียนไม่มีปี 2015-2016",
        publisher="กรมการปกครอง (สถิติการทะเบียนราษฎร)",
        url="https://stat.bora.dopa.go.th",
        origin=_origin(
            "Ahoerstemeier/tambon",
            "AHTambonData/Population/DOPA{1966…2021}.xml",
            "b5dfcce813efdb37169e73332180c5ca7670a080",
        ),
        derived="ดึงค่าระดับจังหวัด (population/data ชนิด total) ของแต่ละปีจากไฟล์ XML เป็น CSV",
        licenses=[NOT_STATED],
        quirks=[
            "จำนวนจังหวัดเพิ่มจาก 71 เป็น 77",
            "พระนครและธนบุรีแยกกันจนถึง 2513",
            "กรุงเทพฯ เปลี่ยนชื่อในปี 2535",
            "ชื่ออังกฤษสะกดหลายแบบ",
            "ไม่มีปี 2015-2016",
            "ไม่มีแถวของอุบลราชธานีในปี 2011 (พ.ศ. 2554) ผลรวมทั้งประเทศของปีนั้นจึงขาดไปราว 1.8 ล้านคน",
            "ไฟล์ระดับประเทศปี 1990 บันทึกปีเป็น 1988",
        ],
    ),
    # ---- COVID-19 -------------------------------------------------------------------------
    "real/covid/ddc_confirmed_cases_2565-04-12_excerpt.csv": dict(
        name="ddc-covid-cases-2565-04-12",
        source="covid/ddc_confirmed_cases_2022-04-12_excerpt.csv",
        source_sha256="de3f9e7cbb533aa575d76934d72931470f1234834ecd5b1148776a81c4c5b29a",
        title="ผู้ติดเชื้อโควิด-19 รายบุคคลที่ประกาศวันที่ 12 เม.ย. 2565: ตัวอย่าง 335 รายในภาคเหนือ",
        description="ส่วนหนึ่งของข้อมูลรายบุคคลของกรมควบคุมโรค (ลำดับ วันประกาศ วันแจ้ง เพศ อายุ หน่วยอายุ จังหวัด ความเสี่ยง) "
        "ไม่มีชื่อบุคคล ตรงกับทรัพยากรของชุดข้อมูล covid-19-daily ที่เริ่มตั้งแต่ 12 เม.ย. 2565",
        publisher="กรมควบคุมโรค",
        url="https://data.go.th/dataset/covid-19-daily",
        origin=_origin(
            "comsciyorwor5/comsci", "confirmed-cases.csv", "f39d57ed45ed5b300226518fe5bc9740ef2ece02"
        ),
        licenses=[PORTAL_CC],
        person_level=True,
        quirks=[
            "วันที่เป็น วัน/เดือน/ปี ค.ศ.",
            "อายุแยกเป็นค่าและหน่วย (ปี/เดือน)",
            "อายุว่าง 19 แถว",
            "คอลัมน์ว่างท้ายตาราง 7 คอลัมน์",
        ],
    ),
}

for _meta in REAL_FILES.values():
    _meta.setdefault(
        "fidelity",
        NOT_CHECKED if _meta.get("source") else "ชุดเรียนสร้างจากไฟล์จริงในชุดเรียนเอง สร้างซ้ำได้เหมือนเดิมทุกไบต์",
    )
