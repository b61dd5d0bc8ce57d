"""Stable ids for a briefing's figures, findings and commitments.

An id is derived from what the item is, never from where it sits in a list: the briefing's id
(its content hash), the item's kind and its key (a figure's span; a check and the spans it rests
on; a commitment's span, subject and deadline). Re-ingesting the same text therefore gives every
item the id it had, and a link to one keeps working. Two items with the same key in one briefing
are told apart by their order (`#1`, `#2`, ...), the first keeping the bare key.

The store computes the same ids in SQL for rows written before ids existed (migration 0006
calls `item_id` and builds the keys with the same separators), so the key functions here and
that migration must agree."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from podium.model import Briefing, Commitment, Finding, Quantity

ItemKind = Literal["figure", "finding", "commitment"]
ITEM_ID_LENGTH = 16
BRIEFING_ID_LENGTH = 16


class HasId(Protocol):
    id: str


def item_id(kind: str, briefing_id: str, key: str) -> str:
    """The id of one item: 16 hex digits, lower case like a briefing's id."""
    return hashlib.sha256(f"{kind}\x1f{briefing_id}\x1f{key}".encode("utf-8")).hexdigest()[:ITEM_ID_LENGTH]


def figure_key(qty: Quantity) -> str:
    return f"{qty.start}-{qty.end}"


def spans_json(finding: Finding) -> str:
    """The spans a finding rests on, as the store keeps them (a JSON array of {start, end, text})."""
    return json.dumps([vars(ref) for ref in finding.quantities], ensure_ascii=False)


def finding_key(finding: Finding) -> str:
    return f"{finding.check}|{spans_json(finding)}"


def commitment_key(commitment: Commitment) -> str:
    return f"{commitment.start}-{commitment.end}|{commitment.subject}|{commitment.deadline}"


def numbered(keys: Iterable[str]) -> list[str]:
    """Keys made unique by their order: the second `k` becomes `k#1`, the third `k#2`."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        out.append(key if not seen[key] else f"{key}#{seen[key]}")
        seen[key] += 1
    return out


def _stamp(kind: ItemKind, briefing_id: str, items: Sequence[HasId], keys: Iterable[str]) -> None:
    for item, key in zip(items, numbered(keys)):
        item.id = item_id(kind, briefing_id, key)


def stamp_ids(briefing: Briefing) -> Briefing:
    """Give every figure, finding and commitment its id (the same briefing in, the same ids out)."""
    bid = briefing_id_of(briefing)
    _stamp("figure", bid, briefing.quantities, (figure_key(q) for q in briefing.quantities))
    _stamp("finding", bid, briefing.findings, (finding_key(f) for f in briefing.findings))
    _stamp("commitment", bid, briefing.commitments, (commitment_key(c) for c in briefing.commitments))
    return briefing


def briefing_id_of(briefing: Briefing) -> str:
    """The briefing's id: the first 16 hex digits of the sha256 of its text."""
    digest = briefing.content_hash or hashlib.sha256(briefing.text.encode("utf-8")).hexdigest()
    return digest[:BRIEFING_ID_LENGTH]
