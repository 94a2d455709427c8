"""A per-request deadline the worker enforces: a request still running after
REQUEST_DEADLINE seconds is stopped with 503 and a short JSON reason, and the worker goes on
serving the others.

Inputs are bounded at the boundary (boundary/), so no request should come near the deadline;
this is the backstop for one that does. gunicorn's own timeout would kill the whole worker, and
with it every other request in flight.

Under gevent (the default worker) every request runs in a greenlet of the worker's main thread.
A periodic timer signal interrupts whatever runs there; if that is a request past its deadline,
the request is stopped by raising DeadlineExceeded inside it. A request waiting on I/O uses no
CPU and is stopped the next time it runs. Elsewhere (the threaded development server) requests
run in other threads, which a signal cannot reach: there the deadline is not enforced.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

from flask import Flask, Response, request
from werkzeug.exceptions import ServiceUnavailable

from serving.errors import error_response

logger = logging.getLogger(__name__)

TICK_SECONDS = 0.25


class DeadlineExceeded(ServiceUnavailable):
    description = "The request took too long and was stopped; please try again."


def _current_task() -> object:
    """The greenlet (under gevent) or thread running now."""
    if not _gevent_worker():
        return threading.current_thread()
    from gevent import getcurrent

    return getcurrent()


def _gevent_worker() -> bool:
    try:
        from gevent import monkey
    except ImportError:
        return False
    return bool(monkey.is_module_patched("socket"))


class Deadlines:
    """Deadlines of the requests in flight in this process, by task."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._due: dict[int, float] = {}
        self._armed_pid = 0

    def start(self) -> None:
        self._arm()
        self._due[id(_current_task())] = time.monotonic() + self.seconds

    def finish(self) -> None:
        self._due.pop(id(_current_task()), None)

    def _arm(self) -> None:
        """Install the timer once per gevent worker process (after its fork), from the main
        thread, where its requests run. Anywhere else (threads, a test client) it stays off:
        a signal cannot reach other threads, and a timer left running would outlive the app."""
        if self._armed_pid == os.getpid() or not _gevent_worker():
            return
        self._armed_pid = os.getpid()
        try:
            signal.signal(signal.SIGALRM, self._tick)
        except ValueError:
            return
        signal.setitimer(signal.ITIMER_REAL, TICK_SECONDS, TICK_SECONDS)

    def _tick(self, _signum: int, _frame: object) -> None:
        # Raised again at every tick until the request ends: library code that catches every
        # exception cannot keep a request running past its deadline.
        due = self._due.get(id(_current_task()))
        if due is not None and time.monotonic() > due:
            raise DeadlineExceeded()


def stop_timer() -> None:
    """Stop this process's timer (a worker exiting): no signal may outlive the handler."""
    if _gevent_worker():
        signal.setitimer(signal.ITIMER_REAL, 0)


def init_deadline(server: Flask, seconds: float) -> None:
    """Stop any request of `server` running longer than `seconds` (0: never)."""
    if seconds <= 0:
        return
    deadlines = Deadlines(seconds)

    @server.before_request
    def start_clock() -> None:
        deadlines.start()

    @server.teardown_request
    def stop_clock(_error: BaseException | None) -> None:
        deadlines.finish()

    @server.errorhandler(DeadlineExceeded)
    def too_long(error: DeadlineExceeded) -> Response:
        deadlines.finish()  # the answer itself must not be stopped
        logger.warning("Stopped %s %s after %g s (REQUEST_DEADLINE)", request.method,
                       request.path, seconds)
        return error_response(error.code or 503, error.description or "")
