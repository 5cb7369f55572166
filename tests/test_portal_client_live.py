"""helpers.portal.client against the local CKAN-like server: what is sent, kept, retried and refused.

Every server here is on 127.0.0.1 (tests/ckan_server.py, loaded with the real catalogue).
"""

from __future__ import annotations

import hashlib
import json
import os
import time

import pandas as pd
import pytest
from ckan_server import CKANServer, ckan_error, envelope
from conftest_portal import TEST_TIMEOUT, cache_problems, listing, live, no_internet, portal_env, sha256_file  # noqa: F401
from portal_real_catalog import DICTIONARY, NEWYEAR, SERVED, ckan  # noqa: F401  (the real catalogue)

from helpers import paths, portal
from helpers.portal import client as client_mod
from helpers.portal.tables import PortalDataset

CSV = "จังหวัด,ค่า\nเชียงใหม่,1\n".encode()


def _strict(ckan, cache, **options):
    options = {"offline": False, "timeout": TEST_TIMEOUT, "retries": 0, "fallback": False, **options}
    return portal.Portal(ckan.url, cache=cache, **options)


def _answers(cache):
    return sorted((cache / "answers").glob("*.json")) if (cache / "answers").is_dir() else []


# -- CKAN errors in Thai ---------------------------------------------------------------------------
def test_validation_error_is_explained_and_not_a_fallback(ckan, live, capsys):
    params = {"q": "ผิด", "fq": "", "rows": 20}
    ckan.add_response("package_search", params, ckan_error("Validation Error", "q: bad syntax"), status=409)
    with pytest.raises(portal.PortalError) as info:
        live.search("ผิด")
    assert str(info.value).startswith("พอร์ทัลไม่รับคำขอนี้ (validation error): ตรวจคำค้นหรือพารามิเตอร์อีกครั้ง — ")
    assert "bad syntax" in str(info.value)
    ckan.add_response(
        "package_search", dict(params, q="ค้น"), ckan_error("Search Query Error", "x"), status=409
    )
    with pytest.raises(portal.PortalError, match=r"^พอร์ทัลไม่รับคำขอนี้ \(validation error\)"):
        live.search("ค้น")
    assert capsys.readouterr().out == ""  # the portal answered: no snapshot, no notice


def test_unknown_ckan_error_is_a_bad_answer(ckan, portal_env):
    body = {"help": "", "success": False, "error": {"__type": "Something New", "message": "?"}}
    ckan.add_response("package_show", {"id": "rtddi"}, body, status=200)
    with pytest.raises(portal.PortalBadJSON):
        _strict(ckan, portal_env).dataset("rtddi")


def test_datastore_not_found_names_the_resource(ckan, portal_env):
    with pytest.raises(portal.PortalNotFound) as info:
        _strict(ckan, portal_env).datastore("no-such-table")
    assert str(info.value).startswith("ไม่พบทรัพยากร (resource) “no-such-table” (not found)")


def test_what_the_snapshot_cannot_answer_keeps_the_real_reason(ckan, live, capsys):
    ckan.fault("package_show", "status", status=500)
    with pytest.raises(portal.PortalServerError, match="HTTP 500"):  # not "not in the snapshot"
        live.dataset("only-on-the-portal")
    assert live.dataset("rtddi").source == "snapshot"  # one the snapshot has: the fallback
    assert "⚠️ " in capsys.readouterr().out
    ckan.fault("datastore_search", "status", status=500)
    with pytest.raises(portal.PortalServerError):
        live.datastore("only-on-the-portal")


# -- the opend gateway -----------------------------------------------------------------------------
def test_gateway_sends_dicts_and_lists_as_json_text(ckan, portal_env):
    kit = portal.Portal(ckan.url, gateway=True, offline=False, timeout=TEST_TIMEOUT, cache=portal_env)
    rid = portal.OFFLINE_DATASTORE_ID
    df = kit.datastore(rid, filters={"province": "ภูเก็ต"}, limit=4)
    assert len(df) == 4 and df["province"].eq("ภูเก็ต").all()
    sent = ckan.requests[-1]
    assert sent["method"] == "GET" and sent["path"] == "/get-ckan/datastore_search"
    assert sent["params"]["filters"] == '{"province": "ภูเก็ต"}'  # JSON text, Thai kept as is
    assert sent["params"]["limit"] == "4"  # a plain value travels as itself


