"""The web app and REST API over a podium corpus: `create_app(db)` and nothing else public."""

from podium.web.app import create_app

__all__ = ["create_app"]
