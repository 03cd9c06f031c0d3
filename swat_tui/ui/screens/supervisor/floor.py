"""SUP001: the live floor, for a supervisor or coordinador (menu option 7).

Every signed-on agent with state and time in state, AUX reason or call step, panel and
call time, the longest in state first (``domain.supervisor.floor``); the queue's waiting
calls and a count by state on top. Read again every second while the panel is in front,
in a worker thread (the UI never waits on the store), and at once with F5; the timer
stops when the panel closes. What the supervisor typed in the Opc column stays with its
agent while rows move between readings. Option 5 on an agent with a call follows it
(SUP010, process confirmation). On a wide terminal a column beside the panel gives each
row's queue, account, sign-on time, last heartbeat, whole name and whole reason or step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.ui.display_file import load
from swat_tui.ui.format import clip, clock_text, hour
from swat_tui.ui.guard import guarded
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.widgets.canvas import COLOURS
from swat_tui.ui.widgets.rr_field import RRField
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from textual.timer import Timer

    from swat_tui.domain.supervisor.floor import FloorRow, FloorView

EVERY_S = 1.0  # the issue: the floor within 1 second of the store
FOLLOW = "5"
FOLLOW_PANEL = "SUP010"  # process confirmation: FollowCallScreen(username)
LINE = 78
OVER = "!"  # an AUX longer than its reason allows
SIDE_MIN, SIDE_MAX = 36, 100
SIDE_HEAD = "Cola          Cuenta   Desde Señal"
SIDE_NAME = 20  # the whole name (the panel cuts it at 12), with this much room
SIDE_TITLE = 8  # the whole reason or step title after it, with at least this much room
HEAD_ROW = 7  # the column heads' row (0-based); the subfile's rows follow it
SUMMARY = (
    ("Disponible", "Disponible"),
    ("AUX", "AUX"),
    ("En llamada", "En llamada"),
    ("ACW", "ACW"),
    ("Desconectado", "Desconect."),
)


class FloorScreen(PagedScreen, panel="SUP001"):
    """The floor as the store has it now, read again every second."""

    DEFAULT_CSS = f"""
    FloorScreen #guide-column {{ height: 24; margin-left: 2; width: {SIDE_MIN}; }}
    FloorScreen #floor-side {{ height: 24; color: {COLOURS["green"]}; }}
    """
    # The wide layout's column, in the guide's place (the floor is no step of a call).
    SIDE: ClassVar[str] = "guide-column"

    def __init__(self) -> None:
        super().__init__()
        self.view: FloorView | None = None
        self._timer: Timer | None = None
        self._refused = False  # the desk refused this profile: stop asking every second
        self._unread = ""  # row 24's text for a reading that failed, until one succeeds

    def reset_state(self) -> None:
        super().reset_state()
        self.view = None
        self._refused = False
        self._unread = ""

    def side_columns(self) -> ComposeResult:
        with Vertical(id=self.SIDE):
            yield Static(id="floor-side")

    def refresh_guide(self) -> None:
        """No guide here: the side column is the floor's extra columns (``_paint_side``)."""
        self._paint_side()

    # -- reading the store -----------------------------------------------------------------

    def fill(self) -> None:
        self.read_floor()
        if self._timer is None:
            self._timer = self.set_interval(EVERY_S, self._every_second, name="floor-refresh")

    def on_unmount(self) -> None:
        """Closed: no more reading the store for it."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def returned(self) -> None:
        """Back from a followed call (or F1, F2): read now, not at the next tick."""
        self.read_floor()

    @guarded
    def _every_second(self) -> None:
        """Only the panel in front reads: under a followed call or in the Espejo it waits."""
        if self.in_front and not self._refused:
            self.read_floor(when_idle=True)

    def action_rr_refresh(self) -> None:
        """F5: read the floor now."""
        self.clear_errors()
        self._refused = False
        self.message(messages.text("supervisor.floor.refreshed"))
        self.read_floor()

    def read_floor(self, *, when_idle: bool = False) -> None:
        """Start one reading now (the clock read here, the store in a worker thread; a
        newer reading supersedes an older one still running: it paints nothing). The
        timer's reading (``when_idle``) waits for one still under way instead."""
        supervisor = self.rr_app.supervisor
        if supervisor is None:  # signed off: the panel is on its way out
            return
        floor, now = supervisor.floor, self.rr_app.now()
        read_in_worker(
            self, lambda: floor.view(now), self._show, refused=self._not_read, when_idle=when_idle
        )

    @guarded
    def _not_read(self, text: str, refused: bool) -> None:
        """Row 24 says why (a busy or unreachable store: the next second tries again)."""
        self._refused = self._refused or refused
        self._unread = text
        self.message(text, error=True)

    # -- painting --------------------------------------------------------------------------

    @guarded
    def _show(self, view: FloorView) -> None:
        """Paint a reading, keeping the page, the options typed and the cursor with their
        agents (rows move between readings as times in state change)."""
        if not self.is_attached:
            return
        if self._unread and self.panel.canvas.message == self._unread:
            self.message("")  # the store answers again: its error goes
        self._unread = ""
        typed, cursor_on = self._typed_by_agent()
        self.view = view
        self.set_fields(
            {
                "summary": clip(_summary(view), LINE),
                "queue": clip(_queue(view), LINE),
                "note": clip(_note(view), LINE),
            }
        )
        self.all_records = [_record(row) for row in view.rows]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(self.page_offset, last_page)
        self._paint_page()
        self._restore_typed(typed, cursor_on)
        self._paint_side()

    def _page_rows(self) -> list[FloorRow]:
        if self.view is None:
            return []
        return list(self.view.rows[self.page_offset : self.page_offset + self.page_size])

    def _typed_by_agent(self) -> tuple[dict[str, str], str | None]:
        """What is typed in the Opc column of this page, by agent; the agent whose row
        has the cursor."""
        typed: dict[str, str] = {}
        cursor_on: str | None = None
        for index, row in enumerate(self._page_rows()):
            option = self.field(f"o_{index}")
            if option.value:
                typed[row.username] = option.value
            if option.has_focus:
                cursor_on = row.username
        return typed, cursor_on

    def _restore_typed(self, typed: dict[str, str], cursor_on: str | None) -> None:
        for index, row in enumerate(self._page_rows()):
            option = self.field(f"o_{index}")
            if row.username in typed:
                option.value = typed[row.username]
            if row.username == cursor_on and not option.has_focus:
                self.set_focus(option)
        focused = self.focused
        if not isinstance(focused, RRField) or not focused.display:
            first = self.field("o_0")
            if first.display:
                self.set_focus(first)

    def _paint_side(self) -> None:
        """The wide column: more about each row of the page, on the same rows."""
        if not self.has_class("-wide"):
            return
        width = max(SIDE_MIN, min(self.app.size.width - 80 - 4, SIDE_MAX))
        self.query_one(f"#{self.SIDE}", Vertical).styles.width = width
        lines = [""] * 24
        lines[0] = "Más datos de cada asesor"
        if self.view is not None:
            lines[2] = f"Leído a las {self.view.at:%H:%M:%S}; se renueva cada segundo."
        with_name, with_step = _side_columns(width)
        name_head = f" {'Nombre':{SIDE_NAME}}" if with_name else ""
        lines[HEAD_ROW] = SIDE_HEAD + name_head + (" Motivo / paso" if with_step else "")
        for index, row in enumerate(self._page_rows()):
            lines[HEAD_ROW + 1 + index] = _side_line(row, width)
        text = Text("\n".join(clip(line, width) for line in lines), no_wrap=True)
        self.query_one("#floor-side", Static).update(text)

    # -- options ---------------------------------------------------------------------------

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is None or self.view is None:
            self.message(messages.text("supervisor.floor.pick"), error=True)
            return
        if typed.option != FOLLOW:
            self._refuse_option(
                typed.field, messages.text("supervisor.floor.option", option=typed.option[:3])
            )
            return
        row = self.view.rows[typed.record]
        if not row.alive:
            self._refuse_option(
                typed.field, messages.text("supervisor.floor.gone", username=row.username)
            )
            return
        if not row.on_call:
            self._refuse_option(
                typed.field, messages.text("supervisor.floor.no_call", username=row.username)
            )
            return
        await self._follow(typed.field, row.username)

    async def _follow(self, option_field: str, username: str) -> None:
        """SUP010 for ``username``'s call, opened by id; until that panel's display file
        exists (it is another part of the supervisor's area) row 24 says so instead."""
        if not _panel_exists(FOLLOW_PANEL):
            self._refuse_option(option_field, messages.text("supervisor.floor.follow_missing"))
            return
        self.field(option_field).value = ""
        await self.open_panel(FOLLOW_PANEL, username)

    def _refuse_option(self, name: str, text: str) -> None:
        self.message(text, error=True, field=name)
        self.field(name).mark_error(True)
        self.focus_field(name)


