"""helpers.portal offline: the recorded snapshot in data/catalog and the five learner functions."""

from __future__ import annotations

import importlib.util
import json
import socket

import pandas as pd
import pytest

from conftest_portal import cache_problems, listing, no_internet, portal_env, sha256_file  # noqa: F401

from helpers import paths, portal
from helpers.portal import client as client_mod

CATALOG = paths.data_dir() / "catalog"
GD_FIELDS = ["data_type", "update_frequency_unit", "update_frequency_interval", "geo_coverage",
             "data_format", "data_language", "data_source", "allow_harvest"]
REAL_SLUGS = {"0405_01_0005", "dopa-star"}  # the only slugs given by the project notes


def _packages():
    return json.loads((CATALOG / "package_search.json").read_text(encoding="utf-8"))["result"]["results"]


# -- the snapshot files ---------------------------------------------------------------------------
def test_snapshot_shape_and_size():
    doc = json.loads((CATALOG / "package_search.json").read_text(encoding="utf-8"))
    assert doc["success"] is True
    pkgs = doc["result"]["results"]
    assert doc["result"]["count"] == len(pkgs) >= 30
    orgs = json.loads((CATALOG / "organization_list.json").read_text(encoding="utf-8"))
    assert orgs["success"] is True and len(orgs["result"]) >= 10
    org_names = {o["name"] for o in orgs["result"]}
    for p in pkgs:
        for key in ("id", "name", "title", "notes", "organization", "tags", "resources",
                    "license_id", "license_title", "metadata_created", "metadata_modified", *GD_FIELDS):
            assert key in p, (p["name"], key)
        assert p["organization"]["name"] in org_names
        assert p["num_resources"] == len(p["resources"]) >= 1
        assert p["allow_harvest"] in ("True", "False")
        for r in p["resources"]:
            for key in ("id", "name", "format", "url", "datastore_active", "size", "created",
                        "last_modified", "resource_first_year_of_data"):
                assert key in r, (p["name"], key)
            assert r["url"].startswith("https://")


def test_snapshot_marks_simulated_and_real():
    for p in _packages():
        flag = p["kit_simulated"]
        if p["name"] in REAL_SLUGS:
            assert flag == "partial" and "ชุดเรียน" in p["notes"]
        else:
            assert flag == "True", p["name"]
            assert "ข้อมูลจำลอง" in p["notes"], p["name"]


def test_snapshot_has_real_world_format_mess():
    formats = {r["format"] for p in _packages() for r in p["resources"]}
    assert {"XSL", "ZIP", "PDF", "CSV", "XLSX", "JSON"} <= formats


def test_snapshot_practice_files_exist_and_are_published():
    mapped = {r["kit_practice_file"]: r for p in _packages() for r in p["resources"] if r.get("kit_practice_file")}
    assert {"practice/injuries_newyear_2551.csv", "practice/pm25_wide_2566.csv",
            "practice/tourism_domestic.json", "practice/agency_report.xlsx"} <= set(mapped)
    snap = portal.Snapshot()
    for rel, res in mapped.items():
        path = paths.data_dir() / rel
        assert path.is_file(), rel
        # the one recorded hash of a practice file lives in data/datapackage.json
        assert snap.practice_hash(res) == "sha256:" + sha256_file(path), rel