# -- the answer cache ------------------------------------------------------------------------------
def test_answers_are_cached_with_their_action_and_reused(ckan, live, portal_env):
    first = live.search("COVID-19")
    (file,) = _answers(portal_env)
    assert file.name.startswith("package_search-") and len(file.stem) == len("package_search-") + 32
    saved = json.loads(file.read_text(encoding="utf-8"))
    assert saved["action"] == "package_search" and saved["result"]["count"] == 1
    live.dataset("rtddi")
    assert len(_answers(portal_env)) == 2  # one file per question
    ckan.reset_counts()
    pd.testing.assert_frame_equal(live.search("COVID-19"), first)
    assert ckan.count() == 0


def test_old_answers_are_asked_again(ckan, portal_env):
    kit = _strict(ckan, portal_env, cache_ttl=60)
    kit.search("COVID-19")
    (file,) = _answers(portal_env)
    old = time.time() - 61
    os.utime(file, (old, old))
    kit.search("COVID-19")
    assert ckan.count("package_search") == 2
    assert time.time() - file.stat().st_mtime < 30  # the fresh answer replaced the old one
    kit.search("COVID-19")
    assert ckan.count("package_search") == 2


@pytest.mark.parametrize(
    "damage",
    ["{not json", json.dumps({"action": "package_search"}), json.dumps({"result": ["a", "list"]}), "[1]"],
    ids=["not-json", "no-result", "wrong-shape", "not-a-dict"],
)
def test_a_damaged_answer_is_asked_again(damage, ckan, live, portal_env):
    live.search("COVID-19")
    (file,) = _answers(portal_env)
    file.write_text(damage, encoding="utf-8")
    df = live.search("COVID-19")
    assert df["name"].tolist() == ["covid-19-daily"] and ckan.count("package_search") == 2
    assert json.loads(file.read_text(encoding="utf-8"))["result"]["count"] == 1  # repaired


def test_no_cache_means_no_answer_files(ckan, portal_env):
    kit = _strict(ckan, portal_env, cache_ttl=0)
    kit.search("COVID-19")
    kit.dataset("rtddi")
    assert not (portal_env / "answers").exists()


def test_answers_of_two_portals_are_kept_apart(ckan, portal_env):
    other = CKANServer().start()
    try:
        _strict(ckan, portal_env).search("COVID-19")
        _strict(other, portal_env).search("COVID-19")  # same question, another portal
        assert other.count("package_search") == 1 and len(_answers(portal_env)) == 2
        kit = _strict(ckan, portal_env)
        kit.search("COVID-19", rows=5)  # another parameter: another answer
        assert ckan.count("package_search") == 2
    finally:
        other.stop()


# -- fallback and "stay offline" --------------------------------------------------------------------
def test_a_server_error_falls_back_once_then_asks_again(ckan, live, capsys):
    ckan.fault("package_search", "status", status=500, times=3)  # 1 request + 2 retries
    assert live.search("อุบัติเหตุ").attrs["source"] == "snapshot"
    assert not live.is_offline  # a server error is not a reason to stop asking
    assert live.search("อุบัติเหตุ").attrs["source"] == "live"
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("⚠️ เซิร์ฟเวอร์ของพอร์ทัลขัดข้อง (HTTP 500") and lines[1:] == [
        client_mod.OFFLINE_NOTICE
    ]


def test_a_timeout_makes_the_session_offline(ckan, live):
    ckan.fault("package_search", "slow", delay=2.0)
    assert live.search("อุบัติเหตุ").attrs["source"] == "snapshot"
    assert live.is_offline
    ckan.reset_counts()
    assert live.dataset("rtddi").source == "snapshot" and ckan.count() == 0


