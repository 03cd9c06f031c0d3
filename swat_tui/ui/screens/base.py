"""What every RR screen shares: its display file, keys, header, message line.

A subclass names its panel (``class X(RRScreen, panel="CTA001")``); the
bindings come from the key registry for the keys that panel's legend shows.
Domain errors raised inside ``attempt`` land on row 24, never as a crash.
"""

from __future__ import annotations

import asyncio
import contextlib
import textwrap
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.geometry import Offset
from textual.screen import Screen
from textual.widgets import Static

from swat_tui.domain import messages
from swat_tui.domain.errors import CHANGED, DomainError, StoreBusy
from swat_tui.ui.chords import ChordOutcome, ChordState
from swat_tui.ui.display_file import HEIGHT, WIDTH, DisplayFile, load
from swat_tui.ui.guard import guard_handlers, guarded
from swat_tui.ui.keys import (
    ACTION_KEYS,
    FUNCTION_KEY,
    REGISTRY,
    Keymap,
    bindings_for,
    chord_bindings,
    key_cap,
    legend_lines,
)
from swat_tui.ui.widgets.guide_column import WIDTH as GUIDE_WIDTH
from swat_tui.ui.widgets.guide_column import GuideColumn
from swat_tui.ui.widgets.panel import Panel
from swat_tui.ui.widgets.rr_field import RRField
from swat_tui.ui.widgets.transcript_column import WIDTH as TRANSCRIPT_WIDTH
from swat_tui.ui.widgets.transcript_column import TranscriptColumn

if TYPE_CHECKING:
    from swat_tui.domain.desk.desk import Desk, DeskChange
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.supervisor.desk import SupervisorDesk
    from swat_tui.ui.host import Navigation, PanelHost

T = TypeVar("T")

# The incoming-call alert on row 2 of every panel (Avaya's visual alert).
RINGING = Style(color="#000000", bgcolor="#ffff55", bold=True, blink=True)

TOO_SMALL = (
    "La pantalla de RR necesita una terminal de 80 columnas por 24 filas. "
    "Agrande la ventana (ahora: {width}x{height})."
)


def too_small_notice(width: int, height: int) -> str:
    """The notice, wrapped to the terminal it must fit (never cut, at any size)."""
    text = TOO_SMALL.format(width=width, height=height)
    return "\n".join(textwrap.wrap(text, max(1, width), break_long_words=True))


