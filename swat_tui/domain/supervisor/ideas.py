"""Improvement ideas (SUP032): anyone raises one, a leader moves its status.

The continuous-improvement meetings decide which ideas go on; the moves a
status allows and who makes them are data (``data/ideas.toml``). An idea two
leaders may move at once carries a version: the second move, made on what
the leader read before the first, is refused with what changed, never
written over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm.exc import StaleDataError

from swat_tui.config import BOGOTA
from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import CHANGED, DomainError, refusal
from swat_tui.domain.messages import text
from swat_tui.domain.supervisor.idea_rules import IdeaRules, idea_rules
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import ImprovementIdea
from swat_tui.store.queries import management as queries

TITLE_LENGTH = 80  # improvement_idea.title
DESCRIPTION_LENGTH = 500


@dataclass(frozen=True)
class IdeaView:
    """An idea as a panel shows it, with the version it was read at."""

    number: int
    title: str
    description: str
    status: str
    status_label: str
    raised_by: str
    raised_at: datetime
    status_by: str | None
    status_at: datetime | None
    version: int


class IdeaService:
    """Raise ideas and move them through their statuses, as the signed-on agent."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime],
        agent: SignedOnAgent,
        rules: IdeaRules | None = None,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.agent = agent
        self.rules = rules or idea_rules()

    @property
    def may_move(self) -> bool:
        """Whether this profile may change an idea's status (a leader's)."""
        return self.agent.role in self.rules.leaders

    def listed(self) -> tuple[IdeaView, ...]:
        """Every idea, the newest first."""
        with read_session(self.engine) as session:
            ideas = queries.all_ideas(session)
            people = {i.raised_by for i in ideas} | {i.status_by for i in ideas if i.status_by}
            names = queries.usernames_by_id(session, people)
        return tuple(self._view(idea, names) for idea in ideas)

    def raise_idea(self, title: str, description: str = "") -> IdeaView:
        """A new idea, ``propuesta``; any role may raise one."""
        title, description = title.strip(), description.strip()
        if not title or len(title) > TITLE_LENGTH:
            raise refusal("supervisor.ideas.title_missing", maximum=TITLE_LENGTH)
        if len(description) > DESCRIPTION_LENGTH:
            raise refusal("supervisor.ideas.description_long", maximum=DESCRIPTION_LENGTH)
        with write_session(self.engine) as session:
            idea = ImprovementIdea(
                title=title,
                description=description,
                raised_by=self.agent.id,
                raised_at=self.clock(),
                status=self.rules.initial,
            )
            session.add(idea)
            session.flush()
            view = self._view(idea, {self.agent.id: self.agent.username})
        return view

    def raised_message(self, view: IdeaView) -> str:
        return text("supervisor.ideas.raised", number=view.number, status=view.status_label)

    def move(self, seen: IdeaView, status: str) -> IdeaView:
        """Move the idea the leader read (``seen``) to ``status``; refused (nothing
        written) when not a leader, not an allowed move, or the idea changed since."""
        if not self.may_move:
            raise refusal("supervisor.ideas.leaders_only", code="CPF2217")
        target = status.strip().lower()
        if target not in self.rules.labels:
            raise refusal(
                "supervisor.ideas.status_unknown",
                status=target[:12],
                choices=", ".join(self.rules.labels),
            )
        try:
            with write_session(self.engine) as session:
                idea = queries.get_idea(session, seen.number)
                if idea is None:
                    raise refusal("supervisor.ideas.not_found", number=seen.number)
                if idea.version != seen.version:
                    names = queries.usernames_by_id(session, {idea.status_by or 0})
                    raise self._changed(idea, names.get(idea.status_by or 0, "?"))
                self._check_move(idea, target)
                idea.status = target
                idea.status_by = self.agent.id
                idea.status_at = self.clock()
                session.add(idea)
                session.flush()
                names = queries.usernames_by_id(session, {idea.raised_by, self.agent.id})
                view = self._view(idea, names)
        except StaleDataError:  # moved between the check and the write
            fresh = next((i for i in self.listed() if i.number == seen.number), None)
            by = fresh.status_by if fresh else None
            raise self._changed_view(fresh, by) from None
        return view

    def moved_message(self, before: IdeaView, after: IdeaView) -> str:
        return text(
            "supervisor.ideas.moved",
            number=after.number,
            before=before.status_label,
            after=after.status_label,
        )

    def _check_move(self, idea: ImprovementIdea, target: str) -> None:
        allowed = self.rules.next.get(idea.status, ())
        current = self.rules.label(idea.status)
        if not allowed:
            raise refusal("supervisor.ideas.transition_final", number=idea.id, current=current)
        if target not in allowed:
            raise refusal(
                "supervisor.ideas.transition_refused",
                number=idea.id,
                current=current,
                choices=" o ".join(self.rules.label(s) for s in allowed),
            )

    def _changed(self, idea: ImprovementIdea, by: str) -> DomainError:
        at = idea.status_at.astimezone(BOGOTA) if idea.status_at else None
        return refusal(
            "supervisor.ideas.changed",
            code=CHANGED,
            number=idea.id,
            status=self.rules.label(idea.status),
            by=by,
            at=f"{at:%d/%m %H:%M}" if at else "",
        )

    def _changed_view(self, fresh: IdeaView | None, by: str | None) -> DomainError:
        if fresh is None:
            return refusal("supervisor.ideas.not_found", number="?")
        at = fresh.status_at.astimezone(BOGOTA) if fresh.status_at else None
        return refusal(
            "supervisor.ideas.changed",
            code=CHANGED,
            number=fresh.number,
            status=fresh.status_label,
            by=by or "?",
            at=f"{at:%d/%m %H:%M}" if at else "",
        )

    def _view(self, idea: ImprovementIdea, names: dict[int, str]) -> IdeaView:
        assert idea.id is not None
        return IdeaView(
            number=idea.id,
            title=idea.title,
            description=idea.description,
            status=idea.status,
            status_label=self.rules.label(idea.status),
            raised_by=names.get(idea.raised_by, "?"),
            raised_at=idea.raised_at,
            status_by=names.get(idea.status_by) if idea.status_by else None,
            status_at=idea.status_at,
            version=idea.version,
        )
