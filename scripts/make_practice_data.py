"""Generate the kit's simulated practice files in ``data/practice/`` (deterministic).

ข้อมูลฝึกทุกไฟล์ในโฟลเดอร์ ``data/practice/`` เป็นข้อมูลจำลอง (simulated) ที่สร้างขึ้นให้มีโครงสร้าง
และ "ความเลอะ" เหมือนไฟล์จริงของหน่วยงานราชการ แต่ตัวเลขไม่ใช่ข้อมูลจริง ขนาดของตัวเลขผูกไว้กับตารางจริง
ใน ``data/facts/`` และ ``data/provinces.csv`` เพื่อให้ดูสมจริง

Usage::

    python scripts/make_practice_data.py            # write into data/practice/ and refresh datapackage.json
    python scripts/make_practice_data.py --out DIR  # write into DIR only (used by the byte-identity test)

Every run produces byte-identical files: one ``numpy.random.Generator`` per file, seeded from
``SEED``; no clocks; the xlsx zip is rewritten with fixed timestamps (openpyxl stamps the current
time into the zip entries and ``docProps/core.xml``).

The anchors (all real, read from the bundled fact tables at generation time):

* injuries: New Year 2551 "7 dangerous days" totals (4,903 injured, 401 deaths) from
  ``data/facts/road_7_dangerous_days.csv``; spread over provinces in proportion to the registered
  population on 31 Dec 2562 (``data/provinces.csv``) with largest-remainder rounding;
* PM2.5: national annual mean and 24-h range from ``data/facts/pm25_national_annual.csv``;
* tourism: foreign arrivals and receipts of 2562 (2019) from
  ``data/facts/tourism_arrivals_announced_2012_2025.csv`` (ONEP page, source key T7).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2551
REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"

PRACTICE_FILES = (
    "injuries_newyear_2551.csv",
    "pm25_wide_2566.csv",
    "pm25_stations.csv",
    "tourism_domestic.json",
    "agency_report.xlsx",
)


def _rng(offset: int) -> np.random.Generator:
    """One independent generator per file, so editing one file's recipe never changes another."""
    return np.random.default_rng([SEED, offset])


def largest_remainder(total: int, weights) -> np.ndarray:
    """Split ``total`` into integers proportional to ``weights`` (Hamilton / largest remainder).

    Ties are broken by position (stable sort), so the result is deterministic.

    >>> largest_remainder(10, [1, 1, 1]).tolist()
    [4, 3, 3]
    >>> int(largest_remainder(4903, [5, 3, 2]).sum())
    4903
    """
    w = np.asarray(weights, dtype="float64")
    quota = total * w / w.sum()
    base = np.floor(quota).astype(int)
    rest = total - int(base.sum())
    order = np.argsort(-(quota - base), kind="stable")
    base[order[:rest]] += 1
    return base


def provinces(data: Path = DATA) -> pd.DataFrame:
    return pd.read_csv(data / "provinces.csv", dtype={"province_code": str})


# --------------------------------------------------------------------------------------------
# 1. New-Year 2551 injury records (cp874)
# --------------------------------------------------------------------------------------------
INJ_COLUMNS = [
    "ชื่อเทศกาล",
    "รหัสจังหวัด",
    "จังหวัด",
    "รหัส รพ.",
    "ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ",
    "วันที่เกิดเหตุ",
    "เวลาเกิดเหตุ",
    "เพศ",
    "อายุ",
    "ถนนที่เกิดเหตุ",
    "สถานะ",
    "รถผู้บาดเจ็บ",
    "รถคู่กรณี",
    "มาตรการ",
    "การดื่มสุรา",
    "การนำส่ง",
    "Refer-Admit",
    "ผลการรักษา",
    "จำนวนวันรักษา",
]
N_DUPLICATES = 7  # exact duplicate rows added on top of the 4,903 records
# Provinces whose data-entry template used the running id (1-77, table order) instead of the official
# code: อ่างทอง -> 6 (impossible code), ชลบุรี -> 11 (= สมุทรปราการ's code), อุบลราชธานี -> 23 (= ตราด),
# เชียงใหม่ -> 39 (= หนองบัวลำภู), สงขลา -> 71 (= กาญจนบุรี).  Check the code against the name!
RUNNING_ID_PROVINCES = ("อ่างทอง", "ชลบุรี", "อุบลราชธานี", "เชียงใหม่", "สงขลา")
# PDF-extraction garbles seen in real files (notes/data-go-th.md); only these two are used.
GARBLES = {"กรุงเทพมหานคร": "กรงุเทพมหานคร", "กำแพงเพชร": "ก ำแพงเพชร"}


