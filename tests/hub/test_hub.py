"""A real JupyterHub: learners follow the kit's nbgitpuller link and land on 00_welcome.

JupyterHub 5 (DummyAuthenticator, SimpleLocalProcessSpawner) and configurable-http-proxy run on
127.0.0.1; ``git daemon`` serves a bare clone of this repository as ``git://127.0.0.1:PORT/
thai-opendata-kit.git`` (a URL ending in ``.git``, as a clone button gives it, on a host that is
not GitHub).  A learner is a ``requests`` session: it opens the link that
``helpers.env.nbgitpuller_url`` builds, logs in, waits for its server, does what nbgitpuller's page
does in a browser (the ``git-pull/api`` event stream, then the redirect), checks that the landing
page is ``00_welcome.ipynb`` in its own clone, then runs code in a kernel through the Jupyter
server's REST and websocket APIs: ``import helpers`` works, from the non-editable install, with
the data of the learner's clone.  The memory test runs a notebook for several learners at once and
records the RSS/USS of each learner's server and kernel (``artifacts/hub-memory.json``).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import env

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
WELCOME = "notebooks/00_welcome.ipynb"
#: How many learners the memory test runs at once, and which notebook they run.
LEARNERS = int(os.environ.get("KIT_HUB_LEARNERS", "3"))
NOTEBOOK = os.environ.get("KIT_HUB_NOTEBOOK", "notebooks/06_analyse.ipynb")
SPAWN_TIMEOUT = 240
CELL_TIMEOUT = 300


class Learner:
    """One learner's browser, reduced to an HTTP client that follows redirects and keeps cookies."""

    def __init__(self, hub, name: str):
        import requests

        self.hub, self.name = hub, name
        self.http = requests.Session()
        self.base = f"{hub.url}/user/{name}/"

    # --- the link ---------------------------------------------------------------------------------
    def follow(self, link: str) -> dict:
        """Open ``link``, log in, wait for the server, pull the kit; return where the learner landed."""
        page = self.http.get(link, timeout=60)
        if "/hub/login" in page.url:  # not logged in yet (the first click)
            action = unescape(re.search(r'<form[^>]*action="([^"]+)"', page.text).group(1))
            xsrf = re.search(r'name="_xsrf"[^>]*value="([^"]+)"', page.text)
            form = {"username": self.name, "password": self.hub.password}
            if xsrf:
                form["_xsrf"] = unescape(xsrf.group(1))
            page = self.http.post(urljoin(page.url, action), data=form, timeout=SPAWN_TIMEOUT)
        deadline = time.monotonic() + SPAWN_TIMEOUT
        while "data-repo=" not in page.text:  # the spawn-pending page until the server is up
            assert time.monotonic() < deadline, (
                f"{self.name}: no nbgitpuller page after {SPAWN_TIMEOUT} s: {page.url}"
            )
            assert page.status_code < 500, (
                f"{self.name}: {page.status_code} at {page.url}:\n{page.text[:500]}"
            )
            time.sleep(1)
            page = self.http.get(link, timeout=60)
        data = {k: unquote(unescape(v)) for k, v in re.findall(r'data-([a-z-]+)="([^"]*)"', page.text)}
        stream = self.http.get(
            urljoin(page.url, data["base-url"] + "git-pull/api"),
            params={"_xsrf": data["xsrf"], "repo": data["repo"], "targetpath": data["targetpath"],
                    "branch": data.get("branch", "")},
            stream=True, timeout=300,
        )  # fmt: skip
        phases = []
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data: "):
                event = json.loads(line[6:])
                phases.append(event.get("phase"))
                if event.get("phase") in {"finished", "error"}:
                    assert event["phase"] == "finished", f"{self.name}: nbgitpuller failed: {event}"
                    break
        landing = self.http.get(urljoin(page.url, data["base-url"] + data["path"]), timeout=60)
        return {"data": data, "phases": phases, "landing": landing}

    # --- the Jupyter server's APIs ----------------------------------------------------------------
    def _xsrf_headers(self) -> dict:
        # The hub and the learner's server each set an ``_xsrf`` cookie; the server checks its own.
        mine = [
            c
            for c in self.http.cookies
            if c.name == "_xsrf" and (c.path or "").startswith(f"/user/{self.name}")
        ]
        token = mine[0].value if mine else None
        return {"X-XSRFToken": token} if token else {}

    def api(self, method: str, path: str, **kw):
        response = self.http.request(method, self.base + path, headers=self._xsrf_headers(), timeout=60, **kw)
        response.raise_for_status()
        return response.json() if response.content else None

    def start_kernel(self, notebook: str) -> str:
        session = self.api(
            "POST", "api/sessions",
            json={"path": notebook, "type": "notebook", "name": Path(notebook).name, "kernel": {"name": "python3"}},
        )  # fmt: skip
        return session["kernel"]["id"]

    def run(self, kernel_id: str, code: str, timeout: float = CELL_TIMEOUT) -> dict:
        """Execute ``code`` in the kernel over its websocket; return ``{"out": text, "error": ...}``."""
        import websocket

        url = self.base.replace("http://", "ws://") + f"api/kernels/{kernel_id}/channels"
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies)
        ws = websocket.create_connection(url, cookie=cookies, timeout=timeout)
        try:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.name,
                           "session": uuid.uuid4().hex, "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))  # fmt: skip
            out, error, replied, idle = [], None, False, False
            deadline = time.monotonic() + timeout
            while not (replied and idle):
                assert time.monotonic() < deadline, f"{self.name}: the cell did not finish in {timeout} s"
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    out.append(content["text"])
                elif kind in {"execute_result", "display_data"}:
                    out.append(content["data"].get("text/plain", ""))
                elif kind == "error":
                    error = f"{content['ename']}: {content['evalue']}"
                elif kind == "execute_reply":
                    replied = True
                elif kind == "status" and content["execution_state"] == "idle":
                    idle = True
            return {"out": "".join(out), "error": error}
        finally:
            ws.close()


