"""helpers.portal offline: the REAL catalogue in data/real/catalog and the learner functions.

Facts asserted here are real facts of the bundled files (data/real/catalog/; their provenance is
in data/README.md); where a count is asserted it is also recomputed
from the raw JSON Lines file, so that a wrong answer of the kit cannot pass.
"""

from __future__ import annotations

import importlib.util
import json
import re
import socket

import pandas as pd
import pytest
from conftest_portal import cache_problems, listing, no_internet, portal_env, sha256_file  # noqa: F401
from portal_real_catalog import COVID, DICTIONARY, NEWYEAR, NOT_SHIPPED, SERVED

from helpers import data, paths, portal
from helpers.portal import client as client_mod

CATALOG = paths.data_dir() / "real" / "catalog"
SEARCH_COLUMNS = ["name", "title", "organization", "formats", "last_modified", "license", "num_resources"]
MIRROR = "sarapab-th/thai-open-data-mcp"
RECORD_KEYS = {
    "name",
    "title",
    "notes",
    "organization",
    "tags",
    "license_title",
    "metadata_modified",
    "num_resources",
    "resources",
    "url",
    "_source",
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _raw() -> list[dict]:
    with (CATALOG / "datagoth_records_sample.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _haystack(rec: dict) -> str:
    # what a search covers, recomputed independently of the kit (pandas' str.contains below)
    parts = [
        rec["name"],
        rec.get("title"),
        rec.get("notes"),
        rec["organization"].get("title"),
        *rec.get("tags", []),
        *(r.get("name") for r in rec.get("resources", [])),
    ]
    return " ".join(str(p) for p in parts if p)


def _script():
    spec = importlib.util.spec_from_file_location(
        "make_catalog_snapshot", paths.repo_root() / "scripts" / "make_catalog_snapshot.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the catalogue is real records only -------------------------------------------------------------
def test_catalogue_holds_the_real_records_and_nothing_simulated():
    snap = portal.Snapshot()
    raw = _raw()
    assert [p["name"] for p in snap.packages] == [r["name"] for r in raw]
    assert len(snap.packages) == 1238 >= 1000
    assert {p["_source"]["repo"] for p in snap.packages} == {
        MIRROR,
        "kunyakorngun/Thai-Open-Dataset-pipeline",
        "pwarawit/thailand-road-accident-deaths-2011-2020",
    }
    assert not any("kit_simulated" in json.dumps(p, ensure_ascii=False) for p in snap.packages)
    assert not (paths.data_dir() / "catalog" / "package_search.json").exists()  # the simulated file is gone


def test_no_field_is_invented():
    full = json.loads((CATALOG / "package_search_covid-19-daily.json").read_text(encoding="utf-8"))
    covid = full["result"]["results"][0]
    for pkg in portal.Snapshot().packages:
        if pkg["name"] == "covid-19-daily":  # the full real answer, as it is
            assert {k: v for k, v in pkg.items() if k != "_source"} == covid
            continue
        assert set(pkg) <= RECORD_KEYS | {"id"}, pkg["name"]
        assert "maintainer" not in pkg and "data_type" not in pkg  # the mirror has none: stays missing
        urls = []
        for res in pkg["resources"]:
            assert set(res) <= {"name", "format", "url", "id"}
            if "id" in res:  # read from the URL, never made up
                assert f"/resource/{res['id']}/" in res["url"]
            urls.append(res["url"])
        ckan_urls = [u for u in urls if portal.snapshot.ids_from_url(u)]
        if "id" in pkg:  # every CKAN download URL names this package id
            assert ckan_urls and all(f"/dataset/{pkg['id']}/resource/" in u for u in ckan_urls)
        else:  # no CKAN download URL, or URLs naming different packages: no id is made up
            assert len({portal.snapshot.ids_from_url(u)[0] for u in ckan_urls}) != 1


def test_ids_read_from_urls_agree_with_the_real_full_answer():
    # covid-19-daily's full answer has real ids: the URL rule gives exactly those
    covid = portal.Snapshot().package("covid-19-daily")
    for res in covid["resources"]:
        found = portal.snapshot.ids_from_url(res["url"])
        if found:
            assert found == (covid["id"], res["id"])


def test_real_facts_for_lessons():
    facts = _script().facts()
    raw = _raw()
    resources = pd.DataFrame([r for rec in raw for r in rec["resources"]])
    assert facts["records"] == len(raw) == 1238 and facts["mirror_records"] == 1236
    assert facts["formats"]["XSL"] == (resources["format"] == "XSL").sum() == 1423
    assert facts["resources_without_format"] == resources["format"].isna().sum() == 11
    assert facts["licences"] == {
        "Creative Commons Attributions": 1211,
        "ogl": 26,
        "DGA Open Government License": 1,
    }
    assert "Open Data Common" not in facts["licences"]
    assert facts["organisations"] == 88 and facts["records_without_organisation"] == 1
    assert facts["short_link_resources"] == resources["url"].str.startswith("https://is.gd/").sum() == 4
    notes = pd.Series([r["notes"] or "" for r in raw])
    assert facts["records_with_html_entities"] == notes.str.contains(r"&(?:[a-z]+|#\d+);").sum() == 345
    assert facts["html_entities"]["&nbsp;"] == notes.str.count("&nbsp;").sum() == 827
    assert facts["bare_number_slugs"][:2] == ["02", "34"] and "2559" in facts["bare_number_slugs"]
    assert facts["mirror_modified_first"] == "2020-01-02" and facts["mirror_modified_last"] == "2021-10-31"
    assert facts["mirror_names_in_package_list"] == 1236  # every mirror name still on the portal in 2025


def test_offline_notice_states_the_real_figures():
    snap = portal.Snapshot()
    meta = {
        r["name"]: r
        for r in json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    }
    assert f"{len(snap.packages):,} ชุด" in client_mod.OFFLINE_NOTICE
    assert "41,236" in client_mod.OFFLINE_NOTICE
    assert "41,236" in meta["datagoth-records-sample"]["description"]
    years = {int(p["metadata_modified"][:4]) + 543 for p in snap.packages if p["_source"]["repo"] == MIRROR}
    assert years == {2563, 2564} and "2563–2564" in client_mod.OFFLINE_NOTICE
    assert "จำลอง" not in client_mod.OFFLINE_NOTICE


# -- search -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("word", ["อุบัติเหตุ", "ปีใหม่", "งบประมาณ", "ท่องเที่ยว", "ฝุ่น", "PM2.5", "XSL"])
def test_search_matches_a_plain_pandas_filter(word):
    # the kit's index against pandas str.contains on the raw file: the same records, every time
    raw = _raw()
    text = pd.Series([_haystack(r) for r in raw]).str.casefold()
    expected = {raw[i]["name"] for i in text[text.str.contains(word.casefold(), regex=False)].index}
    df = portal.search(word, rows=1000)
    assert set(df["name"]) == expected and df.attrs["count"] == len(expected)


def test_search_real_thai_words():
    assert portal.search("ฝุ่น").empty and portal.search("PM2.5").empty  # absent from this sample
    for word in ("อุบัติเหตุ", "ปีใหม่", "งบประมาณ", "ท่องเที่ยว"):
        assert len(portal.search(word)) > 0, word
    newyear = portal.search("ปีใหม่ บาดเจ็บ")  # every word must match; no word segmentation needed
    assert newyear["name"].tolist() == [NEWYEAR[0]]
    assert newyear.loc[0, "organization"] == "สถาบันการแพทย์ฉุกเฉินแห่งชาติ"


def test_search_shape_and_notice(capsys):
    df = portal.search("อุบัติเหตุ")
    assert list(df.columns) == SEARCH_COLUMNS
    assert df.attrs["source"] == "snapshot"
    assert pd.api.types.is_datetime64_any_dtype(df["last_modified"])
    assert str(df["num_resources"].dtype) == "Int64"
    out = capsys.readouterr()
    assert out.out == client_mod.OFFLINE_NOTICE + "\n" and out.err == ""


def test_offline_notice_once_per_session(capsys):
    portal.search("ปีใหม่")
    portal.dataset("rtddi")
    portal.organizations()
    portal.package_list()
    assert capsys.readouterr().out.strip().splitlines() == [client_mod.OFFLINE_NOTICE]


def test_search_filters_organisation_format_tags():
    raw = _raw()
    dlt = portal.search(organization="กรมการขนส่งทางบก", rows=1000)
    assert dlt["organization"].eq("กรมการขนส่งทางบก").all()
    assert len(dlt) == sum(r["organization"].get("title") == "กรมการขนส่งทางบก" for r in raw) == 98
    assert portal.search(organization="ddc")["name"].tolist() == ["covid-19-daily"]  # the one real slug
    xsl = portal.search(fmt="xsl", rows=1000)
    assert xsl.attrs["count"] == sum(any(res.get("format") == "XSL" for res in r["resources"]) for r in raw)
    assert xsl["formats"].str.split(", ").map(lambda f: "XSL" in f).all()
    xls = portal.search(fmt="xls", rows=1000)  # "xls" is not "xsl": the real typo does not match
    real_xls = sum(any(res.get("format") == "XLS" for res in r["resources"]) for r in raw)
    assert xls.attrs["count"] == real_xls < 10
    tagged = portal.search(tags="อุบัติเหตุช่วงปีใหม่")
    assert NEWYEAR[0] in set(tagged["name"])
    assert portal.search(tags=["อุบัติเหตุช่วงปีใหม่", "ไม่มีแท็กนี้"]).empty
    assert portal.search("ไม่มีคำนี้แน่นอน").empty


def test_search_pages_with_rows_and_start():
    whole = portal.search("งบประมาณ", rows=1000)
    assert whole.attrs["count"] == len(whole) > 100
    pages = [portal.search("งบประมาณ", rows=50, start=s) for s in range(0, len(whole), 50)]
    assert pd.concat(pages)["name"].tolist() == whole["name"].tolist()
    assert all(p.attrs["count"] == len(whole) for p in pages)
    assert portal.search("งบประมาณ", start=10_000).empty
    assert len(portal.search(rows=5000)) == 1000  # CKAN's cap


def test_search_order_title_hits_first_then_newest():
    df = portal.search("สงกรานต์", rows=1000)
    in_title = df["title"].str.contains("สงกรานต์", regex=False).tolist()
    assert in_title == sorted(in_title, reverse=True)
    titled = df[df["title"].str.contains("สงกรานต์", regex=False)]
    assert titled["last_modified"].is_monotonic_decreasing


def test_search_finds_the_sql_title():
    df = portal.search("select p.id")
    assert df["name"].tolist() == ["item_f33db12e-bfd5-4eec-aa8a-e5b3ff6e1cb1"]
    assert df.loc[0, "title"].startswith("select p.id,p.title ,p.\"name\",date_part('year'")


def test_missing_fields_stay_missing():
    row = portal.search("rtddi").set_index("name").loc["rtddi"]
    assert pd.isna(row["organization"]) and pd.isna(row["last_modified"])  # the 2021 file has neither
    assert row["license"] == "DGA Open Government License"


# -- dataset ----------------------------------------------------------------------------------------
def test_dataset_covid_has_dga_fields():
    ds = portal.dataset("covid-19-daily")
    assert isinstance(ds.info, pd.Series) and ds.source == "snapshot"
    assert ds.info["ประเภทข้อมูล"] == "ข้อมูลระเบียน"
    assert ds.info["ความถี่ในการปรับปรุงข้อมูล"] == "ทุก 1 วัน"
    assert ds.info["ขอบเขตเชิงพื้นที่"] == "ประเทศ"
    assert ds.info["สัญญาอนุญาต (license)"] == "Creative Commons Attributions"
    assert list(ds.resources.columns) == [
        "id",
        "name",
        "format",
        "size",
        "last_modified",
        "first_year",
        "datastore_active",
        "url",
    ]
    assert len(ds.resources) == 14 and ds.resources["datastore_active"].sum() == 11
    assert {e["key"] for e in ds.raw["extras"]} >= {"height_value_dataset"}  # DGA's real typo, kept
    text = repr(ds)
    assert "ชุดข้อมูล: รายงาน COVID-19 ประจำวัน ข้อมูลประจำประเทศไทย" in text and "มี DataStore" in text
    assert "missing" not in text


def test_dataset_trimmed_record_says_what_is_missing():
    ds = portal.dataset(NEWYEAR[0])
    assert ds.info["หน่วยงานเจ้าของข้อมูล"] == "สถาบันการแพทย์ฉุกเฉินแห่งชาติ"
    assert pd.isna(ds.info["ประเภทข้อมูล"]) and pd.isna(ds.info["ความถี่ในการปรับปรุงข้อมูล"])
    assert "ไม่ได้ระบุในคำอธิบายชุดข้อมูลนี้ (missing): ประเภทข้อมูล, ความถี่ในการปรับปรุงข้อมูล" in repr(ds)
    assert ds.resources["datastore_active"].isna().all()  # the mirror dropped it: unknown, not False
    assert "ปี 51-58" in ds.title and "2551 - 2557" in ds.info["คำอธิบาย"]  # the real mismatch


def test_dataset_by_id_read_from_urls():
    assert portal.dataset("d46af694-d117-4253-b426-1203a6213d30").name == NEWYEAR[0]


def test_resources_without_an_id_are_na_and_still_work():
    ds = portal.dataset(
        next(
            p["name"]
            for p in portal.Snapshot().packages
            if any(r["url"].startswith("https://is.gd/") for r in p["resources"])
        )
    )
    short = ds.resources[ds.resources["url"].str.startswith("https://is.gd/")]
    assert short["id"].isna().all()
    with pytest.raises(portal.OfflineNotAvailable, match="https://is.gd/"):
        portal.download(short.iloc[0])


def test_dataset_does_not_leak_mutation():
    a = portal.dataset("rtddi")
    a.raw["title"] = "changed"
    a.resources.loc[0, "name"] = "changed"
    assert portal.dataset("rtddi").title != "changed"


def test_dataset_not_found_thai():
    with pytest.raises(portal.PortalNotFound, match="ไม่พบชุดข้อมูล “nothing-here” \\(not found\\)"):
        portal.dataset("nothing-here")


# -- organisations and the package list -------------------------------------------------------------
def test_organizations_offline_are_derived_from_the_records():
    orgs = portal.organizations()
    raw = _raw()
    assert list(orgs.columns) == ["name", "title", "package_count"]
    assert len(orgs) == 88 and orgs["title"].is_unique
    assert int(orgs["package_count"].sum()) == sum(bool(r["organization"].get("title")) for r in raw) == 1237
    by_title = orgs.set_index("title")
    assert by_title.loc["สำนักงานพระพุทธศาสนาแห่งชาติ", "package_count"] == 159
    assert by_title.loc["กรมควบคุมโรค", "name"] == "ddc"  # the real slug of the full answer
    others = orgs[orgs["title"] != "กรมควบคุมโรค"]
    assert (others["name"] == others["title"]).all()  # no slug in the records: the title, not a guess


def test_package_list_offline_is_the_real_2025_answer():
    names = portal.package_list()
    real = json.loads((CATALOG / "package_list_2025-06.json").read_text(encoding="utf-8"))["result"]
    assert names == real and len(names) == 32473
    assert {"__", "00000000000"} <= set(names)


# -- download ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("which", list(SERVED), ids=lambda w: w[0][:20])
def test_download_offline_serves_the_shipped_real_file(which, portal_env, capsys):
    name, row = which
    res = portal.dataset(name).resources.iloc[row]
    capsys.readouterr()
    path = portal.download(res)
    assert path.is_file() and portal_env in path.parents
    assert path.name == paths.data_dir().joinpath(SERVED[which]).name  # its own name, not the URL's
    assert sha256_file(path) == sha256_file(paths.data_dir() / SERVED[which])
    assert capsys.readouterr().out.startswith("📎 ไฟล์นี้เป็น")  # says what the copy is
    assert cache_problems(portal_env) == []
    assert portal.download(res["id"]) == path
    assert portal.download(res["url"]) == path


def test_download_offline_to_dest(tmp_path):
    res = portal.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    out = portal.download(res, dest=tmp_path / "mydata")
    assert out == tmp_path / "mydata" / "ddc_rtddi_data_dictionary.xlsx" and out.is_file()


def test_download_offline_repairs_a_damaged_copy(portal_env):
    res = portal.dataset(COVID[0]).resources.iloc[COVID[1]]
    path = portal.download(res)
    path.write_bytes(b"damaged")
    again = portal.download(res)
    assert sha256_file(again) == sha256_file(paths.data_dir() / SERVED[COVID])
    assert cache_problems(portal_env) == []


def _data_copy(tmp_path, monkeypatch, rel: str):
    # a data folder whose one shipped file we may change; the catalogue itself is read in place
    data_dir = tmp_path / "data"
    (data_dir / rel).parent.mkdir(parents=True)
    (data_dir / "datapackage.json").write_bytes((paths.data_dir() / "datapackage.json").read_bytes())
    monkeypatch.setenv("KIT_DATA_DIR", str(data_dir))
    return data_dir


def test_download_offline_checksum_mismatch_keeps_nothing(tmp_path, monkeypatch, portal_env):
    rel = SERVED[DICTIONARY]
    data_dir = _data_copy(tmp_path, monkeypatch, rel)
    (data_dir / rel).write_text("not the published file\n", encoding="utf-8")
    kit = portal.Portal(offline=True, verbose=False, catalog=CATALOG)
    res = kit.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    with pytest.raises(portal.ChecksumMismatch, match="checksum"):
        kit.download(res)
    assert [p for p in listing(portal_env) if p.endswith(".xlsx")] == []
    assert cache_problems(portal_env) == []


def test_download_offline_refreshes_when_the_shipped_file_changes(tmp_path, monkeypatch, portal_env):
    rel = SERVED[NEWYEAR]
    data_dir = _data_copy(tmp_path, monkeypatch, rel)
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    target = data_dir / rel

    def publish(text):
        target.write_text(text, encoding="utf-8")
        for r in package["resources"]:
            if r["path"] == rel:
                r["hash"] = "sha256:" + sha256_file(target)
        (data_dir / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")

    kit = portal.Portal(offline=True, verbose=False, catalog=CATALOG)
    res = kit.dataset(NEWYEAR[0]).resources.iloc[NEWYEAR[1]]
    publish("version 1\n")
    assert kit.download(res).read_text(encoding="utf-8") == "version 1\n"
    publish("version 2, rebuilt\n")
    assert kit.download(res).read_text(encoding="utf-8") == "version 2, rebuilt\n"
    assert cache_problems(portal_env) == []


def test_download_offline_without_a_shipped_file_says_how_to_get_it(portal_env):
    res = portal.dataset(NOT_SHIPPED[0]).resources.iloc[NOT_SHIPPED[1]]
    with pytest.raises(portal.OfflineNotAvailable) as info:
        portal.download(res)
    text = str(info.value)
    assert "offline" in text and res["url"] in text and "portal.configure(offline=False)" in text
    assert listing(portal_env) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://data.go.th/a.csv", "javascript:alert(1)"])
def test_download_refuses_other_schemes(url, portal_env):
    with pytest.raises(portal.UnsupportedURLScheme, match="http:// หรือ https://"):
        portal.download(url)
    assert listing(portal_env) == []


# -- datastore --------------------------------------------------------------------------------------
def test_datastore_offline_serves_real_tourism_figures(capsys, monkeypatch):
    monkeypatch.setitem(client_mod._NOTICE, "datastore", False)  # a fresh session
    rid = portal.OFFLINE_DATASTORE_ID
    assert rid.startswith("kit-") and not UUID.search(rid)  # clearly the kit's, not a portal id
    table = data.load("mots-tourism-province-monthly")
    capsys.readouterr()
    df = portal.datastore(rid)
    assert df.attrs["total"] == len(df) == len(table) == 2310 and "_id" not in df.columns
    pd.testing.assert_frame_equal(df, table, check_dtype=False)
    assert "ในรูปแบบของ datastore_search เพราะไม่มีคำตอบจริงที่บันทึกไว้" in df.attrs["note"]
    portal.datastore(rid, limit=1)
    assert capsys.readouterr().out.count("📝 คำตอบนี้ชุดเรียนประกอบขึ้นจากตัวเลขจริง") == 1  # once per session


def test_datastore_offline_filters_q_and_paging():
    rid = portal.OFFLINE_DATASTORE_ID
    cm = portal.datastore(rid, filters={"province": "เชียงใหม่"})
    assert len(cm) == cm.attrs["total"] == 30 and cm["province"].eq("เชียงใหม่").all()
    assert len(portal.datastore(rid, filters={"province": "เชียงใหม่", "year": "2564"})) == 12  # text or number
    two = portal.datastore(rid, filters={"province": ["เชียงใหม่", "ภูเก็ต"]})
    assert set(two["province"]) == {"เชียงใหม่", "ภูเก็ต"} and len(two) == 60
    assert portal.datastore(rid, q="ภูเก็ต").attrs["total"] == 30
    pages = [portal.datastore(rid, offset=o, limit=1000) for o in (0, 1000, 2000)]
    assert [len(p) for p in pages] == [1000, 1000, 310]
    pd.testing.assert_frame_equal(pd.concat(pages, ignore_index=True), portal.datastore(rid))
    assert len(portal.datastore(rid, limit=0)) == 0


def test_datastore_offline_wrong_column_is_explained():
    with pytest.raises(portal.PortalArgumentValueError, match="ไม่มีคอลัมน์นั้น") as info:
        portal.datastore(portal.OFFLINE_DATASTORE_ID, filters={"Province": "เชียงใหม่"})
    assert "province" in str(info.value)


def test_datastore_offline_real_resource_is_not_available():
    rid = portal.dataset("covid-19-daily").resources.query("datastore_active == True")["id"].iloc[0]
    with pytest.raises(portal.OfflineNotAvailable, match=portal.OFFLINE_DATASTORE_ID):
        portal.datastore(rid)
    with pytest.raises(portal.PortalNotFound):
        portal.datastore("no-such-resource")


# -- the rest ---------------------------------------------------------------------------------------
def test_offline_makes_no_connection(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("offline mode must not open sockets")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    portal.search("อุบัติเหตุ")
    portal.dataset("rtddi")
    portal.organizations()
    portal.package_list()
    portal.datastore(portal.OFFLINE_DATASTORE_ID, limit=3)
    portal.download(portal.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]])


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
    from helpers.portal import tables

    ds = portal.dataset("rtddi")
    assert type(ds) is portal.PortalDataset and type(ds).__name__ == "PortalDataset"
    assert portal.PortalDataset is not data.DatasetInfo
    assert "DatasetInfo" not in portal.__all__ and "DatasetInfo" not in tables.__all__
    with pytest.warns(DeprecationWarning, match="PortalDataset"):
        assert portal.DatasetInfo is portal.PortalDataset  # old code keeps working, with a warning
    with pytest.raises(AttributeError):
        portal.NoSuchThing  # noqa: B018
