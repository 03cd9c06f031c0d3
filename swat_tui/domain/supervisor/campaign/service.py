"""The leaders' view of the campaigns (SUP020, SUP021): every function refuses a
profile that is neither supervisor nor coordinador (CPF2217), in the domain, so no
screen or typed-blind option can reach it otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import refusal
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.campaign.figures import read_indicator
from swat_tui.domain.supervisor.campaign.indicator import CampaignIndicator, pct
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role
from swat_tui.store.queries import campaigns as queries

LEADERS = frozenset({Role.SUPERVISOR, Role.COORDINADOR})


@dataclass(frozen=True)
class CampaignLine:
    """One campaign in the leaders' list."""

    code: str
    name: str
    status: str
    records: int
    pending: int
    contacted: int
    goal_pct: int

    @property
    def pct(self) -> float:
        return pct(self.contacted, self.records)


class CampaignService:
    """The campaigns and their indicator CASOS CONTACTO EFECTIVO, for leaders only."""

    def __init__(self, services: Services, agent: SignedOnAgent) -> None:
        self.services = services
        self.agent = agent

    def _leader(self) -> None:
        if self.agent.role not in LEADERS:
            raise refusal("supervisor.campaign.leader_only", code="CPF2217")

    def campaigns(self) -> tuple[CampaignLine, ...]:
        """Every campaign, newest first, with its records and effective contacts."""
        self._leader()
        with read_session(self.services.engine) as session:
            rows = queries.summaries(session, active_only=False)
        return tuple(
            CampaignLine(c.code, c.name, c.status, total, left, done, c.goal_pct)
            for c, total, left, done in rows
        )

    def indicator(self, code: str) -> CampaignIndicator:
        """Campaign ``code``'s indicator: total, per agent, per day up to today."""
        self._leader()
        return read_indicator(self.services.engine, code, now=self.services.clock())