def test_no_fallback_raises_the_portal_error(ckan, portal_env):
    ckan.fault("package_search", "blocked")
    kit = portal.Portal(ckan.url, offline=False, timeout=TEST_TIMEOUT, fallback=False, cache=portal_env)
    with pytest.raises(portal.PortalBlocked):
        kit.search("อุบัติเหตุ")
    assert not kit.is_offline


# -- search, package_list, organizations ------------------------------------------------------------
def test_search_sends_what_ckan_expects(ckan, live):
    live.search()
    assert ckan.requests[-1]["params"] == {"q": "*:*", "fq": "", "rows": 20}  # no start when 0
    live.search("x", rows=5000, start=3, tags="ก", fmt="xlsx", organization="ddc")
    sent = ckan.requests[-1]["params"]
    assert sent["rows"] == 1000 and sent["start"] == 3  # CKAN's cap on rows
    assert sent["fq"] == 'organization:ddc res_format:"XLSX" tags:"ก"'
    live.search("x", tags=["ก", "ข"])
    assert ckan.requests[-1]["params"]["fq"] == 'tags:"ก" tags:"ข"'


def test_search_count_comes_from_the_portal(ckan, live):
    ckan.add_response(
        "package_search",
        {"q": "นับ", "fq": "", "rows": 1},
        envelope({"count": 4321, "results": [ckan.packages["rtddi"]]}),
    )
    df = live.search("นับ", rows=1)
    assert df.attrs == {"source": "live", "count": 4321} and df["name"].tolist() == ["rtddi"]


def test_package_list_names_are_text(ckan, live):
    ckan.add_response("package_list", {}, envelope(["rtddi", 2559]))
    assert live.package_list() == ["rtddi", "2559"]


def test_package_list_in_an_unknown_shape_falls_back(ckan, live, capsys):
    ckan.add_response("package_list", {}, envelope({"names": ["rtddi"]}))
    assert len(live.package_list()) == 32473  # the recorded real list
    assert "(unexpected answer)" in capsys.readouterr().out


def _org_pages(ckan, pages):
    offset = 0
    for page in pages:  # the client asks from where the pages it got so far end
        ckan.add_response(
            "organization_list", {"all_fields": True, "limit": 1000, "offset": offset}, envelope(page)
        )
        offset += len(page)


def test_organizations_stop_when_a_page_brings_nothing_new(ckan, live):
    page = [{"id": str(i), "name": f"o{i}", "title": f"หน่วยงาน {i}", "package_count": i} for i in range(25)]
    _org_pages(ckan, [page, page, page])  # a server that ignores offset sends the same page again
    orgs = live.organizations()
    assert orgs["name"].tolist() == [f"o{i}" for i in range(25)] and ckan.count("organization_list") == 2


def test_organizations_as_bare_names(ckan, live):
    _org_pages(ckan, [[f"org{i}" for i in range(25)], ["ddc"], []])
    orgs = live.organizations()
    assert orgs["name"].tolist() == [f"org{i}" for i in range(25)] + ["ddc"]
    assert ckan.count("organization_list") == 3


def test_organizations_keyed_by_id_not_by_name(ckan, live):
    page = [{"id": f"id{i}", "name": "same-name", "title": f"หน่วยงาน {i}"} for i in range(25)]
    _org_pages(ckan, [page, [{"id": "x", "name": "x", "title": "เอกซ์"}], []])
    assert len(live.organizations()) == 26


def test_organizations_are_bounded_to_100_pages(ckan, live):
    ckan.responses = {k: v for k, v in ckan.responses.items() if k[0] != "organization_list"}
    ckan.organizations = [{"name": f"o{i}", "title": f"หน่วยงาน {i}", "package_count": 0} for i in range(150)]
    ckan.org_cap = 1  # a server that never stops sending new organisations, one per page
    orgs = live.organizations()
    assert len(orgs) == 100 and ckan.count("organization_list") == 100


# -- datastore ----------------------------------------------------------------------------------------
def _table(ckan, n=25, fields=None):
    fields = fields or [{"id": "_id", "type": "int"}, {"id": "n", "type": "int"}]
    ckan.add_table("t", fields, [{"_id": i + 1, "n": i} for i in range(n)])
    ckan.reset_counts()


