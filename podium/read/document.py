from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from podium.model import Caveat


@dataclass
class Document:
    """Text as read, and what the reader learned about it.

    `body_start` is where the transcript proper begins (after front matter), so later stages can
    skip metadata without shifting offsets."""

    text: str
    source: str
    format: str
    body_start: int = 0
    title: str | None = None
    date: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[Caveat] = field(default_factory=list)  # what reading it repaired
