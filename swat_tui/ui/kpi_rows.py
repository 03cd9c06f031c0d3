"""How SUP040 and SUP041 write the KPI figures: the cells of a row, the side columns."""

from __future__ import annotations

from swat_tui.domain.supervisor.kpi_figures import (
    Counts,
    KpiLine,
    minutes_seconds,
    one_decimal,
    percent,
)
from swat_tui.ui.format import clip

# SUP040's figure columns: (field, width), as screens/SUP040.panel draws them.
COLUMNS = (
    ("n", 5),
    ("aht", 6),
    ("tk", 6),
    ("hd", 5),
    ("acw", 5),
    ("fcr", 5),
    ("cun", 5),
    ("t", 3),
    ("a", 3),
    ("e", 4),
    ("p", 3),
)
TOTAL_LABEL = "    TOTAL     "  # from column 2 to the first figure, as the rows' "[o] user"
SIDE_WIDTH = 36  # the guide column's width: what a wide terminal adds beside the panel
SIDE_HEAD = f"{'Nombre':<16} {'Cont.':>5} {'Tip.':>5} {'Seg.%':>6}"


def cells(counts: Counts) -> dict[str, str]:
    """The figures of one row, by field."""
    values = (
        str(counts.calls),
        minutes_seconds(counts.aht),
        minutes_seconds(counts.talk),
        minutes_seconds(counts.hold),
        minutes_seconds(counts.acw),
        one_decimal(counts.fcr_percent),
        one_decimal(counts.cun_percent),
        str(counts.transfers),
        str(counts.abandoned),
        str(counts.surveys),
        one_decimal(counts.survey_score),
    )
    return {name: clip(value, width) for (name, width), value in zip(COLUMNS, values, strict=True)}


def record(line: KpiLine) -> dict[str, str]:
    """One subfile record of SUP040."""
    return {"usuario": line.username, **cells(line.counts)}


def total_row(counts: Counts) -> str:
    """The totals row, aligned under the records' columns (one output field)."""
    figures = cells(counts)
    return TOTAL_LABEL + "".join(
        " " + figures[name][-width:].rjust(width) for name, width in COLUMNS
    )


def follow_up_percent(counts: Counts) -> float | None:
    """Typifications neither resolved on the line nor with a CUN, in %."""
    rest = counts.typified - counts.first_contact - counts.with_cun
    return percent(rest, counts.typified)


def side_line(name: str, counts: Counts) -> str:
    """The wide terminal's extra columns for one row: name, answered, typified, follow-up."""
    return (
        f"{clip(name, 16):<16} {counts.answered:>5} {counts.typified:>5} "
        f"{one_decimal(follow_up_percent(counts)):>6}"
    )
