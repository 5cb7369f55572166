"""Practice (simulated) files: byte-identical regeneration, real schemas and quirks, real anchors."""

from __future__ import annotations

import json
import re
import zipfile

import numpy as np
import pandas as pd
import pytest
from _scripts import load_script

from helpers import paths

DATA = paths.repo_root() / "data"
PRACTICE = DATA / "practice"


@pytest.fixture(scope="module")
def maker():
    return load_script("make_practice_data")


@pytest.fixture(scope="module")
def regenerated(maker, tmp_path_factory):
    out = tmp_path_factory.mktemp("practice")
    return maker.build(out)


@pytest.mark.parametrize(
    "name",
    [
        "injuries_newyear_2551.csv",
        "pm25_wide_2566.csv",
        "pm25_stations.csv",
        "tourism_domestic.json",
        "agency_report.xlsx",
    ],
)
def test_regeneration_is_byte_identical(regenerated, name):
    assert regenerated[name].read_bytes() == (PRACTICE / name).read_bytes(), (
        f"run: python scripts/make_practice_data.py ({name} differs)"
    )


def test_largest_remainder(maker):
    parts = maker.largest_remainder(4903, [5666264, 1344875, 193305])
    assert parts.sum() == 4903 and parts.tolist() == [3856, 915, 132]


