"""helpers.portal live path, exercised against the local CKAN-like server exactly as against data.go.th."""

from __future__ import annotations

import json
import logging

import ckanapi
import pandas as pd
import pytest
import requests
from conftest_portal import TEST_TIMEOUT, cache_problems, listing, live, no_internet, portal_env, sha256_file  # noqa: F401
from portal_real_catalog import DICTIONARY, NEWYEAR, SERVED, ckan  # noqa: F401  (the real catalogue)

from helpers import paths, portal
from helpers.portal import client as client_mod
from helpers.portal.http import USER_AGENT

RECORDED_COVID = json.loads(
    (paths.data_dir() / "real/catalog/package_search_covid-19-daily.json").read_text(encoding="utf-8")
)


def test_server_routes_both_api_paths_and_get_and_post(ckan):
    for path in ("/api/action/package_show", "/api/3/action/package_show"):
        post = requests.post(ckan.url + path, json={"id": "rtddi"}, timeout=2).json()
        get = requests.get(ckan.url + path, params={"id": "rtddi"}, timeout=2).json()
        assert post["success"] and get["success"]
        assert post["result"]["name"] == get["result"]["name"] == "rtddi"
        assert "http://ckan.test" not in json.dumps(post)  # placeholder replaced by the real address
    # recorded answers are keyed by parameters: POST JSON and GET text match the same recording
    a = requests.post(
        ckan.url + "/api/action/package_search", json={"q": "COVID-19", "fq": "", "rows": 20}, timeout=2
    )
    b = requests.get(
        ckan.url + "/api/3/action/package_search", params={"q": "COVID-19", "fq": "", "rows": "20"}, timeout=2
    )
    assert a.json() == b.json() == RECORDED_COVID  # the real answer of data.go.th, verbatim
    assert ckan.count("package_search") == 2


def test_ckanapi_against_server(ckan):
    rc = ckanapi.RemoteCKAN(ckan.url, user_agent=USER_AGENT)
    assert rc.call_action("package_show", {"id": "rtddi"}, requests_kwargs={"timeout": 2})["name"] == "rtddi"
    with pytest.raises(ckanapi.NotFound):
        rc.call_action("package_show", {"id": "no-such-dataset"}, requests_kwargs={"timeout": 2})


def test_live_search_uses_recorded_answer(live, ckan, capsys):
    df = live.search("COVID-19")
    assert df.attrs["source"] == "live" and df.attrs["count"] == 1
    assert df["name"].tolist() == ["covid-19-daily"]
    assert df.loc[0, "organization"] == "กรมควบคุมโรค" and df.loc[0, "num_resources"] == 14
    sent = ckan.requests[-1]
    assert sent["method"] == "POST" and sent["path"] == "/api/action/package_search"
    assert sent["params"] == {"q": "COVID-19", "fq": "", "rows": 20}
    assert sent["headers"]["User-Agent"] == USER_AGENT and "Mozilla/5.0" in USER_AGENT
    assert capsys.readouterr().out == ""  # live: no offline notice


def test_live_search_filters_build_fq(live, ckan):
    df = live.search("รายงาน COVID-19", organization="ddc", fmt="csv", rows=5)
    assert df["name"].tolist() == ["covid-19-daily"]
    assert ckan.requests[-1]["params"]["fq"] == 'organization:ddc res_format:"CSV"'
    live.search("ปีใหม่", tags=["อุบัติเหตุช่วงปีใหม่"], start=20)
    sent = ckan.requests[-1]["params"]
    assert sent["fq"] == 'tags:"อุบัติเหตุช่วงปีใหม่"' and sent["start"] == 20


def test_repeated_search_is_served_from_cache(live, ckan):
    first = live.search("COVID-19")
    n = ckan.count()
    again = live.search("COVID-19")
    assert ckan.count() == n == 1
    pd.testing.assert_frame_equal(first, again)
    no_cache = portal.Portal(ckan.url, offline=False, cache_ttl=0, timeout=TEST_TIMEOUT)
    no_cache.search("COVID-19")
    no_cache.search("COVID-19")
    assert ckan.count() == 3


