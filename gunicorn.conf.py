"""gunicorn settings for `gunicorn app:server --config gunicorn.conf.py` (see the Procfile).

Each value can be changed through the environment variable named beside it.

Workers are gevent workers: every connection is a cheap greenlet, so clients that send their
request slowly (or hold connections open doing nothing) cost a socket and a little memory,
never a worker thread. A client must send a request's line and headers within `keepalive`
seconds, or the connection is closed. The threaded worker (GUNICORN_WORKER_CLASS=gthread)
has no such deadline: about 20 slow clients stop it from answering anyone.
"""

import multiprocessing
import os

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gevent")
if worker_class not in ("gevent", "gthread"):
    raise SystemExit(f"GUNICORN_WORKER_CLASS must be gevent or gthread, got {worker_class!r}")
if worker_class == "gevent":
    # Patch before the app is loaded (preload_app below), so every lock, socket and sleep
    # the app and its libraries create is gevent's.
    from gevent import monkey

    monkey.patch_all()

# PaaS routers reach the app on $PORT on all interfaces; set HOST=127.0.0.1 behind a local proxy.
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8050')}"

# Each worker holds the snapshot in memory and answers many connections at once (gevent), or
# `threads` at a time (gthread).
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Open connections per worker, slow or idle ones included; past this a worker stops accepting.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "1000"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Seconds an idle kept-alive connection stays open, and (gevent) the time a client has to
# send each request's line and headers.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
if keepalive < 1:
    raise SystemExit("GUNICORN_KEEPALIVE must be at least 1: it is also the request-head deadline")

# Load the app (and its snapshot) once, before forking: faster start, memory shared between
# workers until written.
preload_app = True

# Recycle workers now and then so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200

# Request line and header limits (bodies are limited by MAX_CONTENT_LENGTH in the app).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# Trust X-Forwarded-Proto only from the proxies named here (comma-separated IPs).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

access_log_on = os.environ.get("ACCESS_LOG") == "1"
accesslog = "-" if access_log_on else None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")

# Application log records (e.g. the cache's "Redis unreachable" warning) go to stderr with
# the worker's pid, like gunicorn's own.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "INFO", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False},
        # With a logconfig_dict gunicorn always emits access records; the level silences them.
        "gunicorn.access": {
            "level": "INFO" if access_log_on else "WARNING",
            "handlers": ["console"],
            "propagate": False,
        },
    },
}


def when_ready(_server: object) -> None:
    """Before the workers are forked: draw the views people open first, so that every worker
    starts with their figures cached (WARM_UP=0 skips it)."""
    if os.environ.get("WARM_UP", "1") != "0":
        import app

        app.warm_up(app.app)


def worker_exit(_server: object, _worker: object) -> None:
    """A worker stops its request-deadline timer (serving/deadline.py) before it exits."""
    from serving.deadline import stop_timer

    stop_timer()
