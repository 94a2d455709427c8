"""Serving settings, read once from the environment.

Every knob an operator can turn is listed here, with its default, so the deployment
documentation and the code cannot drift apart.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# A CSP source an operator may list for framing the embed view: a scheme+host origin
# (optionally with a port or a leading "*." subdomain wildcard) or 'self'.
_FRAME_SOURCE = re.compile(r"^(?:'self'|https?://(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$")
# A DNS name: labels of letters, digits and inner hyphens, separated by dots.
_HOST_NAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                        r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")
# Host names this machine answers to itself: a link to one of them can only lead back here.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None


def parse_frame_ancestors(raw: str) -> tuple[str, ...]:
    """Origins allowed to frame /embed, besides 'self'; rejects anything that is not an origin."""
    sources = []
    for token in raw.replace(",", " ").split():
        if not _FRAME_SOURCE.match(token):
            raise ValueError(
                f"EMBED_FRAME_ANCESTORS: {token!r} is not an origin such as https://example.org"
            )
        if token != "'self'" and token not in sources:
            sources.append(token)
    return tuple(sources)


def host_name(host: str) -> str | None:
    """`host` lower-cased if it is a DNS name or an IP address (IPv6 without brackets)."""
    host = host.lower()
    if _HOST_NAME.match(host):
        return host.rstrip(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return None


def parse_public_url(raw: str) -> str | None:
    """PUBLIC_URL as `scheme://host[:port]`, or None when unset.

    Only http or https, a host name or IP address and an optional port: no user name,
    path, query, fragment, backslash, space or control character, so a link built on it
    can only lead to the site itself.
    """
    raw = raw.strip()
    if not raw:
        return None
    problem = f"PUBLIC_URL must look like https://dashboard.example.org, got {raw!r}"
    if any(ch.isspace() or not ch.isprintable() or ch == "\\" for ch in raw):
        raise ValueError(problem)
    parts = urlsplit(raw)
    if (
        parts.scheme.lower() not in ("http", "https")
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or "@" in parts.netloc
        or raw.endswith(("?", "#"))
    ):
        raise ValueError(problem)
    try:
        port = parts.port
    except ValueError:
        raise ValueError(problem) from None
    host = host_name(parts.hostname or "")
    if host is None or port == 0:
        raise ValueError(problem)
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{shown}" + (f":{port}" if port is not None else "")


def parse_allowed_hosts(raw: str | None) -> tuple[str, ...]:
    """ALLOWED_HOSTS: host names (no port) whose Host header may be used in links when
    PUBLIC_URL is unset. Unset: the loopback names only; empty: none."""
    if raw is None:
        return LOOPBACK_HOSTS
    hosts = []
    for token in raw.replace(",", " ").split():
        host = host_name(token.strip("[]"))
        if host is None:
            raise ValueError(f"ALLOWED_HOSTS: {token!r} is not a host name such as example.org")
        if host not in hosts:
            hosts.append(host)
    return tuple(hosts)


@dataclass(frozen=True)
class Settings:
    debug: bool
    redis_url: str | None
    cache_dir: str | None
    cache_default_timeout: int
    cache_version: str
    redis_socket_timeout: float
    redis_retry_seconds: float
    max_content_length: int
    max_form_memory_size: int
    embed_frame_ancestors: tuple[str, ...]
    public_url: str | None = None
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    request_body_timeout: float = 30.0
    request_deadline: float = 20.0

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            debug=os.environ.get("DASH_DEBUG", "").strip().lower() in ("1", "true", "yes"),
            redis_url=os.environ.get("REDIS_URL", "").strip() or None,
            cache_dir=os.environ.get("CACHE_DIR", "").strip() or None,
            cache_default_timeout=_int("CACHE_DEFAULT_TIMEOUT", 3600),
            cache_version=os.environ.get("CACHE_VERSION", "").strip() or "1",
            redis_socket_timeout=_float("REDIS_SOCKET_TIMEOUT", 0.25),
            redis_retry_seconds=_float("REDIS_RETRY_SECONDS", 5.0),
            max_content_length=_int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024),
            max_form_memory_size=_int("MAX_FORM_MEMORY_SIZE", 512 * 1024),
            embed_frame_ancestors=parse_frame_ancestors(
                os.environ.get("EMBED_FRAME_ANCESTORS", "")
            ),
            public_url=parse_public_url(os.environ.get("PUBLIC_URL", "")),
            allowed_hosts=parse_allowed_hosts(os.environ.get("ALLOWED_HOSTS")),
            request_body_timeout=_float("REQUEST_BODY_TIMEOUT", 30.0),
            request_deadline=_float("REQUEST_DEADLINE", 20.0),
        )
