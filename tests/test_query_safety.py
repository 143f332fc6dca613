"""Queries that would make this machine call other servers, and queries that never end:
refused or stopped, with a real HTTP listener on 127.0.0.1 standing in for the target."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from conftest import run_kg

from kg.errors import QueryError
from kg.query import load_store, remote_services, run_query

ROOT = Path(__file__).resolve().parent.parent


kg = partial(run_kg, timeout=60)


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on loopback that records every request it gets."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"secret internal page")

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}/sparql", hits
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("g") / "g.ttl"
    p.write_text("<urn:a> <urn:p> <urn:b> .\n<urn:b> <urn:p> <urn:c> .\n", encoding="utf-8")
    return p


def test_service_targets_are_read_past_strings_and_comments():
    assert remote_services("SELECT * { SERVICE SILENT <http://h/s> { ?s ?p ?o } }") == ["http://h/s"]
    assert remote_services("select * { service ?x { ?s ?p ?o } }") == ["?x"]
    assert remote_services('SELECT * { ?s ?p "SERVICE <http://h/>" } # SERVICE <http://h/>') == []


def test_kg_query_refuses_a_service_call_and_sends_nothing(listener, ttl):
    url, hits = listener
    r = kg("query", str(ttl), f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "refused" in r.stderr and "--allow-service 127.0.0.1" in r.stderr
    assert "secret" not in r.stdout + r.stderr
    assert hits == []


def test_the_library_refuses_service_calls_too(listener, ttl):
    url, hits = listener
    with pytest.raises(QueryError, match="refused"):
        run_query(load_store(ttl), f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
    with pytest.raises(QueryError, match="refused"):
        run_query(load_store(ttl), "SELECT * { SERVICE ?where { ?s ?p ?o } }", allow_service=["127.0.0.1"])
    assert hits == []


def test_an_allowed_host_is_called(listener, ttl):
    url, hits = listener
    r = kg("query", str(ttl), f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "--allow-service", "127.0.0.1")
    assert hits, r.stderr  # federation is the user's explicit choice
    assert r.returncode == 1 and r.stderr.count("\n") == 1  # the target answered 500: one line


def test_a_query_that_never_ends_is_stopped_by_its_timeout(tmp_path):
    big = tmp_path / "big.ttl"
    big.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i}> .\n" for i in range(400)), encoding="utf-8")
    t0 = time.monotonic()
    r = kg("query", str(big), "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "--timeout", "2")
    took = time.monotonic() - t0
    assert r.returncode == 1 and "ran longer than 2 s" in r.stderr, r.stderr
    assert took < 30


@pytest.mark.parametrize(
    "args, code, says",
    [
        ([], 2, "give a query"),
        (["SELECT * { ?s foo:bar ?o }"], 1, "the prefix foo: is not declared"),
        (["PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }"], 1, "not updates"),
    ],
)
def test_query_mistakes_are_one_short_line(ttl, args, code, says):
    r = kg("query", str(ttl), *args)
    assert r.returncode == code, r.stderr
    assert r.stderr.count("\n") == 1 and says in r.stderr and len(r.stderr) < 200, r.stderr


def test_a_folder_is_named_as_a_folder(tmp_path):
    r = kg("query", str(tmp_path), "SELECT * { ?s ?p ?o }")
    assert r.returncode == 2 and "a folder, not a graph file" in r.stderr


def test_a_reader_that_stops_early_is_no_error(ttl):
    big = ttl.parent / "many.ttl"
    big.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i}> .\n" for i in range(50000)), encoding="utf-8")
    for fmt in ("tsv", "table"):
        p = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", str(big), "SELECT * { ?s ?p ?o }", "--format", fmt],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        p.stdout.readline()
        p.stdout.close()  # what `| head -1` does
        err = p.stderr.read().decode()
        p.stderr.close()
        assert p.wait(60) == 0, err
        assert err == ""
