"""helpers.portal.client, piece by piece: the small rules a regression would silently break.

No server here: environment switches, file names, hashes, atomic writes, the constructor and the
messages, each checked on its observable result.  (Network behaviour: test_portal_client_live.py.)
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import sys

import pandas as pd
import pytest
from conftest_portal import listing, no_internet, portal_env  # noqa: F401

from helpers import portal
from helpers.portal import client as client_mod
from helpers.portal import errors

HEX = "ab" * 32


# -- switches from the environment -------------------------------------------------------------------
@pytest.mark.parametrize("value", ["1", "true", "TRUE", " yes ", "on", "Yes"])
def test_offline_env_accepts_every_yes(value, monkeypatch):
    monkeypatch.setenv("KIT_OFFLINE", value)
    assert client_mod.is_offline_env() is True
    assert portal.Portal(verbose=False).offline is True  # the default follows the environment


@pytest.mark.parametrize("value", ["0", "", "no", "off", "false", "2", "offline"])
def test_offline_env_refuses_everything_else(value, monkeypatch):
    monkeypatch.setenv("KIT_OFFLINE", value)
    assert client_mod.is_offline_env() is False
    assert portal.Portal(verbose=False).offline is False
    assert portal.Portal(offline=True, verbose=False).offline is True  # the argument wins


def test_offline_env_unset_means_live(monkeypatch):
    monkeypatch.delenv("KIT_OFFLINE")
    assert client_mod.is_offline_env() is False


class _Stderr(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.fixture
def person(monkeypatch):
    """Outside pytest and offline mode: what a learner's terminal or notebook looks like.

    (pytest sets PYTEST_CURRENT_TEST again when the test body starts: each test calls ``_away``.)
    """
    monkeypatch.setenv("KIT_OFFLINE", "0")
    monkeypatch.delitem(sys.modules, "ipykernel", raising=False)
    return monkeypatch


def _away(monkeypatch):
    monkeypatch.delenv("PYTEST_CURRENT_TEST", raising=False)


def test_progress_bars_only_for_a_person(person):
    _away(person)
    person.setattr(sys, "stderr", _Stderr(tty=True))
    assert client_mod._interactive() is True  # a terminal
    person.setattr(sys, "stderr", _Stderr(tty=False))
    assert client_mod._interactive() is False  # a pipe or a log file
    person.setattr(sys, "stderr", object())  # no isatty at all
    assert client_mod._interactive() is False
    person.setitem(sys.modules, "ipykernel", object())
    assert client_mod._interactive() is True  # a notebook kernel, whatever stderr is


def test_progress_bars_never_in_tests_or_offline(person):
    _away(person)
    person.setitem(sys.modules, "ipykernel", object())
    person.setattr(sys, "stderr", _Stderr(tty=True))
    person.setenv("KIT_OFFLINE", "1")
    assert client_mod._interactive() is False
    person.setenv("KIT_OFFLINE", "0")
    person.setenv("PYTEST_CURRENT_TEST", "x")
    assert client_mod._interactive() is False


def test_progress_argument_overrides_the_guess(person):
    _away(person)
    person.setattr(sys, "stderr", _Stderr(tty=True))
    assert portal.Portal(offline=True, progress=False)._show_progress() is False
    assert portal.Portal(offline=True, progress=True)._show_progress() is True
    assert portal.Portal(offline=True)._show_progress() is True
    person.setattr(sys, "stderr", _Stderr(tty=False))
    assert portal.Portal(offline=True)._show_progress() is False
    assert portal.Portal(offline=True, progress=1)._show_progress() is True  # truthy means on


# -- safe file names ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url, name",
    [
        ("https://x.org/a/b\\c.csv", "c.csv"),  # a Windows separator is a separator too
        ("https://x.org/a/..__x.csv", "x.csv"),  # no leading dots or underscores
        ("https://x.org/a/x.csv._", "x.csv"),  # nor trailing ones
        ("https://x.org/a/cafe\u0301.csv", "caf\u00e9.csv"),  # NFC: one letter, not "e" + "_"
        ("https://x.org/a/ฝุ่น%20PM2.5.csv", "ฝุ่น_PM2.5.csv"),
        ("https://x.org/a/a b*|c.csv", "a_b_c.csv"),  # a run of odd characters is one "_"
        ("https://x.org/data/", "data"),
        ("https://x.org/%2E%2E", "download"),
    ],
)
def test_safe_filename_cases(url, name):
    assert client_mod.safe_filename(url) == name


def test_safe_filename_long_names_keep_their_suffix():
    stem = "ก" * 200
    assert client_mod.safe_filename(f"https://x.org/{stem}.csv") == "ก" * 110 + ".csv"
    nine = "abcdefghi"  # a 9-letter suffix still counts as a suffix
    assert client_mod.safe_filename(f"https://x.org/{stem}.{nine}") == "ก" * 110 + "." + nine
    ten = "abcdefghij"  # 10 letters: not a suffix, the name is cut at 120
    assert client_mod.safe_filename(f"https://x.org/{stem}.{ten}") == "ก" * 120
    assert client_mod.safe_filename(f"https://x.org/{stem}") == "ก" * 120  # no dot at all
    exact = "x" * 116 + ".csv"  # exactly 120 characters: kept whole
    assert client_mod.safe_filename(f"https://x.org/{exact}") == exact
    longer = "x" * 117 + ".csv"  # 121: cut
    assert client_mod.safe_filename(f"https://x.org/{longer}") == "x" * 110 + ".csv"


# -- hashes -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        (HEX, f"sha256:{HEX}"),
        (f"sha256:{HEX}", f"sha256:{HEX}"),
        (f"  SHA256:{HEX.upper()}\n", f"sha256:{HEX}"),
        (HEX[:-1], None),  # 63 digits
        (HEX + "a", None),  # 65 digits
        ("md5:" + "a" * 32, None),
        ("zz" * 32, None),
        ("", None),
        (None, None),
        (12345, None),
        (["sha256", HEX], None),
    ],
)
def test_known_hash(value, expected):
    assert client_mod._known_hash(value) == expected


def test_text_key_is_a_sha256_prefix():
    text = "https://x.org/a.csv"
    assert client_mod._text_key(text, 24) == hashlib.sha256(text.encode()).hexdigest()[:24]
    assert len(client_mod._text_key("ข้อความไทย", 32)) == 32


# -- atomic writes ------------------------------------------------------------------------------------
def _spy_replace(monkeypatch):
    moved = []
    real = os.replace

    def spy(src, dst):
        moved.append((os.fspath(src), os.fspath(dst)))
        return real(src, dst)

    monkeypatch.setattr(client_mod.os, "replace", spy)
    return moved


def test_atomic_write_text_renames_a_temporary_file_next_to_the_target(tmp_path, monkeypatch):
    moved = _spy_replace(monkeypatch)
    target = tmp_path / "a" / "answer.json"
    target.parent.mkdir()
    client_mod._atomic_write_text(target, "ข้อมูล {}")
    assert target.read_text(encoding="utf-8") == "ข้อมูล {}"
    ((src, dst),) = moved
    # same folder (so the rename is atomic) and a name the cache cleaner leaves alone
    assert os.path.dirname(src) == str(target.parent) and os.path.basename(src).startswith(".tmp-")
    assert dst == str(target)
    assert sorted(p.name for p in target.parent.iterdir()) == ["answer.json"]


def test_atomic_copy_renames_a_temporary_file_next_to_the_target(tmp_path, monkeypatch):
    moved = _spy_replace(monkeypatch)
    src = tmp_path / "src.csv"
    src.write_bytes(b"a,b\n1,2\n")
    dest = tmp_path / "new" / "deep" / "copy.csv"  # missing folders are made
    client_mod._atomic_copy(src, dest)
    assert dest.read_bytes() == b"a,b\n1,2\n"
    ((tmp, dst),) = moved
    assert os.path.dirname(tmp) == str(dest.parent) and os.path.basename(tmp).startswith(".tmp-")
    assert dst == str(dest)
    assert [p.name for p in dest.parent.iterdir()] == ["copy.csv"]


def test_atomic_writes_leave_nothing_behind_on_failure(tmp_path, monkeypatch):
    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(client_mod.os, "replace", broken)
    target = tmp_path / "answer.json"
    with pytest.raises(OSError, match="disk full"):  # the real cause, not a cleanup error
        client_mod._atomic_write_text(target, "x")
    src = tmp_path / "src.csv"
    src.write_bytes(b"data")
    with pytest.raises(OSError, match="disk full"):
        client_mod._atomic_copy(src, tmp_path / "out" / "copy.csv")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["src.csv"]


def test_pooch_is_quiet_only_inside(monkeypatch):
    import pooch

    logger = pooch.get_logger()
    monkeypatch.setattr(logger, "level", logging.DEBUG)
    with client_mod._quiet_pooch():
        assert logger.level == logging.WARNING
    assert logger.level == logging.DEBUG
    with pytest.raises(RuntimeError), client_mod._quiet_pooch():
        raise RuntimeError
    assert logger.level == logging.DEBUG  # restored after an error too


# -- small shapes -------------------------------------------------------------------------------------
def test_stated_drops_only_missing_values():
    row = pd.Series({"id": "r1", "url": None, "size": pd.NA, "when": pd.NaT, "n": float("nan"), "z": 0})
    assert client_mod._stated(row) == {"id": "r1", "z": 0}
    assert client_mod._stated({"a": "", "b": [1], "c": None, "d": False}) == {"a": "", "b": [1], "d": False}


@pytest.mark.parametrize(
    "org, key",
    [
        ({"id": "i1", "name": "ddc"}, "i1"),
        ({"name": "ddc"}, "ddc"),
        ({"id": "", "name": "ddc"}, "ddc"),
        ({}, None),
        ("ddc", "ddc"),
        (7, None),
        (None, None),
    ],
)
def test_org_key(org, key):
    assert client_mod._org_key(org) == key


# -- the constructor ------------------------------------------------------------------------------------
def test_constructor_normalises_the_address(monkeypatch):
    assert portal.Portal("  https://gdcatalog.go.th/// ", offline=True).base_url == "https://gdcatalog.go.th"
    monkeypatch.setenv("KIT_PORTAL_URL", "https://mirror.example/")
    assert portal.Portal(offline=True).base_url == "https://mirror.example"
    assert portal.Portal("https://data.go.th", offline=True).base_url == "https://data.go.th"  # argument wins
    monkeypatch.setenv("KIT_PORTAL_URL", "")
    assert portal.Portal(offline=True).base_url == client_mod.DEFAULT_URL == "https://data.go.th"


def test_constructor_chooses_the_gateway_by_host():
    assert portal.Portal(client_mod.OPEND_URL, offline=True).gateway is True
    assert portal.Portal("https://opend.example.org/x", offline=True).gateway is True
    assert portal.Portal("https://data.go.th", offline=True).gateway is False
    assert portal.Portal("https://www.opend.go.th", offline=True).gateway is False  # host must start so
    assert portal.Portal("https://data.go.th", offline=True, gateway=True).gateway is True
    assert portal.Portal(client_mod.OPEND_URL, offline=True, gateway=False).gateway is False
    assert portal.Portal(client_mod.OPEND_URL, offline=True, gateway=0).gateway is False


def test_constructor_keeps_every_option(tmp_path):
    kit = portal.Portal(
        "http://127.0.0.1:9",
        offline=False,
        timeout=(1.5, 7.0),
        retries=4,
        backoff=0.25,
        max_bytes=123,
        fallback=False,
        cache_ttl=9.0,
        cache=tmp_path / "c",
        verbose=False,
        progress=True,
    )
    assert (kit.offline, kit.timeout, kit.retries, kit.backoff) == (False, (1.5, 7.0), 4, 0.25)
    assert (kit.max_bytes, kit.fallback, kit.cache_ttl, kit.verbose, kit.progress) == (
        123,
        False,
        9.0,
        False,
        True,
    )
    assert kit.cache == tmp_path / "c" and kit.cache.is_dir()  # made on first use
    assert kit.is_offline is False
    session = kit.session
    assert session is kit.session  # made once
    assert (session.timeout, session.retries, session.gateway) == ((1.5, 7.0), 4, False)
    retry = session.get_adapter("http://127.0.0.1:9").max_retries
    assert (retry.total, retry.status, retry.backoff_factor) == (4, 4, 0.25)


def test_defaults_are_the_documented_ones():
    kit = portal.Portal(offline=True)
    assert (kit.timeout, kit.retries, kit.backoff) == ((5.0, 20.0), 2, 0.5)
    assert (kit.max_bytes, kit.fallback, kit.cache_ttl) == (500 * 1024 * 1024, True, 3600.0)
    assert (kit.verbose, kit.progress, kit.gateway) == (True, None, False)
    assert client_mod.MAX_BYTES == 524_288_000 and client_mod.PAGE_SIZE == 10_000


def test_api_key_sources_in_order(monkeypatch):
    monkeypatch.setitem(client_mod._session_key, "key", "typed-key")
    assert portal.Portal(client_mod.OPEND_URL, offline=True)._api_key == "typed-key"
    monkeypatch.setenv("KIT_OPEND_API_KEY", "env-key")
    assert portal.Portal(client_mod.OPEND_URL, offline=True)._api_key == "env-key"  # env before typed
    assert portal.Portal(client_mod.OPEND_URL, offline=True, api_key="arg")._api_key == "arg"
    kit = portal.Portal(client_mod.OPEND_URL, offline=True, api_key="arg", gateway=True)
    assert kit.session._api_key == "arg" and kit.session.gateway is True
    assert kit.session.sends_key_to(client_mod.OPEND_URL + "/get-ckan/package_show")
    assert not kit.session.sends_key_to("https://data.go.th/get-ckan/package_show")


def test_repr_hides_the_key_but_says_there_is_one():
    kit = portal.Portal("https://opend.data.go.th/", offline=True, api_key="secret-123")
    assert repr(kit) == "Portal(base_url='https://opend.data.go.th', offline=True, api_key='***')"
    assert repr(portal.Portal("http://127.0.0.1:9", offline=False)) == (
        "Portal(base_url='http://127.0.0.1:9', offline=False, api_key=None)"
    )


def test_snapshot_is_read_once():
    kit = portal.Portal(offline=True)
    assert kit.snapshot is kit.snapshot


# -- messages ---------------------------------------------------------------------------------------
def test_unexpected_answer_says_what_was_expected():
    expect = portal.Portal._expect
    with pytest.raises(errors.PortalUnexpectedAnswer) as info:
        expect("package_show", ["x"], dict)
    assert str(info.value) == str(errors.PortalUnexpectedAnswer("package_show", "ดิกชันนารี (dict)"))
    with pytest.raises(errors.PortalUnexpectedAnswer) as info:
        expect("package_list", {"x": 1}, list)
    assert str(info.value) == str(errors.PortalUnexpectedAnswer("package_list", "รายการ (list)"))
    with pytest.raises(errors.PortalUnexpectedAnswer) as info:
        expect("package_search", {"results": "x"}, dict, "results")
    assert "ควรได้รายการ (list) ในช่อง results " in str(info.value)
    answer = {"results": []}
    assert expect("package_search", answer, dict, "results") is answer


def test_quiet_portal_prints_nothing_and_leaves_the_notice_for_others(capsys, monkeypatch):
    monkeypatch.setitem(client_mod._NOTICE, "datastore", False)
    quiet = portal.Portal(offline=True, verbose=False)
    quiet.search("ปีใหม่")
    quiet.datastore(portal.OFFLINE_DATASTORE_ID, limit=1)
    quiet._say("ไม่ควรเห็น")
    assert capsys.readouterr().out == ""
    assert client_mod._NOTICE == {"shown": False, "datastore": False}  # not used up by a quiet portal
    loud = portal.Portal(offline=True)
    df = loud.datastore(portal.OFFLINE_DATASTORE_ID, limit=1)
    loud.search("ปีใหม่")
    loud.datastore(portal.OFFLINE_DATASTORE_ID, limit=2)
    assert capsys.readouterr().out.splitlines() == [client_mod.OFFLINE_NOTICE, f"📝 {df.attrs['note']}"]


def test_download_args_are_checked_before_anything_else(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    with pytest.raises(errors.PortalArgumentValueError) as info:
        kit.download("x", sha256="abc")
    assert str(info.value) == (
        "download() ต้องการค่า SHA-256 (sha256) เป็นเลขฐานสิบหก 64 ตัว แต่ได้รับ 'abc' "
        'ตัวอย่าง: portal.download(url, sha256="9f86d081...")  (เลขฐานสิบหก 64 ตัว)'
    )
    with pytest.raises(errors.PortalArgumentTypeError, match="sha256"):
        kit.download("x", sha256=123)
    with pytest.raises(errors.PortalArgumentTypeError) as info:
        kit.download(3.5)
    assert str(info.value).startswith("download() ต้องการทรัพยากร (resource) เป็นแถวหนึ่งแถวจากตาราง .resources")
    assert "portal.download(ds.resources.iloc[0])" in str(info.value)
    with pytest.raises(errors.PortalArgumentTypeError) as info:
        kit.download("x", dest=5)
    assert "โฟลเดอร์ปลายทาง (dest) เป็นข้อความหรือ Path" in str(info.value)
    assert 'portal.download(ds.resources.iloc[0], dest="data/raw")' in str(info.value)
    with pytest.raises(errors.PortalArgumentValueError) as info:
        kit.download("x", max_bytes=0)
    assert "portal.download(ds.resources.iloc[0], max_bytes=100_000_000)" in str(info.value)
    with pytest.raises(errors.PortalArgumentValueError, match="ข้อความที่ไม่ว่าง"):
        kit.download("")
    assert listing(portal_env) == []


def test_download_accepts_a_64_digit_hash_in_any_form(portal_env):
    kit = portal.Portal(offline=True, verbose=False)
    res = kit.dataset("rtddi").resources.iloc[1]
    digest = hashlib.sha256(kit.download(res).read_bytes()).hexdigest()
    for form in (digest, digest.upper(), f"sha256:{digest}"):
        assert hashlib.sha256(kit.download(res, sha256=form).read_bytes()).hexdigest() == digest
    with pytest.raises(errors.ChecksumMismatch):  # an intact copy with another hash is not served
        kit.download(res, sha256="0" * 64)


_EX = f'portal.datastore("{portal.OFFLINE_DATASTORE_ID}"'
_STR, _INT = "เป็นข้อความ (str)", "เป็นจำนวนเต็ม (int)"
_QUOTED = "(ตัวเลขไม่ต้องใส่เครื่องหมายคำพูด)"
# (call, the exact Thai refusal): the function, the argument's Thai name, what it must be, an example
ARGUMENT_MESSAGES = {
    "search-query": (
        lambda k: k.search(123),
        f'search() ต้องการคำค้น (query) {_STR} แต่ได้รับ 123 ซึ่งเป็นชนิดข้อมูล int ตัวอย่าง: portal.search("ท่องเที่ยว")',
    ),
    "search-organization": (
        lambda k: k.search(organization=5),
        f"search() ต้องการหน่วยงาน (organization) {_STR} แต่ได้รับ 5 ซึ่งเป็นชนิดข้อมูล int "
        'ตัวอย่าง: portal.search("อุบัติเหตุ", organization="กรมการขนส่งทางบก")',
    ),
    "search-fmt": (
        lambda k: k.search(fmt=["CSV"]),
        f"search() ต้องการรูปแบบไฟล์ (fmt) {_STR} แต่ได้รับ ['CSV'] ซึ่งเป็นชนิดข้อมูล list "
        'ตัวอย่าง: portal.search("ท่องเที่ยว", fmt="CSV")',
    ),
    "search-rows": (
        lambda k: k.search(rows="10"),
        f"search() ต้องการจำนวนแถว (rows) {_INT} แต่ได้รับ '10' ซึ่งเป็นชนิดข้อมูล str {_QUOTED} "
        'ตัวอย่าง: portal.search("ท่องเที่ยว", rows=10)',
    ),
    "search-start": (
        lambda k: k.search(start="2"),
        f"search() ต้องการลำดับเริ่มต้น (start) {_INT} แต่ได้รับ '2' ซึ่งเป็นชนิดข้อมูล str {_QUOTED} "
        'ตัวอย่าง: portal.search("ท่องเที่ยว", start=20)',
    ),
    "search-tags": (
        lambda k: k.search(tags=5),
        "search() ต้องการคำสำคัญ (tags) เป็นข้อความ (str) หรือรายการ (list) ของข้อความ แต่ได้รับ 5 "
        'ซึ่งเป็นชนิดข้อมูล int ตัวอย่าง: portal.search(tags="อุบัติเหตุช่วงปีใหม่")',
    ),
    "dataset-name": (
        lambda k: k.dataset(None),
        f"dataset() ต้องการชื่อในลิงก์ (name) ของชุดข้อมูล {_STR} แต่ได้รับ None ซึ่งเป็นชนิดข้อมูล NoneType "
        'ตัวอย่าง: portal.dataset("covid-19-daily")',
    ),
    "datastore-resource_id": (
        lambda k: k.datastore(5),
        f"datastore() ต้องการรหัสทรัพยากร (resource_id) {_STR} แต่ได้รับ 5 ซึ่งเป็นชนิดข้อมูล int "
        f"ตัวอย่าง: {_EX}, limit=100)",
    ),
    "datastore-filters": (
        lambda k: k.datastore("a", filters="x"),
        'datastore() ต้องการตัวกรอง (filters) เป็นดิกชันนารี (dict) เช่น {"ชื่อคอลัมน์": ค่า} แต่ได้รับ '
        f'\'x\' ซึ่งเป็นชนิดข้อมูล str ตัวอย่าง: {_EX}, filters={{"province": "เชียงใหม่"}})',
    ),
    "datastore-limit": (
        lambda k: k.datastore("a", limit="5"),
        f"datastore() ต้องการจำนวนแถวสูงสุด (limit) {_INT} แต่ได้รับ '5' ซึ่งเป็นชนิดข้อมูล str {_QUOTED} "
        f"ตัวอย่าง: {_EX}, limit=100)",
    ),
    "datastore-offset": (
        lambda k: k.datastore("a", offset="5"),
        f"datastore() ต้องการจำนวนแถวที่ข้าม (offset) {_INT} แต่ได้รับ '5' ซึ่งเป็นชนิดข้อมูล str {_QUOTED} "
        f"ตัวอย่าง: {_EX}, offset=100, limit=100)",
    ),
    "datastore-q": (
        lambda k: k.datastore("a", q=1),
        f'datastore() ต้องการคำค้น (q) {_STR} แต่ได้รับ 1 ซึ่งเป็นชนิดข้อมูล int ตัวอย่าง: {_EX}, q="ภูเก็ต")',
    ),
    "download-max_bytes": (
        lambda k: k.download("x", max_bytes="1"),
        f"download() ต้องการขนาดไฟล์สูงสุด (max_bytes) {_INT} แต่ได้รับ '1' ซึ่งเป็นชนิดข้อมูล str {_QUOTED} "
        "ตัวอย่าง: portal.download(ds.resources.iloc[0], max_bytes=100_000_000)",
    ),
    "download-sha256": (
        lambda k: k.download("x", sha256=1),
        f"download() ต้องการค่า SHA-256 (sha256) {_STR} แต่ได้รับ 1 ซึ่งเป็นชนิดข้อมูล int "
        'ตัวอย่าง: portal.download(url, sha256="9f86d081...")  (เลขฐานสิบหก 64 ตัว)',
    ),
    "Portal-base_url": (
        lambda k: portal.Portal(123),
        f"Portal() ต้องการที่อยู่ของพอร์ทัล (base_url) {_STR} แต่ได้รับ 123 ซึ่งเป็นชนิดข้อมูล int "
        'ตัวอย่าง: Portal("https://data.go.th")',
    ),
    "Portal-api_key": (
        lambda k: portal.Portal(api_key=1),
        f"Portal() ต้องการค่า api-key {_STR} แต่ได้รับ 1 ซึ่งเป็นชนิดข้อมูล int "
        'ตัวอย่าง: Portal("https://opend.data.go.th", api_key=token)',
    ),
}


@pytest.mark.parametrize("case", list(ARGUMENT_MESSAGES))
def test_argument_refusals_name_the_function_the_argument_and_an_example(case, portal_env):
    call, message = ARGUMENT_MESSAGES[case]
    with pytest.raises(errors.PortalArgumentError) as info:
        call(portal.Portal(offline=True, verbose=False))
    assert str(info.value) == message
    assert listing(portal_env) == []