_PROBE = """
import json, os, helpers
from helpers import paths
print(json.dumps({"cwd": os.getcwd(), "helpers": helpers.__file__, "data": str(paths.data_dir()),
                  "datapackage": (paths.data_dir() / "datapackage.json").is_file(),
                  "provinces": len(__import__("pandas").read_csv(paths.data_dir() / "provinces.csv"))}))
"""


def test_learner_follows_the_link_lands_on_welcome_and_imports_helpers(hub, git_server):
    link = env.nbgitpuller_url(hub.url, WELCOME, repo=git_server)
    learner = Learner(hub, "learner0")
    result = learner.follow(link)
    clone = hub.home / "learner0" / "thai-opendata-kit"
    assert result["data"]["targetpath"] == "thai-opendata-kit", "cloned into the folder the link opens"
    assert (clone / ".git").is_dir() and (clone / WELCOME).is_file(), f"no clone in {clone}"
    landing = result["landing"]
    assert landing.status_code == 200
    assert urlsplit(landing.url).path == f"/user/learner0/lab/tree/thai-opendata-kit/{WELCOME}"
    # JupyterLab shows "Could not find path" when the landing path does not exist; the server agrees:
    model = learner.api("GET", f"api/contents/thai-opendata-kit/{WELCOME}", params={"content": "0"})
    assert model["type"] == "notebook" and model["name"] == "00_welcome.ipynb"
    # The hub admin's web-font step reaches the learner's page.
    assert "custom/custom.css" in landing.text
    css = learner.http.get(learner.base + "custom/custom.css", timeout=30)
    assert css.status_code == 200 and '"Kit Sarabun"' in css.text

    kernel = learner.start_kernel(f"thai-opendata-kit/{WELCOME}")
    probe = learner.run(kernel, _PROBE)
    assert probe["error"] is None, probe
    found = json.loads(probe["out"].strip().splitlines()[-1])
    assert Path(found["cwd"]) == clone / "notebooks", "the kernel starts in the notebook's folder"
    assert "site-packages" in found["helpers"], "helpers comes from the admin's (non-editable) install"
    assert Path(found["data"]) == clone / "data" and found["datapackage"], found
    assert found["provinces"] == 77

    # A second click on the same link updates the clone in place (no second folder, still 00_welcome).
    again = learner.follow(link)
    assert urlsplit(again["landing"].url).path == urlsplit(landing.url).path
    assert sorted(p.name for p in (hub.home / "learner0").iterdir() if not p.name.startswith(".")) == [
        "thai-opendata-kit"
    ]


