"""A command imports what it uses: a one-file command loads neither the store, the web app, the
checks nor rich; a corpus command loads the store but not the web app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE

HEAVY = {"rich", "podium.checks", "podium.store.corpus", "podium.store.db", "podium.store.ingest", "podium.web", "fastapi"}


# Runs `podium` as its console script does, then writes the names of the loaded modules to stderr.
PROBE = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n"))
sys.argv = ["podium", *sys.argv[1:]]
from podium.cli import main
main()
"""


def imported_by(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `podium ARGS` in a fresh interpreter; the modules it had loaded when it exited."""
    done = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True, timeout=120)
    listing = done.stderr.rsplit("\nMODULES ", 1)[-1]
    modules = set(listing.split())
    return done, modules | {name.split(".")[0] for name in modules}


def test_quantities_of_one_file_loads_no_store_web_checks_or_rich() -> None:
    done, modules = imported_by("quantities", EXAMPLE, "--jsonl")
    assert done.returncode == 0 and done.stdout.count("\n") > 5
    assert {"podium.structure", "podium.quantities", "typer"} <= modules
    assert not modules & HEAVY
    # An English text needs no Chinese figure reader, nor a reader of other encodings or of HTML.
    assert not modules & {"podium.quantities.zh_context", "podium.quantities.zh", "charset_normalizer", "selectolax"}


def test_quantities_of_a_chinese_file_loads_the_chinese_reader(tmp_path: Path) -> None:
    zh = tmp_path / "a.txt"
    zh.write_text("发言人：\n\n出口1.5万亿元，增长8.2%。\n", encoding="utf-8")
    done, modules = imported_by("quantities", zh, "--jsonl")
    assert done.returncode == 0 and done.stdout.count("\n") == 2
    assert "podium.quantities.zh_context" in modules


def test_align_of_two_files_loads_no_store_web_checks_or_rich(tmp_path: Path) -> None:
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("发言人：\n\n出口1.5万亿元，增长8.2%。\n", encoding="utf-8")
    en.write_text("Spokesperson:\n\nExports were 1.5 trillion yuan, up 8.2%.\n", encoding="utf-8")
    done, modules = imported_by("align", zh, en, "--jsonl")
    assert done.returncode == 0 and done.stdout.count("\n") == 2
    assert {"podium.align", "podium.quantities"} <= modules
    assert not modules & HEAVY


def test_parse_of_one_file_runs_the_checks_without_store_or_rich() -> None:
    done, modules = imported_by("parse", EXAMPLE, "--no-text")
    assert done.returncode == 0 and '"findings"' in done.stdout
    assert "podium.checks" in modules
    assert not modules & (HEAVY - {"podium.checks"})
    assert "pint" not in modules  # a build-time tool (the units extra): the unit table is JSON


def test_a_corpus_command_loads_the_store_but_not_the_web_app(tmp_path: Path) -> None:
    done, modules = imported_by("figures", "--db", tmp_path / "none.db", "--json")
    assert done.returncode == 1 and "no database here" in done.stderr
    assert "podium.store.corpus" in modules
    assert not modules & {"podium.web", "fastapi", "podium.structure", "podium.quantities"}


def test_every_command_is_listed_with_the_module_that_registers_it() -> None:
    import typer.main

    from podium.cli.app import COMMAND_MODULES, all_commands, app

    assert list(all_commands()) == list(COMMAND_MODULES)  # --help lists them in this order
    registered = {
        info.name or typer.main.get_command_name(info.callback.__name__): info.callback.__module__
        for info in app.registered_commands
        if info.callback is not None
    }
    assert registered == COMMAND_MODULES


def test_one_command_loads_only_its_own_command_module() -> None:
    done, modules = imported_by("quantities", EXAMPLE, "--jsonl")
    assert done.returncode == 0
    assert "podium.cli.quantities" in modules
    assert not modules & {"podium.cli.corpus", "podium.cli.checks", "podium.cli.briefing", "podium.cli.align", "podium.cli.web", "sqlite3"}
