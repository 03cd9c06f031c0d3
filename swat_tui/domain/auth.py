"""RR sign-on: argon2 password check, QMAXSIGN lock-out and profile upkeep.

Messages and codes follow OS/400 (CPF1120 unknown user, CPF1107 wrong
password, CPF1394 profile disabled). Every attempt runs in one
``BEGIN IMMEDIATE`` transaction, so two terminals failing at once cannot lose
a count, and a failed attempt is committed before its error is raised.

A supervisor keeps the profiles from the application (USR001, as IBM i's
WRKUSRPRF): re-enabling a profile the lock-out disabled, resetting its
password. Each is one transaction with its ``profile_audit`` row; the acting
profile's role is read from the store in that transaction, and a refusal
(CPF2217 not authorized, CPF2204 no such profile) changes nothing. The
operator's reset from the command line is audited the same way, as ``*CLI``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from swat_tui.config import BOGOTA
from swat_tui.domain import presence
from swat_tui.domain.desk.softphone import Softphone
from swat_tui.domain.errors import DomainError, refusal
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import ProfileAction, Role
from swat_tui.store.models import Agent
from swat_tui.store.queries import agents as agent_queries
from swat_tui.store.queries import profile_audit

QMAXSIGN = 3  # OS/400 system value: failed sign-ons before the profile is disabled
MIN_PASSWORD_LENGTH = 6  # OS/400 QPWDMINLEN default
USERNAME_PATTERN = re.compile(r"[A-Z0-9]{1,10}")
# The audit trail's actor for the operator's own commands (``swat users``): no RR
# profile can be named so, and the operating-system user is not evidence (getpass
# reads $USER, which anyone sets); whoever can run them can write the store file.
OPERATOR_ACTOR = "*CLI"

# OWASP's argon2id setting (19 MiB, 2 passes, 1 lane) rather than argon2-cffi's
# default 64 MiB: a terminal app on a shared call-centre PC must stay under
# 150 MB, and bench/ measured the default check alone adding 64 MiB to the peak.
# Stored hashes with other parameters are upgraded at the next sign-on.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@dataclass(frozen=True)
class SignedOnAgent:
    """Who is working the terminal after a successful sign-on.

    ``session``: the token of the session's presence row (this process's, unless
    a test signs on as another terminal); ``notice``: what the sign-on has to say
    besides (a stale session of the profile was taken over), or "".
    """

    id: int
    username: str
    display_name: str
    role: str
    session: str = field(default_factory=presence.process_session, compare=False)
    notice: str = field(default="", compare=False)


@dataclass(frozen=True)
class AgentSummary:
    """A profile as ``swat users list`` shows it; ``last_signon_at`` in Bogotá."""

    username: str
    display_name: str
    role: str
    failed_signons: int
    disabled: bool
    last_signon_at: datetime | None

    @property
    def status(self) -> str:
        """As the supervisor's panel writes it: HABILITADO or INHABILITADO."""
        return "INHABILITADO" if self.disabled else "HABILITADO"


@dataclass(frozen=True)
class ProfileAuditLine:
    """One change a supervisor made to a profile; ``at`` in Bogotá."""

    at: datetime
    actor: str
    target: str
    action: str


def normalize_username(username: str) -> str:
    """User names are case-insensitive: stored and compared upper-case."""
    return username.strip().upper()


def _disabled_error(username: str) -> DomainError:
    return refusal("auth.profile_disabled", username=username, attempts=QMAXSIGN, code="CPF1394")


def _unknown_user_error(username: str) -> DomainError:
    return refusal("auth.user_unknown", username=username[:10], code="CPF1120")


