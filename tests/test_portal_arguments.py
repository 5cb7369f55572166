"""Wrong arguments get a Thai error with an example; odd CKAN field values never crash."""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from ckan_server import envelope
from conftest_portal import TEST_TIMEOUT, listing, live, no_internet, portal_env  # noqa: F401
from portal_real_catalog import DICTIONARY, ckan  # noqa: F401  (the real catalogue)

from helpers import portal
from helpers.portal import PortalArgumentTypeError as TypeErr
from helpers.portal import PortalArgumentValueError as ValueErr

PORTAL_DIR = Path(portal.__file__).parent

# (call on a Portal-like object, error class, text that must be in the message)
BAD_CALLS = {
    "search(123)": (lambda p: p.search(123), TypeErr, "คำค้น (query) เป็นข้อความ (str) แต่ได้รับ 123"),
    "search(rows='10')": (lambda p: p.search("อุบัติเหตุ", rows="10"), TypeErr, "ตัวเลขไม่ต้องใส่เครื่องหมายคำพูด"),
    "search(rows=2.5)": (lambda p: p.search("อุบัติเหตุ", rows=2.5), TypeErr, "จำนวนเต็ม (int)"),
    "search(rows=True)": (lambda p: p.search("อุบัติเหตุ", rows=True), TypeErr, "ชนิดข้อมูล bool"),
    "search(rows=-1)": (lambda p: p.search("อุบัติเหตุ", rows=-1), ValueErr, "จำนวนเต็มตั้งแต่ 0 ขึ้นไป"),
    "search(fmt=['CSV'])": (lambda p: p.search("อุบัติเหตุ", fmt=["CSV"]), TypeErr, "รูปแบบไฟล์ (fmt)"),
    "search(organization=5)": (lambda p: p.search(organization=5), TypeErr, "หน่วยงาน (organization)"),
    "dataset(None)": (lambda p: p.dataset(None), TypeErr, "ชื่อในลิงก์ (name) ของชุดข้อมูล เป็นข้อความ (str)"),
    "dataset('')": (lambda p: p.dataset(""), ValueErr, "ข้อความที่ไม่ว่าง"),
    "dataset(123)": (lambda p: p.dataset(123), TypeErr, "ชนิดข้อมูล int"),
    "datastore(5)": (lambda p: p.datastore(resource_id=5, limit=-1), TypeErr, "รหัสทรัพยากร (resource_id)"),
    "datastore(limit=-1)": (lambda p: p.datastore("abc", limit=-1), ValueErr, "limit) เป็นจำนวนเต็มตั้งแต่ 0"),
    "datastore(limit='5')": (lambda p: p.datastore("abc", limit="5"), TypeErr, "จำนวนแถวสูงสุด (limit)"),
    "datastore(filters=str)": (lambda p: p.datastore("abc", filters="Province=x"), TypeErr, "ดิกชันนารี (dict)"),
    "datastore(offset=-1)": (lambda p: p.datastore("abc", offset=-1), ValueErr, "จำนวนแถวที่ข้าม (offset)"),
    "datastore(q=1)": (lambda p: p.datastore("abc", q=1), TypeErr, "คำค้น (q) เป็นข้อความ (str)"),
    "search(tags=5)": (lambda p: p.search(tags=5), TypeErr, "คำสำคัญ (tags) เป็นข้อความ (str) หรือรายการ"),
    "search(start='2')": (lambda p: p.search(start="2"), TypeErr, "ลำดับเริ่มต้น (start)"),
    "download(42)": (lambda p: p.download(42), TypeErr, "แต่ได้รับ 42 ซึ่งเป็นชนิดข้อมูล int"),
    "download(None)": (lambda p: p.download(None), TypeErr, "ทรัพยากร (resource)"),
    "download('')": (lambda p: p.download("  "), ValueErr, "ข้อความที่ไม่ว่าง"),
    "download(max_bytes='1MB')": (lambda p: p.download("x", max_bytes="1MB"), TypeErr, "max_bytes"),
    "download(max_bytes=0)": (lambda p: p.download("x", max_bytes=0), ValueErr, "ตั้งแต่ 1 ขึ้นไป"),
    "download(dest=3)": (lambda p: p.download("x", dest=3), TypeErr, "โฟลเดอร์ปลายทาง (dest)"),
    "download(sha256='abc')": (lambda p: p.download("x", sha256="abc"), ValueErr, "เลขฐานสิบหก 64 ตัว"),
}


