"""Commands: serve (the web app and REST API)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from podium.cli.app import app, err


@app.command()
def serve(
    *,
    db: Annotated[Path, typer.Option("--db", envvar="PODIUM_DB", help="the corpus database (created when missing)")] = Path("podium.db"),
    host: Annotated[str, typer.Option(help="address to bind; the default keeps the app on this machine")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
) -> None:
    """Serve the web app and the REST API (/api/v1, docs at /docs) over a corpus.

    Example:
        podium serve --db podium.db --port 8000
    """
    import uvicorn

    from podium.web import create_app

    if host not in ("127.0.0.1", "localhost", "::1"):
        err().print(f"warning: listening on {host}: anyone who can reach it can read and add briefings", highlight=False)
    err().print(f"podium: serving {db} at http://{host}:{port}/", highlight=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
