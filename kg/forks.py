"""Work beside this process, in a forked child: how the export uses a second core.

After extraction a build is one process, and the writing of a large graph (``graph.ttl``,
``graph.html``) would leave the other cores idle.  A forked child starts with the graph
already in its memory (copied only where a page is written), so nothing is sent to it; it
runs one function and sends back what that returned, bytes, through a pipe.  An exception
in the child is raised again in this process (an :class:`OSError` with its file name, so a
file that cannot be written is still named).

Where the platform cannot fork, or there is one core, :func:`can_fork` is False and callers
do the work here: what comes out is the same either way.

>>> child = Child(lambda: b"done")
>>> child.result()
b'done'
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_OK, _FAILED = b"\0", b"\1"


@contextmanager
def sigint_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while this process forks: Python runs its at-fork hooks
    (logging's lock) around ``os.fork``, and a KeyboardInterrupt raised inside one is printed
    and dropped ("Exception ignored in _releaseLock"), so the build went on as if no one had
    pressed it.  Held, the signal is noted and raised again the moment the block is left (as
    whatever handler was there takes it).  The children start with it noted, not acted on:
    the parent stops them itself.  (Only the main thread may set a handler.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, frame: noted.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
        if noted:
            signal.raise_signal(signal.SIGINT)


def can_fork() -> bool:
    """Whether work can go to a forked child here, and gain by it (more than one core)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1


class Child:
    """``work()`` run in a forked child of this process; :meth:`result` waits for its bytes.

    Use it as a context manager, or call :meth:`result` or :meth:`cancel` in every case:
    a child left behind is ended when the block is left."""

    def __init__(self, work: Callable[[], bytes]):
        read, write = os.pipe()
        with sigint_held():
            pid = os.fork()
        if pid == 0:  # the child: never returns, never runs this process's exit handlers
            code = 1
            try:
                os.close(read)
                try:
                    data = _OK + work()
                except BaseException as e:  # noqa: BLE001 - all of it goes back to the parent
                    data = _FAILED + _pickled(e)
                with open(write, "wb", closefd=True) as pipe:
                    pipe.write(data)
                code = 0
            finally:
                os._exit(code)
        os.close(write)
        self.pid: int | None = pid
        self._read = read
        #: what ``work()`` returned, once :meth:`result` has it
        self.value: bytes | None = None

    def result(self) -> bytes:
        """What ``work()`` returned; its exception raised again if it raised one."""
        if self.pid is None:
            raise RuntimeError("the child's result was already taken")
        try:
            with open(self._read, "rb", closefd=True) as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
        if data[:1] == _OK:
            self.value = data[1:]
            return self.value
        if data[:1] == _FAILED:
            raise pickle.loads(data[1:])
        raise ChildProcessError(f"a forked child ended without a result ({_how(status)})")

    def cancel(self) -> None:
        """End the child now, if it is still there."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        self.pid = None
        os.close(self._read)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()


def _pickled(e: BaseException) -> bytes:
    """``e`` as the parent can raise it again: itself if it pickles, else a RuntimeError
    saying what it was."""
    try:
        data = pickle.dumps(e)
        pickle.loads(data)
        return data
    except Exception:  # noqa: BLE001 - an exception that does not survive the trip
        return pickle.dumps(RuntimeError(f"{type(e).__name__}: {e}"))


def _how(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"