class _Module:
    """The module-level functions, called like the Portal methods."""

    search, dataset, datastore, download = (
        staticmethod(portal.search),
        staticmethod(portal.dataset),
        staticmethod(portal.datastore),
        staticmethod(portal.download),
    )


@pytest.mark.parametrize("where", ["module", "portal-live"])
@pytest.mark.parametrize("case", list(BAD_CALLS))
def test_wrong_arguments_give_thai_errors(case, where, ckan, live, portal_env):
    call, exc_type, text = BAD_CALLS[case]
    target = _Module if where == "module" else live
    with pytest.raises(exc_type) as info:
        call(target)
    err = info.value
    assert isinstance(err, portal.PortalArgumentError) and not err.fallback
    assert text in str(err), str(err)
    assert "ตัวอย่าง: portal." in str(err) or "ตัวอย่าง: filters=" in str(err)
    assert isinstance(err, TypeError if exc_type is TypeErr else ValueError)  # what Python code expects
    # raised by the kit's own check at the top of the call, not deep inside pandas/requests
    assert Path(str(info.traceback[-1].path)).parent == PORTAL_DIR
    assert ckan.count() == 0 and listing(portal_env) == []  # refused before any request or file


def test_portal_constructor_checks_types():
    with pytest.raises(TypeErr, match="base_url"):
        portal.Portal(123)
    with pytest.raises(TypeErr, match="api-key"):
        portal.Portal(portal.OPEND_URL, api_key=12345)


def test_good_arguments_of_other_types_still_work(tmp_path):
    kit = portal.Portal(offline=True, verbose=False)
    assert len(kit.search("อุบัติเหตุ", rows=np.int64(2))) == 2  # numpy integers are whole numbers
    assert len(kit.search("อุบัติเหตุ", start=np.int64(7))) == 1
    assert kit.search(None, rows=0).empty and kit.search("", rows=0).columns.size == 7
    res = kit.dataset(DICTIONARY[0]).resources.iloc[DICTIONARY[1]]
    assert kit.download(res, dest=tmp_path).parent == tmp_path
    assert kit.download(res.to_dict(), dest=str(tmp_path / "s")).is_file()
    assert len(kit.datastore(portal.OFFLINE_DATASTORE_ID, limit=np.int32(0), offset=np.int64(3))) == 0


def test_offline_filter_on_missing_column_is_explained():
    with pytest.raises(ValueErr, match="ไม่มีคอลัมน์นั้น") as info:
        portal.datastore(portal.OFFLINE_DATASTORE_ID, filters={"Province": "เชียงใหม่"})  # it is "province"
    assert "province" in str(info.value)


# -- odd CKAN field values ----------------------------------------------------------------------------
ODD_SIZES = ["1.2 MB", None, "", -5, "2,048", 2048.0, 2048, "ไม่ทราบ", True, "12,34"]
EXPECTED_SIZES = [pd.NA, pd.NA, pd.NA, pd.NA, 2048, 2048, 2048, pd.NA, pd.NA, pd.NA]


def _odd_package(ckan):
    pkg = copy.deepcopy(ckan.packages["covid-19-daily"])
    pkg.update(
        id="odd-1",
        name="odd-package",
        num_resources="หลายไฟล์",
        organization="pcd",
        tags=["ฝุ่น", {"name": "PM2.5"}, None],
        metadata_modified="ไม่ระบุ",
    )
    base = pkg["resources"][0]
    pkg["resources"] = [
        dict(
            base,
            id=f"r{i}",
            size=size,
            format=None if i == 0 else "csv ",
            datastore_active="False" if i else "True",
            last_modified=None,
            resource_first_year_of_data=2566,
        )
        for i, size in enumerate(ODD_SIZES)
    ]
    return pkg


