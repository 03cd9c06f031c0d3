"""The supervisor's desk: what only a supervisor does, apart from the agent's desk.

Built at sign-on beside the agent's ``Desk`` (a supervisor also takes calls),
for every profile: each function refuses a role it is not for (CPF2217), so
holding one gives no rights by itself. The management model (``practices``)
is the supervisor's and the coordinador's; improvement ideas (``ideas``) are
everyone's to raise.
"""

from __future__ import annotations

from swat_tui.domain.auth import AgentSummary, SignedOnAgent
from swat_tui.domain.errors import refusal
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.campaign.service import CampaignService
from swat_tui.domain.supervisor.floor import FloorService
from swat_tui.domain.supervisor.follow import FollowService
from swat_tui.domain.supervisor.ideas import IdeaService
from swat_tui.domain.supervisor.kpi import KpiService
from swat_tui.domain.supervisor.practices import PracticeService
from swat_tui.domain.visit import cgo
from swat_tui.domain.visit.views import CgoFormView
from swat_tui.store.engine import read_session
from swat_tui.store.enums import Role


class SupervisorDesk:
    """Profile upkeep (USR001, as IBM i's WRKUSRPRF) and the forms CGO must confirm."""

    def __init__(self, services: Services, agent: SignedOnAgent) -> None:
        self.services = services
        self.agent = agent
        self.floor = FloorService(services, agent)
        self.kpi = KpiService(services, agent)
        self.follow = FollowService(services, agent)  # process confirmation (SUP010-SUP012)
        self.campaigns = CampaignService(services, agent)
        self.practices = PracticeService(services.engine, services.clock, agent)
        self.ideas = IdeaService(services.engine, services.clock, agent)

    def profiles(self) -> tuple[AgentSummary, ...]:
        """Every profile with its status; a supervisor's only (CPF2217 otherwise)."""
        return self.services.auth.profiles(self.agent.username)

    def enable_profile(self, username: str) -> str:
        """Re-enable a profile the lock-out disabled (logged); the row-24 confirmation."""
        profile = self.services.auth.enable_profile(self.agent.username, username)
        return f"Perfil {profile.username} habilitado."

    def reset_password(self, username: str, password: str, repeated: str) -> str:
        """A new password, typed twice, for a profile; it is enabled too (logged)."""
        if password != repeated:
            raise refusal("auth.passwords_differ")
        profile = self.services.auth.reset_password_by(self.agent.username, username, password)
        return f"Contraseña del perfil {profile.username} restablecida; perfil habilitado."

    def cgo_pending(self) -> tuple[CgoFormView, ...]:
        """CGO001 and ``swat cgo list``: the forms CGO has still to confirm (supervisor)."""
        if self.agent.role != Role.SUPERVISOR:
            raise refusal("auth.cgo_supervisor_only", code="CPF2217")
        with read_session(self.services.engine) as session:
            return cgo.pending_forms(session)
