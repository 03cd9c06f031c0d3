"""``swat demo``: build a store full of fictitious accounts for training and tests."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of
from swat_tui.config import BOGOTA, Settings

if TYPE_CHECKING:
    from rich.progress import Progress


def demo_command(
    ctx: typer.Context,
    accounts: Annotated[
        int, typer.Option("--accounts", min=1, help="Número de cuentas a generar.")
    ] = Settings.seed_demo_accounts,
    seed: Annotated[
        int, typer.Option("--seed", help="Semilla: la misma semilla da los mismos datos.")
    ] = Settings.demo_seed,
    today: Annotated[
        datetime | None,
        typer.Option(
            "--today",
            formats=["%Y-%m-%d"],
            metavar="AAAA-MM-DD",
            help="Fecha de referencia de los datos; por defecto, hoy en Bogotá.",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Borra las cuentas existentes (y sus casos, notas y llamadas) antes de generar.",
        ),
    ] = False,
    db_url: DbOption = None,
) -> None:
    """Generate ``accounts`` accounts with a progress bar, then print time and row counts."""
    settings = settings_of(ctx, db_url)
    with reported_errors():
        from swat_tui.domain.bootstrap import (
            clear_account_data,
            open_store,
            seed_demo_users,
            store_counts,
        )
        from swat_tui.domain.services import Services
        from swat_tui.store.demo import build_demo

        engine = open_store(settings)
        agents, existing = store_counts(engine)
        if existing and not replace:
            fail(f"La base ya tiene {existing} cuentas. Use --replace para reemplazarlas.")
        if existing:
            clear_account_data(engine)
        day = today.date() if today else settings.clock().astimezone(BOGOTA).date()
        # The profiles first: the demo's week of calls, its campaign's attempts and its
        # practice records name them (ASESOR01..., SUPERV01, COORD01).
        users = 0 if agents else seed_demo_users(Services.create(engine, settings.clock))
        started = time.perf_counter()
        with _progress_bar() as bar:
            task = bar.add_task("Generando cuentas", total=accounts)

            def advance(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = build_demo(engine, accounts=accounts, seed=seed, today=day, progress=advance)
        elapsed = time.perf_counter() - started
    typer.echo(f"Base de demostración lista en {elapsed:.1f} s: {summary.accounts} cuentas.")
    for table, rows in sorted(summary.rows.items()):
        typer.echo(f"  {table:<20} {rows:>9,} filas".replace(",", "."))
    typer.echo(f"  {'total':<20} {sum(summary.rows.values()):>9,} filas".replace(",", "."))
    if users:
        typer.echo(f"Se crearon {users} usuarios de demostración (contraseña swat2026).")


def _progress_bar() -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