# ------------------------------------------------------------------ injuries (cp874)
HEADER = [
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


@pytest.fixture(scope="module")
def injuries():
    return pd.read_csv(
        PRACTICE / "injuries_newyear_2551.csv", encoding="cp874", dtype=str, keep_default_na=False
    )


@pytest.fixture(scope="module")
def provinces():
    return pd.read_csv(DATA / "provinces.csv", dtype={"province_code": str})


@pytest.fixture(scope="module")
def road():
    road = pd.read_csv(DATA / "facts" / "road_7_dangerous_days.csv")
    return road[road["festival"].str.startswith("ปีใหม่") & (road["festival_year_be"] == 2551)].iloc[0]


def test_injuries_header_and_encoding(injuries):
    assert list(injuries.columns) == HEADER
    raw = (PRACTICE / "injuries_newyear_2551.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_injuries_totals_match_the_real_new_year_2551(injuries, road):
    distinct = injuries.drop_duplicates()
    assert len(distinct) == road["injured"] == 4903
    assert (distinct["ผลการรักษา"] == "เสียชีวิต").sum() == road["deaths"] == 401
    assert 3 <= injuries.duplicated().sum() <= 10


def test_injuries_spread_by_population(injuries, provinces, maker):
    distinct = injuries.drop_duplicates()
    expected = maker.largest_remainder(4903, provinces["population_31dec2562"])
    # the hospital names carry the official province name, whatever the spelling in จังหวัด
    official = (
        distinct["ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ"]
        .str.replace(r"^(โรงพยาบาล|รพ\.ชุมชน )", "", regex=True)
        .str.replace(r" แห่งที่ \d+$", "", regex=True)
    )
    counts = official.value_counts().reindex(provinces["name_th"]).fillna(0).astype(int).to_numpy()
    assert (counts == expected).all()


def test_injuries_quirks(injuries, provinces):
    assert set(injuries["ชื่อเทศกาล"]) == {"ปีใหม่ 51"}
    assert set(injuries["วันที่เกิดเหตุ"]) == {"28", "29", "30", "31", "1", "2", "3"}
    hours = injuries["เวลาเกิดเหตุ"]
    assert hours.str.fullmatch(r"\d{2}:01-\d{2}:00 น\.|ไม่ทราบ").all()
    assert 1 <= (hours == "24:01-01:00 น.").sum() <= 40
    assert (hours == "12:01-13:00 น.").sum() > 50
    assert (injuries == " ").sum().sum() > 100  # blank cells holding one space
    assert (injuries == "ไม่ทราบ").sum().sum() > 100
    assert (injuries["สถานะ"] == "ผู้ชับขี่").sum() > 10
    names = set(injuries["จังหวัด"])
    official = set(provinces["name_th"])
    assert {"กทม", "กรงุเทพมหานคร", "ก ำแพงเพชร", "Bangkok", "Chon Buri", "Chonburi"} <= names
    assert any(n.startswith("จ.") for n in names) and any("เเ" in n for n in names)
    assert len(names - official) > 100
    assert (injuries["อายุ"] == "0").mean() > 0.04
    ages = pd.to_numeric(injuries["อายุ"], errors="coerce")
    assert 1 <= (ages > 120).sum() <= 5
    # running ids (1-77) typed instead of the official code for some provinces
    codes = pd.to_numeric(injuries["รหัสจังหวัด"])
    assert (codes < 10).any()
    by_code = dict(zip(provinces["province_code"], provinces["name_th"]))
    hospital_prov = (
        injuries["ชื่อโรงพยาบาลที่รับผู้บาดเจ็บ"]
        .str.replace(r"^(โรงพยาบาล|รพ\.ชุมชน )", "", regex=True)
        .str.replace(r" แห่งที่ \d+$", "", regex=True)
    )
    mismatch = injuries["รหัสจังหวัด"].map(by_code) != hospital_prov
    assert 50 < mismatch.sum() < 1000


# ------------------------------------------------------------------ PM2.5
@pytest.fixture(scope="module")
def pm25():
    return pd.read_csv(PRACTICE / "pm25_wide_2566.csv", dtype=str, keep_default_na=False)


def test_pm25_wide_layout(pm25):
    assert pm25.columns[0] == "Date" and 8 <= pm25.shape[1] - 1 <= 12
    assert all(re.fullmatch(r"\d{2}T", c) for c in pm25.columns[1:])
    assert len(pm25) == 365
    assert pm25["Date"].iloc[0] == "1/1/2566" and pm25["Date"].iloc[-1] == "31/12/2566"
    assert pm25["Date"].str.fullmatch(r"\d{1,2}/\d{1,2}/2566").all()
    values = pm25.drop(columns="Date")
    assert (values == "-").sum().sum() > 50 and (values == "").sum().sum() > 30


def test_pm25_magnitudes_anchored_on_real_national_figures(pm25):
    real = pd.read_csv(DATA / "facts" / "pm25_national_annual.csv")
    values = pm25.drop(columns="Date").apply(pd.to_numeric, errors="coerce")
    mean = np.nanmean(values.to_numpy())
    assert abs(mean - real["national_annual_mean_ugm3"].mean()) < 1.0
    assert np.nanmax(values.to_numpy()) <= real["daily24h_max"].max()
    assert np.nanmin(values.to_numpy()) >= real["daily24h_min"].min()
    month = pm25["Date"].str.split("/").str[1].astype(int)
    dry = np.nanmean(values[month.between(1, 4)].to_numpy())
    rainy = np.nanmean(values[month.between(6, 9)].to_numpy())
    assert dry > 2 * rainy


def test_pm25_stations_match_the_wide_file(pm25, provinces):
    st = pd.read_csv(PRACTICE / "pm25_stations.csv", dtype={"station_code": str})
    assert list(st.columns) == ["station_code", "name_th", "province_th", "lat", "lon", "note"]
    assert st["station_code"].tolist() == list(pm25.columns[1:])
    assert st["province_th"].isin(provinces["name_th"]).all()
    assert st["note"].str.contains("จำลอง").all() and st["note"].str.contains("สมมุติ").all()
    assert st["lat"].between(5, 21).all() and st["lon"].between(97, 106).all()


# ------------------------------------------------------------------ tourism JSON
def test_tourism_json_shape_and_key_casing(provinces):
    doc = json.loads((PRACTICE / "tourism_domestic.json").read_text(encoding="utf-8"))
    assert set(doc) == {"fields", "records", "total"}
    keys = [
        "YearInfo",
        "MonthInfo",
        "Province",
        "CityType",
        "InternalAmount",
        "InternalIncome",
        "ForeignerInternalAmount",
        "ForeignersinternalIncome",
        "RoomRate",
        "OR",
    ]
    assert [f["id"] for f in doc["fields"]] == ["_id"] + keys
    assert doc["total"] == len(doc["records"]) == 77 * 12
    records = pd.DataFrame(doc["records"])
    assert list(records.columns) == ["_id"] + keys
    assert records["YearInfo"].nunique() == 1
    assert records.groupby("Province").size().size >= 77
    assert set(records["Province"].str.strip()) == set(provinces["name_th"])
    assert sorted(records["MonthInfo"].unique()) == list(range(1, 13))
    as_text = records["InternalAmount"].str.contains(",")
    assert 50 < as_text.sum() < 400


def test_tourism_foreign_totals_anchored_on_real_2562():
    doc = json.loads((PRACTICE / "tourism_domestic.json").read_text(encoding="utf-8"))
    records = pd.DataFrame(doc["records"])
    assert records["ForeignerInternalAmount"].sum() == 39_920_000  # ONEP T7: 39.92 million
    assert (
        abs(records["ForeignersinternalIncome"].sum() - 1_910_000) < 0.01
    )  # 1.91 trillion baht (million baht)


# ------------------------------------------------------------------ agency Excel
def test_agency_report_layout():
    from openpyxl import load_workbook

    wb = load_workbook(PRACTICE / "agency_report.xlsx")
    ws = wb["สรุปรายเดือน"]
    assert "ข้อมูลจำลอง" in ws["A1"].value
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:P1", "A2:A3", "B2:B3", "C2:N2", "O2:P2"} <= merged
    assert ws["C3"].value == "ม.ค." and ws["N3"].value == "ธ.ค."
    notes = [ws.cell(row=r, column=1).value for r in range(ws.max_row - 2, ws.max_row + 1)]
    assert notes[0].startswith("หมายเหตุ") and "ข้อมูลจำลอง" in notes[0]
    assert wb.properties.created.year == 2024


def test_agency_report_zip_has_no_clock_in_it():
    with zipfile.ZipFile(PRACTICE / "agency_report.xlsx") as zf:
        assert {i.date_time for i in zf.infolist()} == {(2024, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
    assert "2024-01-01T00:00:00Z</dcterms:modified>" in core


def test_agency_report_numbers_come_from_the_pm25_practice_file(maker):
    grid = pd.read_excel(PRACTICE / "agency_report.xlsx", header=None)
    national = grid[grid[0] == "ทั้งประเทศ"].iloc[0]
    values = maker.pm25_values()
    assert national[2] == pytest.approx(round(values[values.index.month == 1].to_numpy().mean(), 1))
    assert national[1] == values.shape[1]
