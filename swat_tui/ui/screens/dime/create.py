"""DIM010: escalating the call's request to DIME when the line cannot solve it.

The agent chooses the resolving area (a SAC panel may open it with its area
chosen), types the reason and the data the area needs; the panel shows the
area's SLA date. Intro creates the case through the desk, in one transaction
with the call's change (the branch check the opener named, the DIME number
and the area's UCC code for the typification); the panel then shows the
number, area and due date to read to the customer, and Intro, F3 or F12
goes back to the panel below. A refusal leaves everything typed in place.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.format import day
from swat_tui.ui.screens.keeps_typed import KeepsTyped
from swat_tui.ui.widgets.rr_field import RRField

if TYPE_CHECKING:
    from swat_tui.domain.dime.areas import DimeArea
    from swat_tui.domain.dime.cases import DimeCaseView

DATA_FIELDS = ("data1", "data2", "data3")
INPUTS = ("a", "reason", *DATA_FIELDS)
READ_WIDTH = 78
# Which field a refusal is about (the domain's error codes).
ERROR_FIELDS = {"dime_area": "a", "dime_reason": "reason", "dime_data": "data1"}


class DimeCreateScreen(KeepsTyped, panel="DIM010"):
    """One new DIME case for the request of the call in progress."""

    FRONT = True

    def __init__(
        self, cuenta: int, holder: str, *, area: str = "", check_id: str | None = None
    ) -> None:
        super().__init__()
        self.cuenta = cuenta
        self.holder = holder
        self.area = area
        self.check_id = check_id
        self.created: DimeCaseView | None = None

    def fill(self) -> None:
        self.created = None
        areas = self.desk.dime.areas()
        call = self.desk.active
        request = call.record.state.request if call is not None else None
        self.set_fields(
            {
                "cuenta": str(self.cuenta),
                "holder": self.holder,
                "request": request.description if request is not None else "",
                "areas": "  ".join(f"{a.option}={a.name}" for a in areas.areas),
                **{name: "" for name in ("number", "carea", "cdue", "read1", "read2")},
            }
        )
        chosen = areas.by_id(self.area)
        if chosen is not None:
            self.field("a").value = chosen.option
        self.restore_typed()
        self._show_area(self.field("a").value)
        if self.field("a").value.strip():
            self.focus_field("reason")

    def front_options(self) -> dict[str, str]:
        options = {"area": self.area}
        return options | ({"check_id": self.check_id} if self.check_id else {})

    def on_rr_field_changed(self, event: RRField.Changed) -> None:
        if event.field.spec.name == "a":
            self._show_area(event.value)

    def on_rr_field_left(self, event: RRField.Left) -> None:
        if event.field.spec.name == "a":
            self._show_area(event.value)

    def _show_area(self, typed: str) -> None:
        """The chosen area's name, SLA date and the data it needs."""
        area = self.desk.dime.areas().choice(typed) if typed.strip() else None
        self.set_fields(_area_fields(area, self.desk.dime.due_on(area.id) if area else None))

    async def action_rr_enter(self) -> None:
        if self.created is not None:
            await self.app.pop_screen()
            return
        self.clear_errors()
        typed = self.field("a").value.strip()
        self._show_area(typed)
        area = self.desk.dime.areas().choice(typed)
        data = " ".join(self.field(name).value for name in DATA_FIELDS)
        case = self.attempt(
            lambda: self.desk.dime.escalate(
                area=area.id if area is not None else typed,
                reason=self.field("reason").value,
                data=data,
                check_id=self.check_id,
            ),
            fields=ERROR_FIELDS,
        )
        if case is None:
            return
        self.forget_typed()
        self._show_created(case)

    def _show_created(self, case: DimeCaseView) -> None:
        """The number, area and due date to read to the customer; nothing more to type."""
        self.created = case
        due = day(case.due_on) if case.due_on else "-"
        script = (
            f"Su solicitud quedó escalada al área de {case.area} con el caso DIME "
            f"número {case.number}. La respuesta llegará a más tardar el {due}."
        )
        read = [*textwrap.wrap(script, READ_WIDTH), "", ""][:2]
        self.set_fields(
            {
                "number": case.number,
                "carea": case.area,
                "cdue": due,
                "read1": read[0],
                "read2": read[1],
            }
        )
        for name in INPUTS:
            self.field(name).disabled = True
        self.message(messages.text("dime.created", number=case.number, area=case.area, due=due))

    async def action_rr_exit(self) -> None:
        """F3: once the case is created, back to the panel below (like F12)."""
        if self.created is not None:
            await self.app.pop_screen()
            return
        await super().action_rr_exit()


def _area_fields(area: DimeArea | None, due: date | None) -> dict[str, str]:
    if area is None:
        return {"aname": "", "sla": "", "hint": ""}
    when = f": vence el {day(due)}" if due is not None else ""
    return {
        "aname": area.name,
        "sla": f"{area.sla_days} días hábiles{when}. Datos: mínimo {area.data_min}",
        "hint": area.data_hint,
    }