def test_live_dataset_and_organizations(live, ckan):
    ds = live.dataset("covid-19-daily")
    assert ds.source == "live" and ds.info["หน่วยงานเจ้าของข้อมูล"] == "กรมควบคุมโรค"
    assert ds.resources["url"].str.startswith(ckan.url).all()
    ckan.reset_counts()
    orgs = live.organizations()
    assert orgs.attrs["source"] == "live"
    # paged from the server, which caps all_fields lists at 25 like CKAN
    assert orgs["name"].tolist() == [o["name"] for o in ckan.organizations] and len(orgs) == 88
    assert ckan.requests[0]["params"] == {"all_fields": True, "limit": 1000, "offset": 0}
    assert [r["params"]["offset"] for r in ckan.requests] == [0, 25, 50, 75, 88]


def test_organizations_paged_past_a_small_cap(live, ckan):
    ckan.responses = {k: v for k, v in ckan.responses.items() if k[0] != "organization_list"}
    ckan.org_cap = 4
    assert len(live.organizations()) == len(ckan.organizations) == 88
    assert ckan.count("organization_list") == 23  # 22 pages of 4 + an empty page


def test_live_not_found_is_thai_and_not_a_fallback(live, ckan, capsys):
    with pytest.raises(portal.PortalNotFound, match="ไม่พบชุดข้อมูล “no-such-dataset”"):
        live.dataset("no-such-dataset")
    assert "โหมดออฟไลน์" not in capsys.readouterr().out


def test_every_request_has_a_timeout(live, ckan, monkeypatch):
    seen = []
    original = requests.adapters.HTTPAdapter.send

    def spy(self, request, **kwargs):
        seen.append(kwargs.get("timeout"))
        return original(self, request, **kwargs)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", spy)
    ckan.add_response("package_list", {}, {"help": "", "success": True, "result": ["rtddi"]})
    live.search("COVID-19")
    live.dataset("rtddi")
    live.datastore(portal.OFFLINE_DATASTORE_ID, limit=3)
    live.package_list()
    live.download(live.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]])
    assert seen and all(t == TEST_TIMEOUT for t in seen)


def test_datastore_pages_10000_rows(ckan, live):
    fields = [{"id": "_id", "type": "int"}, {"id": "n", "type": "int"}, {"id": "province", "type": "text"}]
    records = [{"_id": i + 1, "n": i, "province": "เชียงใหม่" if i % 2 else "ภูเก็ต"} for i in range(25_000)]
    ckan.add_table("big-table", fields, records)
    ckan.reset_counts()
    df = live.datastore("big-table")
    assert len(df) == 25_000 and df["n"].tolist() == list(range(25_000))
    assert list(df.columns) == ["n", "province"]
    pages = [r["params"] for r in ckan.requests if r["action"] == "datastore_search"]
    assert [(p["offset"], p["limit"]) for p in pages] == [(0, 10_000), (10_000, 10_000), (20_000, 5_000)]
    ckan.reset_counts()
    assert len(live.datastore("big-table", limit=12_345)) == 12_345
    assert ckan.count("datastore_search") == 2
    few = live.datastore("big-table", filters={"province": "ภูเก็ต"}, limit=10)
    assert len(few) == 10 and few["province"].eq("ภูเก็ต").all()
    assert ckan.requests[-1]["params"]["filters"] == {"province": "ภูเก็ต"}


def test_datastore_survives_a_smaller_server_cap(ckan, live):
    ckan.add_table("t", [{"id": "n", "type": "int"}], [{"n": i} for i in range(7_000)])
    ckan.datastore_cap = 3_000
    df = live.datastore("t")
    assert df["n"].tolist() == list(range(7_000))
    assert [r["params"]["offset"] for r in ckan.requests if r["action"] == "datastore_search"] == [
        0,
        3_000,
        6_000,
    ]


