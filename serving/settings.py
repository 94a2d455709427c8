"""Serving settings, read once from the environment.

Every knob an operator can turn is listed here, with its default, so the deployment
documentation and the code cannot drift apart.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

# A CSP source an operator may list for framing the embed view: a scheme+host origin
# (optionally with a port or a leading "*." subdomain wildcard) or 'self'.
_FRAME_SOURCE = re.compile(r"^(?:'self'|https?://(?:\*\.)?[A-Za-z0-9.-]+(?::\d{1,5})?)$")


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
        )
