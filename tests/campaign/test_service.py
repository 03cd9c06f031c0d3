"""CampaignService on the supervisor's desk: leaders read the campaigns; others are
refused in the domain (CPF2217), whatever screen or command asks."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.desk import SupervisorDesk
from swat_tui.store.enums import Role
from tests.campaign import seed
from tests.conftest import FIXED_NOW


def _desk(engine: Engine, role: Role) -> SupervisorDesk:
    (agent_id,) = seed.agents(engine, 1, role)
    services = Services.create(engine, lambda: FIXED_NOW)
    return SupervisorDesk(services, SignedOnAgent(agent_id, "CAMP00", "Agente 0", role))


def test_a_supervisor_reads_the_campaigns_and_their_indicator(store_engine: Engine) -> None:
    desk = _desk(store_engine, Role.SUPERVISOR)
    seed.campaign(store_engine, 3)
    (line,) = desk.campaigns.campaigns()
    assert (line.code, line.records, line.pending, line.contacted) == ("CMP1", 3, 3, 0)
    assert line.pct == 0.0
    assert desk.campaigns.indicator("cmp1").records == 3


@pytest.mark.parametrize("role", [Role.ASESOR, Role.FORMADOR])
def test_another_role_is_refused(store_engine: Engine, role: Role) -> None:
    desk = _desk(store_engine, role)
    seed.campaign(store_engine, 1)
    for read in (desk.campaigns.campaigns, lambda: desk.campaigns.indicator("CMP1")):
        with pytest.raises(DomainError) as refused:
            read()
        assert refused.value.code == "CPF2217"
        assert refused.value.message.startswith("CPF2217: No autorizado a las campañas")
