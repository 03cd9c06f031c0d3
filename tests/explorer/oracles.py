"""The five promises, checked after every key by oracles that do not trust the app.

Each invariant raises its own exception class from its own line, so Hypothesis
tells distinct defects apart (it shrinks and reports each) instead of
stopping at the first. ``SWAT_EXPLORE_SKIP`` turns checks off by name, or by
name on one panel (``lost:VIS020``), to hunt for the next defect while a
known one is being fixed.

What "the agent did" is tracked here from the keys the machine pressed and
the store (never from ``desk.gate``): the F7 notes panels shown (NTS001, by
cuenta) in this sign-on session, and every value typed in a field with the
key number it was typed at.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from swat_tui.domain.desk.softphone import AgentState
from swat_tui.domain.procedure.check_ids import F7_READ
from swat_tui.ui.app import SwatApp
from swat_tui.ui.display_file import WIDTH
from swat_tui.ui.screens.base import AccountSubpanel, RRScreen
from swat_tui.ui.screens.call.call_step import CallStepScreen
from swat_tui.ui.widgets.canvas import fit_line
from tests.explorer import screen_text
from tests.explorer.store_view import (
    ACTIVE,
    Secrets,
    StoredCall,
    call_text,
    calls_of,
    normalise,
    typifications_per_request,
)

# Panels whose fields are the call's data (the promise "nothing typed is lost").
CALL_PANELS = frozenset(
    {
        "LLM001",
        "LLM002",
        "LLM003",
        "LLM008",
        "SAC010",
        "SAC020",
        "SAC030",
        "TD010",
        "MAS010",
        "INV010",
        "VIS010",
        "VIS020",
        "VIS030",
        "CGO010",
        "PQR010",
        "PQR020",
        "PQR030",
        "TIP001",
        "DIM010",
    }
)
# Fields that hold a lookup, not call data: what they hold is used by Intro, never kept.
LOOKUPS = frozenset({("LLM001", "cuenta"), ("TIP001", "search"), ("TIP001", "code_in")})
# Command fields: an option column (o_0...), an action number, a T&D answer. What they
# hold is done by Intro (or refused), it is not data of the call.
COMMANDS = frozenset({"a", "td"})


def is_command(name: str) -> bool:
    return name in COMMANDS or (name.startswith("o_") and name[2:].isdigit())


IDENTITY_FIELDS = frozenset({("LLM002", "identity"), ("PQR030", "val")})
CONFIRMING_KEYS = frozenset({"enter", "tab", "shift+tab"})
IN_CALL = (AgentState.EN_LLAMADA, AgentState.EN_ESPERA)
NAMES = (
    "crash",
    "blacklist",
    "lost",
    "reshown",
    "agree",
    "typify_once",
    "row24",
    "output",
    "input",
)


class UnexpectedError(AssertionError):
    """Invariant 1: an error was caught by the app's last-resort handler."""


class BlacklistLeak(AssertionError):
    """Invariant 2: a hidden value of a blacklisted account is on the screen."""


class TypedValueLost(AssertionError):
    """Invariant 3: a value the cursor left is neither in the store nor refused."""


class ValueNotShownAgain(AssertionError):
    """Invariant 3: back on a panel, a value it showed is gone."""


class Disagreement(AssertionError):
    """Invariant 4: the store, the softphone and the guide disagree."""


class TypifiedTwice(AssertionError):
    """Invariant 4: a request has more than one typification."""


class CutMessage(AssertionError):
    """Invariant 5: row 24 does not show its whole message."""


class CutOutput(AssertionError):
    """Invariant 5: an output field is cut without ``>``."""


class CutInput(AssertionError):
    """Invariant 5: an input field at rest holds more than it shows and no ``>`` says so."""


@dataclass(frozen=True)
class Typed:
    """A field's value after a key typed in it."""

    step: int
    panel: str
    field: str
    value: str


@dataclass
class Before:
    """What was in front before a key."""

    screen: RRScreen | None
    panel: str
    field: str | None
    value: str
    call_id: int | None
    in_espejo: bool


@dataclass
class Pending:
    """A value held by a call panel that another panel covers."""

    screen: RRScreen
    panel: str
    field: str
    value: str
    call_id: int
    key: str


