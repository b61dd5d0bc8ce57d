"""Static assets, read once from the package into memory.

Serving from a dict keyed by file name means no part of a URL is ever joined to a file-system
path: an unknown name is a 404, whatever dots or slashes it holds."""

from __future__ import annotations

import hashlib
from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

MEDIA_TYPES: dict[str, str] = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


def load_assets() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("podium.web") / "static"
    assets: dict[str, tuple[bytes, str]] = {}
    for entry in folder.iterdir():
        suffix = "." + entry.name.rsplit(".", 1)[-1]
        if entry.is_file() and suffix in MEDIA_TYPES:
            assets[entry.name] = (entry.read_bytes(), MEDIA_TYPES[suffix])
    return assets


ASSETS = load_assets()
# A content hash in the ETag lets browsers revalidate cheaply after an upgrade.
ETAGS = {name: hashlib.sha256(body).hexdigest()[:16] for name, (body, _type) in ASSETS.items()}

static_router = APIRouter(include_in_schema=False)


@static_router.get("/static/{name}", name="static")
def static(name: str) -> Response:
    if name not in ASSETS:
        raise HTTPException(404, "no such asset")
    body, media_type = ASSETS[name]
    return Response(body, media_type=media_type, headers={"ETag": f'"{ETAGS[name]}"', "Cache-Control": "max-age=3600"})
