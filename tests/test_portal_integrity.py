"""Downloads are what they claim to be: cached files re-hashed before use, and the size limit exact."""

from __future__ import annotations

import json

import pytest
from conftest_portal import TEST_TIMEOUT, cache_problems, listing, live, no_internet, portal_env, sha256_file  # noqa: F401
from portal_real_catalog import DICTIONARY, NEWYEAR, SERVED, ckan  # noqa: F401  (the real catalogue)

from helpers import paths, portal
from helpers.portal import client as client_mod

SHIPPED = SERVED[DICTIONARY]  # the real rtddi data dictionary, shipped in data/real/
CSV = ("จังหวัด,ค่า\n" + "".join(f"เชียงใหม่,{i}\n" for i in range(300))).encode("utf-8")


def _flip_one_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01  # same size, one bit changed: only a hash can notice
    path.write_bytes(bytes(data))


def _downloads(cache):
    return [p for p in listing(cache) if p.startswith("downloads/")]


# -- cached downloads are re-hashed ------------------------------------------------------------------
def test_damaged_cache_with_unknown_hash_is_detected_and_downloaded_again(ckan, live, portal_env, capsys):
    url = ckan.add_file("/files/nohash.csv", CSV, "text/csv")  # a plain URL: the portal gives no hash
    path = live.download(url)
    record = json.loads((path.parent / client_mod.RECORD).read_text(encoding="utf-8"))
    assert record["sha256"] == sha256_file(path)  # the kit's own digest, recorded when it saved the file
    _flip_one_byte(path)
    ckan.reset_counts()
    again = live.download(url)
    assert again.read_bytes() == CSV
    assert ckan.count(path="/files/nohash.csv") == 1  # damage noticed, so it was fetched again
    out = capsys.readouterr().out
    assert "⚠️ ไฟล์ “nohash.csv” ในแคช (cache) ถูกเปลี่ยนหรือเสียหาย" in out and "ดาวน์โหลดใหม่" in out
    assert cache_problems(portal_env) == []
    ckan.reset_counts()
    assert live.download(url) == again and ckan.count() == 0  # the repaired copy is served again


def test_damaged_cache_with_unknown_hash_is_refused_when_it_cannot_be_replaced(ckan, portal_env):
    url = ckan.add_file("/files/nohash.csv", CSV, "text/csv")
    kit = portal.Portal(
        ckan.url, offline=False, timeout=TEST_TIMEOUT, retries=0, fallback=False, cache=portal_env
    )
    path = kit.download(url)
    _flip_one_byte(path)
    ckan.fault("/files/nohash.csv", "status", status=500)
    with pytest.raises(portal.CachedFileDamaged) as info:
        kit.download(url)
    text = str(info.value)
    assert "ถูกเปลี่ยนหรือเสียหาย" in text and "ดาวน์โหลดใหม่ไม่สำเร็จ" in text and "HTTP 500" in text
    assert not path.exists() and _downloads(portal_env) == []  # the damaged copy is never served
    assert cache_problems(portal_env) == []


def test_damaged_cache_with_known_hash_same_size(ckan, live, portal_env):
    res = dict(ckan.packages[DICTIONARY[0]]["resources"][DICTIONARY[1]])
    assert res["hash"].startswith("sha256:")
    path = live.download(res)
    _flip_one_byte(path)
    ckan.reset_counts()
    again = live.download(res)
    assert sha256_file(again) == sha256_file(paths.data_dir() / SHIPPED)
    assert ckan.count() == 1 and cache_problems(portal_env) == []


def test_damaged_cache_is_checked_when_served_offline(ckan, live, portal_env, capsys):
    # downloaded live, then the class goes offline: a damaged live copy the kit has no file for
    url = ckan.add_file("/files/nohash.csv", CSV, "text/csv")
    path = live.download(url)
    _flip_one_byte(path)
    offline = portal.Portal(ckan.url, offline=True, verbose=False, cache=portal_env)
    with pytest.raises(portal.CachedFileDamaged, match="offline"):
        offline.download(url)
    assert not path.exists()