@dataclass
class Snapshot:
    """A call panel's field values when it left the front (to be shown again)."""

    screen: RRScreen
    call_id: int
    progress: tuple[int, int, str]
    values: dict[str, str]


def skipped() -> frozenset[str]:
    """``SWAT_EXPLORE_SKIP``: comma-separated invariant names, or ``name:PANEL``."""
    raw = os.environ.get("SWAT_EXPLORE_SKIP", "")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


@dataclass
class Watch:
    """The oracles, with what they remember between keys."""

    app: SwatApp
    secrets: tuple[Secrets, ...]
    step: int = 0
    typed: list[Typed] = field(default_factory=list)
    notes_seen: set[int] = field(default_factory=set)
    f7_step: dict[int, int] = field(default_factory=dict)
    identity_seen: dict[int, str | None] = field(default_factory=dict)
    snapshots: dict[str, Snapshot] = field(default_factory=dict)
    pending: dict[int, Pending] = field(default_factory=dict)
    skip: frozenset[str] = field(default_factory=skipped)
    _before: Before | None = None
    _agent: str | None = None

    def off(self, name: str, panel: str = "") -> bool:
        return name in self.skip or f"{name}:{panel}" in self.skip

    # -- around each key ----------------------------------------------------------------

    def before(self) -> None:
        screen = screen_text.front(self.app)
        focused = screen_text.focused_field(self.app)
        desk = self.app.desk
        self._before = Before(
            screen=screen,
            panel=screen.PANEL_ID if screen else "-",
            field=focused.spec.name if focused is not None else None,
            value=focused.value if focused is not None else "",
            call_id=desk.active.call_id if desk is not None and desk.active else None,
            in_espejo=self.app.navigator.in_espejo,
        )

    def after(self, key: str) -> None:
        """Every invariant, after ``key`` was processed."""
        self.step += 1
        before = self._before
        assert before is not None, "before() was not called"
        app = self.app
        if not self.off("crash"):
            errors = getattr(app, "unexpected_errors", None)
            if errors:
                raise UnexpectedError(f"the app caught unexpected errors: {errors!r}")
        self._track_typing(before)
        desk = app.desk
        if desk is None:
            self._agent = None
            self.notes_seen.clear()  # a new sign-on session: nothing read yet
        elif self._agent != desk.agent.username:
            self._agent = desk.agent.username
            self.notes_seen.clear()
        screen = screen_text.front(app)
        panel = screen.PANEL_ID if screen else "-"
        if panel == "NTS001" and isinstance(screen, AccountSubpanel):
            self.notes_seen.add(screen.cuenta)
        calls = calls_of(desk.services.engine, desk.agent.username) if desk else []
        active = next((c for c in calls if c.status == ACTIVE), None)
        self._check_agreement(calls, active, panel)
        self._check_identity(calls, before, key, panel)
        rows = screen_text.rows(app)
        self._check_blacklist(rows, active, calls, panel)
        self._check_lost(before, key, screen, panel)
        self._check_reshown(before, screen, panel, active)
        self._check_cuts(rows, screen, panel)

    def _track_typing(self, before: Before) -> None:
        focused = screen_text.focused_field(self.app)
        if focused is None or before.field is None:
            return
        if focused.spec.name == before.field and focused.value != before.value:
            self.typed.append(Typed(self.step, before.panel, before.field, focused.value))

    # -- 4. agreement -------------------------------------------------------------------

    def _check_agreement(
        self, calls: list[StoredCall], active: StoredCall | None, panel: str
    ) -> None:
        desk = self.app.desk
        if desk is not None and not self.off("agree", panel):
            state = desk.phone.state
            live = [c.id for c in calls if c.status == ACTIVE]
            call = desk.active
            if call is None:
                if state in IN_CALL or live:
                    raise Disagreement(
                        f"no call on the desk, but the softphone says {state.value} and the"
                        f" store has calls in progress {live}"
                    )
            else:
                if state not in IN_CALL or live != [call.call_id]:
                    raise Disagreement(
                        f"the desk's call {call.call_id}: softphone {state.value}, calls in"
                        f" progress in the store {live}"
                    )
                assert active is not None
                on_hold = active.hold_started_at is not None
                if on_hold != (state == AgentState.EN_ESPERA):
                    raise Disagreement(
                        f"softphone {state.value} but the stored call on hold is {on_hold}"
                    )
                stored_step = active.step
                json_step = active.state.get("step")
                desk_step = call.record.state.step
                guide = [s.number for s in self.app.guide_view().steps if s.status == "actual"]
                if not (stored_step == json_step == desk_step) or guide != [stored_step]:
                    raise Disagreement(
                        f"call {call.call_id} step: store {stored_step}, state {json_step},"
                        f" desk {desk_step}, guide {guide}"
                    )
        if desk is not None and not self.off("typify_once", panel):
            twice = typifications_per_request(desk.services.engine)
            if twice:
                raise TypifiedTwice(f"requests typified more than once (id, count): {twice}")

    # -- 2. the BLACKLIST rule ----------------------------------------------------------------

    def _check_identity(
        self, calls: list[StoredCall], before: Before, key: str, panel: str
    ) -> None:
        """An identity recorded from a value typed before F7 was read, by a key that left
        the panel (nobody confirmed it after reading F7), opens the account: a leak."""
        for call in calls:
            if call.mark_index(F7_READ) is not None:
                self.f7_step.setdefault(call.id, self.step)
            result = call.identity_result()
            previous = self.identity_seen.get(call.id)
            self.identity_seen[call.id] = result
            if result is None or previous is not None or self.off("blacklist", before.panel):
                continue
            if not call.blacklisted or not call.blacklist_unlocked():
                continue
            read_at = self.f7_step.get(call.id, self.step)
            typed_after = any(
                t.step > read_at
                and (t.panel, t.field) in IDENTITY_FIELDS
                and normalise(t.value) == normalise(result)
                for t in self.typed
            )
            confirmed_in_front = key in CONFIRMING_KEYS and (before.panel, panel) in {
                (p, p) for p, _ in IDENTITY_FIELDS
            }
            if not typed_after and not confirmed_in_front:
                raise BlacklistLeak(
                    f"call {call.id}: identity {result!r} recorded by {key} on {before.panel},"
                    " from a value typed before the F7 notes were read: the blacklisted"
                    " account is unmasked although nobody validated the identity after F7"
                )

    def _check_blacklist(
        self,
        rows: list[str],
        active: StoredCall | None,
        calls: list[StoredCall],
        panel: str,
    ) -> None:
        if self.off("blacklist", panel):
            return
        screen = "\n".join(rows).casefold()
        typed = {normalise(t.value) for t in self.typed}
        anis = {normalise(a) for a in self._anis(calls)}
        for secret in self.secrets:
            if active is not None and active.cuenta == secret.cuenta:
                allowed = active.blacklist_unlocked()
                why = "the call has not recorded F7 read and then the identity validated"
            else:
                allowed = secret.cuenta in self.notes_seen
                why = "this agent has not been shown its F7 notes (NTS001) in this session"
            if allowed:
                continue
            for word in secret.words:
                if normalise(word) in typed or normalise(word) in anis:
                    continue  # the agent's own typing, or the caller's number
                if _shows(screen, word):
                    raise BlacklistLeak(
                        f"{panel} shows {word!r} of blacklisted cuenta {secret.cuenta}: {why}"
                    )
            if str(secret.cuenta) in screen:
                for amount in secret.money:
                    if amount.casefold() in screen:
                        raise BlacklistLeak(
                            f"{panel} shows {amount!r} beside blacklisted cuenta"
                            f" {secret.cuenta}: {why}"
                        )

    def _anis(self, calls: list[StoredCall]) -> set[str]:
        desk = self.app.desk
        if desk is None:
            return set()
        from sqlalchemy import text

        with desk.services.engine.connect() as connection:
            return set(connection.execute(text("SELECT ani FROM call")).scalars())

    # -- 3. nothing typed is lost ----------------------------------------------------------

    def _check_lost(self, before: Before, key: str, screen: RRScreen | None, panel: str) -> None:
        """The cursor left a call panel's field: its value is in the store, or refused.

        Left on the panel (Tab, Intro) or with the panel (F3, F12, the next step): checked
        now. Covered by another panel (F2, F7, F22, the Espejo...): the panel still holds
        it, so it is checked when the panel comes back (``_check_reshown``) or, if the
        panel is closed from above without coming back, then.
        """
        self._check_pending(screen, key, panel)
        name, value = before.field, before.value.strip()
        if name is None or before.panel not in CALL_PANELS or before.call_id is None:
            return
        if len(value) < 2 or (before.panel, name) in LOOKUPS or is_command(name):
            return
        if self.off("lost", before.panel):
            return
        if not self._typed_here(before.panel, name, before.value):
            return  # what the panel filled in from the store (an address), not typing
        focused = screen_text.focused_field(self.app)
        if screen is before.screen and focused is not None and focused.spec.name == name:
            return  # the cursor is still in the field
        if screen is not before.screen and before.screen is not None and self._kept(before):
            if before.screen.panel.canvas.message_is_error:
                return  # refused on the covered panel's row 24, seen when it comes back
            self.pending[id(before.screen)] = Pending(
                before.screen, before.panel, name, value, before.call_id, key
            )
            return
        self._stored_or_refused(before.panel, name, value, before.call_id, key, screen, panel)

    def _typed_here(self, panel: str, name: str, value: str) -> bool:
        """The agent typed this value in this field (its last edit there gave it)."""
        last = next((t for t in reversed(self.typed) if (t.panel, t.field) == (panel, name)), None)
        return last is not None and last.value == value

    def _kept(self, before: Before) -> bool:
        """The panel was covered, not closed: in the stack in front, or in the session
        the Espejo switched away from (its stack cannot change meanwhile)."""
        return (
            before.in_espejo != self.app.navigator.in_espejo
            or before.screen in self.app.screen_stack
        )

    def _check_pending(self, screen: RRScreen | None, key: str, panel: str) -> None:
        """Covered panels: back in front (the reshown check takes over), still covered, or
        closed from above, when what they held must be in the store."""
        for ident, held in list(self.pending.items()):
            if held.screen is screen:
                del self.pending[ident]
            elif self.app.navigator.in_espejo or held.screen in self.app.screen_stack:
                continue
            else:
                del self.pending[ident]
                self._stored_or_refused(
                    held.panel,
                    held.field,
                    held.value,
                    held.call_id,
                    f"{held.key}, then {key} closed {held.panel} from above",
                    screen,
                    panel,
                )

    def _stored_or_refused(
        self,
        typed_on: str,
        name: str,
        value: str,
        call_id: int,
        how: str,
        screen: RRScreen | None,
        panel: str,
    ) -> None:
        if screen is not None and screen.panel.canvas.message_is_error:
            return  # refused, and row 24 says why
        desk = self.app.desk
        if desk is None:
            return
        stored = call_text(desk.services.engine, call_id)
        if any(variant in stored for variant in _variants(value)):
            return
        raise TypedValueLost(
            f"{typed_on}.{name} = {value!r} left by {how} (now on {panel}) is not in"
            f" call {call_id}'s stored record, and row 24 shows no refusal"
        )

    def _check_reshown(
        self,
        before: Before,
        screen: RRScreen | None,
        panel: str,
        active: StoredCall | None,
    ) -> None:
        """Back on a call panel (F12 from above, F14 twice, resuming), what it showed is shown.

        A panel counts as come back to when it was covered (still in a stack) or is a
        step of the call (closed by F3 or F12, shown again by resuming the call); a form
        closed by F12 and opened again later (F23 after F12 on VIS020) is a new form.
        """
        previous = before.screen
        if screen is previous:
            return
        if (
            previous is not None
            and before.panel in CALL_PANELS
            and active is not None
            and before.call_id == active.id
            and (self._kept(before) or isinstance(previous, CallStepScreen))
        ):
            values = {
                f.spec.name: f.value
                for f in previous.panel.fields()
                if f.value.strip()
                and f.display
                and not f.has_class("-error")
                and (before.panel, f.spec.name) not in LOOKUPS
                # A list's option typed and not run is a command, not data: it is not
                # kept when the panel is left (KeepsTyped), as the lost check skips it.
                and not (f.spec.name.startswith("o_") and f.spec.name[2:].isdigit())
            }
            self.snapshots[before.panel] = Snapshot(previous, active.id, _progress(active), values)
        for name, held in list(self.snapshots.items()):
            closed = not self.app.navigator.in_espejo and held.screen not in self.app.screen_stack
            if closed and not isinstance(held.screen, CallStepScreen):
                del self.snapshots[name]  # a form closed: opened again, it is a new one
        kept = self.snapshots.pop(panel, None)
        if kept is None or screen is None or active is None or self.off("reshown", panel):
            return
        if kept.call_id != active.id or kept.progress != _progress(active):
            return  # the call moved on: the panel is filled afresh
        now = {f.spec.name: f.value for f in screen.panel.fields()}
        gone = {
            name: value
            for name, value in kept.values.items()
            if normalise(now.get(name, "")) != normalise(value)
        }
        if gone:
            shown_now = {name: now.get(name, "") for name in gone}
            raise ValueNotShownAgain(
                f"back on {panel} (from {before.panel}): it showed {gone}, now {shown_now}"
            )

    # -- 5. no cut words --------------------------------------------------------------------

    def _check_cuts(self, rows: list[str], screen: RRScreen | None, panel: str) -> None:
        if screen is None:
            return
        canvas = screen.panel.canvas
        message = " ".join(canvas.message.split())
        if message and not self.off("row24", panel) and rows[23].rstrip() != message:
            raise CutMessage(
                f"{panel} row 24 shows {rows[23].rstrip()!r} of the message {message!r}"
                f" ({len(message)} columns; {WIDTH - 1} fit; fit_line gives"
                f" {fit_line(canvas.message)!r})"
            )
        if not self.off("output", panel):
            for name, value, row, col, width, right in _outputs(screen):
                whole = " ".join(value.split("\n")).rstrip()
                shown = rows[row][col : col + width]
                if len(whole) <= width:
                    ok = shown.rstrip() == whole or (right and shown.strip() == whole.strip())
                else:
                    ok = shown.endswith(">") or (right and shown.startswith("<"))
                if not ok:
                    raise CutOutput(f"{panel}.{name} = {whole!r} is shown as {shown!r}")
        if not self.off("input", panel):
            for shown_field in screen_text.input_fields(screen):
                if (
                    shown_field.displayed
                    and not shown_field.focused
                    and len(shown_field.value.rstrip()) > shown_field.width
                    and not shown_field.painted.rstrip().endswith(">")
                    and "password" not in screen.panel.field(shown_field.name).spec.flags
                ):
                    raise CutInput(
                        f"{panel}.{shown_field.name} at rest holds {shown_field.value!r}"
                        f" ({len(shown_field.value)} > {shown_field.width} columns) and shows"
                        f" {shown_field.painted!r} with no '>'"
                    )


