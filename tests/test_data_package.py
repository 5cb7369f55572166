"""data/datapackage.json: frictionless validation, hashes, completeness, provenance and size."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil

import pytest
from _scripts import load_script
from frictionless import validate

from helpers import paths

DATA = paths.repo_root() / "data"
PKG = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PKG["resources"]


def test_frictionless_validates_the_whole_package():
    # Checks every resource's sha256 and size; table resources (the kit's CSVs and the real CSVs that
    # frictionless reads cleanly) are also checked row by row against their schema.  Workbooks, JSON
    # and real CSVs with table problems are file resources: hash and size only (see update_datapackage.py).
    report = validate(str(DATA / "datapackage.json"))
    problems = {t.name: t.flatten(["type", "note"])[:3] for t in report.tasks if not t.valid}
    assert report.valid, problems
    assert len(report.tasks) == len(RESOURCES)


def test_frictionless_catches_a_changed_file(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    target = copy / "real" / "injuries" / "niems_newyear_2551_sample.csv"
    before = target.read_bytes()
    target.write_bytes(before.replace("ปีใหม่ 51".encode(), "ปีใหม่ 52".encode(), 1))
    assert target.read_bytes() != before and len(target.read_bytes()) == len(before)
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    errors = [e for t in report.tasks for e in t.flatten(["type"])]
    assert ["hash-count"] in errors


@pytest.mark.parametrize("res", RESOURCES, ids=[r["name"] for r in RESOURCES])
def test_every_hash_and_size(res):
    file = DATA / res["path"]
    algo, digest = res["hash"].split(":", 1)
    assert algo == "sha256"
    assert hashlib.sha256(file.read_bytes()).hexdigest() == digest
    assert file.stat().st_size == res["bytes"]


def test_every_file_is_described_once():
    described = sorted(r["path"] for r in RESOURCES)
    on_disk = sorted(
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and p.name not in {"datapackage.json", "README.md"} and not p.name.startswith(".")
    )
    assert described == on_disk
    names = [r["name"] for r in RESOURCES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("res", RESOURCES, ids=[r["name"] for r in RESOURCES])
def test_metadata_complete(res):
    for key in ("name", "title", "description", "path", "format", "hash", "sources", "licenses"):
        assert res.get(key), f"{res['name']}: {key} missing"
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in res["title"]), "title must be Thai"
    assert "kit:simulated" in res
    if res["format"] in ("csv", "json", "md"):
        assert res.get("encoding") in ("utf-8", "utf-8-sig", "cp874")
    if res.get("type") == "table" or res["format"] == "csv":
        # a real CSV that frictionless cannot read cleanly is a "file" with its columns recorded
        fields = res["schema"]["fields"] if res.get("type") == "table" else res["kit:columns"]
        assert fields and all(f.get("title") and f.get("type") for f in fields)
        if res.get("type") != "table":
            assert res.get("kit:real") and res.get("kit:table_problems")
    assert res["kit:simulated"] is False, "the kit ships no simulated data (issue 14)"
    assert res.get("kit:confidence")
    if res["path"].startswith("checkpoints/"):
        assert res["kit:derived_from"].startswith("real/") and res["kit:recipe"].startswith(
            "helpers.recipes."
        )


def test_package_licence_covers_the_kits_own_metadata_only():
    (licence,) = PKG["licenses"]
    assert licence["name"] == "CC-BY-4.0" and "คำอธิบายชุดข้อมูลที่ชุดเรียนเขียน" in licence["title"]
    assert "จำลอง" not in licence["title"] and "practice/" not in PKG["description"]
    assert PKG["kit:note"].startswith("ชุดเรียนไม่มีข้อมูลจำลอง")


def test_niems_cp874_copy_declared_cp874():
    res = next(r for r in RESOURCES if r["name"] == "niems-newyear-2551-cp874")
    assert res["encoding"] == "cp874"
    raw = (DATA / res["path"]).read_bytes()
    utf8_twin = next(r for r in RESOURCES if r["name"] == "niems-newyear-2551")
    assert raw.decode("cp874") == (DATA / utf8_twin["path"]).read_bytes().decode("utf-8")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


def test_src_keys_resolve_to_sources_csv():
    with (DATA / "facts" / "sources.csv").open(encoding="utf-8") as fh:
        sources = {row["key"]: row for row in csv.DictReader(fh)}
    assert {"P1", "T1", "T7", "R1", "A1", "W1", "C1", "R19", "R25"} <= set(sources)
    for row in sources.values():
        assert row["publisher"] and row["title"] and row["confidence"]
    for file in sorted((DATA / "facts").glob("*.csv")):
        with file.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for key in filter(None, (k.strip() for k in (row.get("src") or "").split(";"))):
                    assert key in sources, f"{file.name}: src {key} not in sources.csv"


def test_fact_resources_cite_their_sources():
    road = next(r for r in RESOURCES if r["name"] == "road-7-dangerous-days")
    titles = " ".join(s["title"] for s in road["sources"])
    for key in ("[R1]", "[R2]", "[R11]"):
        assert key in titles
    covid = next(r for r in RESOURCES if r["name"] == "covid19-daily-2021-04")
    assert "fatalaijon/covid-th" in covid["sources"][0]["title"]


def test_descriptor_is_up_to_date(tmp_path):
    """Rebuilding from a copy of data/ gives the same datapackage.json (and sources.csv)."""
    update = load_script("update_datapackage")
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    rebuilt = update.build(copy)
    assert rebuilt == PKG, "run: python scripts/update_datapackage.py"
    assert (copy / "facts" / "sources.csv").read_bytes() == (DATA / "facts" / "sources.csv").read_bytes()


def test_data_folder_under_20_mb():
    total = sum(p.stat().st_size for p in DATA.rglob("*") if p.is_file())
    assert total < 20 * 1024 * 1024, f"data/ is {total / 1e6:.1f} MB"


def test_readme_mentions_every_dataset_group():
    text = (DATA / "README.md").read_text(encoding="utf-8")
    for word in (
        "ข้อมูลจริง",
        "ไม่มีข้อมูลจำลอง",
        "provinces.csv",
        "province_codes.csv",
        "facts/",
        "real/",
        "checkpoints/",
        "real/catalog/",
        "helpers.data.restore(",
        "-m helpers.data restore",
    ):
        assert word in text, word
    assert "practice/" not in text
    # every checkpoint has its row in the table of section 3
    for res in RESOURCES:
        if res["path"].startswith("checkpoints/"):
            assert f"| `{res['path'].split('/', 1)[1]}` | `{res['name']}` |" in text, res["name"]
