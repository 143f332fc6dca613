"""The graph in a real triple store: push over the Graph Store Protocol, serve with Oxigraph.

* :func:`push` PUTs a graph file into any SPARQL 1.1 Graph Store Protocol endpoint (the
  Oxigraph server's ``/store``, Fuseki's ``/<dataset>/data``, GraphDB's
  ``/repositories/<id>/rdf-graphs/service``). PUT replaces the graph: pushing twice leaves
  one copy, and stale facts from an earlier build disappear.
* :func:`start_server` runs the ``oxigraph`` server that the ``oxigraph`` package on PyPI
  ships, bound to 127.0.0.1 only; :func:`serving_store` loads a graph into a fresh on-disk
  store for ``oxigraph serve-read-only`` (``kg serve``, behind the front in
  :mod:`kg.front`), marked with its owner's process so that the store of a ``kg serve``
  killed outright is removed by the next one.
* :func:`sparql_query` asks any SPARQL 1.1 Protocol endpoint, with our predeclared prefixes,
  and gives the same :class:`~kg.query.QueryResult` as :func:`kg.query.run_query`.

Only the standard library speaks HTTP here (``urllib``): a push is one request.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import InputError, KgError, UsageError
from .query import QueryResult
from .vocab import PREFIXES

#: Where ``kg serve`` listens: loopback only, the endpoint is for this machine.
LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 7878

#: Media types of the triple formats a graph file may be pushed in, by extension.
TRIPLE_MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".turtle": "text/turtle",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".owl": "application/rdf+xml",
}


class EndpointError(KgError):
    """A triple store refused a request or could not be reached: ``"<url>: <problem>"``."""

    def __init__(self, url: str, problem: object) -> None:
        self.url = url
        super().__init__(f"{url}: {problem}")


# ------------------------------------------------------------------------------ HTTP


def _request(req: urllib.request.Request, timeout: float) -> tuple[int, bytes]:
    """Send ``req``; a refusal or an unreachable server is an :class:`EndpointError`."""
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        with e:  # an HTTPError holds the connection open until closed
            body = e.read().decode("utf-8", "replace").strip()
        raise EndpointError(req.full_url, f"HTTP {e.code} {e.reason}: {body or '(no body)'}") from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise EndpointError(req.full_url, f"cannot connect ({reason})") from e


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of one graph: ``?graph=<IRI>``, or ``?default``.

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://example.org/g")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fexample.org%2Fg'
    >>> graph_store_url("http://127.0.0.1:7878/store", None)
    'http://127.0.0.1:7878/store?default'
    """
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def _media_type(path: Path) -> str:
    try:
        return TRIPLE_MEDIA_TYPES[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(TRIPLE_MEDIA_TYPES))
        raise UsageError(
            f"{path}: push takes a triple file ({known}); a dataset (TriG, N-Quads) "
            "has graphs of its own"
        ) from None


def _count_triples(path: Path) -> int:
    """Parse the file before sending it: a broken file is reported here, not by the server."""
    try:
        fmt = ox.RdfFormat.from_media_type(_media_type(path))
        return sum(1 for _ in ox.parse(path=path, format=fmt))
    except (SyntaxError, ValueError) as e:
        raise InputError(path, f"not valid RDF: {e}") from e
    except OSError as e:
        raise InputError(path, e.strerror or str(e)) from e


@dataclass(frozen=True)
class PushResult:
    """What :func:`push` did: where the graph went and how many triples it holds."""

    url: str
    graph: str | None
    triples: int
    status: int


def push(
    path: str | os.PathLike[str],
    endpoint: str,
    *,
    graph: str | None = None,
    timeout: float = 300.0,
) -> PushResult:
    """Replace ``graph`` (the default graph if None) at a Graph Store Protocol endpoint.

    The file is sent as it is, with the media type of its extension, in one HTTP PUT.
    """
    path = Path(path)
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise UsageError(f"{endpoint}: the endpoint is an http(s) URL")
    media_type = _media_type(path)
    triples = _count_triples(path)
    url = graph_store_url(endpoint, graph)
    req = urllib.request.Request(
        url, data=path.read_bytes(), method="PUT", headers={"Content-Type": media_type}
    )
    status, _ = _request(req, timeout)
    return PushResult(url, graph, triples, status)


def with_prefixes(sparql: str) -> str:
    """The query with our prefixes declared in front; the query's own declarations win.

    A remote endpoint does not know our prefixes; a later ``PREFIX`` redefines an earlier one.
    """
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return declared + sparql


def sparql_query(
    endpoint: str,
    sparql: str,
    *,
    default_graph: str | None = None,
    timeout: float = 300.0,
) -> QueryResult:
    """Run a query at a SPARQL 1.1 Protocol endpoint (POST, form-encoded).

    ``default_graph`` sets ``default-graph-uri``: query a pushed named graph as if it were
    the default one. SELECT and ASK answers are read as SPARQL JSON, CONSTRUCT as N-Triples.
    """
    form = [("query", with_prefixes(sparql))]
    if default_graph is not None:
        form.append(("default-graph-uri", default_graph))
    req = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode(form).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            media_type = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as e:
        with e:
            message = e.read().decode("utf-8", "replace").strip()
        raise EndpointError(endpoint, f"HTTP {e.code}: {message or e.reason}") from e
    except (urllib.error.URLError, OSError) as e:
        raise EndpointError(endpoint, f"cannot connect ({getattr(e, 'reason', e)})") from e
    if media_type == "application/n-triples":
        triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        return QueryResult("construct", triples=triples)
    answer = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    variables = [v.value for v in answer.variables]
    rows = [tuple(solution[v] for v in variables) for solution in answer]
    return QueryResult("select", variables=variables, rows=rows)


