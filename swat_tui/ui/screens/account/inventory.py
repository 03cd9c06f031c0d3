"""INV001: services and installed equipment of an account (F10)."""

from __future__ import annotations

from swat_tui.ui.format import clip, day
from swat_tui.ui.labels import SERVICE_NAMES
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.screens.paged import PagedScreen

EQUIPMENT_NAMES = {"modem": "Cablemódem", "decoder": "Decodific.", "smart_card": "Smart card"}


class InventoryScreen(AccountSubpanel, PagedScreen, panel="INV001"):
    """Serials, models and status, to compare with what the customer reads out."""

    def fill(self) -> None:
        view = self.attempt(lambda: self.desk.accounts.equipment(self.cuenta))
        if view is None:
            return
        fields = self.account_fields()
        for index in range(3):
            line = ""
            if index < len(view.services):
                service = view.services[index]
                line = (
                    f"{SERVICE_NAMES.get(service.kind, service.kind):<10} "
                    f"{clip(service.plan_name, 31):<31} {service.tv_technology or '-':<11} "
                    f"{service.status}"
                )
            fields[f"svc{index + 1}"] = line
        self.set_fields(fields)
        records = [
            {
                "kind": EQUIPMENT_NAMES.get(item.kind, item.kind),
                "serial": item.serial,
                "model": item.model,
                "state": item.status,
                "since": day(item.installed_on),
            }
            for item in view.equipment
        ]
        self.show_records(records or [{"kind": "Sin equipos"}])
