"""What a panel may ask of the application that shows it, and of its navigator.

Screens type themselves against ``PanelHost`` instead of the app class: the
app (``app.SwatApp``) imports the navigator, which opens the screens, so a
screen importing the app would close an import circle. Only what screens use
is here; the app satisfies it (``make_app`` says so to mypy).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.signal import Signal

    from swat_tui.config import Settings
    from swat_tui.domain.auth import SignedOnAgent
    from swat_tui.domain.call.views import CallRecord
    from swat_tui.domain.desk.desk import Desk, DeskChange
    from swat_tui.domain.procedure.guide import GuideView
    from swat_tui.domain.services import Services
    from swat_tui.domain.supervisor.desk import SupervisorDesk
    from swat_tui.domain.training.caller import CallerLine
    from swat_tui.domain.training.catalog import Catalog
    from swat_tui.domain.training.scenario import Scenario
    from swat_tui.domain.training.scorecard import Scorecard
    from swat_tui.ui.idle_collector import IdleCollector
    from swat_tui.ui.keymap import UserKeymap


class Navigation(Protocol):
    """Opening panels by id and moving through a call's steps (``navigator.Navigator``)."""

    @property
    def in_espejo(self) -> bool:
        """The Espejo (F14) is the session in front."""
        ...

    async def toggle_espejo(self) -> None: ...

    async def to_main_session(self) -> None: ...

    async def exit_to_menu(self) -> None: ...

    async def open_panel(
        self, panel_id: str, *args: Any, keep: bool = False, **kwargs: Any
    ) -> None:
        """Show ``panel_id`` on top, ready for keys; ``keep``: the session's kept one."""
        ...

    async def switch_panel(
        self, panel_id: str, *args: Any, keep: bool = False, **kwargs: Any
    ) -> None:
        """Show ``panel_id`` in place of the panel in front, ready for keys."""
        ...

    def reopens_in_front(self, panel_id: str) -> bool:
        """``panel_id`` is a panel a call resumed after a crash opens again on top."""
        ...

    async def show_call_step(self) -> None: ...

    async def resume_call(self, record: CallRecord) -> None: ...

    async def after_call(self, message: str) -> None: ...


class Training(Protocol):
    """Trainer mode as the panels see it (``training_host.TrainingHost``)."""

    services: Services | None  # the training store's, once open
    error: str  # why it could not be opened
    card_showing: bool

    @property
    def active(self) -> bool: ...

    @property
    def certification(self) -> bool: ...

    @property
    def catalog(self) -> Catalog: ...

    def reload_catalog(self) -> Catalog:
        """The scenario files read again (a trainer edited one)."""
        ...

    def start(self, scenario: Scenario, assignment: Any = None) -> None: ...

    def transcript(self) -> tuple[CallerLine, ...]: ...

    def caller_line(self, cues: frozenset[str] | None = None) -> str: ...

    def field_entered(self, panel: str, field: str) -> None: ...

    async def show_card(self, card: Scorecard, scenario: Scenario | None) -> None: ...


class PanelHost(Protocol):
    """The application as its panels see it."""

    settings: Settings
    services: Services | None
    desk: Desk | None
    supervisor: SupervisorDesk | None  # a supervisor's profile upkeep (USR001, CGO001)
    desk_signal: Signal[DeskChange]
    keymap: UserKeymap | None
    idle_collector: IdleCollector

    @property
    def navigator(self) -> Navigation: ...

    @property
    def training(self) -> Training | None:
        """Trainer mode: the training store, a training call (asesores, formadores)."""
        ...

    @property
    def agent(self) -> SignedOnAgent | None: ...

    def now(self) -> datetime: ...

    def show_error(self, text: str) -> None: ...

    def status_line(self) -> str: ...

    def guide_view(self, typed: frozenset[str] = frozenset()) -> GuideView: ...

    async def wait_for_store(self) -> Services | None: ...

    async def signed_on(self, agent: SignedOnAgent) -> None: ...

    async def sign_off(self) -> None: ...