# ------------------------------------------------------------------------------ the Oxigraph server


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable: beside this Python first (the venv), then on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise UsageError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = LOOPBACK) -> int:
    """A TCP port nothing listens on now (the OS picks it; another process could take it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.2)
        return s.connect_ex((host, port)) == 0


def _die_with_parent(parent: int):
    """A ``preexec_fn`` that has the kernel kill the child when the thread that started it
    ends (Linux ``PR_SET_PDEATHSIG``): a ``kg serve`` killed with SIGKILL takes its server
    along. Elsewhere it does nothing."""
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    import signal

    def child() -> None:
        prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)

    return child


@dataclass
class Server:
    """A running Oxigraph server; a context manager that stops it (and its store) on exit."""

    process: subprocess.Popen
    port: int
    host: str = LOOPBACK
    cleanup: list[Path] = field(default_factory=list)
    log: IO[bytes] | None = None  # what the server prints, for the error when it fails

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def query_endpoint(self) -> str:
        return f"{self.url}/query"

    @property
    def update_endpoint(self) -> str:
        return f"{self.url}/update"

    @property
    def store_endpoint(self) -> str:
        """The Graph Store Protocol endpoint (what :func:`push` takes)."""
        return f"{self.url}/store"

    def stop(self, timeout: float = 10.0) -> None:
        """Terminate the server, kill it if it lingers, and remove a store it was given."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.close()
        for path in self.cleanup:
            shutil.rmtree(path, ignore_errors=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_server(
    *,
    port: int | None = None,
    location: str | os.PathLike[str] | None = None,
    read_only: bool = False,
    startup_timeout: float = 30.0,
    die_with_parent: bool = False,
) -> Server:
    """Start ``oxigraph serve`` (in memory without ``location``) or ``serve-read-only``.

    Binds 127.0.0.1 only and returns once the port accepts connections; a server that
    exits first is reported with what it printed. ``die_with_parent``: the server is
    killed by the kernel when the calling thread ends (Linux), however it ends.
    """
    if read_only and location is None:
        raise UsageError("a read-only server needs a store location")
    port = free_port() if port is None else port
    if _port_open(LOOPBACK, port):
        raise UsageError(f"port {port} on {LOOPBACK} is already in use")
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve"]
    if location is not None:
        command += ["--location", os.fspath(location)]
    command += ["--bind", f"{LOOPBACK}:{port}"]
    # stderr to a file, not a pipe: a long-lived server would block on a full pipe
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                               preexec_fn=_die_with_parent(os.getpid()) if die_with_parent else None)
    server = Server(process, port, log=log)
    deadline = time.monotonic() + startup_timeout
    while not _port_open(LOOPBACK, port):
        if process.poll() is not None:
            log.seek(0)
            err = " ".join(log.read().decode("utf-8", "replace").split())
            server.stop()
            raise EndpointError(server.url, f"the Oxigraph server exited: {err}")
        if time.monotonic() > deadline:
            server.stop()
            raise EndpointError(
                server.url, f"the Oxigraph server did not start in {startup_timeout:g} s"
            )
        time.sleep(0.05)
    return server


def load_location(path: str | os.PathLike[str], location: str | os.PathLike[str]) -> None:
    """Load a graph file into an on-disk store with the server's own ``oxigraph load``.

    The server's binary writes the store it will read, so the on-disk format always matches.
    """
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such graph file")
    done = subprocess.run(
        [oxigraph_binary(), "load", "--location", os.fspath(location), "--file", os.fspath(path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise InputError(path, f"not loadable ({' '.join(done.stderr.split())})")


#: Where the stores of ``kg serve`` go: ``kg-serve-*/`` in the temporary folder.
STORE_PREFIX = "kg-serve-"


def _start_time(pid: int) -> str:
    """When the process started (clock ticks since boot, from /proc), or '' if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def _owner_alive(owner: Path) -> bool:
    try:
        pid_text, _, started = owner.read_text().partition(" ")
        pid = int(pid_text)
    except (OSError, ValueError):
        return True  # not ours to judge
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not started.strip() or _start_time(pid) in ("", started.strip())  # a reused pid is not the owner


def sweep_stale_stores(tmp: str | os.PathLike[str] | None = None) -> list[Path]:
    """Remove the stores of ``kg serve`` processes that no longer run; what was removed."""
    removed = []
    for folder in sorted(Path(tmp or tempfile.gettempdir()).glob(f"{STORE_PREFIX}*")):
        owner = folder / "owner"
        if folder.is_dir() and owner.is_file() and not _owner_alive(owner):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def serving_store(path: str | os.PathLike[str]) -> Path:
    """A fresh folder ``kg-serve-*/`` holding the graph's store in ``store/`` and this
    process's id in ``owner``; stale folders of dead servers are removed first."""
    sweep_stale_stores()
    folder = Path(tempfile.mkdtemp(prefix=STORE_PREFIX))
    try:
        (folder / "owner").write_text(f"{os.getpid()} {_start_time(os.getpid())}\n")
        load_location(path, folder / "store")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder
