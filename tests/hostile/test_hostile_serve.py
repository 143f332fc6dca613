"""Hostile clients of ``kg serve``: request forgery, DNS rebinding, queries that run on, a
client that leaves, and ``kg serve`` itself killed outright.

Every case runs the real ``kg serve`` (its front and a real Oxigraph server) on 127.0.0.1,
and the forged requests aim at a real HTTP listener on 127.0.0.1 that records whether it
was contacted.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.store import free_port

# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    """A graph of 3,000 statements: a three-way cross product of it never ends."""
    path = tmp_path_factory.mktemp("serve-graph") / "graph.ttl"
    lines = ["@prefix ex: <urn:kg-test:> ."]
    lines += [f'ex:village{i} ex:name "第{i}村" .' for i in range(3000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class Serving:
    def __init__(self, proc: subprocess.Popen, port: int) -> None:
        self.proc, self.port = proc, port

    def ask(self, sparql: str, *, host: str | None = None, timeout: float = 30.0) -> tuple[int, str]:
        """POST the query; (status, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"}
            if host is not None:
                headers["Host"] = host
            conn.request("POST", "/query", body=urllib.parse.urlencode({"query": sparql}), headers=headers)
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def oxigraph_pids(self) -> list[int]:
        return oxigraph_children(self.proc.pid)


def oxigraph_children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and b"oxigraph" in cmd:
            found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """The process exists and is not a zombie (a container's init may not reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def wait_until(test: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return True
        time.sleep(0.05)
    return test()


@pytest.fixture
def kg_serve(graph, tmp_path) -> Iterator[Callable[..., Serving]]:
    """Start ``kg serve GRAPH ARGS...`` (temporary folder: tmp_path); stopped afterwards."""
    started: list[subprocess.Popen] = []

    def start(*args: str, tmp: Path = tmp_path) -> Serving:
        port = free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "TMPDIR": str(tmp)},
        )
        started.append(proc)
        line = proc.stdout.readline()
        assert line.startswith("serving"), proc.stderr.read() if proc.poll() is not None else line
        seen.extend(oxigraph_children(proc.pid))
        return Serving(proc, port)

    seen: list[int] = []
    yield start
    for proc in started:
        children = oxigraph_children(proc.pid) + seen
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for pid in children:  # on a kg serve that leaves them (the bug these tests catch)
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        proc.stdout.close()
        proc.stderr.close()


def service_query(url: str) -> str:
    return f"SELECT ?o WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


# ------------------------------------------------------------------------------ request forgery


def test_service_is_refused_and_the_target_never_contacted(kg_serve, listener):
    srv = kg_serve()
    status, body = srv.ask(service_query(listener.url))
    assert status == 403
    assert body.strip() == ("the query calls a remote service (SERVICE "
                            f"{listener.url}): refused (allow it with --allow-service 127.0.0.1)")
    # hidden in a GET, in lower case, after a comment: refused the same
    hidden = "# SERVICE <x>\nselect * { service silent <" + listener.url + "> { ?s ?p ?o } }"
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.request("GET", "/query?" + urllib.parse.urlencode({"query": hidden}))
    assert conn.getresponse().status == 403
    conn.close()
    assert srv.ask(f"SELECT * {{ SERVICE<{listener.url}>{{ ?s ?p ?o }} }}")[0] == 403  # no space
    time.sleep(0.3)
    assert listener.hits == []


def test_service_to_an_allowed_host_is_followed(kg_serve, listener):
    srv = kg_serve("--allow-service", "127.0.0.1")
    status, body = srv.ask(service_query(listener.url))
    assert status == 200, body
    assert listener.hits and listener.hits[0].startswith("/sparql")


def test_a_foreign_host_header_is_refused(kg_serve):
    srv = kg_serve()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, body = srv.ask(count, host=f"attacker.example:{srv.port}")
    assert status == 403 and "attacker.example" in body
    assert srv.ask(count, host=f"127.0.0.1:{srv.port + 1}")[0] == 403  # another port
    for host in (f"localhost:{srv.port}", f"127.0.0.1:{srv.port}"):
        status, body = srv.ask(count, host=host)
        assert status == 200 and body.split() == ["n", "3000"]


def test_updates_and_writes_are_refused_by_the_front(kg_serve):
    srv = kg_serve()
    status, body = srv.ask("PREFIX ex: <urn:kg-test:> INSERT DATA { ex:a ex:b ex:c }")
    assert status == 403 and body.strip() == "kg serve is read-only: updates are refused"
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.request("DELETE", "/store?default")
    assert conn.getresponse().status == 403
    conn.close()
    assert srv.ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1].split() == ["n", "3000"]


# ------------------------------------------------------------------------------ timeouts

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_that_runs_on_gets_503_and_is_stopped(kg_serve):
    srv = kg_serve("--timeout", "2")
    before = srv.oxigraph_pids()
    assert len(before) == 1
    t = time.monotonic()
    status, body = srv.ask(CROSS)
    took = time.monotonic() - t
    assert status == 503
    assert body.strip() == "the query ran longer than 2 s and was stopped (kg serve --timeout)"
    assert took < 10
    assert wait_until(lambda: not running(before[0]), 5)  # the work stopped with its process
    t = time.monotonic()
    status, body = srv.ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200 and body.split() == ["n", "3000"]
    assert time.monotonic() - t < 5  # answered promptly
    after = srv.oxigraph_pids()
    assert len(after) == 1 and after != before


def test_a_query_whose_client_leaves_is_stopped(kg_serve):
    srv = kg_serve("--timeout", "600")
    before = srv.oxigraph_pids()
    conn = socket.create_connection(("127.0.0.1", srv.port))
    body = urllib.parse.urlencode({"query": CROSS}).encode()
    conn.sendall(b"POST /query HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                 b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s"
                 % (srv.port, len(body), body))
    time.sleep(1.0)
    conn.close()  # the client gives up
    assert wait_until(lambda: not running(before[0]), 10)
    assert srv.ask("ASK { ?s ?p ?o }")[1].strip() == "true"


# ------------------------------------------------------------------------------ killed outright


def test_sigkill_of_kg_serve_takes_its_oxigraph_server_along(kg_serve, tmp_path):
    srv = kg_serve()
    children = srv.oxigraph_pids()
    assert len(children) == 1
    stores = list(tmp_path.glob("kg-serve-*"))
    assert len(stores) == 1
    srv.proc.kill()
    srv.proc.wait()
    assert wait_until(lambda: not running(children[0]), 10), "the Oxigraph server outlived kg serve"
    # the next kg serve removes the store the killed one left
    kg_serve()
    assert not stores[0].exists()
    assert len(list(tmp_path.glob("kg-serve-*"))) == 1
