"""A saved web page: its main text, one paragraph per block element, site furniture left out."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from podium.read.document import Document

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser, LexborNode as Node

FORMAT = "html"

_SUFFIXES = {".html", ".htm", ".xhtml"}
_SNIFF = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_DROP = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button"
_BLOCKS = frozenset(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr td th br hr "
    "dd dt dl figure figcaption".split()
)
_MAIN_CANDIDATES = ("article", "main", "[role=main]", "#content", ".content", "body")
_SPACES = re.compile(r"[ \t\r\f\v]+")
# Browsers stop nesting elements at a fixed depth (Chromium at 512); the HTML parser slows more
# than linearly with depth, so tags nested deeper than this are dropped before parsing.
MAX_DEPTH = 512
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def sniff(decoded: str, suffix: str) -> bool:
    return suffix in _SUFFIXES or bool(_SNIFF.match(decoded[:1024]))


def read(decoded: str, name: str) -> Document:
    from selectolax.lexbor import LexborHTMLParser as HTMLParser  # the parser loads only for a web page

    tree = HTMLParser(_within_depth(decoded))
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node else None
    for node in tree.css(_DROP):
        node.decompose()
    root = _main_node(tree)
    paragraphs: list[str] = []
    if root is not None:
        _collect(root, paragraphs, [])
    text = "\n\n".join(p for p in paragraphs if p)
    doc = Document(text=text + "\n" if text else "", source=name, format=FORMAT, title=title or None)
    return doc


def _within_depth(page: str) -> str:
    """`page` with every tag nested deeper than MAX_DEPTH removed, their text kept: a block's
    tag becomes a line break, so its paragraphs stay apart, as a browser makes such elements
    siblings rather than children."""
    depth, cuts = 0, []
    for tag in _TAG.finditer(page):
        if tag.group(2).lower() in _VOID or tag.group(0).endswith("/>"):
            continue
        if tag.group(1):  # a closing tag
            depth = max(0, depth - 1)
        else:
            depth += 1
        if depth >= MAX_DEPTH:
            cuts.append((*tag.span(), "<br>" if tag.group(2).lower() in _BLOCKS else ""))
    if not cuts:
        return page
    kept, at = [], 0
    for start, end, instead in cuts:
        kept.append(page[at:start])
        kept.append(instead)
        at = end
    kept.append(page[at:])
    return "".join(kept)


def _main_node(tree: HTMLParser) -> Node | None:
    body_len = len((tree.body.text() if tree.body else "") or "")
    for selector in _MAIN_CANDIDATES:
        node = tree.css_first(selector)
        # A main block holding under a third of the page's text is a teaser box, not the article.
        if node is not None and len(node.text() or "") >= body_len / 3:
            return node
    return tree.root


def _collect(node: Node, out: list[str], buffer: list[str]) -> None:
    """Walk the tree; text accumulates in `buffer` until a block boundary flushes it as a paragraph."""

    def flush() -> None:
        paragraph = _SPACES.sub(" ", "".join(buffer)).strip()
        paragraph = "\n".join(line.strip() for line in paragraph.split("\n") if line.strip())
        if paragraph:
            out.append(paragraph)
        buffer.clear()

    # A stack rather than recursion: a page may nest blocks thousands deep. None marks the end
    # of a block element, where its paragraph is flushed.
    pending: list[Node | None] = _children(node)[::-1]
    while pending:
        child = pending.pop()
        if child is None:
            flush()
        elif child.tag == "-text":
            buffer.append((child.text_content or "").replace("\n", " "))
        elif child.tag in _BLOCKS:
            flush()
            pending.append(None)
            pending.extend(_children(child)[::-1])
        elif child.tag != "-comment":
            pending.extend(_children(child)[::-1])
    flush()


def _children(node: Node) -> list[Node | None]:
    found: list[Node | None] = []
    child = node.child
    while child is not None:
        found.append(child)
        child = child.next
    return found
