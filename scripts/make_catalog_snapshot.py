"""Check the REAL offline catalogue and print the figures a lesson can quote (writes nothing by default).

Until issue 14 this script wrote a SIMULATED catalogue into ``data/catalog/``.  That is gone: the
offline catalogue of ``helpers.portal`` is now the real data.go.th records in ``data/real/catalog/``
(see :mod:`helpers.portal.snapshot`), read as they are — nothing needs generating, and loading them
takes well under a second.  What is left here:

* ``facts()`` — the real counts lessons quote (records, organisations, formats, licence labels,
  missing formats, short links, HTML entities, bare-number slugs ...), computed from the records.
* ``--clean`` — remove the old simulated files ``data/catalog/package_search.json`` and
  ``organization_list.json`` if a checkout still has them (then run
  ``scripts/update_datapackage.py``).

Run::

    .venv/bin/python scripts/make_catalog_snapshot.py            # print the figures
    .venv/bin/python scripts/make_catalog_snapshot.py --clean    # and remove the simulated files
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RECORDS = DATA / "real" / "catalog" / "datagoth_records_sample.jsonl"
PACKAGE_LIST = DATA / "real" / "catalog" / "package_list_2025-06.json"
OLD_SIMULATED = [DATA / "catalog" / "package_search.json", DATA / "catalog" / "organization_list.json"]
SHORT_LINK = re.compile(r"^https?://(is\.gd|bit\.ly|goo\.gl|tinyurl\.com|shorturl\.at)/", re.I)
ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+);")


def records(path: Path = RECORDS) -> list[dict]:
    """The real records, one dict per line of the JSON Lines file (as stored, no reshaping)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def facts(recs: list[dict] | None = None) -> dict:
    """Real counts of the catalogue sample, each computed here in a few plain lines."""
    recs = records() if recs is None else recs
    mirror = [r for r in recs if r["_source"]["repo"] == "sarapab-th/thai-open-data-mcp"]
    resources = [res for r in recs for res in r.get("resources") or []]
    modified = sorted(r["metadata_modified"] for r in mirror if r.get("metadata_modified"))
    notes_entities = Counter(m for r in recs for m in ENTITY.findall(r.get("notes") or ""))
    names = json.loads(PACKAGE_LIST.read_text(encoding="utf-8"))["result"]
    return {
        "records": len(recs),
        "mirror_records": len(mirror),
        "mirror_modified_first": modified[0][:10],
        "mirror_modified_last": modified[-1][:10],
        "organisations": len({r["organization"]["title"] for r in recs if r["organization"].get("title")}),
        "records_without_organisation": sum(not r["organization"].get("title") for r in recs),
        "resources": len(resources),
        "formats": dict(Counter(res.get("format") or "(missing)" for res in resources).most_common()),
        "resources_without_format": sum(not res.get("format") for res in resources),
        "records_with_a_missing_format": sum(
            any(not res.get("format") for res in r.get("resources") or []) for r in recs
        ),
        "records_without_resources": sum(not r.get("resources") for r in recs),
        "licences": dict(Counter(r.get("license_title") for r in recs).most_common()),
        "short_link_resources": sum(bool(SHORT_LINK.match(res.get("url") or "")) for res in resources),
        "short_link_records": sum(
            any(SHORT_LINK.match(res.get("url") or "") for res in r.get("resources") or []) for r in recs
        ),
        "records_with_html_entities": sum(bool(ENTITY.search(r.get("notes") or "")) for r in recs),
        "html_entities": dict(notes_entities.most_common()),
        "notes_cut_by_mirror": sum((r.get("notes") or "").endswith("…") for r in recs),
        "bare_number_slugs": sorted((r["name"] for r in recs if r["name"].isdigit()), key=int),
        "item_uuid_slugs": sum(r["name"].startswith("item_") for r in recs),
        "records_without_tags": sum(not r.get("tags") for r in recs),
        "package_list_names": len(names),
        "mirror_names_in_package_list": sum(r["name"] in set(names) for r in mirror),
        "unescaped_notes_differ": sum(
            html.unescape(r.get("notes") or "") != (r.get("notes") or "") for r in recs
        ),
    }


def main(argv: list[str]) -> int:
    if "--clean" in argv:
        for file in OLD_SIMULATED:
            if file.is_file():
                file.unlink()
                print(f"removed simulated {file.relative_to(ROOT)}")
        folder = DATA / "catalog"
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    for key, value in facts().items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