def _pages(ckan):
    return [
        (r["params"]["offset"], r["params"]["limit"])
        for r in ckan.requests
        if r["action"] == "datastore_search"
    ]


def test_datastore_first_request_asks_only_for_what_is_wanted(ckan, live):
    _table(ckan)
    df = live.datastore("t", limit=5)
    assert df["n"].tolist() == [0, 1, 2, 3, 4] and df.attrs == {"source": "live", "total": 25}
    assert ckan.requests[-1]["params"] == {"resource_id": "t", "limit": 5, "offset": 0}
    assert _pages(ckan) == [(0, 5)]


def test_datastore_offset_and_limit_page_from_the_offset(ckan, live):
    _table(ckan)
    ckan.datastore_cap = 4
    df = live.datastore("t", offset=10, limit=9)
    assert df["n"].tolist() == list(range(10, 19)) and df.attrs["total"] == 25
    assert _pages(ckan) == [(10, 9), (14, 5), (18, 1)]


def test_datastore_offset_past_the_end(ckan, live):
    _table(ckan)
    df = live.datastore("t", offset=30)
    assert df.empty and list(df.columns) == ["n"] and df.attrs["total"] == 25
    assert _pages(ckan) == [(30, 10_000)]
    ckan.reset_counts()
    assert live.datastore("t", offset=25).empty and _pages(ckan) == [(25, 10_000)]


def test_datastore_limit_zero_asks_once(ckan, live):
    _table(ckan)
    df = live.datastore("t", limit=0)
    assert df.empty and df.attrs["total"] == 25 and _pages(ckan) == [(0, 0)]


def test_datastore_rest_after_a_capped_first_page(ckan, live):
    _table(ckan, n=23)
    ckan.datastore_cap = 10
    df = live.datastore("t")
    assert df["n"].tolist() == list(range(23))
    assert _pages(ckan) == [(0, 10_000), (10, 13), (20, 3)]


def test_datastore_stops_at_an_early_empty_page(ckan, live):
    _table(ckan, n=12)
    ckan.datastore_cap = 10
    original = ckan._answer

    def overstated(action, params):
        status, body = original(action, params)
        if action == "datastore_search":
            body = json.loads(json.dumps(body))
            body["result"]["total"] = 100  # says 100, has 12
        return status, body

    ckan._answer = overstated
    df = live.datastore("t")
    assert df["n"].tolist() == list(range(12)) and df.attrs["total"] == 100
    assert _pages(ckan) == [(0, 10_000), (10, 90), (12, 88)]


def test_datastore_without_total_and_no_rows_asks_once(ckan, live):
    ckan.add_response(
        "datastore_search",
        {"resource_id": "empty", "limit": 10_000, "offset": 0},
        envelope({"fields": [{"id": "n"}], "records": []}),
    )
    df = live.datastore("empty")
    assert df.empty and df.attrs["total"] == 0 and ckan.count("datastore_search") == 1


def test_datastore_keeps_only_what_was_asked_when_a_server_sends_more(ckan, live):
    _table(ckan)
    original = ckan._answer

    def generous(action, params):
        return (
            original(action, dict(params, limit=25))
            if action == "datastore_search"
            else original(action, params)
        )

    ckan._answer = generous
    df = live.datastore("t", limit=3)
    assert df["n"].tolist() == [0, 1, 2]
    assert len(live.datastore("t", limit=3, offset=20)) == 3


def test_datastore_columns_skip_internal_and_odd_fields(ckan, live):
    fields = [
        {"id": "_id"},
        {"id": "_full_text"},
        {"type": "text"},
        "junk",
        {"id": "province"},
        {"id": 7},
        {"id": None},
    ]
    ckan.add_table("t", fields, [{"province": "น่าน", "7": 1}])
    df = live.datastore("t")
    assert list(df.columns) == ["province", "7"] and df.loc[0, "province"] == "น่าน"
    ckan.add_response(
        "datastore_search",
        {"resource_id": "nofields", "limit": 10_000, "offset": 0},
        envelope({"total": 1, "fields": "oops", "records": [{"a": 1}]}),
    )
    assert live.datastore("nofields").columns.tolist() == []  # no field list: no guessed columns


