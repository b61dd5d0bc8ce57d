"""The text cut into lines with their offsets: the unit every other module of the stage walks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    start: int  # offset of the line's first character in the briefing text
    end: int  # offset just past its last character (the newline excluded)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip(" \t\u00a0\u3000\r\ufeff")

    @property
    def blank(self) -> bool:
        return not self.stripped

    @property
    def content_start(self) -> int:
        """Offset of the first character that is not a space (U+00A0 and U+FEFF count as spaces)."""
        lead = len(self.text) - len(self.text.lstrip(" \t\u00a0\u3000\r\ufeff"))
        return self.start + lead


def split_lines(text: str, start: int = 0) -> list[Line]:
    lines: list[Line] = []
    pos = start
    length = len(text)
    while pos < length:
        nl = text.find("\n", pos)
        end = length if nl == -1 else nl
        line_end = end - 1 if end > pos and text[end - 1] == "\r" else end
        lines.append(Line(pos, line_end, text[pos:line_end]))
        pos = end + 1
    return lines


def previous_content(lines: list[Line], index: int) -> Line | None:
    """The nearest non-blank line before `index`, or None if a blank line or the start comes first."""
    if index == 0 or lines[index - 1].blank:
        return None
    return lines[index - 1]
