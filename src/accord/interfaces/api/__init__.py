"""The REST API (FastAPI) over the treaty engine and the press store."""

from accord.interfaces.api.app import create_app

__all__ = ["create_app"]
