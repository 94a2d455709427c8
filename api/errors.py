"""JSON errors for the API: bad input is a 400 that says what was wrong and what is allowed.

The handlers are registered on the API blueprint, so they answer for API routes only and
take precedence over the app-wide error pages; no error ever shows a stack trace.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from query import SnapshotError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """A client error with a message meant for the person who sent the request."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def error_response(message: str, status: int) -> Response:
    response = jsonify({"error": message, "status": status})
    response.status_code = status
    return response


def register_error_handlers(blueprint: Blueprint) -> None:
    @blueprint.errorhandler(ApiError)
    def api_error(error: ApiError) -> Response:
        return error_response(error.message, error.status)

    @blueprint.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response | HTTPException:
        if error.code is None or error.code < 400:
            return error
        response = error_response(f"{error.name}: {error.description}", error.code)
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response

    @blueprint.errorhandler(SnapshotError)
    def data_unavailable(error: SnapshotError) -> Response:
        log.error("Snapshot unavailable for %s: %s", request.full_path, error)
        return error_response("The data snapshot could not be loaded; try again later.", 503)

    @blueprint.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.exception("API request failed: %s", request.full_path)
        return error_response("Internal error; the request was logged.", 500)
