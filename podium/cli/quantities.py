"""Commands on figures: quantities (every mention in a file) and eval (scores against gold)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from podium.cli.app import app, die, out, stage_progress, warn
from podium.cli.output import Format, choose, emit
from podium.errors import PodiumError
from podium.model import Quantity
from podium.pipeline import FIGURE_STAGES, parse_figures

# The guideline field names (shared/gold/GUIDELINES.md), then where the figure was said.
FIELDS: tuple[str, ...] = (
    "text", "start", "end", "value", "value_max", "unit", "qualifier",
    "kind", "direction", "subject", "period", "modality", "turn", "speaker", "place", "place_source", "entity",
)  # fmt: skip
# A terminal is narrow: the table shows what a reader scans for; --jsonl and --csv carry every field.
TABLE_COLUMNS: tuple[str, ...] = ("text", "value", "unit", "qualifier", "kind", "direction", "subject", "period", "place", "modality", "speaker")


def quantity_record(qty: Quantity) -> dict[str, Any]:
    """One output record: exactly FIELDS, in that order."""
    return {name: getattr(qty, name) for name in FIELDS}


@app.command()
def quantities(
    file: Annotated[Path, typer.Argument(help="A transcript or any English text, with or without speaker labels.")],
    *,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per mention.")] = False,
    csv_: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
) -> None:
    """Print every figure the file states, one record per mention (default: a table).

    Fields follow the gold guidelines (text, start, end, value, value_max, unit, qualifier, kind,
    direction, subject, period, modality) plus the turn and speaker the figure stands in and its place
    (place, place_source, entity); offsets index the file's text as read.

    Example:
        podium quantities briefing.txt --jsonl > briefing.quantities.jsonl
    """
    try:
        with stage_progress(str(file), Path(file), len(FIGURE_STAGES)) as on_stage:
            briefing = parse_figures(Path(file), on_stage=on_stage)
    except PodiumError as exc:
        raise die(exc) from None
    warn(str(file), briefing.warnings)
    rows = [quantity_record(qty) for qty in briefing.quantities]
    fmt = choose(jsonl=jsonl, csv_=csv_)
    emit(rows, fmt=fmt, columns=TABLE_COLUMNS if fmt is Format.table else FIELDS, title=str(file))


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold mentions, JSON Lines (GUIDELINES.md fields).")],
    pred: Annotated[Path, typer.Argument(help="Predicted mentions, JSON Lines (e.g. from `podium quantities --jsonl`).")],
) -> None:
    """Print precision, recall and F1 at six levels: span, value+unit, qualifier, kind, period, subject
    (and direction, where the gold annotates it).

    Mentions pair one to one by overlapping span; values agree within a relative 1e-6; subjects
    agree by lenient token overlap (see podium/quantities/evaluate.py).

    Example:
        podium eval gold.quantities.jsonl pred.quantities.jsonl
    """
    from rich.table import Table

    from podium.quantities.evaluate import score_files

    try:
        scores = score_files(gold, pred)
    except PodiumError as exc:
        raise die(exc) from None
    table = Table(title=f"{pred} against {gold}")
    for column in ("level", "precision", "recall", "F1", "tp", "pred", "gold"):
        table.add_column(column, justify="left" if column == "level" else "right")
    for s in scores:
        table.add_row(
            s.level, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}",
            str(s.true_positives), str(s.predicted), str(s.gold),
        )  # fmt: skip
    out().print(table)
