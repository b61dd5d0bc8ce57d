"""One catalogue of coded errors. Library code raises these; only the CLI turns them into a line."""

from __future__ import annotations

from dataclasses import dataclass

CATALOGUE: dict[str, str] = {
    "E001": "cannot read the file: {reason}",
    "E002": "not a text transcript: {reason}",
    "E003": "no transcript in the file: {reason}",
    "E004": "file too large: {reason}",
    "E005": "unsupported input: {reason}",
    "E006": "cannot fetch the address: {reason}",
    "E010": "database error: {reason}",
    "E011": "database is locked by another process: {reason}",
    "E012": "database is read-only: {reason}",
    "E013": "database is damaged: {reason}",
    "E020": "bad gold or prediction file: {reason}",
    "E030": "bad argument: {reason}",
}


@dataclass
class PodiumError(Exception):
    """A failure a user can act on. Pickles (a dataclass with plain fields), so it crosses a
    process pool intact."""

    code: str
    reason: str
    path: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = CATALOGUE.get(self.code, "{reason}").format(reason=self.reason)
        where = f"{self.path}: " if self.path else ""
        return f"{where}{text} [{self.code}]"

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):  # Exception's own reduce would drop the dataclass fields.
        return (type(self), (self.code, self.reason, self.path))
