"""Every fault the portal can throw at a class: a clear Thai message, the fallback, an intact cache.

Faults are injected by the local CKAN-like server (tests/ckan_server.py) on 127.0.0.1.
"""

from __future__ import annotations

import time

import pytest
from ckan_server import closed_port_url
from conftest_portal import TEST_TIMEOUT, cache_problems, listing, live, no_internet, portal_env, sha256_file  # noqa: F401
from portal_real_catalog import DICTIONARY, NEWYEAR, SERVED, ckan  # noqa: F401  (the real catalogue)

from helpers import paths, portal
from helpers.portal import client as client_mod

SHIPPED = SERVED[DICTIONARY]  # the real rtddi data dictionary, shipped in data/real/

# (server fault, options, exception class, Thai text that must be in the message, requests expected)
API_FAULTS = {
    "blocked-403": (
        "blocked",
        {},
        portal.PortalBlocked,
        [
            "HTTP 403 Forbidden",
            "Your request has been blocked by our security systems",
            "ไฟร์วอลล์ (firewall)",
            "ศูนย์ข้อมูล (data centre)",
        ],
        1,
    ),
    "html-page": ("html", {}, portal.PortalHTMLResponse, ["หน้าเว็บ (HTML)", "HTTP 200"], 1),
    "http-500": (
        "status",
        {"status": 500},
        portal.PortalServerError,
        ["HTTP 500 server error", "ส่งคำขอไปแล้ว 3 ครั้ง"],
        3,
    ),
    "http-503": ("status", {"status": 503}, portal.PortalServerError, ["HTTP 503 server error"], 3),
    "http-429": ("status", {"status": 429}, portal.PortalServerError, ["HTTP 429 Too Many Requests"], 3),
    "slow": ("slow", {"delay": 3.0}, portal.PortalTimeout, [f"{TEST_TIMEOUT:g} วินาที (timeout)"], 1),
    "malformed-json": ("badjson", {}, portal.PortalBadJSON, ["JSON ที่ถูกต้อง (malformed JSON)"], 1),
    "cut-off-json": ("truncated", {}, portal.PortalBadJSON, ["(malformed JSON)"], 1),
}


def _answers(cache):
    return [p for p in listing(cache) if p.startswith("answers/")]


@pytest.mark.parametrize("case", list(API_FAULTS))
def test_api_fault_raises_thai_error_without_fallback(case, ckan, portal_env):
    kind, options, exc_type, texts, n_requests = API_FAULTS[case]
    ckan.fault("package_search", kind, **options)
    kit = portal.Portal(
        ckan.url, offline=False, timeout=TEST_TIMEOUT, retries=2, backoff=0, fallback=False, cache=portal_env
    )
    start = time.monotonic()
    with pytest.raises(exc_type) as info:
        kit.search("อุบัติเหตุ")
    assert time.monotonic() - start < 2.5  # bounded: short timeout, bounded retries
    for text in texts:
        assert text in str(info.value)
    assert ckan.count("package_search") == n_requests
    assert _answers(portal_env) == [] and cache_problems(portal_env) == []


@pytest.mark.parametrize("case", list(API_FAULTS))
def test_api_fault_falls_back_to_snapshot(case, ckan, live, portal_env, capsys):
    kind, options, exc_type, texts, _ = API_FAULTS[case]
    ckan.fault("package_search", kind, **options)
    df = live.search("อุบัติเหตุ")
    assert df.attrs["source"] == "snapshot"
    assert {"rtddi", NEWYEAR[0]} <= set(df["name"])
    out = capsys.readouterr()
    lines = out.out.strip().splitlines()
    assert lines[0].startswith("⚠️ ") and all(t in lines[0] for t in texts)
    assert lines[1:] == [client_mod.OFFLINE_NOTICE]
    assert out.err == ""
    assert _answers(portal_env) == [] and cache_problems(portal_env) == []


