"""Markdown with optional YAML front matter. The text keeps the front matter so offsets index the
file as saved; `body_start` says where the transcript begins."""

from __future__ import annotations

import datetime as dt
import re

from podium.read.document import Document
from podium.wordtables import load_yaml

FORMAT = "markdown"

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_SUFFIXES = {".md", ".markdown", ".mdown"}


def sniff(decoded: str, suffix: str) -> bool:
    return suffix in _SUFFIXES or bool(_FRONT_MATTER.match(decoded))


def read(decoded: str, name: str) -> Document:
    doc = Document(text=decoded, source=name, format=FORMAT)
    match = _FRONT_MATTER.match(decoded)
    if not match:
        return doc
    doc.body_start = match.end()
    import yaml  # only a file with front matter needs YAML's errors

    try:
        front = load_yaml(match.group(1))
    except yaml.YAMLError:
        front = None  # a broken header is not worth losing the transcript over
    if not isinstance(front, dict):
        return doc
    doc.metadata["front_matter"] = {k: _plain(v) for k, v in front.items()}
    if front.get("title"):
        doc.title = " ".join(str(front["title"]).replace("\u00a0", " ").split())
    doc.date = _iso_date(front.get("date"))
    return doc


def _plain(value: object) -> object:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _iso_date(value: object) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if match:
            return match.group(1)
    return None
