"""The local CKAN-like test server loaded with the REAL offline catalogue (for ``tests/test_portal_*.py``).

``ckan`` (a fixture, imported by the portal tests in place of ``conftest_portal.ckan``): a started
:class:`ckan_server.CKANServer` holding the 1,238 real records of ``helpers.portal.Snapshot``, their
organisations, and the kit's DataStore table.  Every resource URL is rewritten to the server
(``/files/<id>/<name>``); only resources whose real file ships in ``data/real/`` are served there
(with their ``size`` and SHA-256 ``hash``, as a CKAN upload would have), the others answer 404.

Test-server only: 26 records and 67 resources carry no id (their URLs do not name one); the
server needs an id for every package and resource, so it uses the package's name and a hash of the
resource URL.  Nothing here is written to ``data/``.
"""

from __future__ import annotations

import copy
import hashlib
from urllib.parse import quote

import pytest
from ckan_server import CKANServer

from helpers import paths
from helpers.portal import snapshot as snapshot_mod

# Real records used by the tests, and the row of their resource whose file the kit ships.
DICTIONARY = ("rtddi", 1)  # Data Dictionary ข้อมูล 3 ฐาน (real/injuries/ddc_rtddi_data_dictionary.xlsx)
NEWYEAR = ("item_7d61f508-d2e1-4f0c-8408-dfde29f111f5", 0)  # NIEMS New Year (a real 80-row sample)
COVID = ("covid-19-daily", 6)  # the CSV of 12 Apr 2565 (a real 335-row excerpt)
NOT_SHIPPED = ("rtddi", 0)  # tbl_rtddi.xlsx: metadata only, no file in the kit
SERVED = {
    DICTIONARY: "real/injuries/ddc_rtddi_data_dictionary.xlsx",
    NEWYEAR: "real/injuries/niems_newyear_2551-2558_sample.csv",
    COVID: "real/covid/ddc_confirmed_cases_2565-04-12_excerpt.csv",
}


def load_catalog(server: CKANServer) -> dict[str, str]:
    """Register the real catalogue on ``server``; returns ``{resource id: file path on the server}``."""
    snap = snapshot_mod.Snapshot()
    server.organizations = snap.organizations()
    served = {}
    for pkg in snap.packages:
        pkg = copy.deepcopy(pkg)
        pkg.setdefault("id", pkg["name"])
        for res in pkg.get("resources") or []:
            local = snap.local_path(res)
            key = res.setdefault("id", hashlib.sha256(str(res.get("url")).encode()).hexdigest()[:12])
            name = str(res.get("url") or "").rstrip("/").rsplit("/", 1)[-1] or "file"
            path = f"/files/{key}/{name}"
            res["url"] = server.url + quote(path, safe="/%:")
            if local is not None:
                data = local.read_bytes()
                server.add_file(path, data)
                res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
                res["size"] = len(data)
                served[key] = path
        server.add_package(pkg)
    fields, records = snapshot_mod._datastore_table(str(paths.data_dir()))
    server.add_table(snapshot_mod.OFFLINE_DATASTORE_ID, copy.deepcopy(fields), copy.deepcopy(records))
    return served


@pytest.fixture
def ckan():
    server = CKANServer().start()
    load_catalog(server)
    yield server
    server.stop()