def test_connection_refused(portal_env, capsys):
    url = closed_port_url()
    strict = portal.Portal(
        url, offline=False, timeout=TEST_TIMEOUT, retries=1, backoff=0, fallback=False, cache=portal_env
    )
    with pytest.raises(portal.PortalConnectionError, match=r"เชื่อมต่อ 127\.0\.0\.1 ไม่ได้ \(connection error\)"):
        strict.dataset("rtddi")
    kind = portal.Portal(url, offline=False, timeout=TEST_TIMEOUT, retries=1, backoff=0, cache=portal_env)
    ds = kind.dataset("rtddi")
    assert ds.source == "snapshot"
    assert "(connection error)" in capsys.readouterr().out
    assert cache_problems(portal_env) == [] and _answers(portal_env) == []


def test_internet_names_are_refused_too(portal_env):
    # the default portal address cannot be reached from tests: a connection error, then the snapshot
    kit = portal.Portal(offline=False, timeout=TEST_TIMEOUT, retries=0, verbose=False, cache=portal_env)
    assert kit.search("อุบัติเหตุ").attrs["source"] == "snapshot"
    assert kit.is_offline


def test_blocked_portal_is_not_asked_again(ckan, live, capsys):
    ckan.fault("package_search", "blocked")
    live.search("อุบัติเหตุ")
    live.search("ท่องเที่ยว")
    live.dataset("rtddi")
    assert ckan.count() == 1  # after a firewall block the session stays offline
    assert capsys.readouterr().out.count("HTTP 403") == 1


def test_retry_then_success_is_silent(ckan, live, capsys):
    ckan.fault("package_search", "status", times=1, status=503)
    df = live.search("อุบัติเหตุ")
    assert df.attrs["source"] == "live" and ckan.count("package_search") == 2
    assert capsys.readouterr().out == ""


