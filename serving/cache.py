"""The shared cache: Redis when REDIS_URL is set, an in-process cache otherwise.

`cache` is the one flask-caching object of the app; `memoize` is the helper that figure and
query functions use. With Redis, every worker and machine shares one cache; if Redis stops
answering, `ResilientRedisCache` serves from a local cache (slower, never failing), logs one
warning, and tries Redis again after a short back-off.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import redis
from cachelib import SimpleCache
from flask import Flask, has_app_context
from flask_caching import Cache
from flask_caching.backends.base import BaseCache
from flask_caching.backends.rediscache import RedisCache
from plotly.basedatatypes import BaseFigure
from plotly.io.json import to_json_plotly
from redis.backoff import NoBackoff
from redis.retry import Retry

from serving.settings import Settings
from text import i18n

logger = logging.getLogger(__name__)

cache = Cache()

F = TypeVar("F", bound=Callable[..., Any])

# Errors that mean "Redis is not there right now"; anything else is a bug and propagates.
REDIS_DOWN_ERRORS = (redis.ConnectionError, redis.TimeoutError, OSError)
LOCAL_FALLBACK_ENTRIES = 500
ROOT = Path(__file__).resolve().parent.parent


class ResilientRedisCache(BaseCache):
    """A Redis cache that degrades to a local cache while Redis is unreachable.

    Each call goes to Redis unless Redis failed within the last `retry_seconds`; then it goes
    to the local cache. One call per back-off period probes Redis again, so a dead Redis costs
    at most one short socket timeout per period per process.
    """

    def __init__(
        self,
        url: str,
        default_timeout: int = 300,
        key_prefix: str = "",
        socket_timeout: float = 0.25,
        retry_seconds: float = 5.0,
    ) -> None:
        super().__init__(default_timeout=default_timeout)
        client = redis.Redis.from_url(
            url,
            socket_timeout=socket_timeout,
            socket_connect_timeout=socket_timeout,
            # The back-off below replaces redis-py's own retries, which would multiply
            # the cost of every call while Redis is down.
            retry=Retry(NoBackoff(), 0),
        )
        self.redis = RedisCache(host=client, default_timeout=default_timeout, key_prefix=key_prefix)
        self.local = SimpleCache(threshold=LOCAL_FALLBACK_ENTRIES, default_timeout=default_timeout)
        self.url_for_logs = client.get_connection_kwargs().get("host", "redis")
        self.retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._down = False
        self._retry_at = 0.0

    @classmethod
    def factory(
        cls, app: Flask, config: dict[str, Any], args: list[Any], kwargs: dict[str, Any]
    ) -> ResilientRedisCache:
        return cls(
            config["CACHE_REDIS_URL"],
            default_timeout=kwargs.get("default_timeout", 300),
            key_prefix=config.get("CACHE_KEY_PREFIX", ""),
            socket_timeout=config["CACHE_REDIS_SOCKET_TIMEOUT"],
            retry_seconds=config["CACHE_REDIS_RETRY_SECONDS"],
        )

    @property
    def redis_available(self) -> bool:
        return not self._down

    def _should_try_redis(self) -> bool:
        if not self._down:
            return True
        with self._lock:
            now = time.monotonic()
            if now < self._retry_at:
                return False
            self._retry_at = now + self.retry_seconds  # this call is the probe
            return True

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if self._should_try_redis():
            try:
                result = getattr(self.redis, method)(*args, **kwargs)
            except REDIS_DOWN_ERRORS as error:
                self._mark_down(error)
            else:
                if self._down:
                    self._mark_up()
                return result
        return getattr(self.local, method)(*args, **kwargs)

    def _mark_down(self, error: BaseException) -> None:
        with self._lock:
            self._retry_at = time.monotonic() + self.retry_seconds
            if self._down:
                return
            self._down = True
        logger.warning(
            "Redis cache at %s is unreachable (%s); serving from the in-process cache "
            "and retrying every %.0fs",
            self.url_for_logs, error.__class__.__name__, self.retry_seconds,
        )

    def _mark_up(self) -> None:
        with self._lock:
            if not self._down:
                return
            self._down = False
            self.local.clear()  # entries written during the outage may be older than Redis's
        logger.warning("Redis cache at %s is reachable again; using it", self.url_for_logs)

    def get(self, key: str) -> Any:
        return self._call("get", key)

    def get_many(self, *keys: str) -> list[Any]:
        return self._call("get_many", *keys)

    def get_dict(self, *keys: str) -> dict[str, Any]:
        return dict(zip(keys, self.get_many(*keys), strict=True))

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any:
        return self._call("set", key, value, timeout)

    def add(self, key: str, value: Any, timeout: int | None = None) -> Any:
        return self._call("add", key, value, timeout)

    def set_many(self, mapping: dict[str, Any], timeout: int | None = None) -> Any:
        return self._call("set_many", mapping, timeout)

    def delete(self, key: str) -> bool:
        return self._call("delete", key)

    def delete_many(self, *keys: str) -> Any:
        return self._call("delete_many", *keys)

    def has(self, key: str) -> bool:
        return self._call("has", key)

    def clear(self) -> bool:
        self.local.clear()
        return self._call("clear")

    def inc(self, key: str, delta: int = 1) -> Any:
        return self._call("inc", key, delta)

    def dec(self, key: str, delta: int = 1) -> Any:
        return self._call("dec", key, delta)


# The packages whose code shapes a cached result: a change to any of them is a new cache.
CODE_PACKAGES = ("charts", "exports", "figures", "layouts", "pages", "query", "state", "text")


def code_token(root: Path = ROOT) -> str:
    """A short hash of the code that builds figures, components and text, so a new release
    never serves results built by the old one (the decorated function's own bytecode is not
    enough: a figure also depends on the builders and texts it calls)."""
    digest = hashlib.sha256()
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_token() -> str:
    """A short hash of the snapshot's vintage, so a new snapshot never meets old cached results."""
    snapshot_dir = Path(os.environ.get("SNAPSHOT_DIR") or ROOT / "data" / "snapshot")
    try:
        vintage = (snapshot_dir / "vintage.json").read_bytes()
    except OSError:
        vintage = b""
    return hashlib.sha256(vintage).hexdigest()[:12]