def _hash_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class AuthService:
    """Signs agents on and keeps their profiles."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime]) -> None:
        self._engine = engine
        self._clock = clock

    def sign_on(
        self, username: str, password: str, *, session_token: str | None = None
    ) -> SignedOnAgent:
        """Check the credentials; raise ``DomainError`` with the OS/400 message if refused.

        The password is checked (argon2, tens of milliseconds) before any write
        transaction, so a sign-on never holds the store's writers back. With the
        right password the profile's presence is claimed in one transaction for
        ``session_token`` (this process's by default): refused while another session
        of the profile is alive, and then nothing is written. A wrong one is counted
        by the store itself (``failed_signons + 1``), so two at once are both counted.
        """
        token = session_token or presence.process_session()
        name = normalize_username(username)
        if not name:
            raise refusal("auth.user_missing")
        if not password:
            raise refusal("auth.password_missing")
        with read_session(self._engine) as session:
            agent = agent_queries.get_agent(session, username=name)
            if agent is None or agent.id is None:
                raise _unknown_user_error(name)
            if agent.disabled:
                raise _disabled_error(name)
            agent_id, checked_hash = agent.id, agent.password_hash
        matches = _hash_matches(checked_hash, password)
        if not matches:
            raise self._count_failed(agent_id, name)
        rehashed = _hasher.hash(password) if _hasher.check_needs_rehash(checked_hash) else None
        with write_session(self._engine) as session:
            agent = session.get(Agent, agent_id)
            if agent is None or agent.disabled or agent.password_hash != checked_hash:
                changed = True  # disabled, removed or given a new password meanwhile
            else:
                changed = False
                now = self._clock()
                notice = presence.claim_in(
                    session,
                    agent_id=agent_id,
                    username=agent.username,
                    token=token,
                    phone=Softphone.signed_on(now),
                    now=now,
                )
                agent.failed_signons = 0
                agent.last_signon_at = now
                if rehashed is not None:
                    agent.password_hash = rehashed
                session.add(agent)
                signed_on = SignedOnAgent(
                    id=agent_id,
                    username=agent.username,
                    display_name=agent.display_name,
                    role=agent.role,
                    session=token,
                    notice=notice,
                )
        if changed:
            return self.sign_on(username, password, session_token=session_token)
        return signed_on

    def _count_failed(self, agent_id: int, name: str) -> DomainError:
        """A wrong password, counted in one statement (no lost update with two at once);
        the profile is disabled at the QMAXSIGN-th. The refusal to raise."""
        with write_session(self._engine) as session:
            failed = agent_queries.count_failed_signon(session, agent_id=agent_id)
            if failed >= QMAXSIGN:
                agent_queries.disable_agent(session, agent_id=agent_id)
        if failed >= QMAXSIGN:
            return _disabled_error(name)
        return refusal("auth.password_wrong", name=name, code="CPF1107")

    def create_agent(
        self, username: str, display_name: str, role: str, password: str
    ) -> SignedOnAgent:
        """Add a profile; refuses a taken user name, a bad role or a short password."""
        name = _valid_username(username)
        display = display_name.strip()
        if not display or len(display) > 60:
            raise refusal("auth.agent_name_missing")
        role_value = _valid_role(role)
        password_hash = _hash(password)
        try:
            with write_session(self._engine) as session:
                if agent_queries.get_agent(session, username=name) is not None:
                    raise refusal("auth.user_exists", name=name)
                agent = Agent(
                    username=name,
                    display_name=display,
                    role=role_value,
                    password_hash=password_hash,
                    created_at=self._clock(),
                )
                session.add(agent)
                session.flush()
                assert agent.id is not None
                created = SignedOnAgent(agent.id, name, display, role_value)
        except IntegrityError as error:  # another terminal created it meanwhile
            raise refusal("auth.user_exists", name=name) from error
        return created

    def reset_password(self, username: str, password: str) -> None:
        """The operator's reset (``swat users reset-password``): a new password, the
        profile enabled, failed attempts forgotten, audited as ``OPERATOR_ACTOR``.
        """
        name = normalize_username(username)
        password_hash = _hash(password)  # slow: before the write lock
        with write_session(self._engine) as session:
            agent = agent_queries.get_agent(session, username=name)
            if agent is None:
                raise _unknown_user_error(name)
            agent.password_hash = password_hash
            agent.failed_signons = 0
            agent.disabled = False
            session.add(agent)
            self._audit(session, OPERATOR_ACTOR, name, ProfileAction.RESTABLECER_CLAVE)

    def list_agents(self) -> tuple[AgentSummary, ...]:
        """Every profile by user name, for the operator."""
        with read_session(self._engine) as session:
            return tuple(_summary(agent) for agent in agent_queries.list_agents(session))

    # -- the supervisor's profile upkeep (USR001) ------------------------------------

    def profiles(self, actor: str) -> tuple[AgentSummary, ...]:
        """Every profile with its status, for a supervisor (CPF2217 for anyone else)."""
        with read_session(self._engine) as session:
            _require_supervisor(session, actor)
            return tuple(_summary(agent) for agent in agent_queries.list_agents(session))

    def enable_profile(self, actor: str, username: str) -> AgentSummary:
        """Re-enable a profile and forget its failed attempts; the password stays."""
        name = normalize_username(username)
        with write_session(self._engine) as session:
            supervisor, agent = _supervised_target(session, actor, name)
            if not agent.disabled and agent.failed_signons == 0:
                raise refusal("auth.profile_enabled", name=name)
            agent.disabled = False
            agent.failed_signons = 0
            session.add(agent)
            self._audit(session, supervisor, name, ProfileAction.HABILITAR)
            return _summary(agent)

    def reset_password_by(self, actor: str, username: str, new_password: str) -> AgentSummary:
        """A supervisor sets a new password: the profile is enabled, failed attempts forgotten."""
        name = normalize_username(username)
        with write_session(self._engine) as session:
            supervisor, agent = _supervised_target(session, actor, name)
            agent.password_hash = _hash(new_password)
            agent.failed_signons = 0
            agent.disabled = False
            session.add(agent)
            self._audit(session, supervisor, name, ProfileAction.RESTABLECER_CLAVE)
            return _summary(agent)

    def profile_audit(self, target: str | None = None) -> tuple[ProfileAuditLine, ...]:
        """What supervisors did to profiles (to ``target`` only, if given), newest first."""
        name = normalize_username(target) if target is not None else None
        with read_session(self._engine) as session:
            return tuple(
                ProfileAuditLine(
                    at=row.at.astimezone(BOGOTA),
                    actor=row.actor,
                    target=row.target,
                    action=row.action,
                )
                for row in profile_audit.list_profile_actions(session, target=name)
            )

    def _audit(self, session: Session, actor: str, target: str, action: ProfileAction) -> None:
        profile_audit.log_profile_action(
            session, actor=actor, target=target, action=action.value, at=self._clock()
        )


def _summary(agent: Agent) -> AgentSummary:
    return AgentSummary(
        username=agent.username,
        display_name=agent.display_name,
        role=agent.role,
        failed_signons=agent.failed_signons,
        disabled=agent.disabled,
        last_signon_at=agent.last_signon_at.astimezone(BOGOTA) if agent.last_signon_at else None,
    )


def _require_supervisor(session: Session, actor: str) -> str:
    """The acting profile's name if the store says it is an enabled supervisor."""
    name = normalize_username(actor)
    agent = agent_queries.get_agent(session, username=name)
    if agent is None or agent.disabled or agent.role != Role.SUPERVISOR:
        raise refusal("auth.supervisor_only", code="CPF2217")
    return name


def _supervised_target(session: Session, actor: str, name: str) -> tuple[str, Agent]:
    """The supervisor's name and the profile ``name`` it may change, or the refusal."""
    supervisor = _require_supervisor(session, actor)
    agent = agent_queries.get_agent(session, username=name) if name else None
    if agent is None:
        raise refusal("auth.profile_not_found", name=name[:10], code="CPF2204")
    return supervisor, agent


def _valid_username(username: str) -> str:
    name = normalize_username(username)
    if not USERNAME_PATTERN.fullmatch(name):
        raise refusal("auth.username_invalid")
    return name


def _valid_role(role: str) -> str:
    try:
        return Role(role.strip().lower()).value
    except ValueError:
        raise refusal("auth.role_invalid", role=role[:12]) from None


def _hash(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise refusal("auth.password_short", minimum=MIN_PASSWORD_LENGTH)
    return _hasher.hash(password)
