"""helpers.publish: metadata checks on the real data.go.th record, data dictionary, data package, exports."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import data, publish

GOOD_META = {
    "title": "อัตราทดลอง",
    "notes": "หนึ่งแถวคือหนึ่งจังหวัด",
    "organization": "หน่วยงานทดลอง",
    "license_title": "CC BY 4.0",
    "license_url": "https://creativecommons.org/licenses/by/4.0/deed.th",
    "update_frequency_unit": "ปี",
    "update_frequency_interval": "1",
    "geo_coverage": "จังหวัด",
    "data_category": "ข้อมูลสาธารณะ",
    "data_type": "ข้อมูลสถิติ",
    "objective": ["ทดสอบ"],
    "data_format": ["CSV"],
    "data_language": ["ไทย"],
    "data_source": ["แหล่งที่มาหนึ่ง", "แหล่งที่มาสอง"],
    "tags": ["ทดลอง"],
}

COLUMNS = {
    "province_code": {
        "title": "รหัสจังหวัด",
        "unit": "-",
        "description": "รหัส 2 หลัก",
        "constraints": {"required": True, "pattern": "[1-9][0-9]"},
    },
    "province": {"title": "จังหวัด", "unit": "-", "description": "ชื่อทางการ"},
    "deaths": {"title": "ผู้เสียชีวิต", "unit": "คน", "description": "จำนวนคน", "constraints": {"minimum": 0}},
    "rate": {"title": "อัตราต่อแสนคน", "unit": "ต่อแสนคน", "description": "deaths ÷ ประชากร × 100,000"},
}


def covid_record() -> dict:
    raw = json.loads(data.path("datagoth-package-search-covid").read_text(encoding="utf-8"))
    return raw["result"]["results"][0]


def small_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "province_code": ["10", "50", "90"],
            "province": ["กรุงเทพมหานคร", "เชียงใหม่", "สงขลา"],
            "deaths": [942, 300, 250],
            "rate": [17.0, 16.9, 17.5],
        }
    )


# --- the real record --------------------------------------------------------------------------------


def test_the_real_covid_record_shows_its_typo_unknowns_and_versionless_licence():
    problems = publish.check_metadata(covid_record())
    typo = [p for p in problems if p.startswith("height_value_dataset")]
    assert len(typo) == 1 and "high_value_dataset" in typo[0]
    unknown = sorted(p.split(" ")[0] for p in problems if "ไม่ได้บอกอะไร" in p)
    assert unknown == ["data_format", "data_source", "objective"]
    assert any(p.startswith("license_title") and "Creative Commons Attributions" in p for p in problems)
    assert len(problems) == 5, problems


def test_record_fields_puts_the_extras_after_the_standard_fields():
    table = publish.record_fields(covid_record())
    assert table.loc[table["field"] == "height_value_dataset", "stored_in"].tolist() == ["extras"]
    assert table.loc[table["field"] == "high_value_dataset", "stored_in"].tolist() == ["ช่องหลัก"]
    assert table.loc[table["field"] == "organization", "value"].item() == "กรมควบคุมโรค"
    standard = table[table["stored_in"] == "ช่องหลัก"]["field"].tolist()
    assert standard == [f for f in publish.DATAGOTH_FIELDS if f in standard]
    with pytest.raises(TypeError, match="dict"):
        publish.record_fields(["not", "a", "record"])


# --- checking metadata ------------------------------------------------------------------------------


def test_complete_metadata_has_no_problems():
    assert publish.check_metadata(GOOD_META) == []


@given(st.sampled_from(publish.REQUIRED_FIELDS), st.sampled_from([None, "", "  ", [], "ไม่ทราบ", ["ไม่ทราบ"]]))
def test_an_empty_or_unknown_required_field_is_named(field, value):
    meta = dict(GOOD_META, **{field: value})
    problems = publish.check_metadata(meta)
    assert len(problems) == 1 and problems[0].startswith(f"{field} ("), problems


def test_a_misspelt_key_and_a_bad_interval_are_reported():
    problems = publish.check_metadata(dict(GOOD_META, geo_coverag="จังหวัด", update_frequency_interval="ทุกปี"))
    assert any(p.startswith("geo_coverag:") and "geo_coverage" in p for p in problems)
    assert any(p.startswith("update_frequency_interval") for p in problems)
    # an unrelated custom key is not a typo
    assert publish.check_metadata(dict(GOOD_META, kit_note="อะไรก็ได้")) == []


# --- the data dictionary ------------------------------------------------------------------------------


def test_data_dictionary_reads_types_from_the_data():
    frame = pd.DataFrame(
        {
            "a": pd.array([1, None], dtype="Int64"),
            "b": [1.5, 2.0],
            "c": ["x", "y"],
            "d": pd.to_datetime(["2022-01-01", "2022-01-02"]),
            "e": [True, False],
        }
    )
    columns = {name: {"title": name, "unit": "-", "description": name} for name in frame.columns}
    dictionary = publish.data_dictionary(frame, columns)
    assert dictionary["type"].tolist() == ["integer", "number", "string", "date", "boolean"]


def test_data_dictionary_refuses_gaps():
    frame = small_table()
    with pytest.raises(ValueError, match="rate"):
        publish.data_dictionary(frame, {k: v for k, v in COLUMNS.items() if k != "rate"})
    with pytest.raises(ValueError, match="extra_column"):
        publish.data_dictionary(frame, dict(COLUMNS, extra_column=COLUMNS["rate"]))
    with pytest.raises(ValueError, match="หน่วย"):
        publish.data_dictionary(frame, dict(COLUMNS, rate={"title": "อัตรา", "description": "x"}))


# --- the package --------------------------------------------------------------------------------------


def test_make_package_writes_a_valid_package_that_round_trips(tmp_path):
    frame = small_table()
    dictionary = publish.data_dictionary(frame, COLUMNS)
    report = publish.make_package(
        frame, GOOD_META, tmp_path, dictionary=dictionary, name="road-test", primary_key="province_code"
    )
    assert report.valid, publish.errors_table(report)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "datapackage.json",
        "road-test.csv",
        "road-test_data_dictionary.csv",
    ]
    csv = tmp_path / "road-test.csv"
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(csv, encoding="utf-8-sig", dtype={"province_code": str})
    pd.testing.assert_frame_equal(back, frame)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    assert [f["title"] for f in fields] == [c["title"] for c in COLUMNS.values()]
    assert fields[2]["unit"] == "คน" and package["resources"][0]["schema"]["primaryKey"] == ["province_code"]
    assert package["licenses"] == [{"title": "CC BY 4.0", "path": GOOD_META["license_url"]}]
    assert package["contributors"] == [{"title": "หน่วยงานทดลอง", "role": "publisher"}]
    assert [s["title"] for s in package["sources"]] == GOOD_META["data_source"]
    assert package["update_frequency_unit"] == "ปี" and package["geo_coverage"] == "จังหวัด"
    assert "license_url" not in package


def test_a_total_row_is_caught_by_the_validation(tmp_path):
    frame = small_table()
    dictionary = publish.data_dictionary(frame, COLUMNS)
    total = pd.DataFrame(
        [{"province_code": None, "province": "รวม", "deaths": frame["deaths"].sum(), "rate": 17.1}]
    )
    draft = pd.concat([frame, total], ignore_index=True)
    report = publish.make_package(
        draft, GOOD_META, tmp_path, dictionary=dictionary, name="road-test", primary_key="province_code"
    )
    assert not report.valid
    errors = publish.errors_table(report)
    assert set(errors["แถวที่"]) == {len(draft) + 1}  # row 1 is the header
    assert set(errors["ชนิดข้อผิดพลาด"]) == {"constraint-error", "primary-key"}
    assert errors["คำอธิบาย"].str.contains("[ก-๙]").all()


def test_make_package_refuses_bad_metadata_and_names(tmp_path):
    frame = small_table()
    dictionary = publish.data_dictionary(frame, COLUMNS)
    with pytest.raises(ValueError, match="objective"):
        publish.make_package(
            frame, dict(GOOD_META, objective=["ไม่ทราบ"]), tmp_path, dictionary=dictionary, name="x"
        )
    no_link = {k: v for k, v in GOOD_META.items() if k != "license_url"}
    with pytest.raises(ValueError, match="license_url"):
        publish.make_package(frame, no_link, tmp_path, dictionary=dictionary, name="x")
    with pytest.raises(ValueError, match="ชื่อในลิงก์"):
        publish.make_package(frame, GOOD_META, tmp_path, dictionary=dictionary, name="อัตรา ทดลอง")
    with pytest.raises(ValueError, match="พจนานุกรมข้อมูลไม่ตรง"):
        publish.make_package(
            frame[["province", "province_code", "deaths", "rate"]],
            GOOD_META,
            tmp_path,
            dictionary=dictionary,
            name="x",
        )
    assert list(tmp_path.iterdir()) == []  # nothing written when refused


# --- exports and atomic writes ------------------------------------------------------------------------


def test_export_excel_has_the_three_sheets(tmp_path):
    frame = small_table()
    dictionary = publish.data_dictionary(frame, COLUMNS)
    path = publish.export_excel(frame, tmp_path / "t.xlsx", dictionary=dictionary, metadata=GOOD_META)
    sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl", dtype={"province_code": str})
    assert list(sheets) == ["ข้อมูล", "พจนานุกรมข้อมูล", "คำอธิบายชุดข้อมูล"]
    pd.testing.assert_frame_equal(sheets["ข้อมูล"], frame)
    assert sheets["พจนานุกรมข้อมูล"]["ชื่อภาษาไทย"].tolist() == [c["title"] for c in COLUMNS.values()]
    meta = sheets["คำอธิบายชุดข้อมูล"].set_index("ช่อง (data.go.th)")["ค่า"]
    assert meta["data_source"] == "แหล่งที่มาหนึ่ง, แหล่งที่มาสอง"
    with pytest.raises(ValueError, match=".xlsx"):
        publish.export_excel(frame, tmp_path / "t.xls")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = publish.export_csv(small_table(), tmp_path / "t.csv")
    before = target.read_bytes()

    def broken(self, path, *args, **kwargs):  # writes half a file, then fails
        Path(path).write_text("province_code,prov", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    with pytest.raises(OSError, match="disk full"):
        publish.export_csv(small_table().head(1), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_written_files_get_the_usual_permissions_not_private_ones(tmp_path):
    mask = os.umask(0)
    os.umask(mask)
    path = publish.write_text(tmp_path / "page.html", "x")
    expected = 0o666 & ~mask if os.name == "posix" else path.stat().st_mode & 0o777
    assert path.stat().st_mode & 0o777 == expected


def test_write_text_is_utf8_and_refuses_non_text(tmp_path):
    path = publish.write_text(tmp_path / "sub" / "page.html", "<p>ภาษาไทย</p>")
    assert path.read_bytes() == "<p>ภาษาไทย</p>".encode()
    with pytest.raises(TypeError, match="str"):
        publish.write_text(tmp_path / "x.html", b"bytes")
