"""LOG001: the account's earlier calls, typification and aviso (F22 then F13)."""

from __future__ import annotations

from swat_tui.domain import messages
from swat_tui.ui.format import day, hour
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.paged import PagedScreen

STATUS = {
    "ringing": "TIMBRANDO",
    "in_progress": "EN CURSO",
    "ended": "TERMINADA",
    "abandoned": "ABANDONADA",
    "hung_up": "COLGADA",
    "transferred": "TRANSFERIDA",
    "reporte": "REPORTE AVISO (IVR)",
}


class CallLogScreen(AccountSubpanel, PagedScreen, panel="LOG001"):
    """Did the customer already call for the same failure and aviso?"""

    def fill(self) -> None:
        self.set_fields(self.account_fields())
        lines = self.attempt(lambda: self.desk.accounts.call_log(self.cuenta))
        if lines is None:
            return
        records = []
        for line in lines:
            typifications = line.typifications or ()
            repeat = "SÍ" if line.repeat else ""
            if not typifications:
                records.append(
                    {
                        "day": day(line.at),
                        "hm": hour(line.at),
                        "agent_id": line.agent,
                        "code": "-",
                        "result": STATUS.get(line.status, line.status),
                        "rp": repeat,
                        "inc": line.aviso,
                    }
                )
            for typ in typifications:
                result = "Primer contacto" if typ.first_contact else f"CUN {typ.cun or ''}"
                records.append(
                    {
                        "day": day(line.at),
                        "hm": hour(line.at),
                        "agent_id": line.agent,
                        "code": typ.code,
                        "result": result,
                        "rp": repeat,
                        "inc": typ.incident_number or line.aviso,
                    }
                )
        self.show_records(records)
        if not records:
            self.message(messages.text("ui.call.no_previous_calls"))
