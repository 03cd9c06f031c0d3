"""TRN012: a trainee's training call in progress, watched by the trainer (read-only).

The same followed call a supervisor sees (``domain.call.followed``: step, the
trainee's panel, the guide in the wide column, each event a short Spanish line at
its mm:ss of the call) with the scenario and the last things the simulated caller
said on top. Read from the training store, so a trainee on another
terminal or in a browser is watched the same way; read again every 2 seconds
while the panel is open, and at once with F5.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import clip
from swat_tui.ui.screens.base import RRScreen
from swat_tui.ui.screens.training.common import training_engine

if TYPE_CHECKING:
    from datetime import datetime

    from textual.timer import Timer

    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.training.live import LiveCall

EVERY_S = 2.0
EVENT_ROWS = 7
CALLER_ROWS = 6
LINE = 78
STATUS = {"ringing": "TIMBRANDO", "in_progress": "EN LÍNEA"}
MODES = {"practica": "práctica", "certificacion": "certificación"}


class LiveCallScreen(RRScreen, panel="TRN012"):
    """The call of ``username``, as the training store has it now."""

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username
        self.call: LiveCall | None = None
        self._timer: Timer | None = None

    def fill(self) -> None:
        self._read()
        if self._timer is None:
            self._timer = self.set_interval(EVERY_S, lambda: self._read(when_idle=True))

    def on_unmount(self) -> None:
        """Closed: no more reading the store for it."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def action_rr_refresh(self) -> None:
        """F5: read the call now."""
        self.clear_errors()
        if self._read():
            self.message(messages.text("ui.trainer.live_refreshed"))

    def _read(self, *, when_idle: bool = False) -> bool:
        """Read the call in a worker thread (a replay of its events and the account: not
        on the UI's thread, every 2 seconds) and paint it when read; False when the
        training store is not open. The timer's read (``when_idle``) waits for one
        still under way."""
        from swat_tui.domain.training.live import live_call
        from swat_tui.ui.worker_reads import read_in_worker

        training = self.rr_app.training
        engine = training_engine(self, None)
        if engine is None or training is None:
            return False
        catalog = training.catalog
        username, now = self.username, self.rr_app.now()
        read_in_worker(
            self,
            lambda: live_call(
                engine, username=username, find=catalog.find, scenarios=catalog.scenarios, now=now
            ),
            self._show,
            when_idle=when_idle,
        )
        return True

    def _show(self, call: LiveCall | None) -> None:
        self.call = call
        self._paint(call)
        self.refresh_guide()

    def guide_view(self) -> GuideView:
        """The wide column: the trainee's guide, as the trainee sees it."""
        if self.call is not None:
            return self.call.followed.guide
        return super().guide_view()

    def _paint(self, call: LiveCall | None) -> None:
        values = {f"ev{index}": "" for index in range(EVENT_ROWS)}
        values |= {f"tx{index}": "" for index in range(CALLER_ROWS)}
        if call is None:
            values |= {
                "trainee": clip(f"Asesor {self.username}", LINE),
                "scenario": "",
                "state": messages.text("ui.trainer.live_none"),
            }
            self.set_fields(values)
            return
        now = self.rr_app.now()
        since = call.answered_at or call.started_at
        values |= {
            "trainee": clip(
                f"Asesor {call.trainee} · llamada {call.call_id} · "
                f"{STATUS.get(call.status, call.status.upper())}",
                LINE,
            ),
            "scenario": clip(_scenario_line(call), LINE),
            "state": clip(
                f"Paso {call.step} · {_clock(call.elapsed(now))} desde que "
                f"{'contestó' if call.answered_at else 'timbró'} · {len(call.events)} eventos"
                f"{_panel(call)}",
                LINE,
            ),
        }
        for index, event in enumerate(call.events[-EVENT_ROWS:]):
            at = _clock(_seconds(event.at, since))
            values[f"ev{index}"] = clip(f"{at} P{event.step} {event.label}", LINE)
        for index, line in enumerate(call.transcript[-CALLER_ROWS:]):
            at = _clock(_seconds(line.at, since))
            values[f"tx{index}"] = clip(f"{at} «{line.text}»", LINE)
        self.set_fields(values)


def _panel(call: LiveCall) -> str:
    """Where the trainee is: the panel the followed call says they have open."""
    panel = call.followed.panel
    return f" · panel {panel}" if panel else ""


def _scenario_line(call: LiveCall) -> str:
    scenario = call.scenario
    if scenario is None:
        return f"Escenario {call.scenario_id or 'desconocido'}"
    mode = MODES.get(scenario.mode.value, scenario.mode.value)
    return f"Escenario {scenario.id}: {scenario.title} ({mode}, nivel {scenario.level})"


def _seconds(moment: datetime, since: datetime) -> int:
    from swat_tui.domain.training.live import aware

    return max(0, int((aware(moment) - aware(since)).total_seconds()))


def _clock(seconds: int) -> str:
    from swat_tui.domain.training.scorecard_text import clock

    return clock(seconds)
