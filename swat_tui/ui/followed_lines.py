"""How SUP010 (live) and SUP013 (replay) paint a ``FollowedCall``: the same lines for
both, so a call reads the same whether followed or replayed."""

from __future__ import annotations

from datetime import datetime

from swat_tui.domain.account.views import Access, AccountPanelView
from swat_tui.domain.call.event_lines import seconds_between
from swat_tui.domain.call.followed import FollowedCall
from swat_tui.ui.format import clip, clock_text
from swat_tui.ui.guide_lines import check_line, current_step, step_line
from swat_tui.ui.labels import blacklist_banner, masked_holder

LINE = 78
GUIDE = 37
EVENT = 39
STEP_ROWS = 8
CHECK_ROWS = 4
EVENT_ROWS = 12
STATUS = {
    "ringing": "TIMBRANDO",
    "in_progress": "EN LÍNEA",
    "ended": "TERMINADA",
    "hung_up": "COLGADA",
    "abandoned": "ABANDONADA",
    "transferred": "TRANSFERIDA",
}


def blank_values() -> dict[str, str]:
    """Every field of the view, empty."""
    values = {name: "" for name in ("who", "where", "acct", "banner", "next")}
    values |= {f"g{index}": "" for index in range(STEP_ROWS)}
    values |= {f"c{index}": "" for index in range(CHECK_ROWS)}
    values |= {f"ev{index}": "" for index in range(EVENT_ROWS)}
    return values


def view_values(call: FollowedCall, now: datetime) -> dict[str, str]:
    """The fields of the view of ``call`` at ``now`` (a replay's frame: its moment)."""
    values = blank_values()
    status = STATUS.get(call.status, call.status.upper())
    values["who"] = clip(
        f"Asesor {call.agent} · llamada {call.call_id} · {status} · "
        f"{clock_text(call.elapsed(now))} · paso {call.step}",
        LINE,
    )
    values["where"] = clip(_where(call), LINE)
    values["acct"] = clip(_account_line(call.cuenta, call.account, call.access), LINE)
    if call.account is not None:
        values["banner"] = clip(blacklist_banner(call.account.blacklist, call.access), LINE)
    for index, step in enumerate(call.guide.steps[:STEP_ROWS]):
        values[f"g{index}"] = step_line(step, GUIDE)
    current = current_step(call.guide)
    checks = list(current.checks) if current is not None else []
    lines = [check_line(check.done, check.label, GUIDE) for check in checks]
    if len(lines) > CHECK_ROWS:
        undone = [check_line(c.done, c.label, GUIDE) for c in checks if not c.done]
        rest = len(lines) - (CHECK_ROWS - 1)
        lines = [*undone[: CHECK_ROWS - 1], f"  ... y {rest} más"][:CHECK_ROWS]
    for index, line in enumerate(lines[:CHECK_ROWS]):
        values[f"c{index}"] = line
    since = call.answered_at or call.started_at
    for index, event in enumerate(call.events[-EVENT_ROWS:]):
        at = clock_text(seconds_between(since, event.at))
        values[f"ev{index}"] = clip(f"{at} P{event.step} {event.label}", EVENT)
    values["next"] = clip(f"Siguiente: {call.guide.next_action}", LINE)
    return values


def panel_title(panel_id: str) -> str:
    """The panel's title from its display file ("" for an id with none)."""
    from swat_tui.ui.display_file import all_panel_ids, load

    return load(panel_id).title if panel_id in all_panel_ids() else ""


def _where(call: FollowedCall) -> str:
    if not call.panel:
        return "Panel del asesor: aún ninguno."
    line = f"Panel del asesor: {call.panel} {panel_title(call.panel)}".rstrip()
    if call.front and call.front != call.panel:
        line += f" · encima: {call.front} {panel_title(call.front)}".rstrip()
    return line


def _account_line(cuenta: int | None, account: AccountPanelView | None, access: Access) -> str:
    if cuenta is None or account is None:
        return "Cuenta: aún no abierta."
    holder = account.holder_name if account.details_visible else masked_holder(access)
    document = f" · {account.document}" if account.document else ""
    return f"Cuenta {cuenta:08d} · {account.status} · {account.city} · {holder}{document}"