def test_datastore_tourism_live_matches_offline(live, ckan):
    rid = portal.OFFLINE_DATASTORE_ID
    online = live.datastore(rid)
    offline = portal.Portal(offline=True, verbose=False).datastore(rid)
    pd.testing.assert_frame_equal(online, offline, check_like=False)
    ckan.reset_counts()
    page = live.datastore(rid, filters={"province": "ภูเก็ต"}, q="2564", offset=5, limit=3)
    sent = ckan.requests[-1]["params"]
    assert (sent["offset"], sent["limit"], sent["q"]) == (5, 3, "2564") and len(page) <= 3


def test_download_streams_checks_and_caches(live, ckan, portal_env):
    res = live.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    ckan.reset_counts()
    path = live.download(res)
    assert path.name == "3bura-_data_dictionary.xlsx"  # live: the portal's file name
    assert sha256_file(path) == sha256_file(paths.data_dir() / SERVED[DICTIONARY])
    record = json.loads((path.parent / ".kit-download.json").read_text(encoding="utf-8"))
    assert record["sha256"] == sha256_file(path) and record["source"] == "live"
    assert ckan.count() == 1
    # second call (row, id or URL): no request at all
    assert live.download(res) == path
    assert live.download(res["id"]) == path
    assert ckan.count() == 1
    assert cache_problems(portal_env) == []


def test_download_by_resource_id_resolves_once(live, ckan):
    res = ckan.packages[NEWYEAR[0]]["resources"][NEWYEAR[1]]
    ckan.reset_counts()
    path = live.download(res["id"])
    assert path.name == "51-58_cutname_newyear_edit.xlsx"
    assert ckan.count("resource_show") == 1 and ckan.count() == 2
    live.download(res["id"])
    assert ckan.count() == 2


def test_download_to_dest_folder(live, ckan, tmp_path):
    res = live.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    out = live.download(res, dest=tmp_path / "work")
    assert out == tmp_path / "work" / "3bura-_data_dictionary.xlsx" and out.is_file()


def test_download_safe_file_name(live, ckan):
    url = ckan.add_file("/files/x/..%2F..%2Fข้อมูล ฝุ่น.csv", b"a,b\n1,2\n", "text/csv")
    path = live.download(url)
    assert path.name == "ข้อมูล_ฝุ่น.csv"
    assert live.cache in path.parents


def test_download_size_limit(live, ckan, portal_env):
    url = ckan.add_file("/files/big.csv", b"0123456789" * 200_000, "text/csv")
    with pytest.raises(portal.DownloadTooLarge, match="size limit"):
        live.download(url, max_bytes=100_000)
    assert [p for p in listing(portal_env) if "big.csv" in p] == []
    ckan.fault("/files/nolen.csv", "big", size=300_000)  # no early Content-Length check possible
    small = portal.Portal(ckan.url, offline=False, timeout=TEST_TIMEOUT, max_bytes=100_000, cache=portal_env)
    with pytest.raises(portal.DownloadTooLarge):
        small.download(ckan.url + "/files/nolen.csv")
    assert cache_problems(portal_env) == []


def test_progress_bar_silent_in_tests(live, ckan, capsys):
    live.download(live.dataset(NEWYEAR[0]).resources.iloc[NEWYEAR[1]])
    live.datastore(portal.OFFLINE_DATASTORE_ID)
    assert capsys.readouterr().err == ""


def test_env_var_points_default_portal_at_mirror(ckan, monkeypatch, capsys):
    monkeypatch.setenv("KIT_OFFLINE", "0")
    monkeypatch.setenv("KIT_PORTAL_URL", ckan.url)
    portal.configure(timeout=TEST_TIMEOUT)
    assert portal.search("COVID-19").attrs["source"] == "live"
    assert ckan.count("package_search") == 1
    assert capsys.readouterr().out == ""


# -- the opend gateway and its api-key -----------------------------------------------------------
SECRET = "tok-5f2a9c-SECRET-never-show"


