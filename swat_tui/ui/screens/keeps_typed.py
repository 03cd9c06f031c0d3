"""What the agent typed on a call's panel survives leaving it, by any key or a crash.

A field left by the cursor (Tab, a function key, F14, F3, F12) is kept for the
request being worked on (``desk.call.keep_typed``), and the panel shows it again
when it is shown again, in this session or a resumed one. Keeping records no
check and starts no action: a check is recorded only by the agent's own
confirming key on its panel (``CallStepScreen``), and a value row 24 refused
is never kept. A panel on top of its step's own (VIS020 over VIS010) also
names itself as the call's front panel, so a resumed call opens it again.

A list's rows keep what is typed in them by record (``read@3``: the serial read
for the fourth device), so it follows its record from page to page; the option
column (``o``) is a command, not typing to keep.
"""

from __future__ import annotations

from typing import ClassVar

from swat_tui.domain.errors import DomainError, StoreBusy
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.widgets.rr_field import RRField

OPTION_COLUMN = "o"


class KeepsTyped(RRScreen):
    """A panel of the call whose input fields are kept as typed."""

    # A panel opened on top of its step's own panel: resumed on top of it after a crash.
    FRONT: ClassVar[bool] = False
    # Fields that are not typing to keep (a search box: what it found is not kept either).
    NOT_KEPT: ClassVar[frozenset[str]] = frozenset()
    _shown_values: dict[str, str] | None = None  # by key: as filled, then as last kept
    _scope = 0  # the request the panel was filled for
    _moving_on = False  # Intro moved the call on: nothing left to keep

    def reset_state(self) -> None:
        super().reset_state()
        self._shown_values = None
        self._scope = 0
        self._moving_on = False

    def about_call(self) -> bool:
        """Whether this panel, being filled, works on the call in progress (not on an
        account consulted in the Espejo or outside a call)."""
        desk = self.rr_app.desk
        if desk is None or desk.active is None or self.navigator.in_espejo:
            return False
        cuenta = getattr(self, "cuenta", None)  # a panel about one account names it
        return cuenta is None or cuenta == desk.active.record.cuenta

    # -- which fields, under which key ---------------------------------------------------

    def _first_record(self) -> int:
        """The record on the list's first row (0 on a panel without a list)."""
        return int(getattr(self, "page_offset", 0))

    def _key(self, rr_field: RRField) -> str | None:
        """What ``rr_field`` is kept under: its name, or ``column@record`` on a list row;
        None for what is not typing to keep."""
        name = rr_field.spec.name
        if rr_field.password or name in self.NOT_KEPT:
            return None
        if name in self.display_file.fields:
            return name
        column, _, row = name.rpartition("_")
        if column in self.display_file.record_fields and column != OPTION_COLUMN:
            return f"{column}@{self._first_record() + int(row)}" if rr_field.display else None
        return None

    def _widget(self, key: str) -> RRField | None:
        """The field showing ``key`` now (a record's row only while its page is shown)."""
        if "@" not in key:
            return self.field(key) if key in self.display_file.fields else None
        column, _, record = key.partition("@")
        subfile = self.display_file.subfile
        row = int(record) - self._first_record() if record.isdigit() else -1
        if subfile is None or not 0 <= row < subfile.size:
            return None
        rr_field = self.field(f"{column}_{row}")
        return rr_field if rr_field.display else None

    def kept_fields(self) -> dict[str, RRField]:
        """The fields shown now whose typing is kept, by key."""
        found = ((self._key(rr_field), rr_field) for rr_field in self.panel.fields())
        return {key: rr_field for key, rr_field in found if key is not None}

    def front_options(self) -> dict[str, str]:
        """The options this panel is opened with (besides cuenta and holder)."""
        return {}

    def recorded(self, name: str) -> bool:
        """The field shows a recorded check, which wins over anything kept as typed."""
        return False

    # -- showing what was kept -------------------------------------------------------------

    def reset(self) -> None:
        super().reset()
        self._shown_values = None  # filled again from the store

    def restore_typed(self) -> None:
        """Show what was kept as typed on this panel; called once ``fill`` has run."""
        self._moving_on = False
        self._shown_values = None
        if not self.about_call():
            return
        desk = self.desk
        call = desk.active
        if call is None:
            return
        self._scope = call.record.state.typing_scope
        if self.FRONT:
            self.attempt(lambda: desk.call.set_front(self.PANEL_ID, **self.front_options()))
        elif call.record.state.front:
            self.attempt(lambda: desk.call.set_front(""))  # back on the step's own panel
        self._shown_values = {}
        self._show_kept(desk.call.typed(self.PANEL_ID))

    def _show_kept(self, kept: dict[str, str]) -> None:
        """Put kept values in the fields shown now; remember what each field shows."""
        shown = self._shown_values
        if shown is None:
            return
        restored: dict[str, str] = {}
        for key, value in kept.items():
            rr_field = self._widget(key)
            if rr_field is not None and not self.recorded(key) and rr_field.value != value:
                rr_field.value = restored[rr_field.spec.name] = value
        shown.update({key: rr_field.value for key, rr_field in self.kept_fields().items()})
        for name, value in restored.items():
            self.field_typed(name, value)  # what the panel shows from it (a motive's area)

    def rows_shown(self) -> None:
        """Another page of the list: its rows show what was kept for their records."""
        if self._shown_values is not None and self.rr_app.desk is not None:
            self._show_kept(self.desk.call.typed(self.PANEL_ID))

    def rows_leaving(self) -> None:
        """The page is about to turn: the row being typed in is kept first."""
        focused = self.focused
        if isinstance(focused, RRField):
            self.keep(focused)

    def field_typed(self, name: str, value: str) -> None:
        """Repaint what a field's value decides (panels that show such a thing)."""

    # -- keeping ----------------------------------------------------------------------------

    def keep(self, rr_field: RRField) -> None:
        """Keep a field the cursor left, unless row 24 refused it or nothing changed."""
        shown = self._shown_values
        key = self._key(rr_field)
        if shown is None or key is None or rr_field.holds_refused or self._moving_on:
            return
        value = rr_field.value
        desk = self.rr_app.desk
        call = desk.active if desk is not None else None
        if shown.get(key, "") == value or call is None:
            return
        if call.record.state.typing_scope != self._scope:
            return  # the call (or request) this panel was filled for is over
        try:
            self.desk.call.keep_typed(self.PANEL_ID, {key: value})
        except (DomainError, StoreBusy) as error:
            self.message(error.message, error=True)
            return
        shown[key] = value

    def clear_typed(self, *names: str) -> None:
        """Empty fields whose value the panel just acted on (an option, an answer, a
        payment reported): nothing of them is left to show again."""
        for name in names:
            self.field(name).value = ""
        shown = self._shown_values
        stale = [name for name in names if shown is not None and shown.get(name)]
        desk = self.rr_app.desk
        if shown is None or not stale or desk is None or desk.active is None:
            return
        emptied = dict.fromkeys(stale, "")
        if self.attempt(lambda: desk.call.keep_typed(self.PANEL_ID, emptied)) is not None:
            shown.update(emptied)

    def keep_shown(self) -> None:
        """Keep every field as it is now (a form filed by Intro, which the panel goes on
        showing as filed): one write, of what changed."""
        shown = self._shown_values
        desk = self.rr_app.desk
        if shown is None or desk is None or desk.active is None:
            return
        changed = {
            key: rr_field.value
            for key, rr_field in self.kept_fields().items()
            if rr_field.value != shown.get(key, "") and not rr_field.holds_refused
        }
        if not changed:
            return
        if self.attempt(lambda: desk.call.keep_typed(self.PANEL_ID, changed)) is not None:
            shown.update(changed)

    def forget_typed(self) -> None:
        """The panel's action is done (an order created, a case filed): what was typed
        for it is in its record now, and the next one starts empty."""
        if self._shown_values is None or self.desk.active is None:
            return
        kept = self.desk.call.typed(self.PANEL_ID)
        if kept:
            self.attempt(lambda: self.desk.call.keep_typed(self.PANEL_ID, dict.fromkeys(kept, "")))
        self._shown_values = {key: f.value for key, f in self.kept_fields().items()}

    def on_rr_field_left(self, event: RRField.Left) -> None:
        self.keep(event.field)

    def on_screen_suspend(self) -> None:
        """Another panel comes on top (F2, F7, F14...): keep the field being typed."""
        focused = self.focused
        if isinstance(focused, RRField):
            self.leaving(focused)

    def leaving(self, rr_field: RRField) -> None:
        """The panel is covered or left with the cursor in ``rr_field``."""
        self.keep(rr_field)