def _panel_exists(panel_id: str) -> bool:
    """A panel is there once its display file is (it names the screen that draws it)."""
    try:
        load(panel_id)
    except FileNotFoundError:
        return False
    return True


def _summary(view: FloorView) -> str:
    from swat_tui.domain.supervisor.floor import FloorGroup

    total = len(view.rows)
    counts = " · ".join(f"{label} {view.counts[FloorGroup(group)]}" for group, label in SUMMARY)
    agents = "1 asesor" if total == 1 else f"{total} asesores"
    return f"{agents}: {counts}"


def _queue(view: FloorView) -> str:
    if not view.waiting:
        return "Cola: ninguna llamada en espera."
    calls = "1 llamada" if view.waiting == 1 else f"{view.waiting} llamadas"
    oldest = view.oldest_waiting
    waited = clock_text(oldest.total_seconds()) if oldest is not None else "--:--"
    return f"Cola: {calls} en espera; la más antigua espera hace {waited}."


def _note(view: FloorView) -> str:
    if not view.rows:
        return messages.text("supervisor.floor.empty")
    over = any(row.aux_over for row in view.rows)
    marked = f"{OVER} = AUX más largo de lo permitido · " if over else ""
    return f"{marked}Se renueva cada segundo (leído {view.at:%H:%M:%S})."


