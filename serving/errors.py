"""Errors as short JSON or plain-text answers, never stack traces; malformed callback
requests are refused with 400 before Dash sees them."""

from __future__ import annotations

import logging
from typing import Any

import dash
from dash.exceptions import DependencyException
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

logger = logging.getLogger(__name__)

CALLBACK_PATH = "/_dash-update-component"


def is_api_path(path: str) -> bool:
    """The HTTP API's paths: /api, /api/... and /healthz."""
    return path in ("/api", "/healthz") or path.startswith("/api/")


def _wants_json() -> bool:
    if request.path.startswith("/_dash-") or is_api_path(request.path):
        return True
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json"


def error_response(status: int, message: str) -> Response:
    if is_api_path(request.path):
        # The API's documented error shape (components/schemas/Error in its OpenAPI document).
        response = jsonify(error=message, status=status)
    elif _wants_json():
        response = jsonify(error={"status": status, "message": message})
    else:
        response = Response(f"{status}: {message}\n", mimetype="text/plain")
    response.status_code = status
    return response


def _is_dependency(item: Any) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str | dict) and isinstance(
        item.get("property"), str
    )


def _is_dependency_list(items: Any, expected: int) -> bool:
    """`items` holds `expected` dependencies, each one or a list of them (pattern matching)."""
    return (
        isinstance(items, list)
        and len(items) == expected
        and all(
            _is_dependency(item)
            or (isinstance(item, list) and all(_is_dependency(sub) for sub in item))
            for item in items
        )
    )


def callback_body_problem(app: dash.Dash, body: Any) -> str | None:
    """Why `body` is not a callback request this app can run, or None if it is."""
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str):
        return "'output' must be a string"
    callback = app.callback_map.get(output)
    if callback is None:
        return "no callback has these outputs"
    if "callback" not in callback:
        return "these outputs are computed in the browser"  # a clientside callback
    if not _is_dependency_list(body.get("inputs"), len(callback["inputs"])):
        return "'inputs' does not match the callback's inputs"
    if not _is_dependency_list(body.get("state", []), len(callback["state"])):
        return "'state' does not match the callback's state"
    outputs = body.get("outputs", [])
    if not (_is_dependency(outputs) or isinstance(outputs, list)):
        return "'outputs' must be an output or a list of outputs"
    if isinstance(outputs, list) and not all(
        _is_dependency(item) or isinstance(item, list) for item in outputs
    ):
        return "'outputs' must be an output or a list of outputs"
    changed = body.get("changedPropIds", [])
    if not (isinstance(changed, list) and all(isinstance(item, str) for item in changed)):
        return "'changedPropIds' must be a list of strings"
    return None


def init_errors(app: dash.Dash, max_content_length: int, max_form_memory_size: int) -> None:
    server: Flask = app.server
    server.config.update(
        MAX_CONTENT_LENGTH=max_content_length,
        MAX_FORM_MEMORY_SIZE=max_form_memory_size,
        MAX_FORM_PARTS=100,
    )

    @server.before_request
    def check_callback_body() -> Response | None:
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        # A body over MAX_CONTENT_LENGTH raises 413 here, before it is parsed.
        try:
            body = request.get_json(silent=True)
        except RecursionError:  # JSON nested deeper than the parser goes
            body = None
        if body is None:
            return error_response(
                400, "the body must be a JSON object sent as Content-Type: application/json"
            )
        problem = callback_body_problem(app, body)
        if problem is not None:
            return error_response(400, problem)
        return None

    @server.errorhandler(DependencyException)
    def unknown_bundle(_error: DependencyException) -> Response:
        # Dash raises this for a component-suite path it never registered: a client error.
        return error_response(404, "no such file")

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        if error.code is None or error.code < 400:
            return error  # redirects and the like pass through
        response = error_response(error.code, error.description or error.name)
        for name, value in error.get_headers():  # Allow, Retry-After, ...
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @server.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        if isinstance(error, HTTPException):
            return http_error(error)
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        return error_response(500, InternalServerError.description)
