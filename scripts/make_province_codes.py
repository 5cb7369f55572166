"""Build ``data/province_codes.csv``: the short codes of the 77 provinces, each from a cited source.

สร้างตารางรหัสย่อของจังหวัด (อักษรย่อจังหวัดภาษาไทย และรหัส ISO 3166-2:TH) ที่
``helpers.clean.province_code`` ใช้อ่านรหัสย่อ ทุกแถวบอกแหล่งที่มาในคอลัมน์ ``source``::

    .venv/bin/pip install pycountry          # needed by this script only, never at run time
    .venv/bin/python scripts/make_province_codes.py
    .venv/bin/python scripts/update_datapackage.py

Columns: ``province_code`` (the kit's 2-digit code, as in ``data/provinces.csv``), ``kind``, ``code``,
``source``.  Kinds:

- ``abbr_th`` — the official 2-letter Thai abbreviation (อักษรย่อจังหวัด, e.g. ชม, ขก), one per province.
  Taken from pythainlp's corpus ``thailand_provinces_th.csv`` (CC0) and checked letter by letter
  against a second source: the province prefixes of rural-road numbers of the Department of Rural
  Roads (กรมทางหลวงชนบท), as tabulated in TravelMapping/HighwayData ``hwy_data/THA/tharr/README.md``
  (commit 0015de587595708d96fffb16682ea5957ea1504b; that table cites the DRR 2566 road register).
  The two sources agree on 76 provinces; for Bangkok pythainlp has กทม and the DRR table กท.
- ``abbr_th_variant`` — กท for Bangkok (DRR table above; it is also what the RTDDI death records on
  data.go.th write in their residence-province column).
- ``iso_3166_2`` — ISO 3166-2:TH codes (TH-10 … TH-96) from the iso-codes database shipped with
  pycountry.  TH-S (Pattaya, a special city inside Chon Buri, not a province) is left out.  The
  script checks that the numbers are exactly the kit's 77 province codes.

3-letter English codes (KBI, CMI, NMA ...) are deliberately NOT included: the lists found (pythainlp's
``abbr_en``, school web pages, app source code) cite no issuing agency and disagree in places, so
there is no authoritative list to cite.

The output is deterministic: rows sorted by province code and kind, LF line ends, UTF-8.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "province_codes.csv"

# Second source for the Thai abbreviations, copied from TravelMapping/HighwayData
# hwy_data/THA/tharr/README.md at commit 0015de587595708d96fffb16682ea5957ea1504b ("Rural road
# prefix table": English name, Thai prefix).  Kept here verbatim so the build needs no network.
DRR_RURAL_ROAD_PREFIXES = """
Amnat Charoen|อจ  Ang Thong|อท  Bangkok|กท  Bueng Kan|บก  Buri Ram|บร  Chachoengsao|ฉช  Chai Nat|ชน
Chaiyaphum|ชย  Chanthaburi|จบ  Chiang Mai|ชม  Chiang Rai|ชร  Chon Buri|ชบ  Chumphon|ชพ  Kalasin|กส
Kamphaeng Phet|กพ  Kanchanaburi|กจ  Khon Kaen|ขก  Krabi|กบ  Lampang|ลป  Lamphun|ลพ  Loei|ลย  Lop Buri|ลบ
Mae Hong Son|มส  Maha Sarakham|มค  Mukdahan|มห  Nakhon Nayok|นย  Nakhon Pathom|นฐ  Nakhon Phanom|นพ
Nakhon Ratchasima|นม  Nakhon Sawan|นว  Nakhon Si Thammarat|นศ  Nan|นน  Narathiwat|นธ
Nong Bua Lam Phu|นภ  Nong Khai|นค  Nonthaburi|นบ  Pathum Thani|ปท  Pattani|ปน  Phangnga|พง
Phatthalung|พท  Phayao|พย  Phetchabun|พช  Phetchaburi|พบ  Phichit|พจ  Phitsanulok|พล
Phra Nakhon Si Ayutthaya|อย  Phrae|พร  Phuket|ภก  Prachin Buri|ปจ  Prachuap Khiri Khan|ปข  Ranong|รน
Ratchaburi|รบ  Rayong|รย  Roi Et|รอ  Sa Kaeo|สก  Sakon Nakhon|สน  Samut Prakan|สป  Samut Sakhon|สค
Samut Songkhram|สส  Saraburi|สบ  Satun|สต  Si Sa Ket|ศก  Sing Buri|สห  Songkhla|สข  Sukhothai|สท
Suphan Buri|สพ  Surat Thani|สฎ  Surin|สร  Tak|ตก  Trang|ตง  Trat|ตร  Ubon Ratchathani|อบ
Udon Thani|อด  Uthai Thani|อน  Uttaradit|อต  Yala|ยล  Yasothon|ยส
"""

DRR = (
    "ตารางอักษรนำหน้าหมายเลขทางหลวงชนบท กรมทางหลวงชนบท (TravelMapping/HighwayData "
    "hwy_data/THA/tharr/README.md commit 0015de5)"
)
COLUMNS = ["province_code", "kind", "code", "source"]


def _latin_key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def drr_prefixes() -> list[tuple[str, str]]:
    """(English name, Thai prefix) pairs of the DRR table above."""
    pairs = [item.split("|") for item in re.split(r"\s{2,}|\n", DRR_RURAL_ROAD_PREFIXES.strip()) if item]
    return [(en.strip(), th.strip()) for en, th in pairs]


def build_rows() -> list[dict]:
    import pycountry
    import pythainlp
    from pythainlp.corpus import provinces as pythainlp_provinces

    from helpers import data

    table = data.load("provinces")
    code_of_th = dict(zip(table["name_th"], table["province_code"]))
    code_of_en: dict[str, str] = {}
    for row in table.itertuples(index=False):
        for name in (row.name_en, row.name_en_variant):
            if isinstance(name, str):
                code_of_en[_latin_key(name)] = row.province_code

    # 1. Thai abbreviations from pythainlp, checked against the DRR table
    pythainlp_src = f"pythainlp {pythainlp.__version__} corpus thailand_provinces_th.csv (CC0)"
    abbr = {code_of_th[d["name_th"]]: d["abbr_th"] for d in pythainlp_provinces(details=True)}
    if sorted(abbr) != sorted(table["province_code"]):
        raise SystemExit("pythainlp's province list does not cover the kit's 77 provinces")
    drr = {code_of_en[_latin_key(en)]: th for en, th in drr_prefixes()}
    if sorted(drr) != sorted(abbr):
        raise SystemExit(f"the DRR table does not cover the 77 provinces: {sorted(set(abbr) ^ set(drr))}")
    rows = []
    for code in sorted(abbr):
        agree = abbr[code] == drr[code]
        if not agree and code != "10":
            raise SystemExit(f"sources disagree for {code}: pythainlp {abbr[code]}, DRR {drr[code]}")
        rows.append(
            {
                "province_code": code,
                "kind": "abbr_th",
                "code": abbr[code],
                "source": pythainlp_src + ("; ตรงกับ" + DRR if agree else ""),
            }
        )
        if not agree:  # Bangkok: กทม (pythainlp) and กท (DRR) are both in use
            rows.append(
                {
                    "province_code": code,
                    "kind": "abbr_th_variant",
                    "code": drr[code],
                    "source": DRR + "; ใช้ในข้อมูลผู้เสียชีวิตจากอุบัติเหตุทางถนน (RTDDI) บน data.go.th",
                }
            )

    # 2. ISO 3166-2:TH from pycountry (iso-codes)
    iso = {s.code[3:]: s for s in pycountry.subdivisions.get(country_code="TH") if s.code[3:].isdigit()}
    if sorted(iso) != sorted(abbr):
        raise SystemExit(f"ISO 3166-2:TH numbers differ from the kit's codes: {sorted(set(iso) ^ set(abbr))}")
    iso_src = f"ISO 3166-2:TH จากฐานข้อมูล iso-codes ใน pycountry {pycountry.__version__}"
    for code in sorted(iso):
        rows.append({"province_code": code, "kind": "iso_3166_2", "code": iso[code].code, "source": iso_src})
        # the same number must name the same province (Bangkok's ISO name is its Thai one, romanised)
        if _latin_key(iso[code].name) not in code_of_en and code != "10":
            raise SystemExit(f"ISO name {iso[code].name!r} ({iso[code].code}) is not a known name of {code}")
    rows.sort(key=lambda r: (r["province_code"], r["kind"]))
    return rows


def render(rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main(argv=None) -> int:
    rows = build_rows()
    OUT.write_text(render(rows), encoding="utf-8")
    kinds = {k: sum(r["kind"] == k for r in rows) for k in sorted({r["kind"] for r in rows})}
    print(f"{OUT.relative_to(REPO)}: {len(rows)} rows {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
