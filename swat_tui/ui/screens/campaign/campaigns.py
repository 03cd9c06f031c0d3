"""SUP020: the outbound campaigns for a leader, each with CASOS CONTACTO EFECTIVO.

One row per campaign, newest first: code, name, status, records of the base, records
with an effective contact, the % and the goal. Option 5 opens the campaign's
indicator (SUP021). Read through the supervisor's desk, which refuses anyone who is
not a supervisor or a coordinador; F5 reads the list again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.supervisor.kpi_figures import one_decimal
from swat_tui.ui.format import clip
from swat_tui.ui.screens.paged import PagedScreen
from swat_tui.ui.worker_reads import read_in_worker

if TYPE_CHECKING:
    from swat_tui.domain.supervisor.campaign.service import CampaignLine

VIEW = "5"
LINE = 78
DETAIL = "Regist.: registros de la base · Contac.: con contacto efectivo · % de la base"


class CampaignsScreen(PagedScreen, panel="SUP020"):
    """Every campaign with its indicator; option 5 on one row opens it."""

    def __init__(self) -> None:
        super().__init__()
        self.campaigns: tuple[CampaignLine, ...] = ()
        self._say_refreshed = False

    def reset_state(self) -> None:
        super().reset_state()
        self.campaigns = ()
        self._say_refreshed = False

    def fill(self) -> None:
        self._load()

    def returned(self) -> None:
        """Back from a campaign: its numbers may have moved."""
        self._load()

    def action_rr_refresh(self) -> None:
        """F5: the campaigns as the store has them now."""
        self.clear_errors()
        self._say_refreshed = True
        self._load()

    def _load(self) -> None:
        service = self.supervisor.campaigns
        read_in_worker(self, service.campaigns, self._show)

    def _show(self, campaigns: tuple[CampaignLine, ...]) -> None:
        self.campaigns = campaigns
        active = sum(c.status == "activa" for c in campaigns)
        counted = "1 campaña" if len(campaigns) == 1 else f"{len(campaigns)} campañas"
        actives = "1 activa" if active == 1 else f"{active} activas"
        summary = f"{counted}, {actives}; la más reciente primero" if campaigns else ""
        self.set_fields({"summary": clip(summary, LINE), "detail": DETAIL if campaigns else ""})
        offset = self.page_offset
        self.all_records = [_record(c) for c in campaigns]
        last_page = max(0, (len(self.all_records) - 1) // self.page_size) * self.page_size
        self.page_offset = min(offset, last_page)
        self._paint_page()
        if not campaigns:
            self.message(messages.text("ui.campaign.none"))
        elif self._say_refreshed:
            self.message(messages.text("ui.campaign.refreshed"))
        self._say_refreshed = False

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.typed_option()
        if typed is None:
            self.message(messages.text("ui.campaign.pick"), error=True)
            return
        if typed.option != VIEW:
            self.message(
                messages.text("ui.campaign.option", option=typed.option[:3]),
                error=True,
                field=typed.field,
            )
            self.field(typed.field).mark_error(True)
            self.focus_field(typed.field)
            return
        self.field(typed.field).value = ""
        await self.open_panel("SUP021", self.campaigns[typed.record].code)


def _record(line: CampaignLine) -> dict[str, str]:
    return {
        "code": clip(line.code, 15),
        "name": clip(line.name, 24),
        "st": line.status,
        "rec": str(line.records),
        "cont": str(line.contacted),
        "pct": one_decimal(line.pct),
        "gl": str(line.goal_pct),
    }
