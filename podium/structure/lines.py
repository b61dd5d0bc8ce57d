"""The text cut into lines with their offsets: the unit every other module of the stage walks."""

from __future__ import annotations

from dataclasses import dataclass

_SPACES = " \t\u00a0\u3000\r\ufeff"  # U+00A0 and U+FEFF count as spaces at a line's ends


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which doubles the
# cost of the one Line made per line of every transcript.
@dataclass(slots=True)
class Line:
    start: int  # offset of the line's first character in the briefing text
    end: int  # offset just past its last character (the newline excluded)
    text: str
    stripped: str  # the text without the spaces at its ends; every module asks for it, often

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def content_start(self) -> int:
        """Offset of the first character that is not a space (U+00A0 and U+FEFF count as spaces)."""
        lead = len(self.text) - len(self.text.lstrip(_SPACES))
        return self.start + lead


def split_lines(text: str, start: int = 0) -> list[Line]:
    lines: list[Line] = []
    pos = start
    for piece in text[start:].split("\n"):
        end = pos + len(piece)
        line = piece.removesuffix("\r")
        lines.append(Line(pos, pos + len(line), line, line.strip(_SPACES)))
        pos = end + 1
    if lines and lines[-1].start >= len(text):
        lines.pop()  # the empty piece after a final newline (or of an empty body) is no line
    return lines


def previous_content(lines: list[Line], index: int) -> Line | None:
    """The nearest non-blank line before `index`, or None if a blank line or the start comes first."""
    if index == 0 or lines[index - 1].blank:
        return None
    return lines[index - 1]