def _progress(call: StoredCall) -> tuple[int, int, str]:
    """Where the call is: its step, how many requests, and the sub-flows chosen."""
    requests = call.state.get("requests", [])
    fields = call.state.get("fields", {})
    assert isinstance(requests, list) and isinstance(fields, dict)
    subflows = " ".join(f"{k}={v}" for k, v in sorted(fields.items()) if k.startswith("subflow"))
    return call.step, len(requests), subflows


def _shows(screen: str, word: str) -> bool:
    """The word whole, or its start cut by a field with ``>`` (8 characters at least)."""
    folded = word.casefold()
    if folded in screen:
        return True
    return any(folded[:k] + ">" in screen for k in range(8, len(folded)))


def _variants(value: str) -> tuple[str, ...]:
    """How the store may keep a typed value: as typed, or a DDMMAAAA date as ISO."""
    text = normalise(value)
    variants = [text]
    digits = text.replace("/", "").replace("-", "")
    if len(digits) == 8 and digits.isdigit():
        variants.append(f"{digits[4:]}-{digits[2:4]}-{digits[:2]}")
    return tuple(variants)


def _outputs(screen: RRScreen) -> list[tuple[str, str, int, int, int, bool]]:
    """Every output field's value with its place: (name, value, row, col, width, right)."""
    display = screen.display_file
    canvas = screen.panel.canvas
    subfile = display.subfile
    found = []
    for spec in display.fields.values():
        if spec.is_input:
            continue
        right = "right" in spec.flags
        if subfile is not None and spec.name in display.record_fields:
            for index, record in enumerate(canvas.records[: subfile.size]):
                value = record.get(spec.name)
                if value:
                    found.append(
                        (spec.name, value, subfile.first_row + index, spec.col, spec.width, right)
                    )
        else:
            value = canvas.values.get(spec.name)
            if value:
                found.append((spec.name, value, spec.row, spec.col, spec.width, right))
    return found
