"""The opend api-key stays with the portal it is meant for: redirects, reprs, logs, errors, files.

Two real HTTP servers on loopback: the portal (127.0.0.1:PORT1, it checks the key) and another
server (``127.0.0.1:PORT2`` or ``localhost:PORT2``) that records every header it receives.
"""

from __future__ import annotations

import logging

import pytest
import requests
from ckan_server import CKANServer, closed_port_url
from conftest_portal import TEST_TIMEOUT, listing, no_internet, portal_env  # noqa: F401
from portal_real_catalog import ckan  # noqa: F401  (the real catalogue)

from helpers import portal
from helpers.portal.http import KitSession

SECRET = "tok-7c41e2-SECRET-keep-out"
DATA = "province,pm25\nเชียงใหม่,51\n".encode()


@pytest.fixture
def other():
    server = CKANServer().start()  # recorded answers too, so that a redirected API call succeeds
    yield server
    server.stop()


@pytest.fixture
def opend(ckan, portal_env):
    ckan.api_key = SECRET  # the portal refuses /get-ckan/ calls without the right key
    return portal.Portal(
        ckan.url,
        gateway=True,
        api_key=SECRET,
        offline=False,
        timeout=TEST_TIMEOUT,
        backoff=0,
        fallback=False,
        cache=portal_env,
    )


def _headers_at(server, path):
    sent = [r["headers"] for r in server.requests if r["path"] == path]
    assert sent, f"no request reached {path}"
    return [{k.lower(): v for k, v in h.items()} for h in sent]


def _elsewhere(server, host):
    return server.url.replace("127.0.0.1", host)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])  # another port; another host and port
@pytest.mark.parametrize("status", [301, 302, 307])
def test_download_redirect_to_other_origin_drops_key(opend, ckan, other, host, status):
    other.add_file("/store/pm25.csv", DATA, "text/csv")
    url = ckan.add_file("/files/pm25.csv", b"never served", "text/csv")
    target = _elsewhere(other, host) + "/store/pm25.csv"
    ckan.fault("/files/pm25.csv", "redirect", status=status, location=target)
    path = opend.download(url)
    assert path.read_bytes() == DATA  # the redirect was followed ...
    assert _headers_at(ckan, "/files/pm25.csv")[0]["api-key"] == SECRET  # ... the key went to the portal
    assert all("api-key" not in h for h in _headers_at(other, "/store/pm25.csv"))  # ... and no further
    assert all(SECRET not in str(h) for h in _headers_at(other, "/store/pm25.csv"))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_gateway_api_redirect_to_other_origin_drops_key(opend, ckan, other, host):
    # the opend gateway uses GET, which requests follows across hosts
    ckan.fault("package_search", "redirect", status=302, to=_elsewhere(other, host))
    df = opend.search("COVID-19")
    assert df["name"].tolist() == ["covid-19-daily"]
    assert _headers_at(ckan, "/get-ckan/package_search")[0]["api-key"] == SECRET
    assert "api-key" not in _headers_at(other, "/get-ckan/package_search")[0]


def test_same_origin_redirect_keeps_key(opend, ckan):
    ckan.add_file("/files/new/pm25.csv", DATA, "text/csv")
    url = ckan.add_file("/files/old/pm25.csv", b"never served", "text/csv")
    ckan.fault("/files/old/pm25.csv", "redirect", status=302, location=ckan.url + "/files/new/pm25.csv")
    assert opend.download(url).read_bytes() == DATA
    assert _headers_at(ckan, "/files/old/pm25.csv")[0]["api-key"] == SECRET
    assert _headers_at(ckan, "/files/new/pm25.csv")[0]["api-key"] == SECRET
    # a relative Location stays on the same origin too
    ckan.add_file("/files/rel/b.csv", DATA, "text/csv")
    rel = ckan.add_file("/files/rel/a.csv", b"x", "text/csv")
    ckan.fault("/files/rel/a.csv", "redirect", status=301, location="/files/rel/b.csv")
    opend.download(rel)
    assert _headers_at(ckan, "/files/rel/b.csv")[0]["api-key"] == SECRET


def test_key_only_sent_to_the_exact_origin(opend, ckan, other):
    # no redirect at all: a resource on another port of the same host gets no key either
    url = other.add_file("/store/a.csv", DATA, "text/csv")
    opend.download(url)
    assert "api-key" not in _headers_at(other, "/store/a.csv")[0]


