"""Agent presence rows: one per signed-on profile, written in the caller's transaction.

The domain (``swat_tui.domain.presence``) decides whether a claim is allowed;
these functions only read and write. Writes of an existing session name its
token, so a session whose row another terminal took over changes nothing.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from swat_tui.store.models import AgentPresence


def get_presence(session: Session, *, agent_id: int) -> AgentPresence | None:
    """The profile's presence row, if any session left one."""
    return session.exec(select(AgentPresence).where(AgentPresence.agent_id == agent_id)).first()


def list_presence(session: Session) -> Sequence[AgentPresence]:
    """Every presence row, by user name (the floor)."""
    return session.exec(select(AgentPresence).order_by(col(AgentPresence.username))).all()


def put_presence(
    session: Session,
    *,
    agent_id: int,
    username: str,
    token: str,
    state: str,
    aux_reason: str | None,
    since: datetime,
    at: datetime,
) -> AgentPresence:
    """Insert the profile's row, or overwrite the one there (a claim): no call, no panel."""
    row = get_presence(session, agent_id=agent_id) or AgentPresence(
        agent_id=agent_id,
        username=username,
        session=token,
        state=state,
        since=since,
        signed_on_at=at,
        heartbeat_at=at,
    )
    row.username, row.session = username, token
    row.state, row.aux_reason, row.since = state, aux_reason, since
    row.call_id = row.step = row.panel = None
    row.signed_on_at = row.heartbeat_at = at
    session.add(row)
    session.flush()
    return row


def move_presence(
    session: Session,
    *,
    agent_id: int,
    token: str,
    state: str,
    aux_reason: str | None,
    since: datetime,
    call_id: int | None,
    step: int | None,
) -> bool:
    """The session's softphone state and call changed; False if the row is not its own.
    Without a call there is no call panel either (the floor shows none)."""
    values: dict[str, object] = {
        "state": state,
        "aux_reason": aux_reason,
        "since": since,
        "call_id": call_id,
        "step": step,
    }
    if call_id is None:
        values["panel"] = None
    result = session.execute(
        update(AgentPresence)
        .where(col(AgentPresence.agent_id) == agent_id, col(AgentPresence.session) == token)
        .values(**values)
    )
    return bool(getattr(result, "rowcount", 0))


def follow_call_step(session: Session, *, call_id: int, step: int) -> None:
    """The presence on ``call_id`` (if any) shows the call's step."""
    session.execute(
        update(AgentPresence).where(col(AgentPresence.call_id) == call_id).values(step=step)
    )


def set_panel(session: Session, *, agent_id: int, panel: str | None) -> None:
    """The panel the profile's session shows now."""
    session.execute(
        update(AgentPresence).where(col(AgentPresence.agent_id) == agent_id).values(panel=panel)
    )


def beat(session: Session, *, agent_id: int, token: str, at: datetime) -> bool:
    """The session is alive at ``at``; False if the row is not its own any more."""
    result = session.execute(
        update(AgentPresence)
        .where(col(AgentPresence.agent_id) == agent_id, col(AgentPresence.session) == token)
        .values(heartbeat_at=at)
    )
    return bool(getattr(result, "rowcount", 0))


def remove_presence(session: Session, *, agent_id: int, token: str) -> None:
    """The session signed off: its row goes (a row another session took over stays)."""
    session.execute(
        delete(AgentPresence).where(
            col(AgentPresence.agent_id) == agent_id, col(AgentPresence.session) == token
        )
    )
