"""The API keeps the promises of its OpenAPI document: every answer to every operation, whatever
the parameters, has a documented status and a body that validates against the documented schema;
every error, wherever it arises, is the one documented error shape."""

from __future__ import annotations

import json
from urllib.parse import quote
from typing import Any
from urllib.parse import quote

import pytest
from conftest import EXAMPLE
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema", reason="the OpenAPI tests need jsonschema (the test extra)")


@pytest.fixture(scope="module")
def openapi(client: TestClient) -> dict[str, Any]:
    return client.get("/openapi.json").json()


def validator(openapi: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A validator for `schema`, its $refs resolved inside the OpenAPI document (3.1: JSON Schema 2020-12)."""
    return jsonschema.Draft202012Validator({**schema, "components": openapi.get("components", {})})


def documented(operation: dict[str, Any], status: int) -> dict[str, Any]:
    responses = operation["responses"]
    found = responses.get(str(status)) or responses.get(f"{str(status)[0]}XX") or responses.get("default")
    assert found is not None, f"status {status} is not documented (documented: {sorted(responses)})"
    return found


def check_against_document(openapi: dict[str, Any], path: str, method: str, response: Any) -> None:
    operation = openapi["paths"][path][method]
    declared = documented(operation, response.status_code)
    media = response.headers.get("content-type", "").split(";")[0]
    content = declared.get("content", {})
    assert media in content, f"{method.upper()} {path} answered {response.status_code} as {media}; documented: {sorted(content)}"
    if media == "application/json":
        errors = sorted(validator(openapi, content[media]["schema"]).iter_errors(response.json()), key=str)
        assert not errors, f"{method.upper()} {path} -> {response.status_code}: {errors[0].message} at {list(errors[0].absolute_path)}"


def api_gets(openapi: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(path, item["get"]) for path, item in sorted(openapi["paths"].items()) if path.startswith("/api/") and "get" in item]


def test_every_api_operation_documents_its_answers_and_errors(openapi: dict[str, Any]) -> None:
    problem = openapi["components"]["schemas"]["Problem"]
    assert set(problem["required"]) == {"error", "status"}
    for path, item in openapi["paths"].items():
        if not path.startswith("/api/"):
            continue
        for method, operation in item.items():
            responses = operation["responses"]
            success = [code for code in responses if code.startswith("2")]
            assert success and all(responses[code]["content"]["application/json"]["schema"] for code in success), (path, method)
            assert responses["4XX"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
            assert "HTTPValidationError" not in json.dumps(responses)  # FastAPI's shape is not what is sent
    upload = openapi["paths"]["/api/v1/briefings"]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert upload["anyOf"] == [{"required": ["file"]}, {"required": ["url"]}]
    assert set(upload["properties"]) == {"file", "url"}


def parameter_values(param: dict[str, Any], ids: list[str]) -> st.SearchStrategy[Any]:
    """Values a client might send: valid ones from the schema, and wrong ones."""
    schema = param.get("schema", {})
    options = [schema] + schema.get("anyOf", [])
    junk = st.sampled_from(["", "garbage", "2024-13-45", "-1", "0", "%", "a* OR", "\"", "ÿ", "1e400"])
    choices: list[st.SearchStrategy[Any]] = [junk, st.text(max_size=12)]
    for option in options:
        if "enum" in option:
            choices.append(st.sampled_from(option["enum"]))
        if option.get("type") == "integer":
            choices.append(st.integers(min_value=-3, max_value=1200))
        if option.get("type") == "boolean":
            choices.append(st.booleans())
    if param["name"] in ("briefing", "briefing_id", "figure_id", "finding_id", "commitment_id"):
        choices.append(st.sampled_from(ids + [i[:6] for i in ids] + [i.upper() for i in ids]))
    if param["name"] in ("since", "until"):
        choices.append(st.sampled_from(["2025", "2025-03", "2025-03-03", "2011-02-30"]))
    if param["name"] in ("q", "subject", "prefix"):
        choices.append(st.sampled_from(["growth", "GDP", "the", "grain output", "Riverland"]))
    return st.one_of(choices)


@st.composite
def api_requests(draw: st.DrawFn, openapi: dict[str, Any], ids: list[str]) -> tuple[str, str, dict[str, Any]]:
    path, operation = draw(st.sampled_from(api_gets(openapi)))
    url, query = path, {}
    for param in operation.get("parameters", []):
        value = draw(parameter_values(param, ids))
        if param["in"] == "path":
            # As a client sends a path segment: percent-encoded ("?" or "#" would start a query or
            # a fragment), never a dot segment, which a URL resolves away.
            segment = quote(str(value), safe="")
            url = url.replace("{" + param["name"] + "}", segment if segment not in ("", ".", "..") else "x")
        elif param.get("required") or draw(st.booleans()):
            query[param["name"]] = value
    return path, url, query


def test_answers_validate_against_the_document(client: TestClient, openapi: dict[str, Any], web_corpus: Any) -> None:
    ids = sorted(web_corpus.briefings)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
    @given(api_requests(openapi, ids))
    def answer_matches(request: tuple[str, str, dict[str, Any]]) -> None:
        path, url, query = request
        response = client.get(url, params=query)
        assert response.status_code < 500, f"GET {url} {query} -> {response.status_code} {response.text[:200]}"
        check_against_document(openapi, path, "get", response)

    answer_matches()


def test_real_records_validate(client: TestClient, openapi: dict[str, Any], example_id: str) -> None:
    """The examples a property test may not draw: every list full, the whole briefing."""
    item_ids = {
        "{" + name.rstrip("s") + "_id}": client.get(f"/api/v1/{name}", params={"briefing": example_id}).json()[0]["id"]
        for name in ("figures", "findings", "commitments")
    }
    for path, _operation in api_gets(openapi):
        url = path.replace("{briefing_id}", example_id)
        for placeholder, item in item_ids.items():
            url = url.replace(placeholder, item)
        params = {"q": "growth"} if path.endswith("/search") else {}
        response = client.get(url, params={**params, "limit": 1000})
        assert response.status_code == 200, url
        assert response.json(), f"{url} answered nothing to validate"
        check_against_document(openapi, path, "get", response)


ERRORS = [
    ("get", "/api/v1/briefings/0123456789abcdef", {}, 404),
    ("get", "/api/v1/no-such-thing", {}, 404),
    ("get", "/api/v1/figures?limit=0", {}, 422),
    ("get", "/api/v1/figures?kind=nonsense", {}, 422),
    ("get", "/api/v1/briefings?sort=nonsense", {}, 422),
    ("get", "/api/v1/search", {}, 422),
    ("get", "/api/v1/search?q=x&since=garbage", {}, 422),
    ("get", "/api/v1/search?q=x&until=2024-13-45", {}, 422),
    ("delete", "/api/v1/briefings", {}, 405),
    ("put", "/api/v1/briefings/0123456789abcdef", {}, 405),
    ("post", "/api/v1/briefings", {}, 422),
    ("post", "/api/v1/briefings", {"files": {"file": ("x.png", b"\x89PNG", "image/png")}}, 415),
    ("post", "/api/v1/briefings", {"headers": {"Origin": "http://evil.example"}}, 403),
    ("get", "/api/v1/briefings", {"headers": {"Host": "evil.example"}}, 421),
]


@pytest.mark.parametrize(("method", "url", "extra", "status"), ERRORS)
def test_every_error_has_the_documented_shape(
    fresh_client: TestClient, openapi: dict[str, Any], method: str, url: str, extra: dict[str, Any], status: int
) -> None:
    response = fresh_client.request(method.upper(), url, **extra)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert not list(validator(openapi, {"$ref": "#/components/schemas/Problem"}).iter_errors(body))
    assert body["status"] == status and body["error"]
    assert set(body) <= {"error", "status", "detail"}


def test_upload_answers_201_then_200(fresh_client: TestClient, openapi: dict[str, Any]) -> None:
    files = {"file": ("example.txt", EXAMPLE.read_bytes(), "text/plain")}
    first = fresh_client.post("/api/v1/briefings", files=files)
    again = fresh_client.post("/api/v1/briefings", files=files)
    assert (first.status_code, first.json()["status"]) == (201, "added")
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    assert first.json()["id"] == again.json()["id"]
    for response in (first, again):
        check_against_document(openapi, "/api/v1/briefings", "post", response)
