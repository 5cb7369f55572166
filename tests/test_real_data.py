"""data/real/: provenance of every real file, the kit's derived cp874 copy, and privacy.

The real files are copied byte for byte by ``scripts/make_real_data.py`` (which needs the shared
folder and is not run here); these tests check what any clone can check: the recorded provenance,
the derived file, and that person-level records carry nothing that identifies a person.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from _scripts import load_script

from helpers import data, paths

DATA = paths.repo_root() / "data"
REAL = [r for r in data.package()["resources"] if r["path"].startswith("real/")]
PERSON_LEVEL = [r for r in REAL if r.get("kit:person_level")]

#: Column names that would identify a person (names, ID numbers, addresses, contacts).
IDENTIFYING = re.compile(
    r"(ชื่อ-?สกุล|นามสกุล|ชื่อผู้|^ชื่อ$|first.?name|last.?name|full.?name|^name$|"
    r"เลขบัตร|เลขประจำตัว|citizen|id.?card|passport|ที่อยู่|บ้านเลขที่|address|"
    r"โทรศัพท์|phone|e-?mail|อีเมล)",
    re.IGNORECASE,
)


def test_every_real_file_states_its_provenance():
    assert len(REAL) >= 20
    for res in REAL:
        assert res["kit:simulated"] is False and res["kit:real"] is True, res["name"]
        assert res["kit:publisher"] and res["licenses"] and res["kit:fidelity"], res["name"]
        assert res.get("kit:origin") or res.get("kit:derived_from"), res["name"]
        assert isinstance(res["kit:quirks"], list), res["name"]
        if res.get("kit:origin"):
            assert re.search(r"@ [0-9a-f]{40}$", res["kit:origin"]), res["name"]  # repository commit


def test_no_licence_is_guessed():
    titles = {lic["title"] for res in REAL for lic in res["licenses"]}
    allowed = (
        "Creative Commons Attributions",
        "DGA Open Government License",
        "ไม่ได้ระบุสัญญาอนุญาต",
        "คำอธิบายชุดข้อมูลจาก data.go.th",
    )
    assert all(any(a in t for a in allowed) for t in titles), titles
    assert not any("4.0" in t for t in titles), "the portal states no version: none may be claimed"


def test_cp874_copy_is_the_real_file_re_encoded():
    make = load_script("make_real_data")
    res = next(r for r in REAL if r["name"] == "niems-newyear-2551-cp874")
    original = (DATA / res["kit:derived_from"]).read_bytes()
    assert (DATA / res["path"]).read_bytes() == make.cp874_copy(original)
    with pytest.raises(UnicodeDecodeError):
        (DATA / res["path"]).read_bytes().decode("utf-8")
    assert data.load("niems-newyear-2551-cp874").equals(data.load("niems-newyear-2551"))


@pytest.mark.parametrize("res", PERSON_LEVEL, ids=lambda r: r["name"])
def test_person_level_records_identify_no_one(res):
    frame = data.load(res["name"]).astype(str)
    bad = [c for c in frame.columns if IDENTIFYING.search(str(c)) and "โรงพยาบาล" not in str(c)]
    assert not bad, f"{res['name']}: identifying columns {bad}"
    # a 13-digit Thai personal ID number (with or without dashes) in any cell
    id_like = frame.apply(lambda col: col.str.contains(r"\b\d(?:-?\d){12}\b", regex=True)).to_numpy().any()
    assert not id_like, f"{res['name']}: a value looks like a personal ID number"


def test_privacy_test_can_fail():
    frame = pd.DataFrame({"ชื่อ-สกุล": ["x"], "อายุ": ["3"]})
    assert [c for c in frame.columns if IDENTIFYING.search(c)] == ["ชื่อ-สกุล"]
    assert pd.Series(["1-1020-30405-06-7"]).str.contains(r"\b\d(?:-?\d){12}\b", regex=True).all()


def test_official_name_stays_redacted():
    doc = json.loads((DATA / "real/catalog/rtddi_datapackage_2021.json").read_text(encoding="utf-8"))
    assert doc["author"]["name"].startswith("[redacted")
    assert doc["author"]["email"].startswith("[redacted]")
    text = json.dumps(doc, ensure_ascii=False)
    assert not re.search(r"[A-Za-z0-9._%+-]+@(?!ddc\.mail)", text.replace("[redacted]@", ""))


def test_real_catalogue_sample_is_real_and_large_enough():
    records = data.load("datagoth-records-sample")
    assert len(records) >= 1000 and records["name"].is_unique
    names = set(data.load("datagoth-package-list-2025")["name"])
    assert len(names) == 32_473
    in_list = records["name"].isin(names).sum()
    assert in_list >= 1236  # every mirrored record still exists on the portal
