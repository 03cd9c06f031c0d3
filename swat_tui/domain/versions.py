"""Optimistic concurrency: a record another agent changed since this one read it.

A work order or a DIME case carries a version (``store.models.versioned``).
The view a panel shows carries the version it was read at; the intent that
saves takes that view back (``seen``). When the row's version moved on, the
intent is refused before it writes anything, and row 24 says which record,
what changed (the view's fields that differ, by their labels in
``data/messages.toml`` [changed.label]) and, when the row says, who changed it
and when. The agent's typed values stay on the panel (``CHANGED`` tells it).

A write that slips between the check and the flush (or any other stale ORM
write) raises ``StaleDataError``; ``DeskContext.transaction`` turns it into
``stale_write_refusal``, so nothing is silently overwritten either way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy.orm.exc import StaleDataError

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import CHANGED, MESSAGE_WIDTH, DomainError, refusal
from swat_tui.domain.messages import text

__all__ = ["CHANGED", "changed", "changed_fields", "stale_write_refusal"]
# The catalogue's texts of each kind of record: with who and when, and without.
RULES = {
    "order": ("changed.order_by", "changed.order"),
    "case": ("changed.case_by", "changed.case"),
}
# A stale ORM write names its table in SQLAlchemy's message ("... on table 'work_order' ...").
RECORD_NAMES = {"'work_order'": "work_order", "'dime_case'": "dime_case"}


def changed_fields(seen: object, fresh: object, fields: Sequence[str]) -> list[str]:
    """The labels of ``fields`` whose value differs between two views of one record."""
    return [
        text(f"changed.label.{name}")
        for name in fields
        if getattr(seen, name) != getattr(fresh, name)
    ]


def changed(
    kind: str,
    number: str,
    what: Sequence[str],
    *,
    by: str | None,
    at: datetime | None,
    today: date,
) -> DomainError:
    """The refusal of an intent on record ``number`` (a ``kind`` of ``RULES``) that
    changed since the agent read it: the first text that fits row 24 of who and
    when, what changed, or "varios datos"."""
    with_by, without = RULES[kind]
    listed = _listed(what) if what else text("changed.label.other")
    tries: list[tuple[str, Mapping[str, str]]] = []
    if by and at is not None:
        tries.append((with_by, {"what": listed, "by": by, "at": _when(at, today)}))
    tries.append((without, {"what": listed}))
    for rule, values in tries:
        if len(text(rule, number=number, **values)) <= MESSAGE_WIDTH:
            return refusal(rule, number=number, code=CHANGED, **values)
    return refusal(without, number=number, what=text("changed.label.several"), code=CHANGED)


def stale_write_refusal(error: StaleDataError) -> DomainError:
    """A row another agent changed between this intent's read and its write."""
    said = str(error)
    table = next((name for quoted, name in RECORD_NAMES.items() if quoted in said), "other")
    record = text(f"changed.record_name.{table}")
    return refusal("changed.record", record=record, code=CHANGED)


def _listed(labels: Sequence[str]) -> str:
    """``estado``, ``estado y franja``, ``estado, franja y contacto``."""
    if len(labels) == 1:
        return labels[0]
    return f"{', '.join(labels[:-1])} y {labels[-1]}"


def _when(at: datetime, today: date) -> str:
    """``10:42`` today, ``27/11 10:42`` another day (Bogotá)."""
    local = at.astimezone(BOGOTA)
    return f"{local:%H:%M}" if local.date() == today else f"{local:%d/%m %H:%M}"