def cache_config(settings: Settings) -> dict[str, Any]:
    """flask-caching configuration for these settings."""
    config: dict[str, Any] = {
        "CACHE_DEFAULT_TIMEOUT": settings.cache_default_timeout,
        "CACHE_KEY_PREFIX": f"mdd:{settings.cache_version}:{snapshot_token()}:{code_token()}:",
    }
    if settings.redis_url:
        config.update(
            CACHE_TYPE=f"{__name__}.ResilientRedisCache",
            CACHE_REDIS_URL=settings.redis_url,
            CACHE_REDIS_SOCKET_TIMEOUT=settings.redis_socket_timeout,
            CACHE_REDIS_RETRY_SECONDS=settings.redis_retry_seconds,
        )
    elif settings.cache_dir:
        config.update(CACHE_TYPE="FileSystemCache", CACHE_DIR=settings.cache_dir)
    else:
        config.update(CACHE_TYPE="SimpleCache", CACHE_THRESHOLD=LOCAL_FALLBACK_ENTRIES)
    return config


def init_cache(server: Flask, settings: Settings) -> None:
    cache.init_app(server, config=cache_config(settings))
    # Lets memoised functions use the cache outside a request too (warm-up, benchmarks).
    cache.app = server


def cache_status() -> dict[str, Any]:
    """What the cache is and whether Redis answers, for a health endpoint."""
    backend = _backend()
    if backend is None:
        return {"backend": "none"}
    status: dict[str, Any] = {"backend": type(backend).__name__}
    if isinstance(backend, ResilientRedisCache):
        status["redis_available"] = backend.redis_available
    return status


def _backend() -> BaseCache | None:
    if not has_app_context() and cache.app is None:
        return None
    try:
        return cache.cache
    except KeyError:  # this app was never configured
        return None


# --- memoisation -------------------------------------------------------------------------

_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any, where: str) -> Any:
    """`value` as a stable, hashable key part; lists and tuples alike, dicts by sorted key."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list | tuple):
        return tuple(_plain(item, where) for item in value)
    if isinstance(value, frozenset | set):
        return tuple(sorted((_plain(item, where) for item in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v, where)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A state (state/): its type and fields, so two views with equal fields share a key.
        return (type(value).__qualname__,
                _plain({f.name: getattr(value, f.name) for f in dataclasses.fields(value)},
                       where))
    raise TypeError(
        f"{where}: memoised functions take plain arguments (str, numbers, None, and lists, "
        f"tuples or dicts of them), not {type(value).__name__}"
    )


class _FigureDict(dict):
    """A cached figure, stored as its plain dict: unpickling a go.Figure re-validates every
    property and costs as much as building it."""


def _freeze(value: Any) -> Any:
    if isinstance(value, BaseFigure):
        return _FigureDict(value.to_plotly_json())
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, _FigureDict):
        import plotly.graph_objects as go

        # The dict came from a valid figure, so validation would only repeat work.
        return go.Figure(dict(value), _validate=False)
    if isinstance(value, _CallbackJSON):
        return json.loads(value)
    return value


class _CallbackJSON(str):
    """A callback's outputs as the JSON Dash sends: a hit is decoded to plain data, which
    Dash encodes again in well under a millisecond, instead of re-encoding figures and
    components object by object."""


def memoize(timeout: int | None = None, *, as_json: bool = False) -> Callable[[F], F]:
    """Cache a function's results in the shared cache, keyed by its arguments.

    With `as_json=True` (for Dash callbacks whose outputs are figures, components and plain
    data, never `no_update`) the result is stored as the JSON Dash would send and a hit returns
    it decoded as plain dicts and lists: the same JSON reaches the browser, at a fraction of
    the cost.

    Arguments must be plain values (str, numbers, None, lists/tuples/dicts of them, or
    dataclasses of them such as a page's state): pass codes, years and states, not DataFrames.
    The key includes the function's module, name and bytecode, the hash of the code that
    builds results (`code_token`), the snapshot's vintage and CACHE_VERSION, so a new snapshot
    or new code never returns stale results. go.Figure results are stored as plain dicts and
    rebuilt without re-validation. Outside a configured app the function simply runs.
    """

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        code = getattr(func, "__code__", None)
        code_hash = hashlib.sha256(
            code.co_code + repr(code.co_consts).encode() if code else b""
        ).hexdigest()[:8]
        name = f"{func.__module__}.{func.__qualname__}:{code_hash}"

        @functools.wraps(func)
        def memoized(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            # Results hold words and numbers in the request's language.
            parts = (_plain(dict(bound.arguments), name), i18n.current())
            key = "memo:" + name + ":" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
            backend = _backend()
            if backend is None:
                return func(*args, **kwargs)
            stored = backend.get(key)
            if stored is not None:
                return _thaw(stored)
            value = func(*args, **kwargs)
            if value is not None:
                stored = _CallbackJSON(to_json_plotly(value)) if as_json else _freeze(value)
                backend.set(key, stored, timeout=timeout)
            return value

        memoized.uncached = func  # type: ignore[attr-defined]
        return memoized  # type: ignore[return-value]

    return decorate
