"""helpers.data: datasets(), load(), path(), info() and the Thai errors for missing/altered files."""

from __future__ import annotations

import shutil
import time

import pandas as pd
import pytest

from helpers import data, paths


def _names():
    return [r["name"] for r in data.package()["resources"]]


def _table_names():
    return [r["name"] for r in data.package()["resources"] if r.get("format") in ("csv", "xlsx", "json")]


# --------------------------------------------------------------------------------------------
# names the notebooks and helpers code against (real files, their checkpoints and the fact tables)
PLAN_NAMES = [
    "provinces",
    "niems-newyear-2551",
    "niems-newyear-2551-cp874",
    "niems-newyear-2551-2558",
    "pcd-pm25-daily-2024",
    "air4thai-stations",
    "mots-tourism-2563-xlsx",
    "mots-tourism-province-monthly",
    "niems-newyear-2551-clean",
    "pcd-pm25-daily-clean",
    "mots-tourism-2563-clean",
    "road-7-dangerous-days",
    "population-label-check-2564-vs-2565",
    "covid19-daily-2021-04",
    "pm25-national-annual",
    "rainfall-thailand-annual",
    "tourism-arrivals-receipts-2545-2554-official",
    "facts-sources",
]


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_plan_names_exist(name):
    assert name in _names()


def test_datasets_table():
    table = data.datasets()
    assert list(table.columns) == ["name", "title", "kind", "rows", "license", "path"]
    assert table["name"].is_unique
    assert set(table["kind"]) == {"จริง"}  # the kit ships no simulated data (issue 14)
    by_name = table.set_index("name")
    assert by_name.loc["provinces", "rows"] == 77
    assert by_name.loc["niems-newyear-2551-cp874", "rows"] == 100
    assert by_name.loc["road-7-dangerous-days", "kind"] == "จริง"
    assert (table["title"].str.len() > 0).all()
    assert (table["license"].str.len() > 0).all()


@pytest.mark.parametrize("name", _table_names())
def test_load_every_table_fast_and_matches_rows(name):
    data._cache["verified"].clear()  # time the hash check too
    start = time.perf_counter()
    frame = data.load(name)
    elapsed = time.perf_counter() - start
    rows = data.info(name)["rows"]
    assert isinstance(frame, pd.DataFrame) and (len(frame) > 0 or rows == 0)
    assert elapsed < 1.0, f"load({name!r}) took {elapsed:.2f} s"
    if rows is not None:
        assert len(frame) == rows


def test_load_returns_a_new_frame_each_time():
    a = data.load("provinces")
    a.loc[0, "name_th"] = "แก้แล้ว"
    assert data.load("provinces").loc[0, "name_th"] == "กรุงเทพมหานคร"


def test_real_tables_keep_codes_as_text_and_dates_as_dates():
    prov = data.load("provinces")
    assert prov["province_code"].tolist()[:3] == ["10", "11", "12"]
    assert prov["province_code"].str.fullmatch(r"\d{2}").all()
    road = data.load("road-7-dangerous-days")
    assert pd.api.types.is_datetime64_any_dtype(road["period_start"])


def test_real_files_read_with_their_encoding_and_sheet():
    cp874 = data.load("niems-newyear-2551-cp874")
    assert cp874.columns[:2].tolist() == ["year", "ชื่อเทศกาล"] and cp874.shape == (100, 20)
    # the same characters as the UTF-8 file: only the encoding differs
    pd.testing.assert_frame_equal(cp874, data.load("niems-newyear-2551"))
    grid = data.load("mots-tourism-2563-xlsx")  # a raw workbook: its first sheet's grid, no header
    assert grid.shape == (93, 26)
    assert grid.iloc[0, 1] == "รายงานเบื้องต้นเดือนมกราคม ปี 2563(P)" and grid.iloc[1, 1] == "จังหวัด"
    bom = data.load("thairsc-victims-by-province")  # UTF-8 with a byte-order mark
    assert data.info("thairsc-victims-by-province")["encoding"] == "utf-8-sig"
    assert bom.columns[0] == "region"


def test_path_and_info():
    expected = paths.data_dir() / "real" / "injuries" / "niems_newyear_2551_sample_cp874.csv"
    assert data.path("niems-newyear-2551-cp874") == expected
    meta = data.info("niems-newyear-2551-cp874")
    assert meta["simulated"] is False and meta["encoding"] == "cp874"
    assert "Creative Commons" in meta["license"]
    real = data.info("road-7-dangerous-days")
    assert real["simulated"] is False
    assert any("tcijthai" in s for s in real["sources"])  # resolved from src key R1
    text = repr(real)
    assert "ข้อมูลจริง" in text and "ที่มา" in text and "สัญญาอนุญาต" in text
    assert dict(real)["name"] == "road-7-dangerous-days"


