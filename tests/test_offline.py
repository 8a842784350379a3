"""The tests run offline: a non-loopback connection fails, in the test process and in examples."""

from __future__ import annotations

import socket

import pytest

from tests import offline
from tests.conftest import Runner

REMOTE = ("192.0.2.1", 80)  # TEST-NET-1: documentation-only address, never routed


def test_remote_connection_fails_in_the_test_process():
    with pytest.raises(offline.NetworkBlocked, match="network access is blocked"):
        socket.create_connection(REMOTE, timeout=1)
    with pytest.raises(offline.NetworkBlocked):
        socket.getaddrinfo("example.org", 443)


def test_loopback_stays_open():
    server = socket.create_server(("127.0.0.1", 0))
    try:
        socket.create_connection(server.getsockname(), timeout=1).close()
    finally:
        server.close()


def test_remote_connection_fails_in_an_example():
    code = "import urllib.request\nurllib.request.urlopen('http://192.0.2.1/data.csv', timeout=1)\n"
    runner = Runner({"download": [{"code": code, "filename": "docs/example.md"}]})
    try:
        (result,) = runner.result("download")
    finally:
        runner.close()
    assert "network access is blocked" in result["error"]