class RRScreen(Screen[None]):
    """An 80x24 panel centred on the terminal, or a notice if the terminal is too small."""

    PANEL_ID: ClassVar[str]
    # Built once a session and reopened each time it is opened again (``open_panel``,
    # ``Navigator.kept_panel``): for the panels whose composing is most of their key.
    KEPT: ClassVar[bool] = False
    DEFAULT_CSS = """
    RRScreen { background: #000000; align: center middle; }
    RRScreen #desk { width: auto; height: 24; }
    RRScreen #guide-column { display: none; }
    RRScreen.-wide #guide-column { display: block; }
    RRScreen #transcript-column { display: none; }
    RRScreen.-transcript #transcript-column { display: block; }
    RRScreen #too-small { width: auto; height: auto; color: #33ff33; display: none; }
    RRScreen.-too-small #desk { display: none; }
    RRScreen.-too-small #too-small { display: block; }
    """

    def __init_subclass__(cls, panel: str | None = None, **kwargs: Any) -> None:
        if panel is not None:
            # Before super(): Textual merges BINDINGS when the subclass is created.
            cls.PANEL_ID = panel
            display = load(panel)
            extra = ("enter", "page_down", "page_up") if display.subfile else ("enter",)
            keys = tuple(dict.fromkeys((*display.keys, *extra)))
            # Chord keys first: a pending F13+F6 must beat F6 alone.
            bindings: list[BindingType] = [*chord_bindings(keys), *bindings_for(keys)]
            cls.BINDINGS = bindings
        guard_handlers(cls)
        super().__init_subclass__(**kwargs)

    def __init__(self) -> None:
        super().__init__()
        self.display_file: DisplayFile = load(self.PANEL_ID)
        keymap = self._user_keymap()
        self.panel = Panel(self.display_file, keymap)
        self.chords = ChordState.for_panel(self.display_file.keys, keymap)
        self.ready = asyncio.Event()  # set once mounted, filled and focused
        self._shown = False
        self._fresh = False  # an installed panel shown again: reset and fill on resume
        self._announcing = False  # row 24 announces a ringing call
        self._cursor_field: RRField | None = None  # where the cursor was when the terminal shrank
        self._width = 0  # the terminal's width, as last fitted
        self.message_field: str | None = None  # the field row 24's error is about

    def _user_keymap(self) -> Keymap | None:
        """The app's user keymap (a panel built outside a running app has none)."""
        try:
            app = self.app
        except RuntimeError:  # Textual's NoActiveAppError
            return None
        keymap = getattr(app, "keymap", None)
        return keymap.bindings if keymap is not None else None

    # -- composition and header ------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="desk"):
            yield self.panel
            yield from self.side_columns()
        yield Static(id="too-small")

    def side_columns(self) -> ComposeResult:
        """What stands beside the 80x24 panel on a wide terminal: the procedure's guide
        and the caller's transcript. A panel with a column of its own (the floor's
        extra columns, a plot) yields that instead."""
        yield GuideColumn()
        yield TranscriptColumn()

    @guarded
    def on_mount(self) -> None:
        # Subclasses fill their fields in ``fill`` (Textual already runs every
        # class's ``on_mount`` along the MRO, so they must not define one).
        if not self.rr_app.settings.frozen:
            self.set_interval(1, self._tick)
        self._show_filled()

    def _show_filled(self) -> None:
        """Header, fit to the terminal, cursor on the first field, fill; then ready for keys."""
        signal = self.rr_app.desk_signal
        signal.unsubscribe(self)
        signal.subscribe(self, self.desk_changed, immediate=True)
        try:
            self.paint_header()
            self._fit(self.app.size.width, self.app.size.height)
            self._focus_first_field()
            self.fill()
            if not self._can_type_in(self.focused):
                self._focus_first_field()  # fill hid or disabled the field that had the cursor
            self._focus_first_empty_field()
            if isinstance(self.focused, RRField):
                # Every field filled (a period, dates proposed): the cursor's field is
                # entered as by Tab, and what is typed replaces it (5250 overtype).
                self.focused.select_all()
            self.refresh_legend()
            self.call_after_refresh(self.place_cursor)
        finally:
            self.ready.set()  # a fill that failed (row 24 says so) must not hang its opener

    def _focus_first_empty_field(self) -> None:
        """Fill left the cursor on a field already filled (a resumed call, a check
        recorded): it goes to the first field still to type, where the agent works."""
        focused = self.focused
        if not isinstance(focused, RRField) or not focused.value:
            return
        for rr_field in self.panel.fields():
            if self._can_type_in(rr_field) and not rr_field.value:
                self.set_focus(rr_field)
                return

    @staticmethod
    def _can_type_in(widget: object) -> bool:
        return isinstance(widget, RRField) and widget.display and not widget.disabled

    def _focus_first_field(self) -> None:
        fields = [rr_field for rr_field in self.panel.fields() if self._can_type_in(rr_field)]
        if fields:
            self.set_focus(fields[0])

    @guarded
    def _tick(self) -> None:
        """The header clock, on the panel in front only (panels below repaint when shown)."""
        if self.in_front:
            self.paint_header()

    @guarded
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """In a training call, reaching a field the caller answers asks them (once)."""
        training = self.rr_app.training
        if training is None or not training.active or not isinstance(event.widget, RRField):
            return
        self.call_after_refresh(self._ask_caller, event.widget)

    @guarded
    def _ask_caller(self, rr_field: RRField) -> None:
        """Asked once the panel is filled: a field the fill hid, or that the cursor only
        passed through, asks nothing."""
        from contextlib import suppress

        from swat_tui.domain.errors import DomainError

        training = self.rr_app.training
        if training is None or not rr_field.has_focus or not self._can_type_in(rr_field):
            return
        with suppress(DomainError):  # a question that cannot be asked now is not asked
            training.field_entered(self.PANEL_ID, rr_field.spec.name)

    @guarded
    def on_rr_field_rejected(self, event: RRField.Rejected) -> None:
        self.message(messages.text("ui.panel.numeric_only"), error=True)

    def fill(self) -> None:
        """Fill the panel's fields from the domain; runs once, when mounted."""

    @guarded
    def on_screen_resume(self) -> None:
        # Textual resumes a screen when it is first shown too: that one is
        # ``fill``'s job. Subclasses refresh in ``returned`` (no on_screen_resume
        # of their own: Textual would run both).
        if self._fresh:
            self.refill()
        elif self._shown:
            if self._announcing and self.desk_ringing() is False:
                self.message("")  # the call it announced was answered meanwhile
            self.returned()
            self.refresh_legend()
            self.call_after_refresh(self.place_cursor)
            if isinstance(self.focused, RRField):
                # Back on this panel, the field with the cursor is entered again:
                # what is typed replaces it (5250 overtype, as Tab-in does).
                self.focused.select_all()
        self._shown = True
        self._record_shown()

    def shown_account(self) -> int | None:
        """The account whose data the panel shows (None: none): a call's record says at
        which disclosure level of that account the panel was shown."""
        cuenta = getattr(self, "cuenta", None)
        return cuenta if isinstance(cuenta, int) else None

    def _record_shown(self) -> None:
        """The panel is on top now: in a call, the call's record and the agent's presence
        say so (one place every panel passes: pushed, switched, reopened, back on top,
        the Espejo and back). After the paint, and only if still on top: a panel
        passed through on the way (the menu under the softphone as a call is
        answered) is not one the agent saw, and the key's answer is not delayed."""
        desk = self.rr_app.desk
        if desk is not None and desk.active is not None:
            self.call_after_refresh(self._record_if_in_front)

    @guarded
    def _record_if_in_front(self) -> None:
        """A failed write never stops navigation: a busy store is skipped (nothing
        written; the next panel records itself), anything else is ``guarded``'s."""
        desk = self.rr_app.desk
        if desk is None or desk.active is None or not self.in_front:
            return
        with contextlib.suppress(StoreBusy):  # nothing written; the next panel records itself
            desk.call.panel_shown(self.PANEL_ID, self.shown_account())

    def rows_leaving(self) -> None:
        """A list's page is about to turn (panels that keep what is typed in its rows)."""

    def rows_shown(self) -> None:
        """A list's page was painted (panels that keep what is typed in its rows)."""

    def returned(self) -> None:
        """Back on top after the panel above it closed: re-read what may have changed."""

    @guarded
    def desk_changed(self, change: DeskChange) -> None:
        """The desk changed (softphone, call): the panel in front repaints its header;
        a ringing call is announced on row 24 of whatever panel is up."""
        if not self.in_front:
            return
        self.paint_header()
        self.refresh_legend()  # a call answered or ended changes which keys apply
        self.refresh_guide()  # its "Siguiente" follows the phone while no call is on the desk
        if change.kind == "ringing":
            self.message(change.message)
            self._announcing = True  # row 24 holds while the call rings
        elif change.kind == "caller":
            self.caller_spoke(change.message)
        if change.kind in ("caller", "ringing", "call_ended"):
            self.refresh_transcript()

    def caller_spoke(self, line: str) -> None:
        """A training call's caller said ``line``: row 24 tells it, unless an error is
        there to read (the transcript keeps it: F2, or beside a wide panel)."""
        if not self.panel.canvas.message_is_error:
            self.message(line)

    # -- a panel kept installed and shown again ------------------------------------

    def show_again(self) -> None:
        """Mark an installed panel to start afresh when it is next shown.

        Composing a panel is most of a step-to-step transition (bench/keys.py),
        so the call panels are built once and reset instead; ``ready`` is set
        again once the panel is reset and filled.
        """
        self._fresh = True
        self.ready.clear()

    def refill(self) -> None:
        """Reset the panel to how it was first shown, then fill it from the domain."""
        self._fresh = False
        self.reset()
        self._show_filled()

    def reset(self) -> None:
        """Every field empty, shown and without error; no values painted; row 24 blank.

        State of the panel's own is ``reset_state``'s (run when it is reopened).
        """
        self.panel.canvas.clear()
        self.chords.cancel()
        for rr_field in self.panel.fields():
            rr_field.value = ""
            rr_field.mark_error(False)
            rr_field.display = True
            rr_field.disabled = False

    @guarded
    def on_unmount(self) -> None:
        from swat_tui.ui.textual_workarounds import release_dead_widget_caches

        # Textual drops a dead subscriber only when the signal is next published:
        # until the next softphone change every closed panel would stay alive.
        self.rr_app.desk_signal.unsubscribe(self)
        release_dead_widget_caches()
        self.rr_app.idle_collector.panel_closed()

    @guarded
    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)
        self.call_after_refresh(self.place_cursor)  # the panel moved: the cursor with it

    def place_cursor(self) -> None:
        """The terminal's cursor where typing goes: in the field that has it, else at the
        panel's home position (a panel without fields must not leave it where the panel
        before had it)."""
        if not self.in_front:
            return
        focused = self.focused
        if isinstance(focused, RRField) and focused.display:
            focused.place_terminal_cursor()
            return
        region = self.panel.content_region
        self.app.cursor_position = Offset(region.x + 1, region.y)

    def _fit(self, width: int, height: int) -> None:
        small = width < WIDTH or height < HEIGHT
        was_small = self.has_class("-too-small")
        if small and not was_small and isinstance(self.focused, RRField):
            self._cursor_field = self.focused  # hidden with the panel: Textual drops focus
        self.set_class(small, "-too-small")
        if was_small and not small:
            # Back to a terminal the panel fits: the cursor where it was, or on the first field.
            kept = self._cursor_field
            if kept is not None and self._can_type_in(kept):
                self.set_focus(kept)
            elif not self._can_type_in(self.focused):
                self._focus_first_field()
        wide = width >= WIDTH + GUIDE_WIDTH + 2 and self.rr_app.agent is not None
        self.set_class(wide, "-wide")
        if wide:
            self.refresh_guide()
        self._width = width
        self.refresh_transcript()
        if small:
            self.query_one("#too-small", Static).update(too_small_notice(width, height))

    def paint_header(self) -> None:
        now = self.rr_app.now()
        values = {
            "system": "ESPEJO" if self.navigator.in_espejo else self.rr_app.settings.system_name,
            "date": now.strftime("%d/%m/%y"),
            "time": now.strftime("%H:%M:%S"),
        }
        agent = self.rr_app.agent
        if agent is not None:
            values["agent"] = agent.username
            values["phone"] = self.rr_app.status_line()
            ringing = values["phone"].startswith("TIMBRANDO")
            if "phone" in self.display_file.fields:
                self.panel.canvas.highlight("phone", RINGING if ringing else None)
        self.set_present_fields(values)

    def refresh_transcript(self) -> None:
        """Beside the guide, on a terminal wide enough for both, a training call's caller."""
        training = self.rr_app.training
        active = training is not None and training.active
        room = self._width >= WIDTH + GUIDE_WIDTH + 2 + TRANSCRIPT_WIDTH + 2
        shown = active and room and self.rr_app.agent is not None
        self.set_class(shown, "-transcript")
        if shown and training is not None:
            self.query_one(TranscriptColumn).show(training.transcript())

    def refresh_guide(self) -> None:
        """Redraw the side guide (only shown on wide terminals)."""
        if self.has_class("-wide"):
            self.query_one(GuideColumn).show(self.guide_view())

    def guide_view(self) -> GuideView:
        """The procedure guide as this panel sees it (call panels add what is typed)."""
        return self.rr_app.guide_view()

    # -- helpers for subclasses ------------------------------------------------

    @property
    def in_front(self) -> bool:
        """This panel is the one the agent sees and types on. (Textual's ``is_current``
        also counts the screen just below, which it may paint behind a translucent one.)"""
        try:
            return self.app.screen is self
        except Exception:  # no screen stack (the app is closing)
            return False

    @property
    def rr_app(self) -> PanelHost:
        """The application, as panels see it (``host.PanelHost``)."""
        return cast("PanelHost", self.app)

    @property
    def navigator(self) -> Navigation:
        """Opens panels by id and moves through the call's steps."""
        return self.rr_app.navigator

    @property
    def desk(self) -> Desk:
        """The signed-on agent's desk: every intent and every account view goes through it."""
        desk = self.rr_app.desk
        assert desk is not None, "no agent signed on"
        return desk

    @property
    def supervisor(self) -> SupervisorDesk:
        """The supervisor's functions of the signed-on profile (each refuses an agent's)."""
        supervisor = self.rr_app.supervisor
        assert supervisor is not None, "no agent signed on"
        return supervisor

    def set_fields(self, values: dict[str, str]) -> None:
        """Fill output fields of this panel; a name the display file lacks is a bug."""
        unknown = set(values) - set(self.display_file.fields)
        if unknown:
            raise KeyError(f"{self.PANEL_ID} has no fields {sorted(unknown)}")
        self.panel.canvas.set_values(values)

    def set_present_fields(self, values: dict[str, str]) -> None:
        """Fill the shared fields (header, call line) that this panel has."""
        known = self.display_file.fields
        self.panel.canvas.set_values({k: v for k, v in values.items() if k in known})

    def field(self, name: str) -> RRField:
        return self.panel.field(name)

    def focus_field(self, name: str) -> None:
        """Put the cursor on a field now (``Widget.focus`` would queue it behind
        keys already typed ahead)."""
        self.set_focus(self.field(name))

    def message(self, text: str, *, error: bool = False, field: str | None = None) -> None:
        """Write row 24; ``field`` is the field an error is about (None: the panel)."""
        self.panel.canvas.set_message(text, error=error)
        self.message_field = field if error else None
        self._announcing = False

    def desk_ringing(self) -> bool | None:
        """Whether a call rings on the agent's desk (None: nobody signed on)."""
        desk = getattr(self.app, "desk", None)
        return None if desk is None else desk.ringing is not None

    def clear_errors(self) -> None:
        for rr_field in self.panel.fields():
            rr_field.mark_error(False)
        self.message("")

    def attempt(
        self,
        call: Callable[[], T],
        *,
        field: str | None = None,
        fields: Mapping[str, str] | None = None,
        read_again: Callable[[], str | None] | None = None,
    ) -> T | None:
        """Run a domain call; a DomainError goes to row 24 and marks ``field``, or the
        field ``fields`` names for the error's code (a form's refusals).

        Refused because the record changed since the panel read it (``CHANGED``),
        ``read_again`` first shows the record as it is now, keeping what the agent
        typed, and returns the field that holds it now (or None: ``field``)."""
        try:
            return call()
        except StoreBusy as error:  # nothing was written: what is typed stays for the next try
            self.message(error.message, error=True, field=field)
            return None
        except DomainError as error:
            name = fields.get(error.code or "", field) if fields is not None else field
            if error.code == CHANGED and read_again is not None:
                name = read_again() or name
            self.message(error.message, error=True, field=name)
            if name is not None:
                self.field(name).mark_error(True)
                self.focus_field(name)
            return None

    # -- keys every panel shares ----------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A chord's second key is let through (T typed, F6 alone) unless a chord is pending;
        a key that does not apply now is not bound (row 24 says why: ``refuse_key``)."""
        if action == "rr_chord_key":
            return self.chords.claims(str(parameters[0]))
        key_id = ACTION_KEYS.get(action)
        return key_id is None or self.key_refusal(key_id) is None

    def key_refusal(self, key_id: str) -> str | None:
        """Why a key of this panel's legend does not apply now, or None. A key that does
        not apply leaves the legend, and pressing it shows this on row 24."""
        if key_id == "typify" and (self.rr_app.desk is None or self.rr_app.desk.active is None):
            return messages.text("ui.panel.typify_outside_call")
        return None

    def refuse_key(self, key: str) -> bool:
        """A function key no binding of this panel takes now: row 24 says so (never a key
        that silently does nothing); True when it was such a key."""
        if not FUNCTION_KEY.fullmatch(key):
            return False
        active = self.active_bindings.get(key)
        if active is not None and active.enabled:
            return False
        keymap = self._user_keymap()
        listed = (k for k in self.display_file.keys if k in REGISTRY)
        key_id = next((k for k in listed if key in REGISTRY[k].keys_with(keymap).split(",")), None)
        reason = self.key_refusal(key_id) if key_id is not None else None
        self.message(
            reason or messages.text("ui.panel.key_not_valid", key=key_cap(key)), error=True
        )
        return True

    def refresh_legend(self) -> None:
        """Rows 22-23 show the keys that apply now (``key_refusal``)."""
        keys = tuple(k for k in self.display_file.keys if self.key_refusal(k) is None)
        lines = legend_lines(keys, self._user_keymap())
        if lines != self.panel.canvas.legend:
            self.panel.canvas.legend = lines

    async def action_rr_chord_key(self, key: str) -> None:
        await self.chord_key(key)

    async def chord_key(self, key: str) -> bool:
        """Hand a key to the panel's chords (F13 then F15...); True when it was theirs."""
        result = self.chords.press(key)
        if result.action is not None:
            self.message("")
            await self.run_action(result.action)
        elif result.handled:
            self.message(result.message, error=result.outcome is ChordOutcome.BROKEN)
        return result.handled

    async def open(self, screen: RRScreen) -> None:
        """Show another panel on top of this one, once it is ready for keys."""
        await self.app.push_screen(screen)
        await screen.ready.wait()

    async def open_panel(self, panel_id: str, *args: Any, **kwargs: Any) -> None:
        """Open a panel by its id (screens never import one another); a ``KEPT`` one is
        the session's, reopened for these arguments."""
        await self.navigator.open_panel(panel_id, *args, **kwargs)

    def configure(self, *args: Any, **kwargs: Any) -> None:
        """A kept panel's arguments (its constructor's), set again when it is reopened;
        panels built without arguments (the call steps') have none to set."""
        if args or kwargs:
            raise TypeError(f"{self.PANEL_ID} takes no arguments")

    def reset_state(self) -> None:
        """The reset hook: put every attribute a showing may change back to what the
        constructor set, so that a kept panel reopened shows exactly what a new one
        shows (tests/ui/test_kept_panels_reset.py). A panel with state of its own
        extends it (calling ``super()``); its fields and canvas are ``reset``'s."""
        self._announcing = False
        self._cursor_field = None
        self.message_field = None

    def reopen(self, *args: Any, **kwargs: Any) -> None:
        """A kept panel opened again (by the navigator): its state reset, its new
        arguments, and a fresh start when shown."""
        self.reset_state()
        self.configure(*args, **kwargs)
        self.show_again()

    async def action_rr_guide(self) -> None:
        """F1: the procedure guide on its own panel."""
        await self.open_panel("GUI001")

    async def action_rr_softphone(self) -> None:
        """F2: the softphone panel."""
        await self.open_panel("SFT001")

    async def action_rr_typify(self) -> None:
        """F22: typify the request of the call in progress."""
        call = self.desk.active
        if call is None:
            self.message(messages.text("ui.panel.typify_outside_call"), error=True)
            return
        refusal = self.desk.call.typification_refusal()
        if refusal is not None:  # refused at the key, not after the form is filled
            self.message(refusal, error=True)
            return
        await self.navigator.open_panel("TIP001", keep=True)

    async def action_rr_espejo(self) -> None:
        """F14: the Espejo, RR's alternate work screen (and back to the main session)."""
        await self.navigator.toggle_espejo()

    def close_later(self) -> None:
        """Close this panel once the key being handled is done (its work is done), if it
        is still the panel in front then. F3 pops through it to the menu meanwhile; a
        close scheduled regardless then closed the menu too, and the agent was left on
        SGN001 in the middle of a call."""

        def close() -> None:
            if self.app.screen is self:
                self.app.pop_screen()

        self.app.call_later(close)

    async def action_rr_exit(self) -> None:
        """F3: leave this function, back to the main menu."""
        await self.navigator.exit_to_menu()

    async def action_rr_cancel(self) -> None:
        """F12: back to the previous panel."""
        await self.app.pop_screen()

    async def action_rr_enter(self) -> None:
        """Enter: subclasses process what was typed."""

    def action_rr_page_down(self) -> None:
        self.message(messages.text("ui.panel.no_more_records"), error=True)

    def action_rr_page_up(self) -> None:
        self.message(messages.text("ui.panel.no_previous_records"), error=True)


class AccountSubpanel(RRScreen):
    """A panel about one account, opened by id with its cuenta and the holder the panel
    below shows (F7, F10, F9, F13+F15, F24+T, F21+F18, the call log); mix it in before
    ``PagedScreen`` for a list."""

    def __init__(self, cuenta: int, holder: str = "") -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder

    def configure(self, cuenta: int, holder: str = "") -> None:
        self.cuenta, self.holder = cuenta, holder

    def account_fields(self) -> dict[str, str]:
        """Row 3's account and holder."""
        return {"cuenta": str(self.cuenta), "holder": self.holder}
