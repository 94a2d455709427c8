"""HTTP API and downloads, mounted on the app's Flask server by `register(server)`."""

from __future__ import annotations

from flask import Flask

from api.routes import blueprint


def register(server: Flask) -> None:
    """Mount /api/v1/..., the bulk ZIP and /healthz, with JSON errors for every API path."""
    server.register_blueprint(blueprint)