def test_unknown_name_suggests_the_close_one():
    with pytest.raises(KeyError, match="provinces"):
        data.load("provinse")


def test_not_a_table():
    with pytest.raises(ValueError, match="ไม่ใช่ตาราง"):
        data.load("facts-sources-notes")


# --------------------------------------------------------------------------------------------
NIEMS_FILE = "real/injuries/niems_newyear_2551_sample.csv"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ selected with KIT_DATA_DIR, so files can be broken safely."""
    target = tmp_path / "data"
    shutil.copytree(paths.data_dir(), target)
    monkeypatch.setenv("KIT_DATA_DIR", str(target))
    yield target


def test_missing_file_gives_thai_error_with_restore_hint(data_copy):
    (data_copy / NIEMS_FILE).unlink()
    with pytest.raises(data.DataFileError) as err:
        data.load("niems-newyear-2551")
    message = str(err.value)
    assert "ไม่พบไฟล์" in message
    assert "helpers.data.restore('niems-newyear-2551')" in message
    assert "-m helpers.data restore niems-newyear-2551" in message
    assert err.value.file == NIEMS_FILE and err.value.name == "niems-newyear-2551"


def test_altered_file_is_refused(data_copy):
    target = data_copy / "facts" / "road_7_dangerous_days.csv"
    target.write_text(target.read_text(encoding="utf-8").replace(",401,", ",402,"), encoding="utf-8")
    with pytest.raises(data.DataFileError, match="ถูกแก้ไข") as err:
        data.load("road-7-dangerous-days")
    assert "helpers.data.restore('road-7-dangerous-days')" in str(err.value)


def test_altered_after_a_good_load_is_still_caught(data_copy):
    assert len(data.load("pm25-national-annual")) == 3
    target = data_copy / "facts" / "pm25_national_annual.csv"
    target.write_bytes(target.read_bytes() + b"2563,2020,,,,,,,,,X\n")
    with pytest.raises(data.DataFileError):
        data.load("pm25-national-annual")


def test_missing_datapackage(data_copy):
    (data_copy / "datapackage.json").unlink()
    with pytest.raises(data.DataFileError, match="datapackage.json"):
        data.datasets()


# --------------------------------------------------------------------------------------------
# real figures: spot checks that the copies are the recorded values (never edited by hand)
def test_real_figures_spot_checks():
    prov = data.load("provinces")
    assert len(prov) == 77 and int(prov["population_31dec2562"].sum()) == 66_558_935
    assert prov["region_6"].value_counts().to_dict() == {
        "ภาคกลาง": 22,
        "ภาคตะวันออกเฉียงเหนือ": 20,
        "ภาคใต้": 14,
        "ภาคเหนือ": 9,
        "ภาคตะวันออก": 7,
        "ภาคตะวันตก": 5,
    }
    road = data.load("road-7-dangerous-days").set_index(["festival", "festival_year_be"])
    assert road.loc[("ปีใหม่ New Year", 2551), ["crashes", "injured", "deaths"]].tolist() == [4475, 4903, 401]
    label = data.load("population-label-check-2564-vs-2565").set_index("province_en")
    assert label.loc["Samut Songkhram", "bulletin_q4_2565_value_labelled_2564"] == 189453
    assert label.loc["Samut Songkhram", "faqthai_2564_value"] == 190842


def test_covid_daily_identities_hold():
    covid = data.load("covid19-daily-2021-04")
    assert len(covid) == 31
    for new, cum in [
        ("new_confirmed", "confirmed_cumulative"),
        ("new_deaths", "deaths_cumulative"),
        ("new_recovered", "recovered_cumulative"),
        ("new_hospitalized", "hospitalized_current"),
    ]:
        assert (covid[cum].diff().iloc[1:] == covid[new].iloc[1:]).all(), cum
    total = covid["recovered_cumulative"] + covid["hospitalized_current"] + covid["deaths_cumulative"]
    assert (total == covid["confirmed_cumulative"]).all()


def test_source_disagreements_stay_visible():
    rain = data.load("rainfall-thailand-annual")
    assert sorted(rain.loc[rain["year_be"] == 2559, "rain_mm"].tolist()) == [1667.0, 1718.1]
    tourism = data.load("tourism-arrivals-announced-2012-2025")
    assert (tourism["year_be"] == 2561).sum() == 4  # 2018: initial and revised figures, side by side


# --------------------------------------------------------------------------------------------
# a damaged datapackage.json, and restore()
@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated (a save that was cut short)
        lambda text: "",  # emptied
        lambda text: text.replace('"resources"', '"resourcez"', 1),
        lambda text: '{"resources": [{"name": "x"}]}',  # entries without path and hash
    ],
)
def test_damaged_datapackage_gets_thai_error_and_restore_hint(data_copy, damage):
    target = data_copy / "datapackage.json"
    target.write_text(damage(target.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(data.DataFileError, match="เสียหาย") as err:
        data.load("provinces")
    assert "helpers.data.restore('datapackage.json')" in str(err.value)


def test_non_utf8_datapackage_is_damaged(data_copy):
    (data_copy / "datapackage.json").write_bytes(b"\xff\xfe{ not json")
    with pytest.raises(data.DataFileError, match="UTF-8"):
        data.datasets()


def test_restore_puts_a_deleted_file_back_from_git(data_copy):
    target = data_copy / NIEMS_FILE
    original = target.read_bytes()
    target.unlink()
    assert data.restore("niems-newyear-2551", quiet=True) == [NIEMS_FILE]
    assert target.read_bytes() == original
    assert len(data.load("niems-newyear-2551")) == 100


def test_restore_all_repairs_only_what_is_broken(data_copy, capsys):
    a = data_copy / "facts" / "road_7_dangerous_days.csv"
    a.write_bytes(a.read_bytes() + b"x")
    (data_copy / "provinces.csv").unlink()
    assert sorted(data.restore()) == ["facts/road_7_dangerous_days.csv", "provinces.csv"]
    assert "กู้คืนแล้ว" in capsys.readouterr().out
    assert data.restore(quiet=True) == []
    data.load("road-7-dangerous-days")


def test_restore_datapackage_json(data_copy):
    target = data_copy / "datapackage.json"
    original = target.read_bytes()
    target.write_text("{", encoding="utf-8")
    assert data.restore("datapackage.json", quiet=True) == ["datapackage.json"]
    assert target.read_bytes() == original
    assert data.load("provinces").shape[0] == 77


def test_restore_rebuilds_a_checkpoint_without_git(data_copy, monkeypatch):
    monkeypatch.setattr(data, "_from_git", lambda rel: None)
    target = data_copy / "checkpoints" / "niems_newyear_2551_clean.csv"
    original = target.read_bytes()
    target.write_bytes(b"broken")
    assert data.restore("niems-newyear-2551-clean", quiet=True) == [
        "checkpoints/niems_newyear_2551_clean.csv"
    ]
    assert target.read_bytes() == original


def test_restore_without_git_or_recipe_says_what_to_do(data_copy, monkeypatch):
    monkeypatch.setattr(data, "_from_git", lambda rel: None)
    (data_copy / "provinces.csv").write_bytes(b"x")
    with pytest.raises(data.DataFileError, match="โคลนชุดเรียนใหม่"):
        data.restore("provinces")
    assert (data_copy / "provinces.csv").read_bytes() == b"x"  # nothing half-written


def test_restore_refuses_git_bytes_that_do_not_match(data_copy, monkeypatch):
    monkeypatch.setattr(data, "_from_git", lambda rel: b"not the shipped file")
    (data_copy / "provinces.csv").unlink()
    with pytest.raises(data.DataFileError, match="ค่าตรวจสอบ"):
        data.restore("provinces")


@pytest.mark.parametrize("folder", ["", "notebooks"])
def test_printed_terminal_command_works_from_root_and_notebooks(data_copy, folder):
    import os
    import shlex
    import subprocess
    import sys

    (data_copy / NIEMS_FILE).unlink()
    with pytest.raises(data.DataFileError) as err:
        data.load("niems-newyear-2551")
    message = str(err.value)
    command = message.split("พิมพ์ในเทอร์มินัลว่า", 1)[1].split("  (", 1)[0].strip()
    if os.name == "nt":  # pragma: no cover - the CI machines are Linux; Windows quoting is list2cmdline
        argv = command
    else:
        argv = shlex.split(command)
    done = subprocess.run(
        argv,
        cwd=paths.repo_root() / folder,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KIT_DATA_DIR": str(data_copy)},
    )
    assert done.returncode == 0, done.stderr
    assert "กู้คืนแล้ว" in done.stdout
    assert argv[0] == sys.executable
    data.load("niems-newyear-2551")


def test_cli_verify_reports_broken_files(data_copy, capsys):
    assert data.main(["verify"]) == 0
    (data_copy / "provinces.csv").write_bytes(b"x")
    assert data.main(["verify"]) == 1
    out = capsys.readouterr().out
    assert "provinces" in out and "restore" in out
