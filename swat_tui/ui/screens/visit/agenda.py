"""VIS030: the WFM agenda of the order's zone — the free windows of the next days.

1 books the visit in the window agreed with the customer (or moves it, when
opened to reschedule). A window another agent just filled is refused with
the next free ones on row 24 and the list is read again; nothing is booked
twice. An order another agent booked or moved since the agenda was read is
refused too (row 24 says what changed): the order and the list are read
again, and the 1 stays on the window chosen while it is free. With no window
free in the days offered, F6 opens the CGO follow-up form (CGO010). Once
booked or filed, the panel closes itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import CHANGED, DomainError
from swat_tui.domain.visit.agenda import SLOT_TAKEN
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.keeps_typed import KeepsTyped
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.visit.agenda import BookedVisit, FreeWindow
    from swat_tui.domain.visit.views import AgendaView, VisitOrderView

BOOK = "1"
WEEKDAYS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
RESCHEDULE = "reagendar"


class AgendaScreen(AccountSubpanel, PagedScreen, KeepsTyped, panel="VIS030"):
    """The free windows, soonest first; the list is re-read after every refusal."""

    KEPT = True
    FRONT = True

    def __init__(self, cuenta: int, holder: str = "", *, order: str, mode: str = "agendar") -> None:
        super().__init__(cuenta, holder)
        self.order = order
        self.mode = mode
        self.view: AgendaView | None = None
        self.done = False

    def reset_state(self) -> None:
        super().reset_state()
        self.view = None
        self.done = False

    def configure(  # type: ignore[override]  # VIS030 is always opened for an order
        self, cuenta: int, holder: str = "", *, order: str, mode: str = "agendar"
    ) -> None:
        super().configure(cuenta, holder)
        self.order = order
        self.mode = mode

    def fill(self) -> None:
        self.done = False
        self.set_fields(
            {
                **self.account_fields(),
                "order": self.order,
                "mode": "Reagendar la visita" if self.mode == RESCHEDULE else "Agendar la visita",
                "info": "",
                "info2": "",
            }
        )
        self._load()
        if self.view is not None and not self.view.windows:
            self._none_free()
        self.restore_typed()  # nothing of its own to keep: a resumed call opens it again

    def front_options(self) -> dict[str, str]:
        return {"order": self.order, "mode": self.mode}

    def _load(self) -> None:
        view = self.attempt(lambda: self.desk.visit.agenda(self.cuenta, self.order))
        self.view = view
        if view is None:
            self.show_records([])
            self.set_fields({"state": "", "zone": "", "current": "", "days": ""})
            return
        self.set_fields(
            {
                "state": view.order.status,
                "zone": view.zone,
                "current": view.order.window or "sin agendar",
                "days": f"Franjas libres de los próximos {view.days} días",
            }
        )
        self.show_records([_record(window) for window in view.windows])

    def _none_free(self) -> None:
        days = self.view.days if self.view is not None else 0
        self.set_fields(
            {
                "info": f"La zona no tiene franjas libres en los próximos {days} días.",
                "info2": "F6=Formulario CGO: el backoffice confirma la agenda con el cliente.",
            }
        )
        self.message(messages.text("ui.visit.agenda_none_free", days=days), error=True)

    async def action_rr_enter(self) -> None:
        if self.done:
            await self.app.pop_screen()
            return
        self.clear_errors()
        view = self.view
        if view is None:
            return
        typed = self.typed_option()
        if typed is not None and typed.option != BOOK:
            told = messages.text("ui.visit.agenda_option", option=typed.option[:3])
            self.message(told, error=True, field=typed.field)
            self.field(typed.field).mark_error(True)
            return
        if typed is not None:
            self._book(view.windows[typed.record], view.order)
            return
        self.message(messages.text("ui.visit.agenda_pick"), error=True)

    def _book(self, window: FreeWindow, seen: VisitOrderView) -> None:
        try:
            booked = self._take(window.slot_id, seen)
        except DomainError as error:
            self._load()  # the window may be gone: the list as it is now
            field = self._typed_again(window.slot_id) if error.code == CHANGED else None
            self.message(error.message, error=True, field=field)
            if field is not None:
                self.field(field).mark_error(True)
                self.focus_field(field)
            if error.code == SLOT_TAKEN:
                self.set_fields({"info": "Ofrezca al cliente otra de las franjas libres."})
            if self.view is not None and not self.view.windows:
                self._none_free()
            return
        self.done = True
        self._load()
        done = "reagendada" if self.mode == RESCHEDULE else "agendada"
        self.set_fields(
            {
                "current": booked.window.label,
                "info": f"Visita {booked.number} {done}: llegada {_arrival(booked.window)}.",
                "info2": "Informe al cliente la orden y la franja; Intro vuelve.",
            }
        )
        rule = (
            "ui.visit.agenda_rescheduled" if self.mode == RESCHEDULE else "ui.visit.agenda_booked"
        )
        self.message(messages.text(rule, number=booked.number, window=booked.window.label))

    def _take(self, slot_id: int, seen: VisitOrderView) -> BookedVisit:
        if self.mode == RESCHEDULE:
            return self.desk.visit.reschedule(self.cuenta, self.order, slot_id, seen=seen)
        return self.desk.visit.book(self.cuenta, self.order, slot_id, seen=seen)

    def _typed_again(self, slot_id: int) -> str | None:
        """The order changed since the agenda was read (another agent booked or moved
        it): the 1 stays on the window chosen, if it is still free; its field."""
        windows = self.view.windows if self.view is not None else ()
        index = next((i for i, w in enumerate(windows) if w.slot_id == slot_id), None)
        return None if index is None else self.show_option_on(BOOK, index)

    async def action_rr_cgo(self) -> None:
        """F6: the CGO follow-up form, only when no window is free (otherwise: book one)."""
        view = self.view
        if view is None:
            return
        if view.windows:
            first = view.windows[0].label
            self.message(messages.text("ui.visit.agenda_free_first", first=first), error=True)
            return
        await self.open_panel("CGO010", self.cuenta, self.holder, order=self.order)

    def returned(self) -> None:
        """Back from CGO010: once the form is filed this panel's work is done."""
        self.clear_errors()
        self._load()  # the agenda's view carries the order, with its CGO form if filed
        if self.view is not None and self.view.order.cgo_number:
            self.close_later()
            return
        if self.view is not None and not self.view.windows:
            self._none_free()


def _arrival(window: FreeWindow) -> str:
    return f"de {window.starts_at:%H:%M} a {window.ends_at:%H:%M}"


def _record(window: FreeWindow) -> dict[str, str]:
    weekday = WEEKDAYS[window.day.weekday()]
    return {
        "day": f"{weekday} {window.day:%d/%m/%y}",
        "win": window.window,
        "arrive": _arrival(window),
        "free": str(window.free),
    }
