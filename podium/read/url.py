"""A web address read as a Document: fetched with httpx (bounded time, size and redirects, content
type checked, a User-Agent naming podium), kept in a local cache so a second run does not fetch
again, then read by the reader its content type names (HTML through podium's own HTML reader, the
same text a saved copy of the page gives). An article split over several addresses (`…_2.htm`, a
"next page" link, rel=next) is followed and joined, each page's start kept in metadata["pages"]."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from podium.errors import PodiumError
from podium.read.document import Document
from podium.read.pages import join_pages

MAX_FETCH_BYTES = 20 * 1024 * 1024  # as the web upload: far past any transcript page, kept in memory
TIMEOUT_SECONDS = 15.0  # connect, and each wait for bytes
DEADLINE_SECONDS = 60.0  # the whole of one page, so a server trickling bytes cannot hold a run forever
MAX_REDIRECTS = 5
MAX_PAGES = 20  # of one article; a "next" link that never ends is a site's listing, not an article
CACHE_ENV = "PODIUM_CACHE"
USER_AGENT = "podium/{version} (press-conference transcript reader; fetches only what its user names)"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# What each accepted content type is read as (the suffix is the readers' format hint).
SUFFIXES: dict[str, str] = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/pdf": ".pdf",
    DOCX_TYPE: ".docx",
}
# Servers often label a PDF or DOCX as a bare download; the bytes then say what it is.
GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/x-download"})
_SCHEMES = ("http://", "https://")
_PAGE_NUMBER = re.compile(r"^(?P<stem>.*?)(?:_(?P<n>\d{1,3}))?(?P<suffix>\.s?html?)$", re.I)


def is_url(target: str) -> bool:
    return target.lower().startswith(_SCHEMES)


@dataclass
class Fetched:
    """One fetched address: what came back and when."""

    url: str
    final_url: str
    media_type: str
    fetched_at: str
    body: bytes = b""


def read_url(
    url: str,
    *,
    refresh: bool = False,
    cache: Path | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_FETCH_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """The page at `url` (and the pages its article goes on to) as one Document whose source is
    `url`. `refresh` fetches again even where the cache holds the page."""
    from podium.read import read_bytes

    if not is_url(url):
        raise PodiumError("E030", "not an http:// or https:// address", url)
    folder = cache_dir() if cache is None else cache
    pages = list(_article(url, folder, refresh=refresh, timeout=timeout, max_bytes=max_bytes, max_pages=max_pages))
    docs = [read_bytes(page.body, name=page.final_url, suffix=_suffix(page)) for page in pages]
    first = docs[0]
    metadata: dict[str, Any] = dict(first.metadata)
    metadata.update(url=url, final_url=pages[0].final_url, fetched_at=pages[0].fetched_at, content_type=pages[0].media_type)
    text = first.text
    if len(docs) > 1:
        joined, starts = join_pages([doc.text.rstrip("\n") for doc in docs], separator="\n\n")
        text = joined + "\n"
        metadata.update(pages=starts, page_count=len(docs), page_urls=[page.final_url for page in pages])
    return Document(
        text=text, source=url, format=first.format, body_start=first.body_start, title=first.title, date=first.date, metadata=metadata
    )


def _article(url: str, folder: Path, *, refresh: bool, timeout: float, max_bytes: int, max_pages: int) -> Iterator[Fetched]:
    """The first page, then each next page of the same article on the same site, each once."""
    seen: set[str] = set()
    next_url: str | None = url
    while next_url is not None and len(seen) < max_pages:
        page = fetch(next_url, cache=folder, refresh=refresh, timeout=timeout, max_bytes=max_bytes)
        seen.update({next_url, page.final_url})
        yield page
        next_url = next_page(page) if _suffix(page) == ".html" else None
        if next_url in seen:
            next_url = None


# --- fetching -------------------------------------------------------------------------------------


def fetch(url: str, *, cache: Path, refresh: bool = False, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_FETCH_BYTES) -> Fetched:
    """One address, from the cache unless `refresh` or absent there; a refused page is not cached."""
    if not refresh:
        cached = _from_cache(url, cache)
        if cached is not None:
            return cached
    page = _download(url, timeout=timeout, max_bytes=max_bytes)
    _to_cache(page, cache)
    return page


def _download(url: str, *, timeout: float, max_bytes: int) -> Fetched:
    import httpx

    from podium import __version__

    limits = httpx.Timeout(timeout, connect=min(timeout, 10.0))
    headers = {"User-Agent": USER_AGENT.format(version=__version__), "Accept": ", ".join([*SUFFIXES, "*/*;q=0.1"])}
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=limits, headers=headers) as client:
            with client.stream("GET", url) as response:
                _check_status(response, url)
                media_type = _media_type(response.headers.get("content-type"))
                _check_length(response.headers.get("content-length"), max_bytes, url)
                body = _read_body(response.iter_bytes(), max_bytes, url)
                final_url = str(response.url)
    except httpx.TooManyRedirects:
        raise PodiumError("E006", f"more than {MAX_REDIRECTS} redirects", url) from None
    except httpx.TimeoutException:
        raise PodiumError("E006", f"no answer within {timeout:g} s (timed out)", url) from None
    except httpx.HTTPError as exc:  # refused connections, bad names, broken TLS, protocol errors
        raise PodiumError("E006", f"{type(exc).__name__}: {exc}", url) from None
    _check_type(media_type, body, url)
    fetched_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    return Fetched(url=url, final_url=final_url, media_type=media_type, fetched_at=fetched_at, body=body)


def _check_status(response: Any, url: str) -> None:
    if response.status_code >= 400:
        raise PodiumError("E006", f"HTTP {response.status_code} {response.reason_phrase}".rstrip(), url)


def _media_type(header: str | None) -> str:
    return (header or "").split(";")[0].strip().lower()


def _check_length(header: str | None, max_bytes: int, url: str) -> None:
    if header and header.isdigit() and int(header) > max_bytes:
        raise PodiumError("E004", f"{int(header):,} bytes, over the {max_bytes:,}-byte limit for a web page", url)


def _read_body(chunks: Iterator[bytes], max_bytes: int, url: str) -> bytes:
    """The body, stopped as soon as it passes `max_bytes` or the deadline: a server may send more
    than it declared, or declare nothing."""
    started = time.monotonic()
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise PodiumError("E004", f"over the {max_bytes:,}-byte limit for a web page", url)
        if time.monotonic() - started > DEADLINE_SECONDS:
            raise PodiumError("E006", f"still arriving after {DEADLINE_SECONDS:g} s", url)
        parts.append(chunk)
    return b"".join(parts)


def _check_type(media_type: str, body: bytes, url: str) -> None:
    from podium.read import docx, pdf

    if media_type in SUFFIXES:
        return
    if media_type in GENERIC_TYPES and (pdf.sniff(body, "") or docx.sniff(body, "")):
        return
    shown = media_type or "none given"
    raise PodiumError("E005", f"content type {shown!r}: podium reads HTML, text, Markdown, PDF and DOCX pages", url)


def _suffix(page: Fetched) -> str:
    from podium.read import docx, pdf

    if page.media_type in SUFFIXES:
        return SUFFIXES[page.media_type]
    return ".pdf" if pdf.sniff(page.body, "") else ".docx" if docx.sniff(page.body, "") else ""


# --- the next page of an article ----------------------------------------------------------------


def next_page(page: Fetched) -> str | None:
    """The address of the article's next page on the same site: a rel=next link, a link whose
    whole text says "next", or a link to the next number of the same address (`a.htm` ->
    `a_2.htm` -> `a_3.htm`)."""
    from selectolax.lexbor import LexborHTMLParser

    from podium.read.text import decode

    decoded, _encoding, _repairs = decode(page.body, name=page.final_url)
    tree = LexborHTMLParser(decoded)
    base = page.final_url
    links = [(node.attributes.get("href") or "", node) for node in tree.css("a[href], link[href]")]
    numbered = _numbered_next(base)
    candidates: list[str] = []
    for href, node in links:
        rel = (node.attributes.get("rel") or "").lower().split()
        text = " ".join((node.text() or "").split()).lower()
        target = urljoin(base, href.strip())
        if "next" in rel or (node.tag == "a" and text in _next_words()) or (numbered and _same_page(target, numbered)):
            candidates.append(target)
    return next((url for url in candidates if _same_site(url, base) and not _same_page(url, base)), None)


def _numbered_next(url: str) -> str | None:
    parts = urlsplit(url)
    match = _PAGE_NUMBER.match(parts.path)
    if not match:
        return None
    number = int(match["n"] or 1) + 1
    return parts._replace(path=f"{match['stem']}_{number}{match['suffix']}", query="", fragment="").geturl()


def _same_site(url: str, base: str) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(base).netloc.lower() and is_url(url)


def _same_page(url: str, other: str) -> bool:
    a, b = urlsplit(url), urlsplit(other)
    return (a.netloc.lower(), a.path, a.query) == (b.netloc.lower(), b.path, b.query)


def _next_words() -> frozenset[str]:
    from podium.wordtables import lowered, read_table

    return frozenset(lowered(read_table("pages_en.yaml")["next_link_texts"]))


# --- the cache ------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """$PODIUM_CACHE, else podium/ under $XDG_CACHE_HOME or ~/.cache."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "podium"


def _cache_paths(url: str, folder: Path) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    return folder / "urls" / f"{key}.json", folder / "urls" / f"{key}.body"


def _from_cache(url: str, folder: Path) -> Fetched | None:
    meta_path, body_path = _cache_paths(url, folder)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None  # absent or half-written: fetch again
    if meta.get("url") != url or meta.get("size") != len(body):
        return None
    return Fetched(url=url, final_url=meta["final_url"], media_type=meta["media_type"], fetched_at=meta["fetched_at"], body=body)


def _to_cache(page: Fetched, folder: Path) -> None:
    meta_path, body_path = _cache_paths(page.url, folder)
    meta = {k: v for k, v in asdict(page).items() if k != "body"} | {"size": len(page.body)}
    try:
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(body_path, page.body)
        _write_atomically(meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    except OSError as exc:
        raise PodiumError("E001", f"cannot write the fetch cache ({exc.strerror or exc}); set {CACHE_ENV}", str(folder)) from None


def _write_atomically(path: Path, data: bytes) -> None:
    # Two runs may fetch the same address at once; each writes its own file and renames it in.
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)
