"""A real triple store: push into an Oxigraph server on loopback, query it over HTTP, serve.

Every server here binds 127.0.0.1 on a port the OS just gave out, and is stopped (and
checked stopped) by its fixture or test, whatever the test's outcome.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import conftest
import pytest

from kg.query import get_ready_query, load_store, ready_queries, run_query
from kg.store import (
    EndpointError,
    Server,
    _port_open,
    free_port,
    push,
    sparql_query,
    start_server,
)

NAMED = "https://w3id.org/grassroots-kg/graph/seeds"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def seeds_ttl(seeds_build) -> Path:
    return seeds_build[1] / "graph.ttl"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """A read-write, in-memory Oxigraph server on 127.0.0.1."""
    srv = start_server()
    try:
        yield srv
    finally:
        srv.stop()
        assert srv.process.poll() is not None
        assert not _port_open("127.0.0.1", srv.port)


@pytest.fixture(scope="module")
def pushed(server, seeds_ttl) -> Server:
    push(seeds_ttl, server.store_endpoint, graph=NAMED)
    return server


def count(endpoint: str, graph: str | None = None) -> int:
    return int(sparql_query(endpoint, COUNT, default_graph=graph).rows[0][0].value)


def as_text(result) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in result.rows]


# ------------------------------------------------------------------------------ push


def test_push_replaces_the_named_graph(pushed, seeds_ttl):
    triples = len(load_store(seeds_ttl))
    assert count(pushed.query_endpoint, NAMED) == triples
    again = push(seeds_ttl, pushed.store_endpoint, graph=NAMED)
    assert again.triples == triples
    assert count(pushed.query_endpoint, NAMED) == triples  # replaced, not doubled
    assert count(pushed.query_endpoint) == 0  # the default graph is untouched


def test_push_replaces_stale_facts(server, tmp_path):
    graph = "https://example.org/replace-me"
    old, new = tmp_path / "old.ttl", tmp_path / "new.nt"
    old.write_text("<http://e.org/a> <http://e.org/b> <http://e.org/stale> .", encoding="utf-8")
    new.write_text("<http://e.org/a> <http://e.org/b> <http://e.org/fresh> .\n", encoding="utf-8")
    push(old, server.store_endpoint, graph=graph)
    push(new, server.store_endpoint, graph=graph)
    answer = sparql_query(server.query_endpoint, "SELECT ?o { ?s ?p ?o }", default_graph=graph)
    assert [row[0].value for row in answer.rows] == ["http://e.org/fresh"]


@pytest.mark.parametrize("name", [q.name for q in ready_queries()])
def test_ready_made_queries_over_http_agree_with_kg_query(pushed, seeds_ttl, name):
    sparql = get_ready_query(name).sparql
    local = run_query(load_store(seeds_ttl), sparql)
    remote = sparql_query(pushed.query_endpoint, sparql, default_graph=NAMED)
    assert remote.variables == local.variables
    assert as_text(remote) == as_text(local)
    assert local.rows


def test_push_to_a_closed_port_is_one_line(seeds_ttl):
    endpoint = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(EndpointError, match="cannot connect") as info:
        push(seeds_ttl, endpoint)
    assert "\n" not in str(info.value)


def test_push_refuses_a_broken_file_before_sending(server, tmp_path):
    from kg.errors import InputError

    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b>", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl"):
        push(bad, server.store_endpoint)


run_kg = partial(conftest.run_kg, cwd=None, timeout=120)


def test_kg_push_into_the_default_graph(server, seeds_ttl):
    out = run_kg("push", str(seeds_ttl), "--endpoint", server.store_endpoint)
    assert out.returncode == 0, out.stderr
    triples = len(load_store(seeds_ttl))
    assert out.stdout.startswith(f"pushed {triples} triples to the default graph")
    assert count(server.query_endpoint) == triples


# ------------------------------------------------------------------------------ kg serve


@pytest.fixture
def kg_serve(seeds_ttl) -> Iterator[tuple[subprocess.Popen, int]]:
    """``kg serve`` in its own process group, so cleanup reaches the server it started."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", str(seeds_ttl), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        line = proc.stdout.readline()  # printed once the endpoint answers
        assert line.startswith("serving"), proc.stderr.read() if proc.poll() is not None else line
        yield proc, port
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_kg_serve_answers_queries_and_refuses_updates(kg_serve, seeds_ttl):
    proc, port = kg_serve
    endpoint = f"http://127.0.0.1:{port}/query"
    assert count(endpoint) == len(load_store(seeds_ttl))
    local = run_query(load_store(seeds_ttl), get_ready_query("places-in-hohhot").sparql)
    remote = sparql_query(endpoint, get_ready_query("places-in-hohhot").sparql)
    assert as_text(remote) == as_text(local)

    update = "INSERT DATA { <http://e.org/a> <http://e.org/b> <http://e.org/c> }"
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/update",
        data=urllib.parse.urlencode({"update": update}).encode(),
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=10)
    info.value.close()
    assert info.value.code == 403
    with pytest.raises(EndpointError, match="403"):
        push(seeds_ttl, f"http://127.0.0.1:{port}/store")
    assert count(endpoint) == len(load_store(seeds_ttl))  # nothing changed


def test_terminating_kg_serve_stops_its_server(kg_serve):
    proc, port = kg_serve
    proc.terminate()  # SIGTERM to kg only: it must stop the Oxigraph server itself
    assert proc.wait(15) == 0
    deadline = time.monotonic() + 5
    while _port_open("127.0.0.1", port) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _port_open("127.0.0.1", port)


def test_kg_serve_refuses_a_port_in_use(server, seeds_ttl):
    out = run_kg("serve", str(seeds_ttl), "--port", str(server.port))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "already in use" in out.stderr


def test_push_takes_a_turtle_file_named_dot_turtle(server, seeds_ttl, tmp_path):
    named = tmp_path / "graph.turtle"
    named.write_bytes(seeds_ttl.read_bytes())
    push(named, server.store_endpoint, graph="https://example.org/turtle")
    assert count(server.query_endpoint, "https://example.org/turtle") == len(load_store(seeds_ttl))