def test_unreadable_record_means_download_again(ckan, live, portal_env):
    url = ckan.add_file("/files/rec.csv", CSV, "text/csv")
    path = live.download(url)
    (path.parent / client_mod.RECORD).write_text("{not json", encoding="utf-8")
    ckan.reset_counts()
    assert live.download(url).read_bytes() == CSV and ckan.count() == 1
    record = path.parent / client_mod.RECORD
    record.write_text(json.dumps({"file": "../../escape.csv", "sha256": sha256_file(path)}), encoding="utf-8")
    ckan.reset_counts()
    assert live.download(url) == path and ckan.count() == 1  # a record pointing outside is not trusted
    assert cache_problems(portal_env) == []


# -- the size limit is exact -------------------------------------------------------------------------
# 100_003 is not a multiple of the 64 KiB read size; 131_072 is exactly two reads.
@pytest.mark.parametrize("size", [100_003, 131_072])
@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "no-content-length"])
def test_size_limit_boundary(size, announced, ckan, portal_env, tmp_path):
    path = f"/files/n{size}.csv"
    if announced:
        ckan.add_file(path, b"7" * size, "text/csv")
        ckan.add_file(path.replace(".csv", "-over.csv"), b"7" * (size + 1), "text/csv")
    else:
        ckan.fault(path, "big", size=size)
        ckan.fault(path.replace(".csv", "-over.csv"), "big", size=size + 1)
    kit = portal.Portal(
        ckan.url, offline=False, timeout=TEST_TIMEOUT, max_bytes=size, fallback=False, cache=portal_env
    )
    exact = kit.download(ckan.url + path)
    assert exact.stat().st_size == size  # exactly at the limit: accepted
    dest = tmp_path / "mine"
    with pytest.raises(portal.DownloadTooLarge, match="size limit"):
        kit.download(ckan.url + path.replace(".csv", "-over.csv"), dest=dest)  # one byte over: refused
    over = [p for p in _downloads(portal_env) if "-over" in p]
    assert over == []  # no partial file ...
    assert [p for p in listing(portal_env) if p.rsplit("/", 1)[-1].startswith(("tmp", ".tmp-"))] == []
    assert not dest.exists() or not any(dest.iterdir())  # ... and nothing copied to dest
    assert cache_problems(portal_env) == []


def test_size_limit_per_call_boundary(ckan, live, portal_env):
    url = ckan.add_file("/files/ten.csv", b"0123456789", "text/csv")
    with pytest.raises(portal.DownloadTooLarge):
        live.download(url, max_bytes=9)
    assert _downloads(portal_env) == [] and cache_problems(portal_env) == []
    assert live.download(url, max_bytes=10).read_bytes() == b"0123456789"


# -- the cache folder --------------------------------------------------------------------------------
def test_every_portal_writes_into_the_test_cache(ckan, live, portal_env, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_OFFLINE", "0")
    monkeypatch.setenv("KIT_PORTAL_URL", ckan.url)
    portal.configure(timeout=TEST_TIMEOUT)
    default = portal.get_portal()
    assert default.cache == paths.cache_dir() == portal_env and tmp_path in portal_env.parents
    res = ckan.packages[NEWYEAR[0]]["resources"][NEWYEAR[1]]
    written = [
        portal.download(res),
        live.download(res),
        portal.Portal(offline=True, verbose=False).download(res["id"]),
    ]
    portal.search("อุบัติเหตุ")
    assert all(portal_env in p.parents for p in written)
    assert {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*") if p.is_file()} == {"kit-cache"}
    monkeypatch.delenv("KIT_CACHE_DIR")
    with pytest.raises(AssertionError, match="user's cache folder"):  # the guard itself works
        paths.cache_dir()
