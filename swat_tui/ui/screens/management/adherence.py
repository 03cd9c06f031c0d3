"""SUP030: adherence to the management model, per practice and per leader, vs the goal.

The period is this week or month (S/M), or one ``Anteriores`` periods back;
Intro reads it. Each practice's line sums every responsible leader; each
leader's line sums their practices and says how many are under their goal.
The report is read off the UI's thread (``read_in_worker``), so the panel
never freezes on the store. F6 records a practice (SUP031); coming back reads
the period again. On a wide terminal a column beside the panel gives each
leader's line for each of their practices.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult

from swat_tui.domain import messages
from swat_tui.ui.format import clip, day
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.leader_column import LeaderColumn
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.adherence import Tally
    from swat_tui.domain.supervisor.adherence_report import AdherenceReport

LINE = 78
PRACTICE_LINES = 9
KINDS = {"S": "semana", "M": "mes"}
STATUS = {True: "Cumple", False: "BAJO", None: "-"}


def pct(tally: Tally) -> str:
    """``87,5%`` (es-CO decimal comma), ``-`` when nothing was due."""
    value = tally.pct
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def practice_line(name: str, frequency: str, tally: Tally, goal: int, meets: bool | None) -> str:
    return (
        f"{clip(name, 26):<26} {clip(frequency, 15):<15} {tally.done:>6} {tally.due:>6} "
        f"{pct(tally):>6} {goal:>4}% {STATUS[meets]}"
    )


def leader_line(username: str, name: str, role: str, tally: Tally, below: int) -> str:
    return (
        f"{username:<10} {clip(name, 21):<21} {clip(role, 11):<11} {tally.done:>6} "
        f"{tally.due:>6} {pct(tally):>6}  {below}"
    )


class AdherenceScreen(PagedScreen, panel="SUP030"):
    """The period's adherence; Intro reads another period, F6 records a practice."""

    def side_columns(self) -> ComposeResult:
        yield LeaderColumn()

    def refresh_guide(self) -> None:
        """No procedure guide here: the wide column is each leader's detail (``show``)."""

    def __init__(self) -> None:
        super().__init__()
        self.report: AdherenceReport | None = None

    def reset_state(self) -> None:
        super().reset_state()
        self.report = None

    def fill(self) -> None:
        self.field("p").value = "S"
        self.field("b").value = "0"
        self.message(messages.text("ui.management.adherence_loading"))
        self.read()

    def returned(self) -> None:
        """Back from SUP031: a practice recorded there counts now."""
        self.read()

    def action_rr_refresh(self) -> None:
        """F5: the period as the store has it now."""
        self.clear_errors()
        self.read(told=messages.text("ui.management.adherence_read"))

    async def action_rr_enter(self) -> None:
        """Intro: the period typed (S/M and how many back)."""
        self.clear_errors()
        self.read()

    async def action_rr_record_practice(self) -> None:
        """F6: record a practice held (SUP031)."""
        await self.open_panel("SUP031")

    def _period(self) -> tuple[str, int] | None:
        kind = KINDS.get(self.field("p").value.strip().upper())
        back = self.field("b").value.strip() or "0"
        if kind is None or not back.isdigit():
            self.message(
                messages.text("supervisor.practices.period_invalid"), error=True, field="p"
            )
            self.field("p").mark_error(True)
            return None
        return kind, int(back)

    def read(self, *, told: str = "") -> None:
        """Read the period typed off the UI's thread and show it (then ``told`` on row
        24); a period read later supersedes this one."""
        from swat_tui.domain.supervisor.practices import window

        period = self._period()
        if period is None:
            return
        practices = self.supervisor.practices
        kind, back = period
        since, until = window(kind, practices.today(), back)

        def shown(report: AdherenceReport) -> None:
            self.show(report, kind)
            if told:
                self.message(told)

        read_in_worker(self, lambda: practices.adherence(since, until), shown)

    def show(self, report: AdherenceReport, kind: str) -> None:
        self.report = report
        total = report.total
        lines = [
            practice_line(
                line.practice.name,
                line.practice.frequency,
                line.tally,
                line.practice.goal_pct,
                line.meets,
            )
            for line in report.practices
        ]
        fields = {f"prac{n + 1}": "" for n in range(PRACTICE_LINES)}
        fields.update({f"prac{n + 1}": clip(text, LINE) for n, text in enumerate(lines)})
        fields["span"] = f"{kind} del {day(report.since)} al {day(report.until)}"
        fields["total"] = clip(
            f"Adherencia total {pct(total)}: {total.done} hechas de {total.due} debidas "
            f"({total.held} registradas) · {len(report.leaders)} líderes",
            LINE,
        )
        fields["detail"] = "" if total.due else messages.text("ui.management.adherence_none")
        self.set_fields(fields)
        self.show_records(
            [
                {"line": clip(leader_line(x.username, x.name, x.role, x.tally, x.below), LINE)}
                for x in report.leaders
            ]
        )
        self.query_one(LeaderColumn).show(report)
        if self.panel.canvas.message == messages.text("ui.management.adherence_loading"):
            self.message("")
