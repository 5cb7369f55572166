"""A small, real CKAN-like HTTP server on 127.0.0.1 for testing ``helpers.portal`` (no internet).

* Serves recorded CKAN answers from ``tests/recorded/*.json``, keyed by action and parameters.
  Parameters come from a POST JSON body (ckanapi's default) or a GET query string
  (``get_only=True`` / the opend gateway), on ``/api/action/``, ``/api/3/action/`` and
  ``/get-ckan/``.  Recorded bodies write the server's own address as ``http://ckan.test``.
* Answers ``package_show``, ``resource_show``, ``organization_list``, ``package_search`` and
  ``datastore_search`` (paged, with ``filters``) from registered packages and tables when no
  recording matches — enough to exercise the client exactly as against data.go.th.
* Serves files (``add_file``) for downloads.
* Injects faults per action or file path: ``blocked`` (403 firewall page), ``html``, ``notfound``,
  ``status`` (500/502/503/429 ...), ``slow`` (answer after ``delay`` s), ``badjson``,
  ``truncated`` (Content-Length larger than the body), ``corrupt`` (other bytes), ``redirect``
  (to ``location`` or to the same path on ``to``, with ``status``),
  ``json-as-html`` (a good answer labelled text/html), ``big`` (no Content-Length), each for
  ``times`` requests (None = always).
* Counts every request (``server.requests``, ``server.count(...)``).

Also provides :func:`guard_sockets`: refuse every connection that is not to loopback.
"""

from __future__ import annotations

import copy
import hashlib
import ipaddress
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

RECORDED = Path(__file__).resolve().parent / "recorded"
PLACEHOLDER = "http://ckan.test"
BLOCKED_PAGE = (
    "<!DOCTYPE html><html><head><title>Access Denied</title></head><body>"
    "<h1>Access Denied</h1><p>Your request has been blocked by our security systems.</p>"
    "<p>Reference #18.5f3a2e17</p></body></html>"
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>ปิดปรับปรุงระบบ</title></head>"
    "<body><h1>ขออภัย ระบบปิดปรับปรุงชั่วคราว</h1></body></html>"
)


def canonical(params: dict) -> str:
    """Parameters as one comparable text: POST JSON (20, true) and GET text ("20", "True") agree."""
    out = {}
    for k, v in params.items():
        if isinstance(v, bool):
            v = str(v).lower()
        elif isinstance(v, (dict, list)):
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        elif v is None:
            continue
        else:
            v = str(v)
            if v in ("True", "False"):
                v = v.lower()
        out[k] = v
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def envelope(result, action="x") -> dict:
    return {"help": f"{PLACEHOLDER}/api/3/action/help_show?name={action}", "success": True, "result": result}


def ckan_error(kind: str, message: str) -> dict:
    return {"help": "", "success": False, "error": {"__type": kind, "message": message}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection: a cut body ends the connection
    server: _Server

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802
        self._handle("GET")

    def do_POST(self):  # noqa: N802
        self._handle("POST")

    def _handle(self, method):
        ckan: CKANServer = self.server.ckan
        split = urlsplit(self.path)
        path = split.path
        params: dict = dict(parse_qsl(split.query, keep_blank_values=True))
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            if raw:
                try:
                    params.update(json.loads(raw.decode("utf-8")))
                except ValueError:
                    pass
        action = None
        for prefix in ("/api/3/action/", "/api/action/", "/get-ckan/"):
            if path.startswith(prefix):
                action = path[len(prefix) :]
        ckan._log(method, path, action, params, dict(self.headers))
        fault = ckan._take_fault(action or unquote(path))
        if fault and fault["kind"] == "slow":
            ckan._stop.wait(fault.get("delay", 2.0))
            fault = None
        if fault:
            return self._fault(fault, action)
        if action is not None:
            if path.startswith("/get-ckan/") and ckan.api_key and self.headers.get("api-key") != ckan.api_key:
                return self._json(403, ckan_error("Authorization Error", "Access denied"))
            status, body = ckan._answer(action, params)
            return self._json(status, body)
        if unquote(path) in ckan.files:
            data, ctype = ckan.files[unquote(path)]
            return self._send(200, data, ctype)
        return self._send(404, b"Not Found", "text/plain")

    def _json(self, status, body):
        text = json.dumps(body, ensure_ascii=False).replace(PLACEHOLDER, self.server.ckan.url)
        self._send(status, text.encode("utf-8"), "application/json;charset=utf-8")

    def _send(self, status, data: bytes, ctype: str, length: int | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length != -1:  # -1: no Content-Length, the body simply ends when the connection closes
            self.send_header("Content-Length", str(len(data) if length is None else length))
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout tests)
            pass

    def _fault(self, fault, action):
        ckan: CKANServer = self.server.ckan
        kind = fault["kind"]
        if kind == "blocked":
            return self._send(403, BLOCKED_PAGE.encode(), "text/html; charset=utf-8")
        if kind == "html":
            return self._send(fault.get("status", 200), HTML_PAGE.encode(), "text/html; charset=utf-8")
        if kind == "notfound":
            if action:
                return self._json(404, ckan_error("Not Found Error", "Not found"))
            return self._send(404, b"<html><body>404 Not Found</body></html>", "text/html")
        if kind == "status":
            status = fault.get("status", 500)
            return self._send(status, f"{status} error".encode(), "text/plain")
        if kind == "badjson":
            return self._send(
                200, b'{"help": "", "success": true, "result": {"count": 3, "res', "application/json"
            )
        if kind == "truncated":
            if action:
                status, body = ckan._answer(action, {})
                data = json.dumps(body).encode()
            else:
                data, _ = ckan.files.get(unquote(urlsplit(self.path).path), (b"x" * 4096, ""))
            return self._send(200, data[: len(data) // 2], "application/octet-stream", length=len(data))
        if kind == "corrupt":
            data, ctype = ckan.files.get(unquote(urlsplit(self.path).path), (b"", "text/plain"))
            return self._send(200, data[:-10] + b"CORRUPTED!", ctype)
        if kind == "json-as-html":  # a valid answer with a wrong Content-Type
            status, body = ckan._answer(action, {"q": "ฝุ่น", "fq": "", "rows": 20})
            text = json.dumps(body, ensure_ascii=False).replace(PLACEHOLDER, ckan.url)
            return self._send(status, text.encode("utf-8"), "text/html; charset=utf-8")
        if kind == "redirect":  # e.g. http:// -> https://; ckanapi does not follow POST redirects
            # ``location``: the exact target, or ``to``: another base URL keeping this path and query
            # (default: another host); ``status``: 301, 302, 307 ...
            target = fault.get("location") or fault.get("to", "https://example.invalid") + self.path
            self.send_response(fault.get("status", 301))
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if kind == "big":
            return self._send(200, b"0" * fault.get("size", 2_000_000), "text/csv", length=-1)
        raise ValueError(kind)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    ckan: CKANServer

    def handle_error(self, request, client_address):  # broken pipes after client timeouts
        pass


class CKANServer:
    """Start with ``with CKANServer() as server:`` or ``server.start()``; ``server.url`` is the base URL."""

    def __init__(self, recorded: Path | None = RECORDED, api_key: str | None = None):
        self.api_key = api_key
        self.responses: dict[tuple[str, str], tuple[int, dict]] = {}
        self.packages: dict[str, dict] = {}
        self.organizations: list[dict] = []
        self.datastore_cap = 10_000
        self.org_cap = 25  # ckan.group_and_organization_list_all_fields_max (CKAN's default)
        self.tables: dict[str, tuple[list, list]] = {}
        self.files: dict[str, tuple[bytes, str]] = {}
        self.faults: dict[str, dict] = {}
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd: _Server | None = None
        self.url = ""
        if recorded is not None and Path(recorded).is_dir():
            for file in sorted(Path(recorded).glob("*.json")):
                rec = json.loads(file.read_text(encoding="utf-8"))
                self.add_response(rec["action"], rec["params"], rec["response"], rec.get("status", 200))

    # -- setup ---------------------------------------------------------------------------------
    def add_response(self, action: str, params: dict, body: dict, status: int = 200) -> None:
        self.responses[(action, canonical(params))] = (status, body)

    def add_package(self, package: dict) -> None:
        self.packages[package["name"]] = copy.deepcopy(package)
        self.packages[package["id"]] = self.packages[package["name"]]

    def add_table(self, resource_id: str, fields: list, records: list) -> None:
        self.tables[resource_id] = (fields, records)

    def add_file(self, path: str, data: bytes, content_type: str = "application/octet-stream") -> str:
        """Serve ``data`` at ``path`` (percent-escapes allowed); returns the full, quoted URL."""
        self.files[unquote(path)] = (data, content_type)
        return self.url + quote(path, safe="/%:")

    def fault(self, target: str, kind: str, times: int | None = None, **options) -> None:
        """Inject a fault for an action name (``package_search``) or a file path (``/files/a.csv``)."""
        self.faults[target] = {"kind": kind, "times": times, **options}

    def clear_faults(self) -> None:
        self.faults.clear()

    # -- bookkeeping ---------------------------------------------------------------------------
    def _log(self, method, path, action, params, headers):
        with self._lock:
            self.requests.append(
                {"method": method, "path": path, "action": action, "params": params, "headers": headers}
            )

    def count(self, action: str | None = None, path: str | None = None) -> int:
        with self._lock:
            return sum(
                1
                for r in self.requests
                if (action is None or r["action"] == action) and (path is None or r["path"] == path)
            )

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()

    def _take_fault(self, target):
        with self._lock:
            fault = self.faults.get(target)
            if not fault:
                return None
            if fault["times"] is not None:
                fault["times"] -= 1
                if fault["times"] <= 0:
                    del self.faults[target]
            return dict(fault)

    # -- answers -------------------------------------------------------------------------------
    def _answer(self, action: str, params: dict) -> tuple[int, dict]:
        hit = self.responses.get((action, canonical(params)))
        if hit:
            return hit
        if action in ("package_show", "resource_show"):
            key = params.get("id", "")
            if action == "package_show" and key in self.packages:
                return 200, envelope(self.packages[key], action)
            if action == "resource_show":
                for p in self.packages.values():
                    for r in p.get("resources", []):
                        if r["id"] == key:
                            return 200, envelope(r, action)
            return 404, ckan_error("Not Found Error", "Not found")
        if action == "organization_list":
            # like CKAN: all_fields lists are capped (org_cap) whatever the limit asked for
            cap = self.org_cap if str(params.get("all_fields", "")).lower() == "true" else 1000
            limit = min(int(params.get("limit") or cap), cap)
            offset = int(params.get("offset") or 0)
            page = self.organizations[offset : offset + limit]
            if str(params.get("all_fields", "")).lower() != "true":
                page = [o["name"] for o in page]
            return 200, envelope(page, action)
        if action == "package_search":
            q = str(params.get("q", "")).strip()
            rows = int(params.get("rows", 10))
            seen, hits = set(), []
            for p in self.packages.values():
                if p["id"] in seen:
                    continue
                seen.add(p["id"])
                if q in ("", "*:*") or q in p.get("title", "") or q in p.get("notes", ""):
                    hits.append(p)
            hits.sort(key=lambda p: p["name"])
            return 200, envelope({"count": len(hits), "results": hits[:rows]}, action)
        if action == "datastore_search":
            rid = params.get("resource_id")
            if rid not in self.tables:
                return 404, ckan_error("Not Found Error", "Resource not found")
            fields, records = self.tables[rid]
            filters = params.get("filters") or {}
            if isinstance(filters, str):
                filters = json.loads(filters)
            if filters:
                records = [r for r in records if all(r.get(k) == v for k, v in filters.items())]
            offset, limit = int(params.get("offset", 0)), int(params.get("limit", 100))
            limit = min(limit, self.datastore_cap)  # ckanext-thai_gdc caps at 10,000 rows
            return 200, envelope(
                {
                    "resource_id": rid,
                    "fields": fields,
                    "total": len(records),
                    "records": records[offset : offset + limit],
                    "offset": offset,
                    "limit": limit,
                },
                action,
            )
        return 400, ckan_error("Validation Error", f"Action name not known: {action}")

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> CKANServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.ckan = self
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def closed_port_url() -> str:
    """``http://127.0.0.1:<port>`` where nothing listens (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# -- no internet in tests ---------------------------------------------------------------------
_LOCAL_NAMES = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}


def _is_loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    host = str(host).strip("[]")
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


class NonLoopbackConnection(ConnectionRefusedError):
    """Raised by the guard when code under test tries to reach the internet."""


def guard_sockets(monkeypatch) -> None:
    """Patch socket connect/lookup so that only loopback addresses can be reached."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0] if isinstance(address, tuple) else address
            if not _is_loopback(host):
                raise NonLoopbackConnection(f"tests may only connect to loopback, not {host!r}")

    def connect(self, address):
        check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _is_loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, f"tests may not resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def load_snapshot(server: CKANServer, data_dir: Path) -> dict:
    """Register the snapshot's packages, organisations, practice files and the tourism table.

    Resource URLs are rewritten to the server, so ``download`` hits ``/files/<id>/<name>``; resources
    with a practice file get its ``size`` and SHA-256 ``hash`` like an uploaded CKAN resource.
    Returns ``{resource_id: file path on the server}``.
    """
    catalog = json.loads((data_dir / "catalog" / "package_search.json").read_text(encoding="utf-8"))
    orgs = json.loads((data_dir / "catalog" / "organization_list.json").read_text(encoding="utf-8"))
    server.organizations = orgs["result"]
    mapping = {}
    for pkg in catalog["result"]["results"]:
        pkg = copy.deepcopy(pkg)
        for res in pkg["resources"]:
            name = res["url"].rstrip("/").rsplit("/", 1)[-1]
            path = f"/files/{res['id']}/{name}"
            res["url"] = server.url + path
            practice = res.get("kit_practice_file")
            if practice and (data_dir / practice).is_file():
                data = (data_dir / practice).read_bytes()
                server.add_file(path, data)
                res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()  # as a CKAN upload would
                res["size"] = len(data)
                mapping[res["id"]] = path
                if res.get("datastore_active"):
                    table = json.loads((data_dir / practice).read_text(encoding="utf-8"))
                    server.add_table(res["id"], table["fields"], table["records"])
        server.add_package(pkg)
    return mapping


def write_recorded(data_dir: Path, out: Path = RECORDED) -> list[Path]:
    """(Re)write ``tests/recorded/*.json`` from the snapshot, in CKAN's shapes (deterministic).

    Run ``.venv/bin/python tests/ckan_server.py --record`` after the snapshot changes.
    """
    catalog = json.loads((data_dir / "catalog" / "package_search.json").read_text(encoding="utf-8"))
    orgs = json.loads((data_dir / "catalog" / "organization_list.json").read_text(encoding="utf-8"))
    by_name = {p["name"]: p for p in catalog["result"]["results"]}

    def local(pkg):
        pkg = copy.deepcopy(pkg)
        for res in pkg["resources"]:
            name = res["url"].rstrip("/").rsplit("/", 1)[-1]
            res["url"] = f"{PLACEHOLDER}/files/{res['id']}/{name}"
        return pkg

    dust = [local(by_name[n]) for n in ("pm25-daily-2566", "pm25-monthly-region-2566")]
    records = {
        "package_search_dust": {
            "action": "package_search",
            "params": {"q": "ฝุ่น", "fq": "", "rows": 20},
            "response": envelope(
                {
                    "count": 2,
                    "sort": "score desc, metadata_modified desc",
                    "facets": {},
                    "search_facets": {},
                    "results": dust,
                },
                "package_search",
            ),
        },
        "package_search_dust_csv": {
            "action": "package_search",
            "params": {"q": "ฝุ่น", "fq": 'organization:pcd res_format:"CSV"', "rows": 5},
            "response": envelope(
                {
                    "count": 1,
                    "sort": "score desc, metadata_modified desc",
                    "facets": {},
                    "search_facets": {},
                    "results": dust[:1],
                },
                "package_search",
            ),
        },
        "package_show_pm25": {
            "action": "package_show",
            "params": {"id": "pm25-daily-2566"},
            "response": envelope(dust[0], "package_show"),
        },
        "package_show_missing": {
            "action": "package_show",
            "params": {"id": "no-such-dataset"},
            "status": 404,
            "response": {
                "help": f"{PLACEHOLDER}/api/3/action/help_show?name=package_show",
                "success": False,
                "error": {"__type": "Not Found Error", "message": "ไม่พบ: Dataset not found"},
            },
        },
        "organization_list": {
            "action": "organization_list",
            "params": {"all_fields": True, "limit": 1000, "offset": 0},
            "response": envelope(orgs["result"][:5], "organization_list"),
        },
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rec in records.items():
        file = out / f"{name}.json"
        file.write_text(json.dumps(rec, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(file)
    return written


if __name__ == "__main__":
    import sys

    if "--record" in sys.argv:
        root = Path(__file__).resolve().parent.parent
        for f in write_recorded(root / "data"):
            print(f"wrote {f.relative_to(root)}")
