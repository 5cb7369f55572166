"""helpers.data on a small package of its own: every file format, the Thai texts, restore and the CLI.

A throw-away data folder (``KIT_DATA_DIR``) holds one small file per way ``_read`` opens a file, with
a ``datapackage.json`` whose hashes are computed here, so each branch is checked on a literal
expected table.  The learner-facing texts (errors with their restore hints, ``info()``'s printout,
the restore report, the command line's lines) are pinned exactly: their wording is the product.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pandas as pd
import pytest

from helpers import data, paths
from helpers.commands import python_command

HINT_TAIL = "(ถ้าใช้ผ่าน Binder หรือ Colab จะเปิดชุดเรียนใหม่ก็ได้)"


def _hint(arg: str) -> str:
    return (
        f"วิธีกู้คืน: รันในเซลล์ของโน้ตบุ๊กว่า  helpers.data.restore({arg!r})  "
        f"หรือพิมพ์ในเทอร์มินัลว่า  {python_command('-m', 'helpers.data', 'restore', arg)}  {HINT_TAIL}"
    )


def _xlsx(path, sheets: dict[str, list[list]]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def _write(root, rel: str, content) -> None:
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    elif isinstance(content, dict):
        _xlsx(target, content)
    else:
        target.write_text(content, encoding="utf-8")


FILES: dict[str, tuple[str, object, dict]] = {
    # name: (path, content, extra resource fields)
    "table": (
        "kit/table.csv",
        "code,n,day,at,note\n01,1,2024-01-02,2024-01-02T03:04:05,ก\n02,,2024-02-03,2024-02-03T00:00:00,\n",
        {
            "format": "csv",
            "schema": {
                "fields": [
                    {"name": "code", "type": "string", "title": "รหัส"},
                    {"name": "n", "type": "integer"},
                    {"name": "day", "type": "date"},
                    {"name": "at", "type": "datetime"},
                    {"name": "note", "type": "string"},
                ]
            },
        },
    ),
    "checkpoint": (
        "checkpoints/cp.csv",
        "code,n\n01,1\n02,\n",
        {
            "format": "csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": "code", "type": "string"}, {"name": "n", "type": "integer"}]},
            "sources": [{"path": "https://example.org/c"}],
        },
    ),
    "published": (
        "real/pub.csv",
        "code,day\n01,2024-01-02\n",
        {
            "format": "csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": "code", "type": "string"}, {"name": "day", "type": "date"}]},
        },
    ),
    "cp874": ("real/thai.csv", "จังหวัด\nน่าน\n".encode("cp874"), {"format": "csv", "encoding": "cp874"}),
    "lines": (
        "real/lines.jsonl",
        '{"code": "01", "ชื่อ": "ก"}\n{"code": "02", "ชื่อ": "ข"}\n',
        {"format": "jsonl"},
    ),
    "lines-cp874": (
        "real/lines874.jsonl",
        '{"ชื่อ": "ก"}\n'.encode("cp874"),
        {"format": "jsonl", "encoding": "cp874"},
    ),
    "book": (
        "real/book.xlsx",
        {"แรก": [["a"]], "สอง": [["หัว", None], [1, "x"]]},
        {"format": "xlsx", "kit:sheets": ["สอง", "แรก"]},
    ),
    "sheet-by-dialect": (
        "kit/dialect.xlsx",
        {"A": [["a"]], "B": [["b", 2]]},
        {"format": "xlsx", "dialect": {"excel": {"sheet": "B"}}},
    ),
    "first-sheet": ("kit/first.xlsx", {"A": [["a", 1]], "B": [["b"]]}, {"format": "xlsx"}),
    "records": (
        "kit/records.json",
        json.dumps({"rows": [{"b": 2, "a": "ก"}], "other": 1}, ensure_ascii=False),
        {
            "format": "json",
            "kit:records_property": "rows",
            "schema": {"fields": [{"name": "a", "type": "string"}, {"name": "b", "type": "integer"}]},
        },
    ),
    "records-noschema": (
        "kit/records2.json",
        json.dumps({"rows": [{"b": 2, "a": 1}]}),
        {"format": "json", "kit:records_property": "rows"},
    ),
    "ckan-results": (
        "real/search.json",
        json.dumps(
            {"result": {"count": 1, "results": [{"name": "a", "org": {"title": "ก"}}]}}, ensure_ascii=False
        ),
        {"format": "json"},
    ),
    "ckan-records": (
        "real/store.json",
        json.dumps({"result": {"records": [{"x": 1}, {"x": 2}]}}),
        {"format": "json"},
    ),
    "ckan-names": ("real/list.json", json.dumps({"result": ["a", "b"]}), {"format": "json"}),
    "ckan-dicts": ("real/dicts.json", json.dumps({"result": [{"x": 1}]}), {"format": "json"}),
    "ckan-one": ("real/one.json", json.dumps({"result": {"name": "a", "n": 1}}), {"format": "json"}),
    "top-list": ("real/top.json", json.dumps([{"x": 1}, {"x": 2}]), {"format": "json"}),
    "empty-list": ("real/empty.json", json.dumps({"result": []}), {"format": "json"}),
    "no-result": ("real/plain.json", json.dumps({"a": 1}), {"format": "json"}),
    "scalar": ("real/scalar.json", "5", {"format": "json"}),
    "notes": ("kit/notes.md", "# notes\n", {"format": "md"}),
}


def _build(root) -> dict:
    resources = []
    for name, (rel, content, extra) in FILES.items():
        _write(root, rel, content)
        resources.append({"name": name, "path": rel, "hash": data.file_hash(root / rel), **extra})
    resources[0].update(
        {
            "title": "ตารางทดลอง",
            "description": "คำอธิบาย",
            "encoding": "utf-8",
            "kit:simulated": False,
            "kit:rows": 1234,
            "sources": [{"title": "แหล่ง ก", "path": "https://example.org/a"}, {"title": "แหล่ง ข"}],
            "licenses": [{"title": "สัญญา ก", "name": "a"}, {"name": "cc-by"}],
            "kit:confidence": "medium",
            "kit:definition": "นิยาม",
            "kit:generated_by": "scripts/x.py",
        }
    )
    package = {"name": "mini", "resources": resources}
    (root / data.PACKAGE_FILE).write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    return package


@pytest.fixture(scope="module")
def _template(tmp_path_factory):
    root = tmp_path_factory.mktemp("mini") / "data"
    root.mkdir()
    _build(root)
    return root


@pytest.fixture
def mini(_template, tmp_path, monkeypatch):
    """A fresh copy of the small package, selected with KIT_DATA_DIR (files can be broken safely)."""
    root = tmp_path / "data"
    shutil.copytree(_template, root)
    monkeypatch.setenv("KIT_DATA_DIR", str(root))
    return root


# --- reading each format ------------------------------------------------------------------------


def test_kit_table_uses_its_schema(mini):
    frame = data.load("table")
    expected = pd.DataFrame(
        {
            "code": ["01", "02"],
            "n": [1.0, float("nan")],
            "day": pd.to_datetime(["2024-01-02", "2024-02-03"]),
            "at": pd.to_datetime(["2024-01-02T03:04:05", "2024-02-03T00:00:00"]),
            "note": ["ก", float("nan")],
        }
    )
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)
    assert pd.api.types.is_datetime64_any_dtype(frame["day"]) and frame["n"].dtype == "float64"


def test_checkpoint_keeps_whole_numbers_whole(mini):
    frame = data.load("checkpoint")
    assert frame["code"].tolist() == ["01", "02"]
    assert (
        str(frame["n"].dtype) == "Int64"
        and frame["n"].tolist()[0] == 1
        and frame["n"].isna().tolist() == [False, True]
    )


def test_schema_dtypes_per_kind_of_file():
    fields = {
        "fields": [
            {"name": "s", "type": "string"},
            {"name": "i", "type": "integer"},
            {"name": "d", "type": "date"},
            {"name": "t", "type": "datetime"},
            {"name": "x", "type": "number"},
        ]
    }
    assert data._schema_dtypes({"path": "facts/a.csv", "schema": fields}) == ({"s": str}, ["d", "t"])
    assert data._schema_dtypes({"path": "checkpoints/a.csv", "schema": fields}) == (
        {"s": str, "i": "Int64"},
        ["d", "t"],
    )
    assert data._schema_dtypes({"path": "x.csv"}) == ({}, [])


def test_real_files_come_back_as_pandas_reads_them(mini):
    pub = data.load("published")
    assert pub["code"].tolist() == [1] and pub["day"].tolist() == ["2024-01-02"]  # no schema applied
    assert data.load("cp874")["จังหวัด"].tolist() == ["น่าน"]
    lines = data.load("lines")
    assert lines.to_dict("list") == {"code": ["01", "02"], "ชื่อ": ["ก", "ข"]}  # dtype=False: "01" stays text
    assert data.load("lines-cp874")["ชื่อ"].tolist() == ["ก"]


@pytest.mark.parametrize("calamine", [True, False])
def test_workbook_with_sheets_is_its_first_listed_sheet_as_a_raw_grid(mini, monkeypatch, calamine):
    monkeypatch.setattr(data, "_has_calamine", lambda: calamine)
    grid = data.load("book")
    assert grid.shape == (2, 2) and list(grid.columns) == [0, 1]
    assert grid.iloc[0, 0] == "หัว" and grid.iloc[1, 1] == "x"


def test_calamine_is_found_when_installed():
    import importlib.util

    assert data._has_calamine() is (importlib.util.find_spec("python_calamine") is not None)
    assert data._has_calamine()  # python-calamine is in requirements.lock


def test_other_workbooks_use_the_dialect_sheet_or_the_first(mini):
    assert data.load("sheet-by-dialect").values.tolist() == [["b", 2]]
    assert data.load("first-sheet").values.tolist() == [["a", 1]]


def test_json_records_and_ckan_answers(mini):
    records = data.load("records")
    assert list(records.columns) == ["a", "b"] and records.values.tolist() == [["ก", 2]]
    assert list(data.load("records-noschema").columns) == ["b", "a"]
    search = data.load("ckan-results")
    assert search.to_dict("list") == {"name": ["a"], "org.title": ["ก"]}
    assert data.load("ckan-records").to_dict("list") == {"x": [1, 2]}
    assert data.load("ckan-names").to_dict("list") == {"name": ["a", "b"]}
    assert data.load("ckan-dicts").to_dict("list") == {"x": [1]}
    assert data.load("ckan-one").to_dict("list") == {"name": ["a"], "n": [1]}
    assert data.load("top-list").to_dict("list") == {"x": [1, 2]}
    assert data.load("empty-list").shape == (0, 0)
    assert data.load("no-result").to_dict("list") == {"a": [1]}


@pytest.mark.parametrize(("name", "rel"), [("scalar", "real/scalar.json"), ("notes", "kit/notes.md")])
def test_a_file_that_is_not_a_table_is_refused_in_thai(mini, name, rel):
    with pytest.raises(ValueError) as err:
        data.load(name)
    assert str(err.value) == (
        f"ชุดข้อมูล '{name}' (data/{rel}) ไม่ใช่ตารางข้อมูล จึงเปิดเป็น DataFrame ไม่ได้ "
        f"ใช้ helpers.data.path('{name}') เพื่อหาที่อยู่ไฟล์แล้วเปิดอ่านเอง"
    )


# --- the Thai errors ------------------------------------------------------------------------------


def test_restore_hint_names_the_data_set_or_the_file():
    assert data._restore_hint("a/b.csv", "ชื่อ") == _hint("ชื่อ")
    assert data._restore_hint("a/b.csv") == _hint("a/b.csv")


def test_missing_and_altered_files_are_refused_with_exact_messages(mini):
    (mini / "checkpoints/cp.csv").unlink()
    with pytest.raises(data.DataFileError) as err:
        data.verify("checkpoint")
    assert str(err.value) == (
        "ไม่พบไฟล์ data/checkpoints/cp.csv ของชุดข้อมูล 'checkpoint' (อาจถูกลบหรือย้ายไป) " + _hint("checkpoint")
    )
    assert (err.value.name, err.value.file) == ("checkpoint", "checkpoints/cp.csv")
    (mini / "kit/table.csv").write_text("code\n1\n", encoding="utf-8")
    with pytest.raises(data.DataFileError) as err:
        data.load("table")
    assert str(err.value) == (
        "ไฟล์ data/kit/table.csv ของชุดข้อมูล 'table' ถูกแก้ไขไปจากต้นฉบับ: ค่าตรวจสอบความถูกต้องของไฟล์ "
        "(checksum แบบ sha256) ไม่ตรงกับที่บันทึกไว้ใน data/datapackage.json จึงไม่เปิดให้ "
        "เพื่อไม่ให้ได้ตารางที่ผิดโดยไม่รู้ตัว " + _hint("table")
    )
    assert (err.value.name, err.value.file) == ("table", "kit/table.csv")


def test_data_file_error_keeps_name_and_file():
    err = data.DataFileError("ข้อความ")
    assert (err.args, err.name, err.file) == (("ข้อความ",), None, None)
    assert isinstance(err, RuntimeError)


def test_missing_datapackage_message(mini):
    (mini / "datapackage.json").unlink()
    with pytest.raises(data.DataFileError) as err:
        data.package()
    assert str(err.value) == (
        "ไม่พบไฟล์คำอธิบายข้อมูล data/datapackage.json จึงตรวจและเปิดข้อมูลของชุดเรียนไม่ได้ " + _hint("datapackage.json")
    )
    assert (err.value.name, err.value.file) == (None, "datapackage.json")


DAMAGED_LIST = "ไม่มีรายการชุดข้อมูล (resources) ที่มีชื่อ ที่อยู่ไฟล์ และค่าตรวจสอบครบ"


@pytest.mark.parametrize(
    ("payload", "why"),
    [
        (b'{\n  "resources": }', "รูปแบบ JSON ผิดที่บรรทัด 2 ตำแหน่ง 16"),
        (b"\xff\xfe{}", "ไม่ใช่ข้อความ UTF-8"),
        (b"[]", DAMAGED_LIST),
        (b'{"resources": {}}', DAMAGED_LIST),
        (b'{"resources": ["x"]}', DAMAGED_LIST),
        (b'{"resources": [{"name": 1, "path": "a", "hash": "h"}]}', DAMAGED_LIST),
        (b'{"resources": [{"name": "a", "path": null, "hash": "h"}]}', DAMAGED_LIST),
        (b'{"resources": [{"name": "a", "path": "a", "hash": 5}]}', DAMAGED_LIST),
        (b'{"resources": [{"name": "a", "path": "a", "hash": "h"}, {"name": "b"}]}', DAMAGED_LIST),
    ],
    ids=[
        "json-syntax",
        "not-utf8",
        "top-level-list",
        "resources-dict",
        "resource-text",
        "name-int",
        "path-null",
        "hash-int",
        "second-incomplete",
    ],
)
def test_damaged_datapackage_message(mini, payload, why):
    (mini / "datapackage.json").write_bytes(payload)
    with pytest.raises(data.DataFileError) as err:
        data.package()
    assert str(err.value) == (
        f"ไฟล์คำอธิบายข้อมูล data/datapackage.json เสียหาย ({why}) จึงตรวจและเปิดข้อมูลของชุดเรียนไม่ได้ "
        "อาจเกิดจากการเปิดไฟล์นี้แล้วแก้ไขหรือบันทึกทับโดยไม่ตั้งใจ " + _hint("datapackage.json")
    )
    assert err.value.file == "datapackage.json"


def test_an_empty_but_well_formed_package_is_accepted(mini):
    (mini / "datapackage.json").write_text('{"name": "x", "resources": []}', encoding="utf-8")
    assert data.package()["resources"] == [] and data.datasets().empty


def test_package_is_re_read_when_the_file_changes(mini):
    assert data.package()["name"] == "mini"
    assert data.package() is data.package()  # read once
    doc = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    doc["name"] = "mini-2"
    (mini / "datapackage.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert data.package()["name"] == "mini-2"
    assert data.verify("table") == mini / "kit/table.csv"


def test_unknown_name_suggests_up_to_three_close_names(mini):
    with pytest.raises(KeyError) as err:
        data.path("ckan-recordz")
    message = err.value.args[0]
    assert message.startswith("ไม่มีชุดข้อมูลชื่อ 'ckan-recordz' ในชุดเรียน หรือหมายถึง 'ckan-records', ")
    assert message.endswith(" (ดูรายชื่อทั้งหมดด้วย helpers.data.datasets())")
    suggested = message.split(" หรือหมายถึง ", 1)[1].split(" (ดู", 1)[0]
    assert suggested == "'ckan-records', 'records', 'ckan-one'"  # the three closest, closest first
    with pytest.raises(KeyError) as err:
        data.path("zzz")
    assert err.value.args[0] == "ไม่มีชุดข้อมูลชื่อ 'zzz' ในชุดเรียน (ดูรายชื่อทั้งหมดด้วย helpers.data.datasets())"
    with pytest.raises(KeyError) as err:
        data.path("lin")  # half of "lines" matches: ratio 0.75 ≥ 0.5
    assert "หรือหมายถึง 'lines'" in err.value.args[0]
    with pytest.raises(KeyError) as err:
        data.path("tabXYZ")  # "table": ratio 2*3/11 = 0.55, still suggested
    assert "หรือหมายถึง 'table'" in err.value.args[0]


def test_verify_hashes_a_file_once_until_it_changes(mini, monkeypatch):
    calls = []
    real_hash = data.file_hash
    monkeypatch.setattr(data, "file_hash", lambda f: calls.append(f) or real_hash(f))
    target = mini / "kit/table.csv"
    assert data.verify("table") == target and data.verify("table") == target
    assert len(calls) == 1
    os.utime(target, ns=(1, 1))
    data.verify("table")
    assert len(calls) == 2


def test_file_hash_is_pooch_sha256(tmp_path):
    import hashlib

    f = tmp_path / "a.txt"
    f.write_bytes(b"abc")
    assert data.file_hash(f) == "sha256:" + hashlib.sha256(b"abc").hexdigest()
    assert data.package_resource_hash("provinces") == data.file_hash(data.path("provinces"))


# --- info(), its printout, datasets() ---------------------------------------------------------------


def test_info_collects_the_metadata(mini):
    meta = data.info("table")
    rel, content, _extra = FILES["table"]
    assert dict(meta) == {
        "name": "table",
        "title": "ตารางทดลอง",
        "description": "คำอธิบาย",
        "path": rel,
        "format": "csv",
        "encoding": "utf-8",
        "simulated": False,
        "rows": 1234,
        "sources": ["แหล่ง ก <https://example.org/a>", "แหล่ง ข"],
        "license": "สัญญา ก; cc-by",
        "confidence": "medium",
        "definition": "นิยาม",
        "generated_by": "scripts/x.py",
        "hash": data.file_hash(mini / rel),
        "fields": [
            ("code", "รหัส", "string"),
            ("n", "", "integer"),
            ("day", "", "date"),
            ("at", "", "datetime"),
            ("note", "", "string"),
        ],
    }
    assert data.info("notes") == {
        "name": "notes",
        "title": "",
        "description": "",
        "path": "kit/notes.md",
        "format": "md",
        "encoding": None,
        "simulated": None,
        "rows": None,
        "sources": [],
        "license": "",
        "confidence": None,
        "definition": None,
        "generated_by": None,
        "hash": data.file_hash(mini / "kit/notes.md"),
        "fields": [],
    }


def test_a_source_without_a_title_is_its_address(mini):
    assert [s.strip() for s in data.info("checkpoint")["sources"]] == ["<https://example.org/c>"]


def test_info_prints_as_thai_text(mini):
    text = (
        "ตารางทดลอง  [table]\n"
        "  ชนิด: ข้อมูลจริงจากหน่วยงาน\n"
        "  ไฟล์: data/kit/table.csv (csv, utf-8)\n"
        "  จำนวนแถว: 1,234\n"
        "  คำอธิบาย: คำอธิบาย\n"
        "  ที่มา: แหล่ง ก <https://example.org/a>\n"
        "  ที่มา: แหล่ง ข\n"
        "  สัญญาอนุญาต: สัญญา ก; cc-by\n"
        "  ความเชื่อมั่น: ปานกลาง\n"
        "  นิยาม/ข้อควรระวัง: นิยาม\n"
        "  สร้างโดย: scripts/x.py"
    )
    meta = data.info("table")
    assert repr(meta) == text and str(meta) == text

    class Printer:
        def __init__(self):
            self.out = []

        def text(self, s):
            self.out.append(s)

    printer = Printer()
    meta._repr_pretty_(printer, False)
    assert printer.out == [text]
    assert repr(data.info("notes")) == (
        "  [notes]\n  ชนิด: ข้อมูลจริงจากหน่วยงาน\n  ไฟล์: data/kit/notes.md (md, -)\n  คำอธิบาย: \n  สัญญาอนุญาต: "
    )
    simulated = data.DatasetInfo({**meta, "simulated": True, "rows": 0, "confidence": ""})
    lines = repr(simulated).splitlines()
    assert lines[1] == "  ชนิด: ข้อมูลจำลอง (simulated) ใช้ฝึกเท่านั้น"
    assert "  จำนวนแถว: 0" in lines and not any("ความเชื่อมั่น" in line for line in lines)


def test_real_info_printout_of_the_provinces():
    lines = repr(data.info("provinces")).splitlines()
    assert lines[1:4] == [
        "  ชนิด: ข้อมูลจริงจากหน่วยงาน",
        "  ไฟล์: data/provinces.csv (csv, utf-8)",
        "  จำนวนแถว: 77",
    ]
    assert "  ความเชื่อมั่น: สูง (ประชากรและรหัสจังหวัด) ส่วนพื้นที่มาจากแหล่งทุติยภูมิ" in lines


@pytest.mark.parametrize(
    ("label", "thai"),
    [
        ("high", "สูง"),
        ("medium", "ปานกลาง"),
        ("low", "ต่ำ"),
        ("medium/low", "ปานกลางถึงต่ำ"),
        ("documentation", "เอกสารประกอบ"),
        ("unconfirmed (year label)", "ยังไม่ยืนยัน (ป้ายปีของตารางน่าจะผิด)"),
        (
            "real file as published or shared (copy not checked byte for byte against the agency's)",
            "ไฟล์จริงตามที่เผยแพร่หรือแบ่งปัน (สำเนายังไม่ได้ตรวจเทียบทีละไบต์กับไฟล์ของหน่วยงาน)",
        ),
        (
            "real figures, cleaned by the kit's recipe (see kit:recipe)",
            "ตัวเลขจริง ทำความสะอาดด้วยสูตรของชุดเรียน (ดู recipe ในคำอธิบายชุดข้อมูล)",
        ),
        ("derived by the kit from a real file of data/real/", "ชุดเรียนสร้างจากไฟล์จริงใน data/real/"),
        ("high (two sources)", "สูง (two sources)"),
        ("medium/low x", "ปานกลางถึงต่ำ x"),
        ("low ", "low "),  # a known word with nothing after it: kept as written
        ("very high", "very high"),
        ("", ""),
        (None, None),
    ],
)
def test_confidence_labels_in_thai(label, thai):
    assert data.confidence_th(label) == thai


def test_every_recorded_confidence_label_reads_in_thai():
    labels = {r.get("kit:confidence") for r in data.package()["resources"]} - {None}
    untranslated = {label for label in labels if data.confidence_th(label) == label}
    assert not untranslated
    assert "high" in labels and "medium/low" in labels and "documentation" in labels


def test_license_text_prefers_the_title():
    assert data._license_text({"licenses": [{"title": "ก", "name": "a"}, {"name": "b"}, {}]}) == "ก; b; "
    assert data._license_text({}) == ""


def test_datasets_table_of_the_small_package(mini):
    table = data.datasets()
    assert list(table.columns) == ["name", "title", "kind", "rows", "license", "path"]
    assert table["name"].tolist() == list(FILES)
    first = table.iloc[0].to_dict()
    assert first == {
        "name": "table",
        "title": "ตารางทดลอง",
        "kind": "จริง",
        "rows": 1234,
        "license": "สัญญา ก; cc-by",
        "path": "data/kit/table.csv",
    }
    assert str(table["rows"].dtype) == "Int64" and table["rows"].isna().sum() == len(FILES) - 1
    untitled = table.set_index("name").loc["notes"]
    assert (untitled["title"], untitled["license"], untitled["path"]) == ("", "", "data/kit/notes.md")
    assert data._kind({"kit:simulated": True}) == "จำลอง" and data._kind({"kit:simulated": 1}) == "จริง"
    assert data._kind({}) == "จริง"


# --- restore ------------------------------------------------------------------------------------------


def test_write_atomic_writes_checks_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "new" / "deep" / "f.csv"
    assert data._write_atomic(target, b"abc") is True and target.read_bytes() == b"abc"
    wrong = data.file_hash(target)
    assert data._write_atomic(target, b"xyz", wrong) is False
    assert target.read_bytes() == b"abc" and sorted(p.name for p in target.parent.iterdir()) == ["f.csv"]
    assert data._write_atomic(target, b"xyz", "sha256:" + __import__("hashlib").sha256(b"xyz").hexdigest())
    assert target.read_bytes() == b"xyz"
    moves = []
    real_replace = os.replace
    monkeypatch.setattr(
        data.os, "replace", lambda src, dst: moves.append((src, dst)) or real_replace(src, dst)
    )
    data._write_atomic(target, b"123")
    ((src, dst),) = moves
    assert os.path.dirname(src) == str(target.parent) and dst == target
    assert os.path.basename(src).startswith(".f.csv.") and src.endswith(".tmp")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(data.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        data._write_atomic(target, b"456")
    assert target.read_bytes() == b"123" and sorted(p.name for p in target.parent.iterdir()) == ["f.csv"]


def test_from_git_gives_the_committed_bytes_or_none(monkeypatch, tmp_path):
    committed = data._from_git("provinces.csv")
    assert committed == (paths.repo_root() / "data" / "provinces.csv").read_bytes()
    assert data._from_git("no/such/file.csv") is None
    monkeypatch.setattr(data.shutil, "which", lambda name: None)
    assert data._from_git("provinces.csv") is None


def test_from_git_never_waits_forever(monkeypatch):
    calls = []

    class Done:
        returncode = 0
        stdout = b"bytes"

    monkeypatch.setattr(data.subprocess, "run", lambda argv, **kwargs: calls.append((argv, kwargs)) or Done())
    assert data._from_git("a/b.csv") == b"bytes"
    ((argv, kwargs),) = calls
    assert argv[1:] == ["-C", str(paths.repo_root()), "show", "HEAD:data/a/b.csv"]
    assert (
        kwargs["capture_output"] is True and 0 < kwargs["timeout"] <= 60
    )  # a stuck git must not hang restore


def test_from_git_outside_a_git_copy_or_when_git_fails(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "repo_root", lambda: tmp_path)
    assert data._from_git("provinces.csv") is None
    (tmp_path / ".git").mkdir()

    def fails(*args, **kwargs):
        raise subprocess.TimeoutExpired("git", 60)

    monkeypatch.setattr(data.subprocess, "run", fails)
    assert data._from_git("provinces.csv") is None

    def oserror(*args, **kwargs):
        raise OSError("no git")

    monkeypatch.setattr(data.subprocess, "run", oserror)
    assert data._from_git("provinces.csv") is None


def test_from_recipe_only_for_checkpoints():
    assert data._from_recipe("provinces") is None
    assert data._from_recipe("niems-newyear-2551-clean") == data.path("niems-newyear-2551-clean").read_bytes()


def test_broken_lists_missing_and_altered_files_in_package_order(mini):
    assert data._broken() == []
    (mini / "real/one.json").unlink()
    (mini / "kit/table.csv").write_text("x", encoding="utf-8")
    assert data._broken() == ["table", "ckan-one"]


def test_restore_reports_in_thai(mini, capsys, monkeypatch):
    assert data.restore("table") == []
    assert data.restore("datapackage.json") == []
    assert data.restore() == []
    assert capsys.readouterr().out == "ไฟล์ข้อมูลครบและตรงกับต้นฉบับอยู่แล้ว ไม่ต้องกู้คืน\n" * 3
    assert data._report(["a.csv", "b/c.csv"], quiet=False) == ["a.csv", "b/c.csv"]
    assert capsys.readouterr().out == "กู้คืนแล้ว และตรวจค่า checksum ผ่าน: data/a.csv, data/b/c.csv\n"
    assert data._report(["a.csv"], quiet=True) == ["a.csv"] and capsys.readouterr().out == ""
    assert data.restore("table", quiet=True) == data.restore("datapackage.json", quiet=True) == []
    (mini / "kit/notes.md").unlink()
    with pytest.raises(data.DataFileError):
        data.restore(quiet=True)
    monkeypatch.setattr(data, "_from_git", lambda rel: b"# notes\n" if rel == "kit/notes.md" else None)
    assert data.restore(quiet=True) == ["kit/notes.md"]
    assert capsys.readouterr().out == ""  # quiet: nothing printed


def test_restore_an_unknown_name_is_the_thai_key_error(mini):
    with pytest.raises(KeyError, match="ไม่มีชุดข้อมูลชื่อ"):
        data.restore("tabel")


def test_restore_uses_the_recipe_when_git_has_no_good_copy(mini, monkeypatch):
    rel, content, _ = FILES["checkpoint"]
    (mini / rel).write_text("broken", encoding="utf-8")
    asked = []
    monkeypatch.setattr(data, "_from_git", lambda r: asked.append(("git", r)) or b"wrong bytes")
    monkeypatch.setattr(data, "_from_recipe", lambda n: asked.append(("recipe", n)) or content.encode())
    assert data.restore("checkpoint", quiet=True) == [rel]
    assert asked == [("git", rel), ("recipe", "checkpoint")]
    assert (mini / rel).read_text(encoding="utf-8") == content
    asked.clear()
    monkeypatch.setattr(data, "_from_git", lambda r: asked.append(("git", r)) or content.encode())
    (mini / rel).unlink()
    assert data.restore(quiet=True) == [rel] and asked == [("git", rel)]  # git first, recipe not needed


def test_restore_without_any_source_says_what_to_do(mini, monkeypatch):
    (mini / "kit/table.csv").unlink()
    with pytest.raises(data.DataFileError) as err:
        data.restore("table")
    assert str(err.value) == (
        "กู้คืน data/kit/table.csv ของชุดข้อมูล 'table' ไม่ได้: ไม่พบต้นฉบับที่ค่าตรวจสอบตรงกับ "
        "data/datapackage.json (โฟลเดอร์นี้อาจไม่ใช่สำเนาแบบ git ของชุดเรียน) ให้ดาวน์โหลดหรือโคลนชุดเรียนใหม่"
    )
    assert (err.value.name, err.value.file) == ("table", "kit/table.csv")


def test_restore_a_damaged_package_then_the_broken_files(mini, monkeypatch, capsys):
    good = (mini / "datapackage.json").read_bytes()
    table = FILES["table"][1]
    sources = {"datapackage.json": good, "kit/table.csv": table.encode()}
    monkeypatch.setattr(data, "_from_git", lambda rel: sources.get(rel))
    (mini / "datapackage.json").write_text("{", encoding="utf-8")
    (mini / "kit/table.csv").unlink()
    assert data.restore() == ["datapackage.json", "kit/table.csv"]
    assert capsys.readouterr().out == (
        "กู้คืนแล้ว และตรวจค่า checksum ผ่าน: data/datapackage.json, data/kit/table.csv\n"
    )
    (mini / "datapackage.json").write_text("{", encoding="utf-8")
    (mini / "kit/table.csv").unlink()
    assert data.restore("datapackage.json", quiet=True) == ["datapackage.json"]  # only the package
    assert not (mini / "kit/table.csv").exists()
    assert data.package()["name"] == "mini"


def test_restore_a_damaged_package_without_git(mini, monkeypatch):
    monkeypatch.setattr(data, "_from_git", lambda rel: None)
    (mini / "datapackage.json").write_text("{", encoding="utf-8")
    with pytest.raises(data.DataFileError) as err:
        data.restore("datapackage.json")
    assert str(err.value) == (
        "กู้คืน data/datapackage.json ไม่ได้ เพราะโฟลเดอร์นี้ไม่ใช่สำเนาแบบ git ของชุดเรียน "
        "ให้ดาวน์โหลดหรือโคลนชุดเรียนใหม่ แล้วคัดลอกไฟล์นี้มาแทน"
    )
    assert (err.value.name, err.value.file) == (None, "datapackage.json")


def test_restore_refuses_a_committed_package_that_is_itself_damaged(mini, monkeypatch):
    monkeypatch.setattr(data, "_from_git", lambda rel: b"[]")
    (mini / "datapackage.json").write_text("{", encoding="utf-8")
    with pytest.raises(data.DataFileError, match="เสียหาย"):
        data.restore()


# --- the command line ------------------------------------------------------------------------------


def test_cli_verify_and_restore_lines(mini, capsys, monkeypatch):
    assert data.main(["verify"]) == 0
    assert capsys.readouterr().out == f"ไฟล์ข้อมูลทั้ง {len(FILES)} ไฟล์ตรงกับต้นฉบับ\n"
    (mini / "kit/table.csv").unlink()
    (mini / "real/top.json").unlink()
    assert data.main(["verify"]) == 1
    assert capsys.readouterr().out == (
        f"ไฟล์ที่หายหรือถูกแก้ไข: table, top-list\nกู้คืนด้วย: {python_command('-m', 'helpers.data', 'restore')}\n"
    )
    assert data.main(["restore", "table"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("กู้คืน data/kit/table.csv ของชุดข้อมูล 'table' ไม่ได้:")
    assert data.main(["restore", "tabel"]) == 1
    assert capsys.readouterr().err.startswith("ไม่มีชุดข้อมูลชื่อ 'tabel' ในชุดเรียน หรือหมายถึง 'table'")
    monkeypatch.setattr(
        data, "_from_git", lambda rel: FILES["table"][1].encode() if rel == "kit/table.csv" else None
    )
    assert data.main(["restore", "table"]) == 0
    assert capsys.readouterr().out == "กู้คืนแล้ว และตรวจค่า checksum ผ่าน: data/kit/table.csv\n"


def test_cli_help_and_usage_errors(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # no wrapping: one line per entry
    with pytest.raises(SystemExit) as done:
        data.main(["--help"])
    assert done.value.code == 0
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == "usage: python -m helpers.data [-h] {verify,restore} ..."
    assert lines[2] == "ตรวจหรือกู้คืนไฟล์ข้อมูลของชุดเรียน (verify or restore bundled data)"
    assert [line.split(None, 1) for line in lines[6:8]] == [
        ["verify", "ตรวจค่า checksum ของทุกไฟล์"],
        ["restore", "กู้คืนไฟล์ที่หายหรือถูกแก้ไข"],
    ]
    with pytest.raises(SystemExit) as done:
        data.main(["restore", "--help"])
    lines = [line.strip() for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == "usage: python -m helpers.data restore [-h] [name]"
    assert lines[3].split(None, 1) == ["name", "ชื่อชุดข้อมูล หรือ datapackage.json (ไม่ใส่ = ทุกไฟล์ที่เสีย)"]
    with pytest.raises(SystemExit) as done:
        data.main([])
    assert done.value.code == 2


def test_cli_restore_all_defaults_to_every_broken_file(mini, monkeypatch, capsys):
    monkeypatch.setattr(data, "restore", lambda name=None: [] if name is None else pytest.fail(name))
    assert data.main(["restore"]) == 0


def test_cli_message_of_an_error_without_arguments(mini, monkeypatch, capsys):
    def raises(name=None):
        raise KeyError()

    monkeypatch.setattr(data, "restore", raises)
    assert data.main(["restore", "x"]) == 1
    assert capsys.readouterr().err == "\n"
