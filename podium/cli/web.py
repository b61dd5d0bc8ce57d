"""Commands: serve (the web app and REST API)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from podium.cli.app import app, err

SHUTDOWN_GRACE = 5  # seconds


@app.command()
def serve(
    *,
    db: Annotated[Path, typer.Option("--db", envvar="PODIUM_DB", help="the corpus database (created when missing), or a dataset folder (ingest --dataset), served read-only")] = Path("podium.db"),
    host: Annotated[str, typer.Option(help="address to bind; the default keeps the app on this machine")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="a host name browsers use to reach this server (repeatable; also PODIUM_ALLOWED_HOSTS, comma-separated);"
            " 127.0.0.1, localhost, ::1 and --host are always allowed, any other Host header is refused",
        ),
    ] = None,
    time_limit: Annotated[float, typer.Option(help="seconds a request may run before it is cancelled and answered 503")] = 30.0,
) -> None:
    """Serve the web app and the REST API (/api/v1, docs at /docs) over a corpus: a SQLite file,
    or a Parquet dataset (podium ingest --dataset), which is served read-only (no uploads).

    Example:
        podium serve --db podium.db --port 8000 --allow-host podium.example.org
    """
    import uvicorn

    from podium.web import create_app

    # Made first, as it checks the database: a damaged one stops here, named.
    web_app = create_app(db, allow_hosts=[host, *(allow_host or [])], time_limit=time_limit)
    what = "dataset (read-only)" if web_app.state.read_only_dataset else "corpus"
    if host not in ("127.0.0.1", "localhost", "::1"):
        can = "read" if web_app.state.read_only_dataset else "read and add"
        err().print(f"warning: listening on {host}: anyone who can reach it can {can} briefings", highlight=False)
    err().print(f"podium: serving the {what} {db} at http://{host}:{port}/", highlight=False)
    # On SIGTERM uvicorn stops accepting and waits for open requests; this bounds the wait.
    uvicorn.run(web_app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE)
