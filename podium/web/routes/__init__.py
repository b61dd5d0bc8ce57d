"""Routers: `pages` (HTML with .json twins), `api` (/api/v1), `docs` (offline API docs)."""
