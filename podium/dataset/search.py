"""The dataset's full-text index: tantivy (a search library, Rust, from a PyPI wheel), one index
in DIR/search over every turn, brought up to date after each ingest partition by partition.
Turns holding Chinese or Japanese characters are indexed a character at a token as well (as the
SQLite store's turns_cjk, see podium/store/cjk.py). tantivy's BM25 scores are comparable across
the whole index, which shards built apart would not be."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from podium.store import cjk, fts
from podium.store.queries import HIT_END, HIT_START

INDEX = "search"
DONE = "partitions.json"  # the partitions the index holds, written after each commit
SNIPPET_CHARS = 160
HEAP_BYTES = 100_000_000


def schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("text", stored=True)
    builder.add_text_field("cjk", stored=False)
    # A hit carries what a search row shows, so a page of hits needs no look-up in the Parquet files.
    for name in ("briefing_id", "partition", "speaker", "role", "date", "title"):
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    for name in ("turn_id", "start", "end"):
        builder.add_integer_field(name, stored=True)
    return builder.build()


def open_index(out: Path, *, create: bool = False) -> Any:
    import tantivy

    folder = out / INDEX
    if create:
        folder.mkdir(exist_ok=True)
    return tantivy.Index(schema(), path=str(folder), reuse=True)


def indexed(out: Path) -> set[str]:
    path = out / INDEX / DONE
    return set(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else set()


def update_index(out: Path) -> int:
    """Index the partitions the index lacks; how many. A partition half-indexed by a run that
    crashed is dropped from the index and indexed again whole."""
    import tantivy

    present = {p.name.removeprefix("part-").removesuffix(".parquet") for p in (out / "briefings").glob("part-*.parquet")}
    done = indexed(out)
    todo = sorted(present - done)
    if not todo:
        return 0
    index = open_index(out, create=True)
    writer = index.writer(heap_size=HEAP_BYTES, num_threads=1)
    for key in todo:
        writer.delete_documents_by_term("partition", key)  # a raw field: the key is its one term
        for fields in partition_turns(out, key):
            writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()
    path = out / INDEX / DONE
    temporary = path.with_name(DONE + ".tmp")
    temporary.write_text(json.dumps(sorted(done | set(todo))), encoding="utf-8")
    os.replace(temporary, path)
    return len(todo)


def partition_turns(out: Path, key: str) -> Iterator[dict[str, Any]]:
    """Every turn of one partition as index fields, its text cut from its briefing's."""
    import pyarrow.parquet as pq

    columns = ["id", "date", "title", "text"]
    briefings = {b["id"]: b for b in pq.read_table(out / "briefings" / f"part-{key}.parquet", columns=columns).to_pylist()}
    spans = pq.read_table(out / "turn_spans" / f"part-{key}.parquet").to_pylist()
    for span in spans:
        briefing = briefings[span["briefing_id"]]
        body = briefing["text"][span["body_start"] : span["end"]]
        fields = {
            "text": body, "briefing_id": span["briefing_id"], "partition": key, "turn_id": span["turn_id"],
            "speaker": span["speaker"] or "", "role": span["role"], "date": briefing["date"] or "",
            "title": briefing["title"] or "", "start": span["start"], "end": span["end"],
        }  # fmt: skip
        if cjk.has_cjk(body):
            fields["cjk"] = cjk.spaced(body)
        yield fields


def query_text(query: str) -> tuple[str, str]:
    """A user's query (read as the SQLite store reads it, fts.prepare) in tantivy's syntax, and
    the field it searches: every word required, `-word` excluded, `word*` a prefix."""
    prepared = fts.prepare(query)
    if cjk.has_cjk(query):
        return "cjk", "+" + cjk.phrase_query(query)
    terms = [t for t in fts.terms(query) if any(ch.isalnum() for ch in t.text)]
    return "text", " ".join(("-" if t.excluded else "+") + t.quoted() for t in terms) if prepared.plain else ""


def snippet(text: str, generator: Any, doc: Any) -> str:
    """The best fragment with its hits between HIT_START and HIT_END, as the store's snippets."""
    found = generator.snippet_from_doc(doc)
    fragment: str = found.fragment()
    if not fragment:
        return text[:SNIPPET_CHARS]
    raw = fragment.encode("utf-8")
    parts, at = [], 0
    for span in sorted(found.highlighted(), key=lambda r: r.start):
        parts += [raw[at : span.start].decode("utf-8", "replace"), HIT_START, raw[span.start : span.end].decode("utf-8", "replace"), HIT_END]
        at = span.end
    return "".join(parts) + raw[at:].decode("utf-8", "replace")