def test_datastore_rows_that_are_not_dicts_are_refused(ckan, portal_env):
    ckan.add_response(
        "datastore_search",
        {"resource_id": "odd", "limit": 10_000, "offset": 0},
        envelope({"total": 2, "fields": [], "records": [{"a": 1}, ["b"]]}),
    )
    with pytest.raises(portal.PortalUnexpectedAnswer) as info:
        _strict(ckan, portal_env).datastore("odd")
    assert str(info.value) == str(portal.PortalUnexpectedAnswer("datastore_search", "แถวแบบดิกชันนารี (dict)"))
    ckan.add_response(
        "datastore_search",
        {"resource_id": "odd2", "limit": 10_000, "offset": 0},
        envelope(["not", "a", "dict"]),
    )
    with pytest.raises(portal.PortalUnexpectedAnswer, match="datastore_search"):
        _strict(ckan, portal_env).datastore("odd2")


def test_datastore_a_later_page_in_an_unknown_shape(ckan, portal_env):
    _table(ckan)
    ckan.datastore_cap = 10
    ckan.add_response("datastore_search", {"resource_id": "t", "limit": 10, "offset": 10}, envelope("junk"))
    ckan.add_response("datastore_search", {"resource_id": "t", "limit": 15, "offset": 10}, envelope("junk"))
    with pytest.raises(portal.PortalUnexpectedAnswer, match="datastore_search"):
        _strict(ckan, portal_env).datastore("t")


def test_datastore_progress_bar_for_a_person(ckan, portal_env, capsys):
    _table(ckan)
    ckan.datastore_cap = 10
    kit = _strict(ckan, portal_env, progress=True)
    assert len(kit.datastore("t")) == 25
    err = capsys.readouterr().err
    assert "DataStore:" in err and "10/25 " in err and "แถว/s]" in err  # the first page of the total
    assert "\n" not in err  # cleared when done


# -- downloads ----------------------------------------------------------------------------------------
def test_download_record_says_what_was_saved(ckan, live):
    url = ckan.add_file("/files/rec/a.csv", CSV, "text/csv")
    path = live.download(url)
    assert path.parent.name == hashlib.sha256(url.encode()).hexdigest()[:24]  # the cache key of a URL
    record = json.loads((path.parent / client_mod.RECORD).read_text(encoding="utf-8"))
    assert record == {
        "file": "a.csv",
        "url": url,
        "sha256": sha256_file(path),
        "size": len(CSV),
        "source": "live",
    }
    ckan.reset_counts()
    assert live.download({"url": url}) == path and ckan.count() == 0  # the same file, asked as a dict


