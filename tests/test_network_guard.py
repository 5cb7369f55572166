"""The autouse guard in tests/conftest.py refuses connections that leave the machine."""

import socket

import pytest
import requests


def test_guard_refuses_public_address():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError, match="loopback"):
            sock.connect(("93.184.216.34", 80))
    finally:
        sock.close()


def test_guard_refuses_requests_to_the_portal():
    with pytest.raises(requests.exceptions.ConnectionError, match="loopback"):
        requests.get("https://203.0.113.7/api/3/action/package_list", timeout=1)


def test_guard_allows_loopback():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        client.connect(server.getsockname())
    finally:
        client.close()
        server.close()
