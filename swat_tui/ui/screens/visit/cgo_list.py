"""CGO001: the supervisor's CGO work list — the follow-up forms still to confirm.

Each pending form with its cuenta, zone, order, when it was filed, when CGO
must have answered ("VENCIDO" once past) and the customer's preferred
windows, the soonest due first; AvPág/RePág turn pages. The list comes
through the desk, which refuses it to anyone but a supervisor.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import clip, day
from swat_tui.ui.screens.paged import PagedScreen

if TYPE_CHECKING:
    from swat_tui.domain.visit.views import CgoFormView

DETAIL_WIDTH = 78


class CgoListScreen(PagedScreen, panel="CGO001"):
    """Read-only: CGO confirms the visits in its own system."""

    def fill(self) -> None:
        self.set_fields({"count": "", "detail": ""})
        forms = self.attempt(self.supervisor.cgo_pending)
        if forms is None:
            self.show_records([])
            return
        now = self.rr_app.now()
        self.show_records([_record(form, late=form.due_at < now) for form in forms])
        late = sum(form.due_at < now for form in forms)
        count = f"{len(forms)} formularios pendientes" + (f", {late} vencidos" if late else "")
        self.set_fields({"count": count if forms else "No hay formularios CGO pendientes."})
        if forms:
            first = forms[0]
            text = (
                f"{first.number}: {first.contact_name} {first.contact_phone}, "
                f"días {first.preferred_days}; {first.address}"
            )
            self.set_fields({"detail": clip(text, DETAIL_WIDTH)})


def _record(form: CgoFormView, *, late: bool) -> dict[str, str]:
    return {
        "num": form.number,
        "cta": str(form.cuenta),
        "zone": form.zone,
        "ord": form.order,
        "crt": day(form.created_at),
        "due": "VENCIDO" if late else day(form.due_at),
        "win": form.preferred_windows,
    }
