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

- ``abbr_en`` — the 3-letter English code (อักษรย่อภาษาอังกฤษ, e.g. CMI, KKN, NMA), one per province.
  No official standard defines these (TIS 1099 and ISO 3166-2:TH are numeric), so they are a
  convention, taken from three public listings and kept only where they are consistent: pythainlp's
  corpus column ``abbr_en`` (CC0) and two listings copied below with their commits.  The code most
  listings give wins (ties: pythainlp's); the script stops if any code is given to two provinces.
  All three give the same code for 73 provinces (the Rakpod listing has no Bangkok: BKK is in the
  other two).
- ``abbr_en_variant`` — another 3-letter code one listing gives to the same province (PCK/PCT for
  พิจิตร, NST/NRT for นครศรีธรรมราช, UTD/UTT for อุตรดิตถ์): accepted because no listing uses it
  for another province.  Whether agencies use exactly these codes is not verified.

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

# Two public listings of 3-letter English codes, copied verbatim (code|name) from the files and
# commits named in EN3_LISTINGS so that the build needs no network.
EN3_RAKPOD = """
KBI|กระบี่ KRI|กาญจนบุรี KSN|กาฬสินธุ์ KPT|กำแพงเพชร KKN|ขอนแก่น CTI|จันทบุรี CCO|ฉะเชิงเทรา CBI|ชลบุรี
CNT|ชัยนาท CPM|ชัยภูมิ CPN|ชุมพร CRI|เชียงราย CMI|เชียงใหม่ TRG|ตรัง TRT|ตราด TAK|ตาก NYK|นครนายก
NPT|นครปฐม NPM|นครพนม NMA|นครราชสีมา NST|นครศรีธรรมราช NSN|นครสวรรค์ NBI|นนทบุรี NWT|นราธิวาส NAN|น่าน
BKN|บึงกาฬ BRM|บุรีรัมย์ PTE|ปทุมธานี PKN|ประจวบคีรีขันธ์ PRI|ปราจีนบุรี PTN|ปัตตานี PYO|พะเยา
AYA|พระนครศรีอยุธยา PNA|พังงา PLG|พัทลุง PCT|พิจิตร PLK|พิษณุโลก PBI|เพชรบุรี PNB|เพชรบูรณ์ PRE|แพร่
PKT|ภูเก็ต MKM|มหาสารคาม MDH|มุกดาหาร MSN|แม่ฮ่องสอน YST|ยโสธร YLA|ยะลา RET|ร้อยเอ็ด RNG|ระนอง
RYG|ระยอง RBR|ราชบุรี LRI|ลพบุรี LPG|ลำปาง LPN|ลำพูน LEI|เลย SSK|ศรีสะเกษ SNK|สกลนคร SKA|สงขลา STN|สตูล
SPK|สมุทรปราการ SKM|สมุทรสงคราม SKN|สมุทรสาคร SKW|สระแก้ว SRI|สระบุรี SBR|สิงห์บุรี STI|สุโขทัย
SPB|สุพรรณบุรี SNI|สุราษฎร์ธานี SRN|สุรินทร์ NKI|หนองคาย NBP|หนองบัวลำภู ATG|อ่างทอง ACR|อำนาจเจริญ
UDN|อุดรธานี UTT|อุตรดิตถ์ UTI|อุทัยธานี UBN|อุบลราชธานี
"""
EN3_SOLAR = """
bkk|Bangkok spk|Samut Prakan nbi|Nonthaburi pte|Pathum Thani aya|Phra Nakhon Si Ayutthaya atg|Ang Thong
lri|Lop Buri sbr|Sing Buri cnt|Chai Nat sri|Saraburi cbi|Chon Buri ryg|Rayong cti|Chanthaburi trt|Trat
cco|Chachoengsao pri|Prachin Buri nyk|Nakhon Nayok skw|Sa Kaeo nma|Nakhon Ratchasima brm|Buriram
srn|Surin ssk|Si Sa Ket ubn|Ubon Ratchathani yst|Yasothon cpm|Chaiyaphum acr|Amnat Charoen bkn|Bueng Kan
nbp|Nong Bua Lam Phu kkn|Khon Kaen udn|Udon Thani lei|Loei nki|Nong Khai mkm|Maha Sarakham ret|Roi Et
ksn|Kalasin snk|Sakon Nakhon npm|Nakhon Phanom mdh|Mukdahan cmi|Chiang Mai lpn|Lamphun lpg|Lampang
utd|Uttaradit pre|Phrae nan|Nan pyo|Phayao cri|Chiang Rai msn|Mae Hong Son nsn|Nakhon Sawan
uti|Uthai Thani kpt|Kamphaeng Phet tak|Tak sti|Sukhothai plk|Phitsanulok pct|Phichit pnb|Phetchabun
rbr|Ratchaburi kri|Kanchanaburi spb|Suphan Buri npt|Nakhon Pathom skn|Samut Sakhon skm|Samut Songkhram
pbi|Phetchaburi pkn|Prachuap Khiri Khan nrt|Nakhon Si Thammarat kbi|Krabi pna|Phangnga pkt|Phuket
sni|Surat Thani rng|Ranong cpn|Chumphon ska|Songkhla stn|Satun trg|Trang plg|Phatthalung ptn|Pattani
yla|Yala nwt|Narathiwat
"""
EN3_LISTINGS = {
    "rakpod": "NorthKunG/Rakpod rakpod-subscriber-service/src/province.ts (commit 422fa23)",
    "solar": "MercuryHeart123/solar-app src/data/thailand-provinces.ts (commit 0341dc1)",
}

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


def en3_listing(text: str) -> list[tuple[str, str]]:
    """(CODE, name) pairs of one copied listing of 3-letter codes."""
    pairs = [item.split("|", 1) for item in re.split(r"\s(?=[A-Za-z]{3}\|)", " ".join(text.split())) if item]
    return [(code.upper(), name.strip()) for code, name in pairs]


def en3_rows(pythainlp_codes: dict[str, str], code_of_th: dict, code_of_en: dict, source: str) -> list[dict]:
    """``abbr_en``/``abbr_en_variant`` rows: the most-listed code per province, then the others."""
    votes: dict[str, dict[str, list[str]]] = {}  # province -> code -> listings that give it
    listings = {"pythainlp": list(pythainlp_codes.items())}
    listings["rakpod"] = [(code_of_th[name], code) for code, name in en3_listing(EN3_RAKPOD)]
    listings["solar"] = [(code_of_en[_latin_key(name)], code) for code, name in en3_listing(EN3_SOLAR)]
    for listing, pairs in listings.items():
        for province, code in pairs:
            votes.setdefault(province, {}).setdefault(code, []).append(listing)
    owner: dict[str, str] = {}
    for province, codes in votes.items():
        for code in codes:
            if owner.setdefault(code, province) != province:
                raise SystemExit(f"{code} is given to two provinces: {owner[code]} and {province}")
    titles = {"pythainlp": source, **EN3_LISTINGS}
    rows = []
    for province in sorted(votes):
        ranked = sorted(votes[province].items(), key=lambda kv: (-len(kv[1]), "pythainlp" not in kv[1]))
        for rank, (code, given_by) in enumerate(ranked):
            rows.append(
                {
                    "province_code": province,
                    "kind": "abbr_en" if rank == 0 else "abbr_en_variant",
                    "code": code,
                    "source": "; ".join(titles[g] for g in given_by),
                }
            )
    return rows


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

    # 2. 3-letter English codes: pythainlp's abbr_en and two public listings, kept where consistent
    abbr_en = {code_of_th[d["name_th"]]: d["abbr_en"] for d in pythainlp_provinces(details=True)}
    en3 = en3_rows(abbr_en, code_of_th, code_of_en, pythainlp_src.replace("(CC0)", "column abbr_en (CC0)"))
    if sorted({r["province_code"] for r in en3 if r["kind"] == "abbr_en"}) != sorted(abbr):
        raise SystemExit("the 3-letter codes do not cover the 77 provinces exactly once")
    for row in en3:  # a code must not be another province's English name ("NAN" is Nan's own name)
        if code_of_en.get(_latin_key(row["code"]), row["province_code"]) != row["province_code"]:
            raise SystemExit(f"{row['code']} is also the name of another province")
    rows.extend(en3)

    # 3. ISO 3166-2:TH from pycountry (iso-codes)
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