def _code_cells(path: Path) -> list[str]:
    """The code the test runs: every code cell but those nbval skips (live data); the set-up cell runs."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = []
    for cell in nb["cells"]:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell["cell_type"] == "code" and not tags & {"nbval-skip", "raises-exception"}:
            cells.append("".join(cell["source"]))
    return cells


def _memory(name: str) -> dict:
    """RSS and USS (MiB) of the learner's single-user server and kernels, found by JUPYTERHUB_USER."""
    import psutil

    found = {"server_rss": 0.0, "server_uss": 0.0, "kernel_rss": 0.0, "kernel_uss": 0.0}
    for proc in psutil.process_iter(["cmdline"]):
        try:
            if proc.environ().get("JUPYTERHUB_USER") != name:
                continue
            cmd = " ".join(proc.info["cmdline"] or [])
            role = "kernel" if "ipykernel" in cmd else "server" if "singleuser" in cmd else None
            if role:
                info = proc.memory_full_info()
                found[f"{role}_rss"] += info.rss / 2**20
                found[f"{role}_uss"] += info.uss / 2**20
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return {k: round(v, 1) for k, v in found.items()}


def test_memory_per_learner_with_several_learners_at_once(hub, git_server):
    names = [f"learner{i}" for i in range(1, LEARNERS + 1)]
    cells = _code_cells(ROOT / NOTEBOOK)
    link = env.nbgitpuller_url(hub.url, NOTEBOOK, repo=git_server)
    peaks: dict[str, dict] = {}
    stop = threading.Event()

    def sample() -> None:  # the peak while the notebooks run, every half second
        while not stop.is_set():
            for name in names:
                now = _memory(name)
                peak = peaks.setdefault(name, dict.fromkeys(now, 0.0))
                for key, value in now.items():
                    peak[key] = max(peak[key], value)
            stop.wait(0.5)

    def learn(name: str) -> dict:
        learner = Learner(hub, name)
        landed = learner.follow(link)
        assert urlsplit(landed["landing"].url).path.endswith(f"/thai-opendata-kit/{NOTEBOOK}")
        kernel = learner.start_kernel(f"thai-opendata-kit/{NOTEBOOK}")
        started = time.monotonic()
        errors = [r["error"] for r in (learner.run(kernel, code) for code in cells) if r["error"]]
        return {"errors": errors, "seconds": round(time.monotonic() - started, 1), "after": _memory(name)}

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            results = dict(zip(names, pool.map(learn, names)))
    finally:
        stop.set()
        sampler.join(timeout=30)
    report = {"notebook": NOTEBOOK, "learners": len(names), "cells": len(cells), "per_learner": {}}
    for name in names:
        assert not results[name]["errors"], f"{name}: {results[name]['errors']}"
        report["per_learner"][name] = {"peak": peaks.get(name), **results[name]}
    peak_totals = [p["server_rss"] + p["kernel_rss"] for p in (peaks[n] for n in names)]
    report["peak_rss_per_learner_mib"] = {"min": min(peak_totals), "max": max(peak_totals)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "hub-memory.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(json.dumps(report, indent=2))
    for name in names:
        assert peaks[name]["kernel_rss"] > 50 and peaks[name]["server_rss"] > 30, (name, peaks[name])
