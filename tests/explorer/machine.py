"""The key-sequence explorer: a Hypothesis state machine that walks the real app.

Each example signs on to a fresh app (a copy of the demo store, fixed clock,
80x24) and draws rules: a key of the panel in front, a chord, a value typed
in the focused field, a softphone action, a call ringing, or ``progress``
(what a competent agent types to complete the panel, so the walk reaches
every branch's sub-flows). Every key goes through ``_key``, which checks every
invariant after it; the log of keys (with the panel each was pressed on) is
attached to any failure, so Hypothesis's shrunk example reads as a recipe.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from swat_tui.domain.desk.softphone import AgentState
from swat_tui.store.demo import SHOWCASE
from tests.explorer import alphabet, budget, progress, screen_text
from tests.explorer.driver import AppCrashed, AppSession
from tests.explorer.oracles import Watch
from tests.explorer.progress import CALLERS, SUBFLOWS, CallPlan, Fill, Key, Ring, Situation
from tests.explorer.store_view import Secrets, calls_of

MAX_TABS = 30  # Tab presses to reach a field before giving up (it is hidden or disabled)
MAX_PROGRESS_ROUNDS = 4  # plans run on one panel per ``progress`` rule before giving up


class Environment:
    """What every example shares: the template store and the secrets read from it."""

    template: Path
    workdir: Path
    secrets: tuple[Secrets, ...]
    phones: dict[str, str]
    counter: int = 0


class Explorer(RuleBasedStateMachine):
    """Walks the app with keys and checks the promises after each one."""

    env: ClassVar[Environment]

    def __init__(self) -> None:
        super().__init__()
        env = type(self).env
        env.counter += 1
        self.session = AppSession(env.template, env.workdir / f"example-{env.counter}")
        self.log: list[str] = []
        self.keys = 0  # keys pressed in this example
        self.dead = False  # the app crashed on a panel SWAT_EXPLORE_SKIP names (crash:PANEL)
        self.plan = CallPlan("blacklist", "1", "1")
        self.attempts: dict[tuple[int | None, str], int] = {}
        self.diagnosed: set[int] = set()
        try:
            self.session.start()
        except BaseException:
            self.session.close()  # no loop or store left open by a start that failed
            raise
        self.watch = Watch(self.session.app, env.secrets)

    # -- the keys, each checked ---------------------------------------------------------------

    @property
    def panel(self) -> str:
        return screen_text.panel_of(self.session.app)

    def _key(self, key: str, *, logged: bool = True) -> None:
        """Press one key and check every invariant; a failure carries the steps so far."""
        self.keys += 1
        if logged:
            self.log.append(f"{self.keys:4d} {self.panel}: {alphabet.key_name(key)}")
        self._checked(lambda: self.session.press(key), key)
        call_id = self._call_id()
        if self.panel == "DIA010" and call_id is not None:
            self.diagnosed.add(call_id)  # soporte asks for the Diagnosticador once per call

    def _checked(self, act: object, key: str) -> None:
        if self.dead:
            return
        self.watch.before()
        panel = self.panel
        try:
            assert callable(act)
            act()
            self.watch.after(key)
        except AssertionError as error:
            if isinstance(error, AppCrashed) and self.watch.off("crash", panel):
                self.dead = True  # a known crash, skipped: the rest of the walk does nothing
                return
            error.add_note(self.recipe())
            raise

    def recipe(self) -> str:
        """The keys pressed in this example, one a line, with the panel each was pressed on."""
        return "Steps (panel in front: key pressed):\n" + "\n".join(self.log)

    def _type(self, text: str) -> None:
        """Type ``text`` in the field with the cursor, key by key ("" empties the field)."""
        focused = screen_text.focused_field(self.session.app)
        if text == "":
            if focused is None or not focused.value:
                return
            self.log.append(f"{self.keys + 1:4d} {self.panel}: empty the field (End, Retroceso)")
            if not focused.has_selection:
                self._key("end", logged=False)
                for _ in focused.value[:80]:
                    self._key("backspace", logged=False)
                return
            self._key("backspace", logged=False)
            return
        start, first = len(self.log), self.keys + 1
        self.log.append("")
        for typed, char in enumerate(text, start=1):
            part = "" if typed == len(text) else f" (stopped after {text[:typed]!r})"
            self.log[start] = f"{first:4d} {self.panel}: type {text!r}{part}"
            self._key("space" if char == " " else char, logged=False)

    def _call_id(self) -> int | None:
        desk = self.session.app.desk
        return desk.active.call_id if desk is not None and desk.active is not None else None

    def _ring(self) -> None:
        """The plan's caller rings (a call from the practice queue's kind of caller)."""
        desk = self.session.app.desk
        if desk is None or desk.phone.state is not AgentState.DISPONIBLE:
            return
        ani = type(self).env.phones[self.plan.caller]
        self.log.append(f"     a call rings from {self.plan.caller} ({ani}, {self.plan.queue})")

        async def ring() -> None:
            desk.ring(ani, self.plan.queue)
            await self.session.settle()

        self._checked(lambda: self.session.run(ring), "ring")

    # -- rules ------------------------------------------------------------------------------

    @initialize(data=st.data())
    def sign_on(self, data: st.DataObject) -> None:
        """Every walk starts signed on, with a call plan (who calls, which branch)."""
        self._new_plan(data)
        self._type(budget.profile())
        self._key("tab")
        self._type("swat2026")
        self._key("enter")
        # The agent's day is calls: answer the planned one at once (F2, 1, a ring, 3),
        # so the budget is spent inside calls rather than reaching them.
        for _ in range(MAX_PROGRESS_ROUNDS):
            if self.panel == "LLM001" or not self._progress_once(data, keep_plan=True):
                break

    def _new_plan(self, data: st.DataObject) -> None:
        caller = data.draw(st.sampled_from(CALLERS), label="caller")
        branch = data.draw(st.sampled_from(("1", "2", "3", "4")), label="branch")
        subflow = data.draw(st.sampled_from(SUBFLOWS[branch]), label="subflow")
        queue = {"1": "HOGAR_SAC", "2": "HOGAR_SOPORTE", "3": "HOGAR_SOPORTE", "4": "HOGAR_PQR"}
        self.plan = CallPlan(caller, branch, subflow, queue[branch])
        self.log.append(f"     plan: caller {caller}, Rama {branch}, Gestión {subflow or '-'}")

    @rule(data=st.data())
    def press_key(self, data: st.DataObject) -> None:
        """A key of the panel's legend, or one every panel answers to."""
        key = data.draw(st.sampled_from(alphabet.panel_keys(self.panel)), label="key")
        self._key(key)

    @rule(data=st.data())
    def press_chord(self, data: st.DataObject) -> None:
        """RR's two-key sequences: the panel's own more often, any of them sometimes."""
        own = alphabet.panel_chords(self.panel)
        chords = own + own + alphabet.ALL_CHORDS
        chord = data.draw(st.sampled_from(chords), label="chord")
        self._key(chord.first)
        self._key(chord.second)

    @rule(data=st.data())
    def type_value(self, data: st.DataObject) -> None:
        """A value typed in the field with the cursor: valid, invalid, too long or empty."""
        focused = screen_text.focused_field(self.session.app)
        if focused is None:
            return
        options = alphabet.shown_options(screen_text.rows(self.session.app))
        values = alphabet.typed_values(focused.spec.width, focused.digits_only, options)
        self._type(data.draw(st.sampled_from(values), label="typed"))

    @rule(data=st.data())
    def softphone(self, data: st.DataObject) -> None:
        """F2 and an option: 4 hold/resume, 6 hang up, 7 end ACW, 1 Disponible, 3 answer."""
        option = data.draw(st.sampled_from(("4", "6", "7", "1", "3")), label="softphone")
        self._key("f2")
        if self.panel != "SFT001":
            return
        self._type(option)
        self._key("enter")

    @precondition(lambda self: self._disponible())
    @rule(data=st.data())
    def ring(self, data: st.DataObject) -> None:
        """A call rings (the agent is Disponible): a new plan for it."""
        self._new_plan(data)
        self._ring()

    def _disponible(self) -> bool:
        desk = self.session.app.desk
        return desk is not None and desk.phone.state is AgentState.DISPONIBLE

    @rule(data=st.data(), panels=st.integers(min_value=1, max_value=8))
    def make_progress(self, data: st.DataObject, panels: int) -> None:
        """What a competent agent does on the next ``panels`` panels (and the calls rung)."""
        for _ in range(panels):
            if not self._progress_once(data):
                return

    def _progress_once(self, data: st.DataObject, *, keep_plan: bool = False) -> bool:
        """Run the panel's plan; True when the panel in front changed."""
        start = self.panel
        start_screen = screen_text.front(self.session.app)
        call_id = self._call_id()
        attempt = self.attempts.get((call_id, start), 0)
        self.attempts[(call_id, start)] = attempt + 1
        if not keep_plan and start == "SFT001" and self._disponible():
            self._new_plan(data)
        for act in progress.plan(self._situation(start, attempt)):
            if isinstance(act, Key):
                self._key(act.name)
            elif isinstance(act, Ring):
                self._ring()
            elif isinstance(act, Fill) and not self._fill(act):
                continue
            if screen_text.front(self.session.app) is not start_screen:
                return True
        return screen_text.front(self.session.app) is not start_screen

    def _fill(self, act: Fill) -> bool:
        """Tab to the field and type its value over what it holds; False if unreachable."""
        app = self.session.app
        for _ in range(MAX_TABS):
            focused = screen_text.focused_field(app)
            if focused is None:
                return False
            if focused.spec.name == act.name:
                break
            self._key("tab")
        else:
            return False
        focused = screen_text.focused_field(app)
        assert focused is not None
        if focused.value.strip().upper() == act.value.upper():
            return True
        if focused.value and not focused.has_selection:
            self._type("")
        self._type(act.value)
        return True

    def _situation(self, panel: str, attempt: int) -> Situation:
        app = self.session.app
        desk = app.desk
        screen = screen_text.front(app)
        values: dict[str, str] = {}
        if screen is not None:
            values = {
                f.spec.name: f.value for f in screen.panel.fields() if f.display and not f.disabled
            }
        call = desk.active if desk is not None else None
        unread = False
        order = False
        if call is not None and desk is not None:
            state = call.record.state
            unread = "blacklist" in state.flags and state.mark_for("notas_f7_leidas", 0) is None
            stored = calls_of(desk.services.engine, desk.agent.username)
            order = any(c.id == call.call_id for c in stored) and self._order_created(call.call_id)
        return Situation(
            panel=panel,
            values=values,
            phone=desk.phone.state if desk is not None else None,
            in_call=call is not None,
            blacklisted_unread=unread,
            diagnosed=(call.call_id if call else 0) in self.diagnosed,
            attempt=attempt,
            call=self.plan,
            cuenta=str(SHOWCASE[self.plan.caller]),
            order_created=order,
            message=screen.panel.canvas.message if screen is not None else "",
        )

    def _order_created(self, call_id: int) -> bool:
        from sqlalchemy import text

        desk = self.session.app.desk
        assert desk is not None
        with desk.services.engine.connect() as connection:
            found = connection.execute(
                text("SELECT count(*) FROM work_order WHERE call_id = :c"), {"c": call_id}
            ).scalar()
        return bool(found)

    def teardown(self) -> None:
        """The app and its loop always go, whatever happened; a crash seen only now fails."""
        error = self.session.close()
        if error is not None and not isinstance(error, AssertionError):
            raise AssertionError(f"the app crashed: {error!r}\n{self.recipe()}") from error