def _festival_anchor(data: Path) -> tuple[int, int]:
    road = pd.read_csv(data / "facts" / "road_7_dangerous_days.csv")
    row = road[(road["festival"].str.startswith("ปีใหม่")) & (road["festival_year_be"] == 2551)].iloc[0]
    return int(row["injured"]), int(row["deaths"])


def _province_spelling(rng, prov: pd.Series) -> str:
    """Pick how this row's province name is written (official most of the time)."""
    name = prov["name_th"]
    r = rng.random()
    if r < 0.70:
        return name
    if r < 0.78:
        return "จ." + name
    if r < 0.81:
        return "จังหวัด" + name
    if r < 0.87:
        return (
            prov["name_en_variant"]
            if isinstance(prov["name_en_variant"], str) and rng.random() < 0.5
            else prov["name_en"]
        )
    if r < 0.90:
        return " " + name + " "
    if name == "กรุงเทพมหานคร":
        return ["กทม", "กทม.", "กรงุเทพมหานคร", "Bangkok"][int(rng.integers(4))]
    if name in GARBLES:
        return GARBLES[name]
    if "แ" in name:
        return name.replace("แ", "เเ")
    return name


def make_injuries(data: Path = DATA) -> bytes:
    rng = _rng(1)
    prov = provinces(data)
    injured, deaths = _festival_anchor(data)
    n_rows = largest_remainder(injured, prov["population_31dec2562"])
    n_dead = largest_remainder(deaths, prov["population_31dec2562"])
    running = set(prov.index[prov["name_th"].isin(RUNNING_ID_PROVINCES)])

    days = ["28", "29", "30", "31", "1", "2", "3"]
    day_p = [0.12, 0.13, 0.14, 0.17, 0.17, 0.14, 0.13]
    hour_w = np.array([5, 4, 3, 2, 2, 2, 3, 4, 4, 4, 4, 4, 4, 4, 5, 6, 8, 9, 10, 10, 9, 8, 7, 6], float)
    hour_bins = [f"{h:02d}:01-{h + 1:02d}:00 น." for h in range(24)]
    roads = ["ทางหลวง", "ถนนใน อบต./หมู่บ้าน", "ถนนในเมือง", "ทางหลวงชนบท", "ไม่ทราบ", "อื่น ๆ"]
    road_p = [0.38, 0.27, 0.17, 0.10, 0.05, 0.03]
    vehicles = ["จักรยานยนต์", "รถเก๋ง/แท็กซี่", "ปิกอัพ", "รถบรรทุก", "จักรยาน/สามล้อ", "รถโดยสาร", "ไม่ทราบ"]
    veh_p = [0.79, 0.05, 0.08, 0.02, 0.03, 0.01, 0.02]
    others = ["ไม่มีคู่กรณี/ล้มเอง", "จักรยานยนต์", "รถเก๋ง/แท็กซี่", "ปิกอัพ", "รถบรรทุก", "ไม่ทราบ"]
    other_p = [0.38, 0.20, 0.12, 0.16, 0.06, 0.08]
    transports = ["หน่วยกู้ชีพ (EMS)", "ญาติ/ผู้พบเห็น", "มาเอง", "ตำรวจ", "ไม่ทราบ"]
    trans_p = [0.45, 0.25, 0.20, 0.04, 0.06]

    rows = []
    for i, p in prov.iterrows():
        code = p["province_code"]
        code_out = str(i + 1) if i in running else code
        n_hosp = 1 + min(4, int(n_rows[i]) // 40)
        hospitals = [(str(20000 + int(code) * 100), "โรงพยาบาล" + p["name_th"])] + [
            (str(20000 + int(code) * 100 + k), f"รพ.ชุมชน {p['name_th']} แห่งที่ {k}") for k in range(1, n_hosp)
        ]
        dead = np.zeros(int(n_rows[i]), bool)
        dead[rng.choice(int(n_rows[i]), size=int(n_dead[i]), replace=False)] = True
        for is_dead in dead:
            hcode, hname = hospitals[int(rng.integers(len(hospitals)))]
            sex = rng.choice(["ชาย", "หญิง", "ไม่ทราบ"], p=[0.74, 0.245, 0.015])
            r = rng.random()
            if r < 0.07:
                age = "0"
            elif r < 0.085:
                age = " "
            else:
                age = str(int(np.clip(rng.gamma(3.2, 9.0) + 5, 1, 92)))
            vehicle = rng.choice(vehicles, p=veh_p)
            status = (
                "คนเดินเท้า"
                if rng.random() < 0.04
                else rng.choice(["ผู้ขับขี่", "ผู้โดยสาร", "ไม่ทราบ"], p=[0.70, 0.27, 0.03])
            )
            if status == "คนเดินเท้า":
                vehicle = "เดินเท้า"
            elif status == "ผู้ขับขี่" and rng.random() < 0.04:
                status = "ผู้ชับขี่"  # typo kept on purpose (seen in the real file)
            if vehicle in ("จักรยานยนต์", "จักรยาน/สามล้อ"):
                measure = rng.choice(
                    ["ไม่สวมหมวกนิรภัย", "สวมหมวกนิรภัย", "ไม่ทราบ", " "], p=[0.62, 0.22, 0.12, 0.04]
                )
            elif vehicle == "เดินเท้า":
                measure = " "
            else:
                measure = rng.choice(["ไม่คาดเข็มขัด", "คาดเข็มขัด", "ไม่ทราบ", " "], p=[0.45, 0.35, 0.15, 0.05])
            drink = rng.choice(["ดื่ม", "ไม่ดื่ม", "ไม่ทราบ"], p=[0.38, 0.42, 0.20])
            if is_dead:
                result = "เสียชีวิต"
                refer = rng.choice(["Admit", "Refer", " "], p=[0.45, 0.15, 0.40])
                los = rng.choice(["0", "1", "2", "3", " "], p=[0.55, 0.2, 0.1, 0.05, 0.1])
            else:
                refer = rng.choice(["Admit", "Refer", "ไม่ Admit", " "], p=[0.30, 0.08, 0.55, 0.07])
                result = rng.choice(["ทุเลา/กลับบ้าน", "ยังรักษาอยู่", "ส่งต่อ", "ไม่ทราบ"], p=[0.62, 0.25, 0.08, 0.05])
                if refer == "Refer":
                    result = "ส่งต่อ"
                los = (
                    "0"
                    if refer == "ไม่ Admit"
                    else (" " if rng.random() < 0.08 else str(int(rng.integers(1, 15))))
                )
            r = rng.random()
            if r < 0.003:
                hour = "24:01-01:00 น."  # impossible bin, kept on purpose
            elif r < 0.04:
                hour = "ไม่ทราบ"
            else:
                hour = hour_bins[int(rng.choice(24, p=hour_w / hour_w.sum()))]
            rows.append(
                [
                    "ปีใหม่ 51",
                    code_out,
                    _province_spelling(rng, p),
                    hcode,
                    hname,
                    rng.choice(days, p=day_p),
                    hour,
                    sex,
                    age,
                    rng.choice(roads, p=road_p) if rng.random() > 0.03 else " ",
                    status,
                    vehicle,
                    rng.choice(others, p=other_p),
                    measure,
                    drink,
                    rng.choice(transports, p=trans_p),
                    refer,
                    result,
                    los,
                ]
            )
    # Records of one festival arrive day by day, not province by province: shuffle.
    order = rng.permutation(len(rows))
    rows = [rows[k] for k in order]
    # A couple of impossible ages.
    for k, bad in zip(rng.choice(len(rows), size=2, replace=False), ["150", "203"]):
        rows[int(k)][8] = bad
    # A few exact duplicate rows (the same record keyed in twice), inserted right after the original.
    for k in sorted(rng.choice(len(rows), size=N_DUPLICATES, replace=False).tolist(), reverse=True):
        rows.insert(k + 1, list(rows[k]))
    frame = pd.DataFrame(rows, columns=INJ_COLUMNS)
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\r\n")
    return buf.getvalue().encode("cp874")


# --------------------------------------------------------------------------------------------
# 2. PM2.5 daily, wide layout + station list
# --------------------------------------------------------------------------------------------
# Illustrative stations: codes look like PCD codes, but the names and coordinates are made up
# (rounded provincial town centres) and the readings are simulated.
STATIONS = [
    # code, Thai name, province, lat, lon, base level, seasonal profile
    ("02T", "สถานีตัวอย่าง ริมถนนใหญ่ กรุงเทพฯ", "กรุงเทพมหานคร", 13.73, 100.52, "central"),
    ("05T", "สถานีตัวอย่าง ย่านที่อยู่อาศัย กรุงเทพฯ", "กรุงเทพมหานคร", 13.78, 100.54, "central"),
    ("08T", "สถานีตัวอย่าง เขตอุตสาหกรรม สมุทรปราการ", "สมุทรปราการ", 13.60, 100.60, "central"),
    ("22T", "สถานีตัวอย่าง ตัวเมืองนนทบุรี", "นนทบุรี", 13.86, 100.51, "central"),
    ("31T", "สถานีตัวอย่าง ชายฝั่งระยอง", "ระยอง", 12.68, 101.27, "east"),
    ("36T", "สถานีตัวอย่าง ตัวเมืองเชียงใหม่", "เชียงใหม่", 18.79, 98.99, "north"),
    ("39T", "สถานีตัวอย่าง ตัวเมืองลำปาง", "ลำปาง", 18.29, 99.49, "north"),
    ("46T", "สถานีตัวอย่าง ตัวเมืองขอนแก่น", "ขอนแก่น", 16.44, 102.83, "northeast"),
    ("47T", "สถานีตัวอย่าง ตัวเมืองนครราชสีมา", "นครราชสีมา", 14.98, 102.10, "northeast"),
    ("57T", "สถานีตัวอย่าง ตัวเมืองเชียงราย", "เชียงราย", 19.91, 99.84, "north"),
    ("58T", "สถานีตัวอย่าง ตัวเมืองแม่ฮ่องสอน", "แม่ฮ่องสอน", 19.30, 97.97, "north"),
    ("63T", "สถานีตัวอย่าง หาดใหญ่ สงขลา", "สงขลา", 7.01, 100.47, "south"),
]
# Relative monthly level (Jan..Dec): burning season peaks Jan-Apr in the north, Dec-Feb around
# Bangkok; low in the rainy season; the south is low all year with a small haze bump in Aug-Sep.
SEASON = {
    "north": [1.6, 2.4, 3.3, 2.3, 0.9, 0.5, 0.45, 0.45, 0.5, 0.6, 0.9, 1.3],
    "central": [2.0, 1.8, 1.4, 1.0, 0.6, 0.5, 0.5, 0.5, 0.55, 0.7, 1.1, 1.7],
    "northeast": [1.9, 1.9, 1.6, 1.1, 0.6, 0.45, 0.45, 0.45, 0.5, 0.7, 1.1, 1.6],
    "east": [1.5, 1.4, 1.1, 0.9, 0.6, 0.5, 0.5, 0.5, 0.5, 0.7, 1.0, 1.3],
    "south": [0.8, 0.8, 0.8, 0.8, 0.7, 0.7, 0.8, 1.0, 1.1, 0.9, 0.7, 0.7],
}
BASE = {"north": 30.0, "central": 27.0, "northeast": 26.0, "east": 21.0, "south": 15.0}


def _pm25_anchor(data: Path) -> tuple[float, float, float]:
    """Target annual mean (mean of the real national means) and the real 24-h range."""
    pm = pd.read_csv(data / "facts" / "pm25_national_annual.csv")
    target = float(pm["national_annual_mean_ugm3"].mean())
    return target, float(pm["daily24h_min"].min()), float(pm["daily24h_max"].max())


def pm25_values(data: Path = DATA) -> pd.DataFrame:
    """Simulated daily PM2.5 (float, no missing) for 2566 (2023): index dates, one column per station."""
    rng = _rng(2)
    dates = pd.date_range("2023-01-01", "2023-12-31", freq="D")
    doy = np.arange(len(dates))
    mid = np.array([15, 45, 74, 105, 135, 166, 196, 227, 258, 288, 319, 349], float)
    values = {}
    for code, _name, _prov, _lat, _lon, prof in STATIONS:
        s = np.interp(
            doy,
            np.r_[mid[-1] - 365, mid, mid[0] + 365],
            np.r_[SEASON[prof][-1], SEASON[prof], SEASON[prof][0]],
        )
        noise = np.zeros(len(dates))
        eps = rng.normal(0, 0.22, len(dates))
        for t in range(1, len(dates)):
            noise[t] = 0.75 * noise[t - 1] + eps[t]
        values[code] = BASE[prof] * s * np.exp(noise) * rng.uniform(0.9, 1.1)
    frame = pd.DataFrame(values, index=dates)
    target, lo, hi = _pm25_anchor(data)
    frame = frame * (target / frame.to_numpy().mean())
    # Keep inside the real range of 24-h values (3 to 357 µg/m³ in 2561-2562).
    return frame.clip(lower=lo, upper=hi).round(1)


def make_pm25_wide(data: Path = DATA) -> bytes:
    rng = _rng(3)
    frame = pm25_values(data)
    text = frame.map(lambda v: f"{v:.1f}").astype(object)
    n = len(text)
    for code in text.columns:
        # scattered missing days: '-' (station reported no value) or a blank cell
        miss = rng.random(n)
        text.loc[miss < 0.02, code] = "-"
        text.loc[(miss >= 0.02) & (miss < 0.035), code] = ""
    # instrument outages: runs of '-' in two stations, and one station that starts late
    text.iloc[160:172, list(text.columns).index("31T")] = "-"
    text.iloc[250:259, list(text.columns).index("47T")] = "-"
    text.iloc[0:20, list(text.columns).index("58T")] = ""
    text.insert(0, "Date", [f"{d.day}/{d.month}/{d.year + 543}" for d in frame.index])
    buf = io.StringIO()
    text.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def make_pm25_stations(data: Path = DATA) -> bytes:
    frame = pd.DataFrame(
        [(c, n, p, f"{la:.2f}", f"{lo:.2f}", "ชื่อและพิกัดสมมุติ (ข้อมูลจำลอง)") for c, n, p, la, lo, _ in STATIONS],
        columns=["station_code", "name_th", "province_th", "lat", "lon", "note"],
    )
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


# --------------------------------------------------------------------------------------------
# 3. Domestic tourism JSON (datastore_search-like)
# --------------------------------------------------------------------------------------------
TOURISM_YEAR_BE = 2562
# Provinces that get a larger share of foreign visitors in the simulation (weights are invented).
FOREIGN_HOTSPOTS = {
    "กรุงเทพมหานคร": 60,
    "ภูเก็ต": 30,
    "ชลบุรี": 25,
    "กระบี่": 12,
    "เชียงใหม่": 10,
    "สุราษฎร์ธานี": 10,
    "สงขลา": 8,
    "พังงา": 5,
    "ประจวบคีรีขันธ์": 4,
}
TOURISM_FIELDS = [
    ("_id", "int"),
    ("YearInfo", "int"),
    ("MonthInfo", "int"),
    ("Province", "text"),
    ("CityType", "text"),
    ("InternalAmount", "text"),
    ("InternalIncome", "text"),
    ("ForeignerInternalAmount", "numeric"),
    ("ForeignersinternalIncome", "numeric"),
    ("RoomRate", "numeric"),
    ("OR", "text"),
]


def _tourism_anchor(data: Path) -> tuple[int, int]:
    """Real 2562 (2019) foreign arrivals (persons) and receipts (million baht), ONEP page T7."""
    t = pd.read_csv(data / "facts" / "tourism_arrivals_announced_2012_2025.csv", dtype=str)
    row = t[(t["year_be"] == str(TOURISM_YEAR_BE)) & (t["src"] == "T7")].iloc[0]
    assert row["arrivals_unit"] == "million persons" and row["receipts_unit"] == "trillion baht"
    return round(float(row["arrivals_value"]) * 1_000_000), round(float(row["receipts_value"]) * 1_000_000)


def make_tourism(data: Path = DATA) -> bytes:
    rng = _rng(4)
    prov = provinces(data)
    arrivals, receipts = _tourism_anchor(data)
    season = np.array([1.25, 1.15, 1.05, 1.2, 0.85, 0.8, 0.85, 0.85, 0.75, 0.9, 1.05, 1.3])
    pop = prov["population_31dec2562"].to_numpy(float)
    attract = rng.lognormal(0, 0.45, len(prov))
    fweight = np.array([FOREIGN_HOTSPOTS.get(n, 0.15 * rng.uniform(0.2, 1.5)) for n in prov["name_th"]])
    fcells = largest_remainder(arrivals, np.outer(fweight, season).ravel()).reshape(len(prov), 12)
    fspend = np.outer(fweight**0.15, np.ones(12)) * rng.uniform(0.9, 1.1, (len(prov), 12))
    fincome = largest_remainder(receipts * 100, (fcells * fspend).ravel()).reshape(len(prov), 12) / 100
    main_city = set(prov.sort_values("population_31dec2562", ascending=False)["name_th"].head(22)) | set(
        FOREIGN_HOTSPOTS
    )
    records = []
    for i, p in prov.iterrows():
        for m in range(12):
            amount = int(pop[i] * attract[i] * 0.2 * season[m] * rng.uniform(0.85, 1.15))
            income = round(amount * rng.uniform(2200, 4200) / 1e6, 2)
            room = round(float(rng.uniform(700, 1500) * (1 + fweight[i] / 40)), 2)
            occ = round(float(np.clip(rng.normal(58, 10) * season[m] ** 0.5, 15, 95)), 2)
            as_text = rng.random() < 0.15
            name = p["name_th"] + (" " if rng.random() < 0.03 else "")
            records.append(
                {
                    "_id": len(records) + 1,
                    "YearInfo": TOURISM_YEAR_BE,
                    "MonthInfo": m + 1,
                    "Province": name,
                    "CityType": "เมืองหลัก" if p["name_th"] in main_city else "เมืองรอง",
                    "InternalAmount": f"{amount:,}" if as_text else str(amount),
                    "InternalIncome": f"{income:,.2f}" if as_text else f"{income:.2f}",
                    "ForeignerInternalAmount": int(fcells[i, m]),
                    "ForeignersinternalIncome": float(fincome[i, m]),
                    "RoomRate": room,
                    "OR": f"{occ:.2f}",
                }
            )
    doc = {
        "fields": [{"id": k, "type": t} for k, t in TOURISM_FIELDS],
        "records": records,
        "total": len(records),
    }
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# --------------------------------------------------------------------------------------------
# 4. Agency-style Excel report (title row, two-row merged header, notes rows)
# --------------------------------------------------------------------------------------------
MONTHS_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
REPORT_SHEET = "สรุปรายเดือน"
REGION_ORDER = ["ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคกลาง", "ภาคตะวันออก", "ภาคตะวันตก", "ภาคใต้"]
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def _zip_fixed(raw: bytes) -> bytes:
    """Rewrite an xlsx (zip) with fixed entry timestamps so the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl always stamps "modified" with the current time: pin it to FIXED_TIME.
                payload = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>2024-01-01T00:00:00Z\g<2>",
                    payload,
                )
            dst.writestr(fixed, payload)
    return out.getvalue()


def make_agency_report(data: Path = DATA) -> bytes:
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    prov = provinces(data).set_index("name_th")
    values = pm25_values(data)
    region_of = {c: prov.loc[p, "region_6"] for c, _n, p, *_ in STATIONS}
    monthly = values.groupby(values.index.month).mean()
    regions = [r for r in REGION_ORDER if r in set(region_of.values())]

    wb = Workbook()
    ws = wb.active
    ws.title = REPORT_SHEET
    ws["A1"] = "ตารางที่ 1 ค่าเฉลี่ยฝุ่นละอองขนาดไม่เกิน 2.5 ไมครอน (PM2.5) รายเดือน จำแนกตามภาค พ.ศ. 2566 (ข้อมูลจำลอง)"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=16)
    # two-row header
    ws["A2"], ws["B2"], ws["C2"], ws["O2"] = "ภาค", "จำนวนสถานี", "ค่าเฉลี่ยรายเดือน (มคก./ลบ.ม.)", "ทั้งปี"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:N2")
    ws.merge_cells("O2:P2")
    for j, m in enumerate(MONTHS_TH):
        ws.cell(row=3, column=3 + j, value=m)
    ws["O3"], ws["P3"] = "ค่าเฉลี่ย", "จำนวนวันที่เกินค่ามาตรฐาน (วัน)"
    for row in ws.iter_rows(min_row=2, max_row=3):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = 4
    for region in regions + ["ทั้งประเทศ"]:
        codes = [c for c, reg in region_of.items() if reg == region or region == "ทั้งประเทศ"]
        ws.cell(row=r, column=1, value=region)
        ws.cell(row=r, column=2, value=len(codes))
        for j in range(12):
            ws.cell(row=r, column=3 + j, value=round(float(monthly.loc[j + 1, codes].mean()), 1))
        region_daily = values[codes].mean(axis=1)
        ws.cell(row=r, column=15, value=round(float(values[codes].to_numpy().mean()), 1))
        ws.cell(row=r, column=16, value=int((region_daily > 37.5).sum()))
        r += 1
    ws.cell(
        row=r + 1,
        column=1,
        value="หมายเหตุ: ข้อมูลจำลองเพื่อการฝึก ไม่ใช่ข้อมูลจริงของกรมควบคุมมลพิษ (คำนวณจากไฟล์ฝึก pm25_wide_2566.csv)",
    )
    ws.cell(
        row=r + 2,
        column=1,
        value="* จำนวนวันที่เกินค่ามาตรฐาน นับจากค่าเฉลี่ยรายวันของสถานีในภาค "
        "เทียบกับค่ามาตรฐานเฉลี่ย 24 ชั่วโมง 37.5 มคก./ลบ.ม.",
    )
    ws.cell(row=r + 3, column=1, value="ที่มา: ชุดเรียน thai-opendata-kit (ข้อมูลจำลอง สัญญาอนุญาต CC BY 4.0)")
    ws.column_dimensions["A"].width = 24
    wb.properties.creator = "thai-opendata-kit (scripts/make_practice_data.py)"
    wb.properties.title = "ข้อมูลจำลอง: PM2.5 รายเดือน จำแนกตามภาค พ.ศ. 2566"
    wb.properties.created = dt.datetime(2024, 1, 1)
    wb.properties.modified = dt.datetime(2024, 1, 1)
    buf = io.BytesIO()
    wb.save(buf)
    return _zip_fixed(buf.getvalue())


# --------------------------------------------------------------------------------------------
MAKERS = {
    "injuries_newyear_2551.csv": make_injuries,
    "pm25_wide_2566.csv": make_pm25_wide,
    "pm25_stations.csv": make_pm25_stations,
    "tourism_domestic.json": make_tourism,
    "agency_report.xlsx": make_agency_report,
}


def build(out: Path, data: Path = DATA) -> dict[str, Path]:
    """Write every practice file into ``out`` (anchors are read from ``data``); return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, maker in MAKERS.items():
        target = out / name
        target.write_bytes(maker(data))
        written[name] = target
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder (default data/practice)")
    args = parser.parse_args(argv)
    out = args.out or DATA / "practice"
    for _name, p in build(out).items():
        print(f"{p.stat().st_size:>9,d}  {p.relative_to(out.parent) if args.out is None else p}")
    if args.out is None:
        print(
            "next: python scripts/make_checkpoints.py and scripts/update_datapackage.py (`make data` runs all)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