def test_offline_record_names_the_bundled_file(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    path = kit.download(res)
    assert path.parent.name == res["id"]
    record = json.loads((path.parent / client_mod.RECORD).read_text(encoding="utf-8"))
    assert record["source"] == f"snapshot:{SERVED[DICTIONARY]}" and record["url"] == res["url"]
    assert record["size"] == path.stat().st_size and record["file"] == path.name


def test_download_clears_old_files_but_not_other_downloads_temporary_files(ckan, live):
    url = ckan.add_file("/files/clr/a.csv", CSV, "text/csv")
    folder = live.cache / "downloads" / hashlib.sha256(url.encode()).hexdigest()[:24]
    folder.mkdir(parents=True)
    for name in ("old.csv", ".tmp-running", "tmpabc"):
        (folder / name).write_text("x", encoding="utf-8")
    path = live.download(url)
    kept = sorted([".tmp-running", "tmpabc", "a.csv", client_mod.RECORD])
    assert sorted(p.name for p in folder.iterdir()) == kept
    assert path.read_bytes() == CSV


def test_a_new_published_hash_means_a_new_download(ckan, live):
    url = ckan.add_file("/files/v/a.csv", b"v1\n", "text/csv")
    first = live.download(url, sha256=hashlib.sha256(b"v1\n").hexdigest())
    ckan.add_file("/files/v/a.csv", b"v2\n", "text/csv")
    ckan.reset_counts()
    again = live.download(url, sha256=hashlib.sha256(b"v2\n").hexdigest())
    assert again == first and again.read_bytes() == b"v2\n" and ckan.count() == 1


def test_checksum_mismatch_names_the_file(ckan, live, portal_env):
    url = ckan.add_file("/files/sum/ข้อมูล.csv", CSV, "text/csv")
    with pytest.raises(portal.ChecksumMismatch) as info:
        live.download(url, sha256="1" * 64)
    assert str(info.value) == str(portal.ChecksumMismatch("ข้อมูล.csv"))
    assert cache_problems(portal_env) == []


def test_download_progress_bar_for_a_person(ckan, portal_env, capsys):
    url = ckan.add_file("/files/p/a.csv", b"7" * 230_000, "text/csv")
    assert _strict(ckan, portal_env, progress=True).download(url).stat().st_size == 230_000
    err = capsys.readouterr().err
    # Thai label, the announced size in kB (unit_scale) and bytes per second; cleared when done
    assert "ดาวน์โหลด:" in err and "/230k " in err and "B/s]" in err and "\n" not in err
    _strict(ckan, portal_env, progress=False).download(ckan.add_file("/files/p/b.csv", CSV, "text/csv"))
    assert capsys.readouterr().err == ""


def test_download_to_the_cache_folder_itself_and_to_home(ckan, live, tmp_path, monkeypatch):
    url = ckan.add_file("/files/d/a.csv", CSV, "text/csv")
    path = live.download(url)
    assert live.download(url, dest=path.parent) == path  # already there: nothing copied
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(["a.csv", client_mod.RECORD])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    out = live.download(url, dest="~/งาน")
    assert out == tmp_path / "home" / "งาน" / "a.csv" and out.read_bytes() == CSV


def test_download_a_whole_dataset_means_its_first_file(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    ds = kit.dataset(NEWYEAR[0])
    assert kit.download(ds) == kit.download(ds.resources.iloc[0])
    empty = PortalDataset({"name": "ว่าง", "resources": []}, source="snapshot")
    with pytest.raises(portal.OfflineNotAvailable) as info:
        kit.download(empty)
    assert str(info.value).startswith(str(portal.OfflineNotAvailable("ไฟล์ในชุดข้อมูลนี้")).rstrip())


def test_download_a_resource_known_only_by_id_or_url(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset(NEWYEAR[0]).resources.iloc[NEWYEAR[1]]
    path = kit.download(res)
    assert kit.download({"id": res["id"]}) == path  # the rest filled in from the snapshot
    assert kit.download({"id": res["id"], "url": ""}) == path  # an empty field is not a value
    assert kit.download({"url": res["url"]}) == path
    assert kit.download(pd.Series({"url": res["url"], "id": None})) == path
    with pytest.raises(portal.OfflineNotAvailable) as info:
        kit.download({"id": "not-in-the-snapshot"})
    assert "ไฟล์อยู่ที่" not in str(info.value)  # no URL known: none is shown


@pytest.mark.parametrize("url", ["mailto:a@b.c", "data:text/csv,a", "FILE:/etc/passwd"])
def test_download_refuses_schemes_without_slashes(url, live, ckan, portal_env):
    with pytest.raises(portal.UnsupportedURLScheme):
        live.download(url)
    assert ckan.count() == 0 and listing(portal_env) == []


def test_download_by_id_falls_back_when_the_portal_is_blocked(ckan, live, capsys):
    rid = ckan.packages[NEWYEAR[0]]["resources"][NEWYEAR[1]]["id"]
    ckan.fault("resource_show", "blocked")
    path = live.download(rid)
    assert sha256_file(path) == sha256_file(paths.data_dir() / SERVED[NEWYEAR])
    out = capsys.readouterr().out
    assert out.startswith("⚠️ ") and "HTTP 403" in out and live.is_offline
    assert "(connection error)" not in out  # blocked: the file's own address was not tried


def test_download_by_id_after_a_server_error_stays_live(ckan, live, capsys):
    rid = ckan.packages[DICTIONARY[0]]["resources"][DICTIONARY[1]]["id"]
    ckan.fault("resource_show", "status", status=500, times=3)
    path = live.download(rid)
    assert sha256_file(path) == sha256_file(paths.data_dir() / SERVED[DICTIONARY])
    lines = capsys.readouterr().out.splitlines()
    # a server error does not end the session's live mode: the file's own address is still tried
    assert "HTTP 500" in lines[0] and lines[1].startswith("⚠️ เชื่อมต่อ data.go.th ไม่ได้ (connection error)")


def test_download_by_id_keeps_the_real_reason(ckan, live, portal_env):
    ckan.fault("resource_show", "status", status=500)
    with pytest.raises(portal.PortalServerError):  # the snapshot does not know this id either
        live.download("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    rid = ckan.packages[NEWYEAR[0]]["resources"][NEWYEAR[1]]["id"]
    with pytest.raises(portal.PortalServerError):
        _strict(ckan, portal_env).download(rid)  # no fallback asked for


def test_offline_download_checks_the_callers_hash(portal_env):
    # a caller naming a file by its SHA-256 gets that file or a refusal, offline too
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    digest = sha256_file(paths.data_dir() / SERVED[DICTIONARY])
    assert sha256_file(kit.download(res, sha256=digest.upper())) == digest
    with pytest.raises(portal.ChecksumMismatch):
        kit.download(res, sha256="0" * 64)
    assert [p for p in listing(portal_env) if p.endswith(".xlsx")] == []
    assert cache_problems(portal_env) == []


def test_truncated_download_says_how_much_was_announced(ckan, portal_env):
    url = ckan.add_file("/files/t.csv", b"7" * 4096, "text/csv")
    ckan.fault("/files/t.csv", "truncated")
    with pytest.raises(portal.DownloadIncomplete) as info:
        _strict(ckan, portal_env).download(url)
    text = str(info.value)
    # the server sent 2,048 of the 4,096 bytes it announced (urllib3 reads them, then gives up)
    assert text == str(portal.DownloadIncomplete(2048, 4096))
    assert text.startswith("ดาวน์โหลดไม่ครบ (truncated download): ได้มา 2,048 จาก 4,096 ไบต์ ")
    assert cache_problems(portal_env) == [] and listing(portal_env) == []


def test_offline_file_not_in_the_kit_says_where_it_is_and_what_to_do(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset(DICTIONARY[0]).resources.iloc[0]  # tbl_rtddi.xlsx: metadata only
    with pytest.raises(portal.OfflineNotAvailable) as info:
        kit.download(res)
    assert str(info.value) == (
        "ตอนนี้ทำงานแบบออฟไลน์ (offline) และสำเนาแค็ตตาล็อกในชุดเรียนไม่มีตัวไฟล์ของทรัพยากรนี้ "
        f"(มีเพียงคำอธิบายชุดข้อมูล) ไฟล์อยู่ที่ {res['url']} "
        "ถ้าต้องการไฟล์ ให้ต่ออินเทอร์เน็ตแล้วเรียก portal.configure(offline=False) ก่อนดาวน์โหลดอีกครั้ง "
        "หรือเปิดลิงก์ในเว็บเบราว์เซอร์บนเครื่องของเราเอง (data.go.th มักปฏิเสธการเชื่อมต่อจากคลาวด์ "
        "เช่น Binder และ Colab)"
    )


def test_datastore_records_that_are_not_a_list_are_named(ckan, portal_env):
    ckan.add_response(
        "datastore_search",
        {"resource_id": "odd3", "limit": 10_000, "offset": 0},
        envelope({"total": 1, "fields": [], "records": {"a": 1}}),
    )
    with pytest.raises(portal.PortalUnexpectedAnswer) as info:
        _strict(ckan, portal_env).datastore("odd3")
    assert str(info.value) == str(portal.PortalUnexpectedAnswer("datastore_search", "รายการ (list)"))