def test_not_found_is_not_hidden_by_fallback(ckan, live, capsys):
    with pytest.raises(portal.PortalNotFound, match="ไม่พบชุดข้อมูล"):
        live.dataset("no-such-dataset")
    ckan.fault("resource_show", "notfound")
    with pytest.raises(portal.PortalNotFound, match=r"ไม่พบทรัพยากร \(resource\)"):
        live.download("3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    assert capsys.readouterr().out == ""


def test_datastore_fault_mid_paging_falls_back(ckan, live, capsys):
    rid = portal.OFFLINE_DATASTORE_ID
    ckan.fault("datastore_search", "status", status=502)
    df = live.datastore(rid)
    assert df.attrs["source"] == "snapshot" and len(df) == df.attrs["total"]
    assert "HTTP 502" in capsys.readouterr().out


# -- downloads ---------------------------------------------------------------------------------------
DOWNLOAD_FAULTS = {
    "blocked-403": ("blocked", {}, portal.PortalBlocked, "HTTP 403 Forbidden"),
    "html-page": ("html", {}, portal.PortalHTMLResponse, "หน้าเว็บ (HTML)"),
    "http-500": ("status", {"status": 500}, portal.PortalServerError, "HTTP 500 server error"),
    "slow": ("slow", {"delay": 3.0}, portal.PortalTimeout, "(timeout)"),
    "truncated": ("truncated", {}, portal.DownloadIncomplete, "ดาวน์โหลดไม่ครบ (truncated download)"),
    "checksum": ("corrupt", {}, portal.ChecksumMismatch, "(checksum, SHA-256)"),
}


def _shipped_resource(ckan):
    res = dict(ckan.packages[DICTIONARY[0]]["resources"][DICTIONARY[1]])
    assert res["hash"].startswith("sha256:")  # the server publishes the hash, as CKAN uploads do
    return res


@pytest.mark.parametrize("case", list(DOWNLOAD_FAULTS))
def test_download_fault_keeps_no_partial_file(case, ckan, portal_env):
    kind, options, exc_type, text = DOWNLOAD_FAULTS[case]
    res = _shipped_resource(ckan)
    ckan.fault(res["url"].replace(ckan.url, ""), kind, **options)
    kit = portal.Portal(
        ckan.url, offline=False, timeout=TEST_TIMEOUT, retries=2, backoff=0, fallback=False, cache=portal_env
    )
    with pytest.raises(exc_type) as info:
        kit.download(res)
    assert text in str(info.value)
    assert [p for p in listing(portal_env) if p.startswith("downloads/")] == []
    assert cache_problems(portal_env) == []


@pytest.mark.parametrize("case", list(DOWNLOAD_FAULTS))
def test_download_fault_falls_back_to_bundled_file(case, ckan, live, portal_env, capsys):
    kind, options, exc_type, text = DOWNLOAD_FAULTS[case]
    res = _shipped_resource(ckan)
    ckan.fault(res["url"].replace(ckan.url, ""), kind, **options)
    path = live.download(res)
    assert sha256_file(path) == sha256_file(paths.data_dir() / SHIPPED)
    out = capsys.readouterr()
    assert out.out.startswith("⚠️ ") and text in out.out and client_mod.OFFLINE_NOTICE in out.out
    assert out.err == ""
    assert cache_problems(portal_env) == []


def test_download_checksum_from_argument(ckan, live, portal_env):
    url = ckan.add_file("/files/plain.csv", b"a,b\n1,2\n", "text/csv")
    with pytest.raises(portal.ChecksumMismatch):
        live.download(url, sha256="0" * 64)
    assert cache_problems(portal_env) == [] and "plain.csv" not in " ".join(listing(portal_env))
    good = live.download(url, sha256=sha256_file_bytes(b"a,b\n1,2\n"))
    assert good.read_bytes() == b"a,b\n1,2\n"


def test_download_file_not_found(ckan, live, portal_env):
    with pytest.raises(portal.PortalNotFound, match="not found"):
        live.download(ckan.url + "/files/missing.csv")
    assert listing(portal_env) == []


def test_download_connection_refused_falls_back(ckan, live, portal_env, capsys):
    res = _shipped_resource(ckan)
    res["url"] = closed_port_url() + "/files/3bura-_data_dictionary.xlsx"
    path = live.download(res)
    assert sha256_file(path) == sha256_file(paths.data_dir() / SHIPPED)
    assert "(connection error)" in capsys.readouterr().out
    assert cache_problems(portal_env) == []


def test_corrupted_cache_is_downloaded_again(ckan, live, portal_env):
    res = _shipped_resource(ckan)
    path = live.download(res)
    path.write_bytes(path.read_bytes()[:100])  # damaged on disk
    ckan.reset_counts()
    again = live.download(res)
    assert sha256_file(again) == sha256_file(paths.data_dir() / SHIPPED)
    assert ckan.count() == 1 and cache_problems(portal_env) == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.csv", "data:text/csv,a"])
def test_url_scheme_refused_live(url, live, ckan, portal_env):
    with pytest.raises(portal.UnsupportedURLScheme, match="URL scheme"):
        live.download(url)
    with pytest.raises(portal.UnsupportedURLScheme):
        live.download({"id": "x", "url": url})
    assert ckan.count() == 0 and listing(portal_env) == []


def sha256_file_bytes(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def test_json_with_wrong_content_type_is_accepted(ckan, live, capsys):
    ckan.fault("package_search", "json-as-html")
    assert live.search("อุบัติเหตุ").attrs["source"] == "live"
    assert capsys.readouterr().out == ""


def test_unexpected_redirect_is_explained(ckan, portal_env):
    ckan.fault("package_show", "redirect")
    kit = portal.Portal(ckan.url, offline=False, timeout=TEST_TIMEOUT, fallback=False, cache=portal_env)
    with pytest.raises(portal.PortalHTMLResponse, match="HTTP 301"):
        kit.dataset("rtddi")
    assert ckan.count() == 1  # the redirect is not followed to another host
