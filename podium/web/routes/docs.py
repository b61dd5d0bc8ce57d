"""An offline API reference at /docs, rendered on the server from the app's own OpenAPI schema
(FastAPI's Swagger page would fetch its scripts from a CDN)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from podium.web.routes.common import json_response, respond

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


@router.get("/docs.json", name="docs_json")
@router.get("/docs", name="docs")
def docs(request: Request) -> Response:
    """Every API operation with its parameters; the twin is the OpenAPI document itself."""
    schema = request.app.openapi()
    if request.url.path.endswith(".json"):
        return json_response(schema)
    return respond(request, "docs", {}, {"operations": operations(schema), "info": schema.get("info", {})})


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            op = item[method]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [parameter_view(p) for p in op.get("parameters", [])],
                }
            )
    return found


def parameter_view(param: dict[str, Any]) -> dict[str, Any]:
    schema = param.get("schema", {})
    kind = schema.get("type") or " | ".join(s.get("type", "") for s in schema.get("anyOf", []) if s.get("type") != "null")
    if "enum" in schema:
        kind = " | ".join(map(str, schema["enum"]))
    return {
        "name": param.get("name", ""),
        "where": param.get("in", ""),
        "required": bool(param.get("required")),
        "type": kind,
        "default": schema.get("default"),
        "description": param.get("description", "") or schema.get("description", ""),
    }
