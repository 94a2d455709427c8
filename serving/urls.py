"""Links written into files and share links, never built from an untrusted Host header.

`absolute_url("/compare?indicator=...")` is the one way to make such a link:
- PUBLIC_URL set (e.g. https://dashboard.example.org): that origin + the path;
- otherwise, during a request whose Host is one of ALLOWED_HOSTS (by default the loopback
  names, so `python app.py` on 127.0.0.1 still writes clickable links): that scheme, host and
  port + the path;
- otherwise the path alone, a relative link.

A forged `Host: evil.example` therefore never reaches a download, a citation or a share link.
"""

from __future__ import annotations

import os
from functools import lru_cache

from flask import Flask, current_app, has_app_context, has_request_context, request

from serving.settings import Settings, host_name, parse_allowed_hosts, parse_public_url
from text.i18n import localized_link

PUBLIC_URL_KEY = "PUBLIC_URL"
ALLOWED_HOSTS_KEY = "ALLOWED_HOSTS"


def init_urls(server: Flask, settings: Settings) -> None:
    """Record the link settings on the server, for absolute_url() in its requests."""
    server.config[PUBLIC_URL_KEY] = settings.public_url
    server.config[ALLOWED_HOSTS_KEY] = settings.allowed_hosts


@lru_cache(maxsize=1)
def _settings_from_env() -> tuple[str | None, tuple[str, ...]]:
    return (parse_public_url(os.environ.get("PUBLIC_URL", "")),
            parse_allowed_hosts(os.environ.get("ALLOWED_HOSTS")))


def _link_settings() -> tuple[str | None, tuple[str, ...]]:
    if has_app_context() and ALLOWED_HOSTS_KEY in current_app.config:
        return current_app.config[PUBLIC_URL_KEY], current_app.config[ALLOWED_HOSTS_KEY]
    return _settings_from_env()


def check_path(path_and_query: str) -> str:
    """`path_and_query` if it is a path on this site ("/...", no scheme, host or control
    characters); ValueError otherwise."""
    if (
        not isinstance(path_and_query, str)
        or not path_and_query.startswith("/")
        or path_and_query.startswith(("//", "/\\"))
        or "\\" in path_and_query
        or any(ch.isspace() or not ch.isprintable() for ch in path_and_query)
    ):
        raise ValueError(f"not a path on this site: {path_and_query!r}")
    return path_and_query


def request_origin(allowed_hosts: tuple[str, ...]) -> str | None:
    """scheme://host[:port] of the current request when its Host is allowed, else None."""
    if not has_request_context() or not allowed_hosts:
        return None
    host_header = request.host
    name, port = host_header, ""
    if host_header.startswith("["):
        name, _, rest = host_header[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ("x" if rest else "")
    elif host_header.count(":") == 1:
        name, port = host_header.split(":")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return None
    name = host_name(name)
    if name is None or name not in allowed_hosts:
        return None
    shown = f"[{name}]" if ":" in name else name
    return f"{request.scheme}://{shown}" + (f":{port}" if port else "")


def absolute_url(path_and_query: str) -> str:
    """The link to write into a file or a share link for `path_and_query` (a path on this
    site, e.g. "/compare?indicator=SM.POP.NETM"): PUBLIC_URL + path, or the request's own
    origin when its Host is in ALLOWED_HOSTS, or the path alone (relative)."""
    path = check_path(localized_link(path_and_query))  # opens in the reader's language
    public_url, allowed_hosts = _link_settings()
    if public_url:
        return public_url + path
    origin = request_origin(allowed_hosts)
    return origin + path if origin else path