@pytest.fixture
def opend(ckan, portal_env, monkeypatch):
    ckan.api_key = SECRET
    monkeypatch.setenv("KIT_OPEND_API_KEY", SECRET)
    return portal.Portal(
        ckan.url, gateway=True, offline=False, timeout=TEST_TIMEOUT, backoff=0, cache=portal_env
    )


def test_opend_gateway_sends_key_header_with_get(opend, ckan):
    df = opend.search("COVID-19")
    assert df["name"].tolist() == ["covid-19-daily"]
    sent = ckan.requests[-1]
    assert sent["method"] == "GET" and sent["path"] == "/get-ckan/package_search"
    assert sent["headers"]["api-key"] == SECRET
    assert "Authorization" not in sent["headers"] and "X-CKAN-API-Key" not in sent["headers"]


def test_opend_key_is_never_shown_logged_or_stored(opend, ckan, portal_env, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    opend.search("COVID-19")
    ds = opend.dataset(DICTIONARY[0])
    opend.download(ds.resources.iloc[DICTIONARY[1]])
    ckan.fault("package_show", "blocked")
    opend.dataset(NEWYEAR[0])  # falls back, printing the Thai reason
    text = repr(opend) + str(opend.session) + repr(opend.session) + repr(ds)
    out = capsys.readouterr()
    assert SECRET not in text + out.out + out.err + caplog.text
    assert "'***'" in repr(opend)
    for file in portal_env.rglob("*"):
        if file.is_file():
            assert SECRET.encode() not in file.read_bytes(), file


def test_opend_key_not_sent_to_other_hosts(opend, ckan, monkeypatch):
    # resource files on another host (here: localhost instead of 127.0.0.1) never get the key
    url = ckan.add_file("/files/other.csv", b"a\n1\n", "text/csv").replace("127.0.0.1", "localhost")
    opend.download(url)
    sent = [r for r in ckan.requests if r["path"] == "/files/other.csv"][-1]
    assert "api-key" not in {k.lower() for k in sent["headers"]}


def test_opend_missing_key_is_explained(ckan, portal_env):
    ckan.api_key = SECRET
    kit = portal.Portal(ckan.url, gateway=True, offline=False, timeout=TEST_TIMEOUT, cache=portal_env)
    with pytest.raises(portal.PortalNotAuthorized, match="KIT_OPEND_API_KEY"):
        kit.dataset("rtddi")


def test_ask_api_key_keeps_key_in_memory_only(monkeypatch, capsys, portal_env):
    import getpass

    monkeypatch.setattr(getpass, "getpass", lambda prompt="": SECRET)
    portal.ask_api_key()
    assert client_mod._session_key["key"] == SECRET
    kit = portal.Portal(portal.OPEND_URL, offline=True)
    assert kit._api_key == SECRET and SECRET not in repr(kit)
    assert SECRET not in capsys.readouterr().out
    assert all(SECRET.encode() not in f.read_bytes() for f in portal_env.rglob("*") if f.is_file())


def test_recorded_answers_are_real(ckan):
    # tests/recorded/ holds the real package_search answer verbatim and CKAN's own 404 envelope
    folder = paths.repo_root() / "tests" / "recorded"
    recorded = json.loads((folder / "package_search_covid.json").read_text(encoding="utf-8"))
    assert recorded["response"] == RECORDED_COVID
    missing = json.loads((folder / "package_show_missing.json").read_text(encoding="utf-8"))
    assert missing["response"]["error"] == {"__type": "Not Found Error", "message": "Not found"}
    names = {f.name for f in folder.glob("*.json")}
    assert names == {"package_search_covid.json", "package_show_missing.json"}


def test_live_package_list(live, ckan):
    ckan.add_response(
        "package_list", {}, {"help": "", "success": True, "result": ["rtddi", "covid-19-daily"]}
    )
    assert live.package_list() == ["rtddi", "covid-19-daily"]
    assert ckan.requests[-1]["action"] == "package_list"
