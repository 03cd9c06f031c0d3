"""The agent's side of process confirmation (CNF001): the confirmations leaders
recorded of their calls, each with its checklist and feedback; opening one marks it
seen (one intent)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.errors import refusal
from swat_tui.domain.services import Services
from swat_tui.domain.supervisor.checklist import load_checklist
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.models import ProcessConfirmation
from swat_tui.store.queries import confirmations as queries
from swat_tui.store.queries.calls import agent_usernames


@dataclass(frozen=True)
class CheckedItem:
    """One item as the leader marked it."""

    label: str
    ok: bool
    note: str


@dataclass(frozen=True)
class ConfirmationView:
    """One confirmation as its agent reads it."""

    id: int
    call_id: int
    leader: str
    live: bool
    recorded_at: datetime
    items_ok: int
    items_total: int
    feedback: str
    seen_at: datetime | None
    items: tuple[CheckedItem, ...]


class MyConfirmations:
    """The signed-on agent's process confirmations."""

    def __init__(self, services: Services, agent: SignedOnAgent) -> None:
        self.services = services
        self.agent = agent

    def list(self) -> tuple[ConfirmationView, ...]:
        """Newest first."""
        with read_session(self.services.engine) as session:
            rows = queries.confirmations_of(session, agent_id=self.agent.id)
            return tuple(_views(session, rows))

    def unseen(self) -> int:
        """How many are still to read (the row-24 notice at the menu)."""
        with read_session(self.services.engine) as session:
            return queries.unseen_count(session, agent_id=self.agent.id)

    def open(self, confirmation_id: int) -> ConfirmationView:
        """One of the agent's own, marked seen the first time (one transaction)."""
        with write_session(self.services.engine) as session:
            row = queries.get_confirmation(session, confirmation_id=confirmation_id)
            if row is None or row.agent_id != self.agent.id:
                raise refusal("supervisor.confirm.not_yours", number=confirmation_id)
            if row.seen_at is None:
                row.seen_at = self.services.clock()
                session.add(row)
                session.flush()
            return _views(session, [row])[0]


def _views(session: Session, rows: Sequence[ProcessConfirmation]) -> list[ConfirmationView]:
    found = list(rows)
    names = agent_usernames(session, agent_ids=[row.leader_id for row in found])
    return [_view(row, names.get(row.leader_id, "?")) for row in found]


def _view(row: ProcessConfirmation, leader: str) -> ConfirmationView:
    assert row.id is not None
    labels = {item.id: item.label for item in load_checklist()}
    try:
        entries = json.loads(row.checklist_json)
    except ValueError:
        entries = []
    items = tuple(
        CheckedItem(
            labels.get(str(entry.get("item")), str(entry.get("item"))),
            bool(entry.get("ok")),
            str(entry.get("note", "")),
        )
        for entry in entries
        if isinstance(entry, dict)
    )
    return ConfirmationView(
        id=row.id,
        call_id=row.call_id,
        leader=leader,
        live=row.live,
        recorded_at=row.recorded_at,
        items_ok=row.items_ok,
        items_total=row.items_total,
        feedback=row.feedback,
        seen_at=row.seen_at,
        items=items,
    )
