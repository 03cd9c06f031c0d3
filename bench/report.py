"""The final report: one table of every figure, and the same figures as JSON."""

from __future__ import annotations

import json
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.common import Figure


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if unit in ("rows/s", "acc/s", "objects"):
        return f"{value:,.0f} {unit}"
    if unit in ("screens", "pauses"):
        return f"{value:.0f}"
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 1000 else 0
    return f"{value:,.{digits}f} {unit}".strip()


def table(figures: list[Figure], title: str) -> Table:
    """A rich table: figure, value, goal, baseline, ratio and verdict."""
    grid = Table(title=title, show_lines=False, expand=False)
    for column, justify in (
        ("Bench", "left"),
        ("Figure", "left"),
        ("Value", "right"),
        ("Goal", "left"),
        ("Baseline (same run)", "right"),
        ("Ratio", "right"),
        ("Verdict", "left"),
        ("Note", "left"),
    ):
        grid.add_column(column, justify=justify)  # type: ignore[arg-type]
    for figure in figures:
        baseline = ""
        if figure.baseline is not None:
            baseline = f"{_number(figure.baseline, figure.unit)} ({figure.baseline_name})"
        value = _number(figure.value, figure.unit) if figure.value is not None else "n/a"
        shown = {"meets": "[green]meets[/]", "misses": "[bold red]MISSES[/]"}
        grid.add_row(
            figure.bench,
            figure.name,
            value,
            figure.goal,
            baseline,
            f"{figure.ratio:.2f}x" if figure.ratio is not None else "",
            shown.get(figure.verdict, ""),
            figure.note,
        )
    return grid


def print_report(figures: list[Figure], context: dict[str, Any]) -> None:
    console = Console(width=200)
    title = (
        f"swat-tui benchmarks - {context['accounts']:,} accounts, "
        f"store {context['store']}{' (reused)' if context['reused'] else ''}"
    )
    console.print(table(figures, title))
    for note in context.get("notes", []):
        console.print(f"- {note}", highlight=False)


def write_json(path: Path, figures: list[Figure], context: dict[str, Any]) -> None:
    payload = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        **context,
        "figures": [figure.as_dict() for figure in figures],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
