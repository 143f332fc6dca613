"""The HTTP front of ``kg serve``: what reaches the Oxigraph server, and for how long.

``kg serve`` runs ``oxigraph serve-read-only`` on a private loopback port and answers the
public port itself, with the standard library's threading HTTP server. Each request is
checked before it is passed on:

* the ``Host`` header must name this endpoint (``127.0.0.1:PORT``, ``localhost:PORT`` or
  ``[::1]:PORT``): a page whose domain was rebound to 127.0.0.1 gets 403;
* only ``GET``/``HEAD`` (any path: the query page, ``/query``, reading ``/store``) and
  ``POST /query`` pass; an update, ``/update``, a write to ``/store`` get 403;
* a query calling ``SERVICE`` is refused (403) unless its host was allowed, the rule and
  message of ``kg query`` (:func:`kg.query.check_services`);
* the answer must be complete within the timeout. A query that has not answered by then,
  or whose client has gone, is stopped by killing the Oxigraph process (the engine cannot
  be interrupted otherwise); a new one is started on the same read-only store, and the
  query gets 503 with a one-line message. An answer longer than
  :data:`BUFFERED` is streamed (chunked) once that much is ready; one still running at the
  deadline is cut there, and the missing last chunk tells the client it is incomplete.

The private port is one that browsers refuse to connect to (the Fetch standard's "bad
ports"), so a web page cannot reach the Oxigraph server behind the front's checks even by
guessing the port; any of them taken, the OS picks one.

Stopping a query restarts the server under every query running at that moment; those
get 503 too ("ask again"). This is an endpoint for one machine, not a shared service.
"""

from __future__ import annotations

import http.client
import os
import select
import shutil
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import QueryError, UsageError
from .query import check_services, is_update
from .store import LOOPBACK, Server, _port_open, serving_store, start_server

#: Ports every browser refuses to fetch from (Fetch standard, "bad port"), above 1023.
BROWSER_BLOCKED_PORTS = (1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566,
                         6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080)
#: An answer up to this size is held until complete (a late one can still get 503).
BUFFERED = 1 << 20
#: The longest query text read from a request body.
MAX_BODY = 1 << 20
#: the most of a refused request's body read before answering (a graph being pushed)
MAX_DRAIN = 256 << 20
DEFAULT_TIMEOUT = 30.0


def private_port() -> int | None:
    """A browser-blocked port free on loopback, or None (then the OS picks one)."""
    for port in BROWSER_BLOCKED_PORTS:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind((LOOPBACK, port))
        except OSError:
            continue
        if not _port_open(LOOPBACK, port):
            return port
    return None


class Stopped(Exception):
    """The query was stopped; the message says why."""


class Backend:
    """The Oxigraph server behind the front, restarted when a query must be stopped.

    Starts happen on the thread that calls :meth:`run` (the main thread): the server is
    started to die with the thread that started it (see :func:`kg.store.start_server`).
    """

    def __init__(self, location: Path) -> None:
        self.location = location
        self.cond = threading.Condition()
        self.server: Server | None = None
        self.generation = 0
        self.restart_wanted = False
        self.stopping = False
        self._start()

    def _start(self) -> None:
        server = start_server(port=private_port(), location=self.location, read_only=True,
                              die_with_parent=True)
        with self.cond:
            self.server = server
            self.generation += 1
            self.restart_wanted = False
            self.cond.notify_all()

    def current(self, wait: float = 30.0) -> tuple[int, int]:
        """(generation, port) of a running server, waiting for a restart to finish."""
        deadline = time.monotonic() + wait
        with self.cond:
            while self.restart_wanted or self.server is None:
                left = deadline - time.monotonic()
                if left <= 0 or self.stopping:
                    raise Stopped("the endpoint is restarting; ask again")
                self.cond.wait(left)
            return self.generation, self.server.port

    def stop_query(self, generation: int) -> None:
        """Kill the server that runs ``generation``'s queries (once) and ask for a new one."""
        with self.cond:
            if generation != self.generation or self.restart_wanted or self.server is None:
                return
            self.server.process.kill()
            self.restart_wanted = True
            self.cond.notify_all()

    def run(self) -> None:
        """Keep a server running until :meth:`close` (a failed start raises)."""
        while True:
            with self.cond:
                while not (self.stopping or self.restart_wanted or self.server.process.poll() is not None):
                    self.cond.wait(0.2)  # wakes for signals and for a server that died by itself
                if self.stopping:
                    return
                old = self.server
            old.stop()  # reaped; the store stays (it is ours, not the server's)
            self._start()

    def close(self) -> None:
        with self.cond:
            self.stopping = True
            server = self.server
            self.cond.notify_all()
        if server is not None:
            server.stop()