def test_snapshot_generator_is_deterministic():
    spec = importlib.util.spec_from_file_location(
        "make_catalog_snapshot", paths.repo_root() / "scripts" / "make_catalog_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = module.build(), module.build()
    assert first == second
    for name, text in first.items():
        assert (CATALOG / name).read_text(encoding="utf-8") == text, f"re-run the generator: {name}"


# -- the learner functions, offline -----------------------------------------------------------------
def test_search_dust_finds_pm25(capsys):
    df = portal.search("ฝุ่น")
    assert list(df.columns) == ["name", "title", "organization", "formats", "last_modified",
                                "license", "num_resources"]
    assert {"pm25-daily-2566", "pm25-monthly-region-2566"} <= set(df["name"])
    assert df.attrs["source"] == "snapshot"
    assert pd.api.types.is_datetime64_any_dtype(df["last_modified"])
    out = capsys.readouterr()
    assert out.out == client_mod.OFFLINE_NOTICE + "\n"
    assert out.err == ""


def test_offline_notice_once_per_session(capsys):
    portal.search("ฝุ่น")
    portal.dataset("pm25-daily-2566")
    portal.organizations()
    out = capsys.readouterr().out
    assert out.count("โหมดออฟไลน์") == 1
    assert out.strip().splitlines() == [client_mod.OFFLINE_NOTICE]


def test_search_filters_and_rows():
    assert portal.search("", organization="pcd", rows=100)["organization"].eq("กรมควบคุมมลพิษ").all()
    assert len(portal.search("", rows=3)) == 3
    xsl = portal.search("", fmt="xsl", rows=100)
    assert len(xsl) >= 5 and xsl["formats"].str.contains("XSL").all()
    assert portal.search("ไม่มีคำนี้แน่นอน").empty
    # every word must match; Thai needs no word segmentation
    assert portal.search("อุบัติเหตุ ปีใหม่")["name"].tolist()[:1] == ["injuries-newyear-2551"]


def test_search_by_organisation_title():
    assert set(portal.search("", organization="กรมอุตุนิยมวิทยา", rows=50)["name"]) == {
        "rainfall-annual-region", "rainfall-monthly-stations", "temperature-daily-stations"}


def test_dataset_thai_metadata():
    ds = portal.dataset("domestic-tourism-province")
    assert isinstance(ds.info, pd.Series)
    assert ds.info["ประเภทข้อมูล"] == "ข้อมูลสถิติ"
    assert ds.info["ความถี่ในการปรับปรุงข้อมูล"] == "ทุก 1 เดือน"
    assert ds.info["ขอบเขตเชิงภูมิศาสตร์"] == "จังหวัด"
    assert ds.info["ภาษา"] == "ไทย"
    assert ds.info["อนุญาตให้เก็บเกี่ยวข้อมูล (harvest)"] == "ใช่"
    assert list(ds.resources.columns) == ["id", "name", "format", "size", "last_modified",
                                          "first_year", "datastore_active", "url"]
    assert ds.resources.loc[0, "datastore_active"]
    text = repr(ds)
    assert "ชุดข้อมูล: สถิติการท่องเที่ยวภายในประเทศ รายจังหวัด" in text
    assert "ข้อมูลจำลอง" in text and "มี DataStore" in text


def test_dataset_real_slug_says_partial():
    text = repr(portal.dataset("0405_01_0005"))
    assert "ชื่อย่อและหน่วยงานเป็นของจริง" in text


def test_dataset_does_not_leak_mutation():
    a = portal.dataset("pm25-daily-2566")
    a.raw["title"] = "changed"
    a.resources.loc[0, "name"] = "changed"
    assert portal.dataset("pm25-daily-2566").title != "changed"


def test_dataset_not_found_thai():
    with pytest.raises(portal.PortalNotFound, match="ไม่พบชุดข้อมูล “nothing-here” \\(not found\\)"):
        portal.dataset("nothing-here")


def test_organizations_offline():
    orgs = portal.organizations()
    assert list(orgs.columns) == ["name", "title", "package_count"]
    assert orgs["package_count"].sum() == len(_packages())


@pytest.mark.parametrize("name, practice", [
    ("injuries-newyear-2551", "practice/injuries_newyear_2551.csv"),
    ("pm25-daily-2566", "practice/pm25_wide_2566.csv"),
    ("domestic-tourism-province", "practice/tourism_domestic.json"),
    ("pm25-monthly-region-2566", "practice/agency_report.xlsx"),
])
def test_download_offline_copies_practice_file(name, practice, portal_env):
    res = portal.dataset(name).resources.iloc[0]
    path = portal.download(res)
    assert path.is_file() and portal_env in path.parents
    assert sha256_file(path) == sha256_file(paths.data_dir() / practice)
    assert cache_problems(portal_env) == []
    # by id and by URL give the same cached file
    assert portal.download(res["id"]) == path
    assert portal.download(res["url"]) == path


def test_download_offline_to_dest(tmp_path):
    res = portal.dataset("pm25-daily-2566").resources.iloc[1]
    out = portal.download(res, dest=tmp_path / "mydata")
    assert out == tmp_path / "mydata" / "pm25_stations.csv" and out.is_file()


def test_download_offline_repairs_a_damaged_copy(portal_env):
    res = portal.dataset("pm25-daily-2566").resources.iloc[0]
    path = portal.download(res)
    path.write_bytes(b"damaged")
    again = portal.download(res)
    assert sha256_file(again) == sha256_file(paths.data_dir() / "practice/pm25_wide_2566.csv")
    assert cache_problems(portal_env) == []


def test_download_offline_checksum_mismatch_keeps_nothing(tmp_path, monkeypatch, portal_env):
    # a bundled file that does not match its published hash (data/datapackage.json) is not served
    data = tmp_path / "data"
    (data / "practice").mkdir(parents=True)
    (data / "catalog").mkdir()
    for f in ("package_search.json", "organization_list.json"):
        (data / "catalog" / f).write_bytes((CATALOG / f).read_bytes())
    (data / "datapackage.json").write_bytes((paths.data_dir() / "datapackage.json").read_bytes())
    (data / "practice" / "pm25_stations.csv").write_text("not the published file\n", encoding="utf-8")
    monkeypatch.setenv("KIT_DATA_DIR", str(data))
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset("pm25-daily-2566").resources.iloc[1]
    with pytest.raises(portal.ChecksumMismatch, match="checksum"):
        kit.download(res)
    assert [p for p in listing(portal_env) if p.endswith("pm25_stations.csv")] == []
    assert cache_problems(portal_env) == []


def test_download_offline_refreshes_when_practice_file_changes(tmp_path, monkeypatch, portal_env):
    data = tmp_path / "data"
    (data / "practice").mkdir(parents=True)
    (data / "catalog").mkdir()
    for f in ("package_search.json", "organization_list.json"):
        (data / "catalog" / f).write_bytes((CATALOG / f).read_bytes())
    package = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    target = data / "practice" / "pm25_stations.csv"

    def publish(text):
        target.write_text(text, encoding="utf-8")
        for r in package["resources"]:
            if r["path"] == "practice/pm25_stations.csv":
                r["hash"] = "sha256:" + sha256_file(target)
        (data / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    monkeypatch.setenv("KIT_DATA_DIR", str(data))
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset("pm25-daily-2566").resources.iloc[1]
    publish("version 1\n")
    assert kit.download(res).read_text(encoding="utf-8") == "version 1\n"
    publish("version 2, rebuilt\n")
    assert kit.download(res).read_text(encoding="utf-8") == "version 2, rebuilt\n"
    assert cache_problems(portal_env) == []


def test_download_offline_without_practice_file():
    res = portal.dataset("annual-budget").resources.iloc[0]
    with pytest.raises(portal.OfflineNotAvailable, match="offline"):
        portal.download(res)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://data.go.th/a.csv", "javascript:alert(1)"])
def test_download_refuses_other_schemes(url, portal_env):
    with pytest.raises(portal.UnsupportedURLScheme, match="http:// หรือ https://"):
        portal.download(url)
    assert listing(portal_env) == []


def test_datastore_offline_serves_tourism_records():
    rid = portal.dataset("domestic-tourism-province").resources.loc[0, "id"]
    whole = json.loads((paths.data_dir() / "practice/tourism_domestic.json").read_text(encoding="utf-8"))
    df = portal.datastore(rid)
    assert len(df) == whole["total"] == df.attrs["total"]
    assert "_id" not in df.columns and "Province" in df.columns
    cm = portal.datastore(rid, filters={"Province": "เชียงใหม่"})
    assert len(cm) > 0 and cm["Province"].eq("เชียงใหม่").all()
    assert len(portal.datastore(rid, limit=5)) == 5
    two = portal.datastore(rid, filters={"Province": ["เชียงใหม่", "ภูเก็ต"]})
    assert set(two["Province"]) <= {"เชียงใหม่", "ภูเก็ต"}


def test_datastore_offline_other_resource():
    rid = portal.dataset("pm25-daily-2566").resources.loc[0, "id"]
    with pytest.raises(portal.OfflineNotAvailable):
        portal.datastore(rid)


def test_offline_makes_no_connection(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("offline mode must not open sockets")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    portal.search("ฝุ่น")
    portal.dataset("pm25-daily-2566")
    portal.organizations()
    portal.download(portal.dataset("pm25-daily-2566").resources.iloc[0])


def test_env_selects_portal(monkeypatch):
    monkeypatch.setenv("KIT_PORTAL_URL", "https://gdcatalog.go.th/")
    assert portal.get_portal().base_url == "https://gdcatalog.go.th"
    monkeypatch.setenv("KIT_PORTAL_URL", "ftp://mirror")
    with pytest.raises(portal.UnsupportedURLScheme):
        portal.get_portal()


def test_no_internet_guard_works():
    with pytest.raises(OSError):
        socket.create_connection(("8.8.8.8", 53), timeout=0.2)
    with pytest.raises(OSError):
        socket.getaddrinfo("data.go.th", 443)


def test_portal_dataset_class_name_is_its_own():
    from helpers import data
    from helpers.portal import tables

    ds = portal.dataset("pm25-daily-2566")
    assert type(ds) is portal.PortalDataset and type(ds).__name__ == "PortalDataset"
    assert portal.PortalDataset is not data.DatasetInfo
    assert "DatasetInfo" not in portal.__all__ and "DatasetInfo" not in tables.__all__
    with pytest.warns(DeprecationWarning, match="PortalDataset"):
        assert portal.DatasetInfo is portal.PortalDataset  # old code keeps working, with a warning
    with pytest.raises(AttributeError):
        portal.NoSuchThing  # noqa: B018