def test_odd_field_values_are_parsed_or_unknown(ckan, live):
    pkg = _odd_package(ckan)
    ckan.add_package(pkg)
    ds = live.dataset("odd-package")
    assert ds.source == "live"
    sizes = ds.resources["size"]
    assert str(sizes.dtype) == "Int64"
    assert [None if pd.isna(v) else int(v) for v in sizes] == [
        None if v is pd.NA else v for v in EXPECTED_SIZES
    ]
    formats = ds.resources["format"]
    assert pd.isna(formats[0])  # no format: unknown
    assert formats[1:].tolist() == ["CSV"] * (len(ODD_SIZES) - 1)
    assert ds.resources["datastore_active"].tolist() == [True] + [False] * (len(ODD_SIZES) - 1)
    assert ds.info["หน่วยงานเจ้าของข้อมูล"] == "pcd" and ds.info["คำสำคัญ (tags)"] == "ฝุ่น, PM2.5"
    assert ds.info["จำนวนไฟล์ข้อมูล"] == len(ODD_SIZES)
    assert "  2. [CSV] " in repr(ds) and "ชื่อในลิงก์ (name): odd-package" in repr(ds)


def test_odd_search_results(ckan, live):
    odd = _odd_package(ckan)
    no_resources = {k: v for k, v in odd.items() if k != "resources"}
    no_resources.update(name="no-resources", num_resources=None)
    counted = dict(no_resources, name="counted", num_resources="3")
    ckan.add_response(
        "package_search",
        {"q": "แปลก", "fq": "", "rows": 20},
        envelope({"count": "ไม่ทราบ", "results": [odd, no_resources, counted, "junk", None]}),
    )
    df = live.search("แปลก")
    assert df.attrs["source"] == "live" and df.attrs["count"] == 3  # unknown count: the rows we got
    assert df["name"].tolist() == ["odd-package", "no-resources", "counted"]
    assert df["num_resources"].tolist()[0] == len(ODD_SIZES)  # from the resources list
    assert pd.isna(df["num_resources"].tolist()[1])  # no count and no list: unknown, not 0
    assert df["num_resources"].tolist()[2] == 3
    assert df["formats"].tolist() == ["CSV", "", ""]
    assert df["last_modified"].isna().all()


@pytest.mark.parametrize(
    "action, params, result, call",
    [
        ("package_show", {"id": "rtddi"}, ["not", "a", "dict"], lambda p: p.dataset("rtddi")),
        (
            "package_search",
            {"q": "อุบัติเหตุ", "fq": "", "rows": 20},
            {"count": 2, "results": "oops"},
            lambda p: p.search("อุบัติเหตุ"),
        ),
        ("package_search", {"q": "อุบัติเหตุ", "fq": "", "rows": 20}, None, lambda p: p.search("อุบัติเหตุ")),
        (
            "organization_list",
            {"all_fields": True, "limit": 1000, "offset": 0},
            {"a": 1},
            lambda p: p.organizations(),
        ),
    ],
)
def test_unexpected_answer_shape_falls_back(action, params, result, call, ckan, live, portal_env, capsys):
    ckan.add_response(action, params, envelope(result))
    out = call(live)
    assert (out.source if hasattr(out, "source") else out.attrs["source"]) == "snapshot"
    assert "(unexpected answer)" in capsys.readouterr().out
    assert [p for p in listing(portal_env) if p.startswith("answers/")] == []  # a bad answer is not kept
    strict = portal.Portal(ckan.url, offline=False, timeout=TEST_TIMEOUT, fallback=False, cache=portal_env)
    with pytest.raises(portal.PortalUnexpectedAnswer, match=action):
        call(strict)


def test_datastore_without_a_total_pages_until_empty(ckan, live):
    ckan.add_table("t", [{"id": "n", "type": "int"}, "junk", {"type": "text"}], [{"n": i} for i in range(25)])
    ckan.datastore_cap = 10
    original = ckan._answer

    def no_total(action, params):
        status, body = original(action, params)
        if action == "datastore_search" and body.get("success"):
            body = copy.deepcopy(body)
            body["result"]["total"] = "ไม่ทราบ"
        return status, body

    ckan._answer = no_total
    df = live.datastore("t")
    assert df["n"].tolist() == list(range(25)) and df.attrs["total"] == 25
    assert len(live.datastore("t", limit=12)) == 12


def test_datastore_records_not_a_list_falls_back(ckan, live, capsys):
    rid = portal.OFFLINE_DATASTORE_ID
    ckan.add_response(
        "datastore_search",
        {"resource_id": rid, "limit": 10_000, "offset": 0},
        envelope({"total": 5, "records": {"a": 1}, "fields": []}),
    )
    df = live.datastore(rid)
    assert df.attrs["source"] == "snapshot" and "(unexpected answer)" in capsys.readouterr().out