def _why(row: FloorRow) -> str:
    """The Motivo / paso column: the AUX reason, the call's step, or why it is gone."""
    if not row.alive:
        return "sin señal"
    if row.step is not None:
        return f"P{row.step} {row.step_title}"
    if row.aux_reason:
        reason = row.aux_reason.removeprefix("AUX ")
        return f"{OVER}{reason}" if row.aux_over else reason
    return ""


def _record(row: FloorRow) -> dict[str, str]:
    return {
        "usuario": row.username,
        "name": clip(row.name, 12),
        "state": row.state,
        "tis": clip(clock_text(row.in_state.total_seconds()), 7),
        "why": clip(_why(row), 14),
        "pan": clip(row.panel or "", 6),
        "call": clip(clock_text(row.call_time.total_seconds()), 7) if row.call_time else "",
    }


def _side_line(row: FloorRow, width: int) -> str:
    """Queue, account, sign-on time, heartbeat age; the whole name and the whole AUX
    reason or step title as far as the column has room (``_side_columns``)."""
    queue = f"{row.queue or '':13.13}"
    cuenta = f"{row.cuenta or '':>8}"
    beat = clock_text(row.heartbeat_age.total_seconds())
    line = f"{queue} {cuenta} {hour(row.signed_on_at)} {beat:>5}"
    with_name, with_step = _side_columns(width)
    if with_name:
        line += f" {clip(row.name, SIDE_NAME):{SIDE_NAME}}"
    if with_step:
        why = row.step_name or (row.aux_reason or "" if row.alive else "")
        line += f" {clip(why, width - len(line) - 1)}"
    return line


def _side_columns(width: int) -> tuple[bool, bool]:
    """Which of the name and the step's title fit beside the fixed columns."""
    room = width - len(SIDE_HEAD) - 1
    with_name = room >= SIDE_NAME
    left = room - (SIDE_NAME + 1 if with_name else 0)
    return with_name, left >= SIDE_TITLE
