"""Hostile input: shapes that make backtracking patterns or pairwise loops blow up must parse in
time that grows linearly with their size.

Each shape is parsed at two sizes, n and 4n pieces, the faster of three runs each with the
garbage collector paused. Linear work takes about 4 times as long; the test allows 10 (noise on
a shared machine), which a quadratic cost (16) or worse does not pass. An alarm turns a hang
into a failure. Absolute speed lives in benchmarks/bench_hostile.py."""

from __future__ import annotations

import gc
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import podium
from podium.read import read_bytes

GROWTH = 4
ALLOWED = 10.0  # linear is 4; quadratic is 16
SECONDS = 30  # any single parse here taking longer is a hang
LABELS = "Tao Ran:\n\nGood morning.\n\nLin Qiao:\n\n"  # a made-up host and official

# Pieces repeated n times into a transcript turn: each shape once sent a pattern or a loop over
# figures into super-linear time.
SHAPES: dict[str, Callable[[int], str]] = {
    "listed numbers": lambda n: "Items " + ",".join(str(i) for i in range(1, n + 1)) + " apply, and 400 jin was produced.",
    "commas": lambda n: ", " * n + "5 jin.",
    "digit commas": lambda n: "1," * n + " jin.",
    "long digit run": lambda n: "1" * n + " jin was produced.",
    "one letter": lambda n: "a" * n + " 5 jin.",
    "dots": lambda n: "." * n + "5 jin.",
    "percent list": lambda n: "5%, " * n + "and 6% up.",
    "figures in one sentence": lambda n: "output rose 5.2 percent to 300 tons, " * n + "in 2024.",
    "brackets": lambda n: "(" * n + "5 jin" + ")" * n,
    "quotes": lambda n: '"' * n + "5 jin",
    "years": lambda n: "in 2021, " * n + "and 2023, 5 jin.",
}


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def give_up(*_: object) -> None:
        raise TimeoutError(f"parse ran over {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def parse_seconds(text: str, *, name: str = "hostile.txt") -> float:
    doc = read_bytes(text.encode("utf-8"), name=name)
    best = float("inf")
    for _ in range(3):  # the fastest of three runs: the machine is shared
        gc.collect()
        gc.disable()
        try:
            with deadline(SECONDS):
                start = time.perf_counter()
                podium.parse(doc)
                best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def growth(make: Callable[[int], str], n: int, *, name: str = "hostile.txt") -> float:
    parse_seconds(make(n // 4), name=name)  # first call: compile patterns, load tables
    small = parse_seconds(make(n), name=name)
    large = parse_seconds(make(GROWTH * n), name=name)
    # A floor keeps a parse too quick to time from making a ratio of noise.
    return large / max(small, 0.02)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_hostile_shape_parses_in_linear_time(shape: str) -> None:
    make = SHAPES[shape]
    ratio = growth(lambda n: LABELS + make(n), 2000)
    assert ratio < ALLOWED, f"{shape}: {GROWTH}x the input took {ratio:.1f}x the time"


def test_many_labels_parse_in_linear_time() -> None:
    turn = "Tao Ran:\n\nWe grew {0}% in 2023.\n\nLin Qiao:\n\nIt was {0} jin.\n\n"
    ratio = growth(lambda n: "".join(turn.format(i) for i in range(n)), 1000)
    assert ratio < ALLOWED, f"{GROWTH}x the labels took {ratio:.1f}x the time"


def test_deep_html_reads_in_linear_time() -> None:
    def page(n: int) -> str:
        return "<html><body>" + "<div>" * n + "<p>Tao Ran:</p><p>5 jin.</p><p>Lin Qiao:</p><p>6 jin</p>" + "</div>" * n + "</body></html>"

    ratio = growth(page, 20000, name="hostile.html")
    assert ratio < ALLOWED, f"{GROWTH}x the nesting took {ratio:.1f}x the time"
    assert podium.parse(read_bytes(page(50000).encode(), name="deep.html")).quantities  # the figures survive


PIECES = st.sampled_from(["1", "22", ",", ", ", ".", "%", " percent", " and ", " or ", " ", "(", ")", '"', "a", "Jin", " jin", "-", "2024", " to ", ":", "\n"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=6).map("".join))
def test_any_repeated_piece_parses_in_linear_time(piece: str) -> None:
    ratio = growth(lambda n: LABELS + "Output was " + piece * n + " 5 jin.", 1500)
    assert ratio < ALLOWED, f"{piece!r} repeated: {GROWTH}x the input took {ratio:.1f}x the time"