class Front(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, backend: Backend, *, timeout: float = DEFAULT_TIMEOUT,
                 allow_service: Sequence[str] = ()) -> None:
        self.backend = backend
        self.query_timeout = timeout
        self.allow_service = tuple(allow_service)
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}
        super().__init__((LOOPBACK, port), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: Front
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    timeout = 60  # a client that sends its request, or reads its answer, slower is dropped

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # quiet, as the Oxigraph server was

    # ---------------------------------------------------------------- answers of our own

    #: whether the request's body was read (a refusal reads what is left first, so that a
    #: client still sending a graph reads the answer instead of a broken pipe)
    body_read = False

    def _discard_body(self) -> None:
        try:
            left = int(self.headers.get("Content-Length", "0") or 0)
        except ValueError:
            return
        if self.body_read or not 0 < left <= MAX_DRAIN:
            return
        self.body_read = True
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass  # the client went away: nothing to answer

    def _answer(self, code: int, message: str) -> None:
        if code >= 400:
            self._discard_body()
        body = (message + "\n").encode("utf-8")
        self.close_connection = True
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _checked(self) -> bytes | None:
        """The request body if the request may pass; otherwise answered here and None."""
        host = self.headers.get("Host", "")
        if host not in self.server.hosts:
            self._answer(403, f"kg serve answers requests for {' or '.join(sorted(self.server.hosts))} "
                              f"only, not for Host: {host or '(none)'}")
            return None
        url = urllib.parse.urlsplit(self.path)
        queries = [v for k, v in urllib.parse.parse_qsl(url.query, keep_blank_values=True) if k == "query"]
        body = b""
        if self.command == "POST":
            if url.path != "/query":
                self._answer(403, f"kg serve is read-only: POST {url.path} refused (queries go to POST /query)")
                return None
            try:
                length = int(self.headers.get("Content-Length", ""))
            except ValueError:
                self._answer(411, "a POST needs a Content-Length")
                return None
            if not 0 <= length <= MAX_BODY:
                self._answer(413, f"a query of more than {MAX_BODY} bytes is refused")
                return None
            body = self.rfile.read(length)
            self.body_read = True
            kind = self.headers.get_content_type()
            if kind == "application/x-www-form-urlencoded":
                form = urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
                if any(k == "update" for k, _ in form):
                    self._answer(403, "kg serve is read-only: updates are refused")
                    return None
                queries += [v for k, v in form if k == "query"]
            elif kind == "application/sparql-query":
                queries.append(body.decode("utf-8", "replace"))
            else:
                self._answer(403, f"kg serve takes queries, not {kind}")
                return None
        elif url.path == "/update":
            self._answer(403, "kg serve is read-only: updates are refused")
            return None
        for sparql in queries:
            if is_update(sparql):
                self._answer(403, "kg serve is read-only: updates are refused")
                return None
            try:
                check_services(sparql, self.server.allow_service)
            except QueryError as e:
                self._answer(403, str(e))
                return None
        return body

    def do_GET(self) -> None:
        body = self._checked()
        if body is not None:
            self._forward(body)

    do_HEAD = do_GET
    do_POST = do_GET

    def _refuse_write(self) -> None:
        if self.headers.get("Host", "") not in self.server.hosts:
            self._answer(403, f"kg serve answers requests for {' or '.join(sorted(self.server.hosts))} only")
        else:
            self._answer(403, f"kg serve is read-only: {self.command} refused")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_write

    # ---------------------------------------------------------------- passing a query on

    def _forward(self, body: bytes) -> None:
        timeout = self.server.query_timeout or None
        deadline = None if timeout is None else time.monotonic() + timeout
        backend = self.server.backend
        try:
            generation, port = backend.current()
        except Stopped as e:
            self._answer(503, str(e))
            return
        conn = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
        committed = False
        try:
            headers = {k: v for k, v in self.headers.items()
                       if k.lower() in ("accept", "content-type", "accept-language")}
            headers["Host"] = f"{LOOPBACK}:{port}"
            if self.command == "POST":
                headers["Content-Length"] = str(len(body))
            conn.request(self.command, self.path, body=body if self.command == "POST" else None, headers=headers)
            self._wait_for(conn, deadline)
            _set_timeout(conn.sock, deadline)
            response = conn.getresponse()
            held = bytearray()
            while True:
                _set_timeout(conn.sock, deadline)
                chunk = response.read1(65536) if self.command != "HEAD" else b""
                if not chunk:
                    break
                if committed:
                    self._chunk(chunk)
                    continue
                held += chunk
                if len(held) > BUFFERED:
                    self._head(response, None)
                    committed = True
                    self._chunk(bytes(held))
            if committed:
                self.wfile.write(b"0\r\n\r\n")
            else:
                self._head(response, len(held))
                if self.command != "HEAD":
                    self.wfile.write(held)
        except (TimeoutError, Stopped) as e:
            backend.stop_query(generation)
            why = str(e) if isinstance(e, Stopped) else (
                f"the query ran longer than {timeout:g} s and was stopped (kg serve --timeout)")
            if committed:
                self.close_connection = True  # the missing last chunk marks the answer cut
            else:
                self._answer_quietly(503, why)
        except (OSError, http.client.HTTPException):
            if committed:  # the client left, or the server was restarted under the answer
                backend.stop_query(generation)
                self.close_connection = True
            else:
                self._answer_quietly(503, "the query was stopped when the endpoint restarted "
                                          "to stop another one; ask again")
        finally:
            conn.close()

    def _answer_quietly(self, code: int, message: str) -> None:
        try:
            self._answer(code, message)
        except OSError:
            pass  # the client has gone

    def _wait_for(self, conn: http.client.HTTPConnection, deadline: float | None) -> None:
        """Until the server starts answering: a deadline passed or a client gone stops it."""
        client: socket.socket | None = self.connection
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise TimeoutError
            watch = [conn.sock] + ([client] if client is not None else [])
            ready, _, _ = select.select(watch, [], [], 1.0 if left is None else min(left, 1.0))
            if conn.sock in ready:
                return
            if client in ready:
                try:
                    gone = client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
                except BlockingIOError:
                    gone = False
                except OSError:
                    gone = True
                if gone:
                    raise Stopped("the client has gone")
                client = None  # it sent more (pipelining): stop watching it

    def _head(self, response: http.client.HTTPResponse, length: int | None) -> None:
        self.close_connection = True
        self.send_response(response.status, response.reason)
        for k, v in response.getheaders():
            if k.lower() not in ("content-length", "transfer-encoding", "connection", "server", "date"):
                self.send_header(k, v)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n")


def _set_timeout(sock: socket.socket | None, deadline: float | None) -> None:
    if sock is None:
        return
    if deadline is None:
        sock.settimeout(None)
        return
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    sock.settimeout(left)


def serve(graph: str | os.PathLike[str], *, port: int, timeout: float = DEFAULT_TIMEOUT,
          allow_service: Sequence[str] = (), ready: Callable[[str], None] = lambda url: None) -> None:
    """Serve the graph file read-only at ``http://127.0.0.1:<port>/query`` until this
    thread is interrupted (Ctrl-C, or a signal handler raising); ``ready`` gets the
    endpoint's URL once it answers. The store is removed on the way out."""
    if _port_open(LOOPBACK, port):
        raise UsageError(f"port {port} on {LOOPBACK} is already in use")
    folder = serving_store(graph)
    backend = front = None
    try:
        backend = Backend(folder / "store")
        try:
            front = Front(port, backend, timeout=timeout, allow_service=allow_service)
        except OSError as e:
            raise UsageError(f"port {port} on {LOOPBACK}: {e.strerror or e}") from e
        threading.Thread(target=front.serve_forever, name="kg-serve-front", daemon=True).start()
        ready(f"http://{LOOPBACK}:{port}/query")
        backend.run()
    finally:
        if front is not None:
            front.shutdown()
            front.server_close()
        if backend is not None:
            backend.close()
        shutil.rmtree(folder, ignore_errors=True)