@pytest.mark.parametrize(
    "new_url",
    [
        "https://opend.data.go.th/get-ckan/x",  # scheme changed (http -> https)
        "http://opend.data.go.th:8080/get-ckan/x",  # port changed
        "http://files.data.go.th/get-ckan/x",  # host changed
        "http://OPEND.data.go.th:80/x",  # same origin, written differently
    ],
)
def test_rebuild_auth_per_origin(new_url):
    # scheme changes cannot be shown with two plain-HTTP servers, so the redirect hook is called
    # directly, exactly as requests calls it for every redirect hop.
    session = KitSession(api_key=SECRET, key_url="http://opend.data.go.th")
    old = requests.Request("GET", "http://opend.data.go.th/get-ckan/x", headers={"api-key": SECRET}).prepare()
    response = requests.Response()
    response.request, response.url, response.status_code = old, old.url, 302
    new = old.copy()
    new.prepare_url(new_url, None)
    session.rebuild_auth(new, response)
    keeps = new_url == "http://OPEND.data.go.th:80/x"
    assert ("api-key" in new.headers) is keeps


def test_caller_cannot_force_the_key_header_elsewhere(opend, other):
    url = other.add_file("/store/a.csv", DATA, "text/csv")
    opend.session.get(url, headers={"API-Key": "forged"})
    assert "api-key" not in _headers_at(other, "/store/a.csv")[0]


def _chain(exc):
    seen = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    return seen


@pytest.mark.parametrize(
    "fault, options, action",
    [
        ("blocked", {}, "package_show"),
        ("status", {"status": 500}, "package_show"),
        ("slow", {"delay": 3.0}, "package_show"),
        ("badjson", {}, "package_show"),
        ("redirect", {"location": "https://example.invalid/x"}, "package_show"),
        ("notfound", {}, "package_show"),
    ],
)
def test_key_never_in_exceptions(opend, ckan, fault, options, action, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    ckan.fault(action, fault, **options)
    with pytest.raises(portal.PortalError) as info:
        opend.dataset("rtddi")
    for exc in _chain(info.value):
        assert SECRET not in str(exc) + repr(exc) + repr(exc.args), type(exc)
    assert SECRET not in info.getrepr(style="long").__str__()
    assert SECRET not in caplog.text + capsys.readouterr().out


def test_key_never_in_exceptions_connection_and_authorization(portal_env, ckan):
    down = portal.Portal(
        closed_port_url(),
        gateway=True,
        api_key=SECRET,
        offline=False,
        timeout=TEST_TIMEOUT,
        retries=0,
        fallback=False,
        cache=portal_env,
    )
    with pytest.raises(portal.PortalConnectionError) as info:
        down.search("COVID-19")
    assert all(SECRET not in str(e) + repr(e) for e in _chain(info.value))
    ckan.api_key = "the-right-one"
    wrong = portal.Portal(
        ckan.url,
        gateway=True,
        api_key=SECRET,
        offline=False,
        timeout=TEST_TIMEOUT,
        fallback=False,
        cache=portal_env,
    )
    with pytest.raises(portal.PortalNotAuthorized) as info:
        wrong.dataset("rtddi")
    assert all(SECRET not in str(e) + repr(e) for e in _chain(info.value))


@pytest.mark.parametrize("bad", ["tok-123\r\nX-Evil: 1", "tok 123", "โทเคน-123"])
def test_unusable_key_is_refused_without_showing_it(bad, ckan, portal_env):
    kit = portal.Portal(
        ckan.url,
        gateway=True,
        api_key=bad,
        offline=False,
        timeout=TEST_TIMEOUT,
        fallback=False,
        cache=portal_env,
    )
    assert bad not in repr(kit)
    with pytest.raises(portal.PortalArgumentValueError, match="ไม่แสดงค่า api-key") as info:
        kit.search("COVID-19")
    assert "123" not in str(info.value) and "โทเคน" not in str(info.value)
    assert ckan.count() == 0  # refused before anything was sent


def test_key_padding_is_trimmed(ckan, portal_env):
    ckan.api_key = SECRET
    kit = portal.Portal(
        ckan.url,
        gateway=True,
        api_key=f"  {SECRET}\n",
        offline=False,
        timeout=TEST_TIMEOUT,
        fallback=False,
        cache=portal_env,
    )
    assert kit.dataset("rtddi").source == "live"  # the portal accepted the trimmed key


def test_key_never_in_cached_files_or_reprs(opend, ckan, other, portal_env):
    other.add_file("/store/pm25.csv", DATA, "text/csv")
    url = ckan.add_file("/files/pm25.csv", b"x", "text/csv")
    ckan.fault("/files/pm25.csv", "redirect", location=other.url + "/store/pm25.csv")
    opend.download(url)
    opend.search("COVID-19")
    assert listing(portal_env)  # something was cached
    for file in portal_env.rglob("*"):
        if file.is_file():
            assert SECRET.encode() not in file.read_bytes(), file
    assert SECRET not in repr(opend) + repr(opend.session) + str(vars(opend.session).get("headers"))
