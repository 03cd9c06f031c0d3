"""What the agent sees of a campaign's account and types about an attempt.

The view passes the BLACKLIST rule as the account's own panel does: a
hidden holder is None and the campaign's numbers show their last two digits
only. The recall date and time are read strictly, as RR reads dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from swat_tui.config import BOGOTA
from swat_tui.domain.account.views import Access
from swat_tui.domain.errors import refusal
from swat_tui.domain.sac.inputs import parse_day
from swat_tui.domain.supervisor.campaign import outbound as campaigns

_TIME = re.compile(r"(\d{1,2}):?(\d{2})")


@dataclass(frozen=True)
class OutboundView:
    """The account to call as the agent may see it: the holder and the numbers
    hidden as the BLACKLIST rule hides the account's own (``access``)."""

    campaign_code: str
    campaign_name: str
    cuenta: int
    holder: str | None  # None while the rule hides it
    phone1: str
    phone2: str
    attempts: int
    last_result: str  # its label, "" before the first attempt
    blacklist: bool
    access: Access


def masked_number(number: str) -> str:
    """A number the rule hides: only its last two digits."""
    return "*" * max(len(number) - 2, 0) + number[-2:] if number else ""


def result_labels() -> dict[str, str]:
    """The results the agent may record, code -> label, in the order shown."""
    return {option.code: option.label for option in campaigns.RESULTS}


def result_label(code: str | None) -> str:
    return result_labels().get(code or "", code or "")


def parse_recall(day_text: str, time_text: str, now: datetime) -> datetime | None:
    """The date and time the customer gave, as typed (``DDMMAAAA`` or ``DD/MM/AAAA``,
    ``HH:MM``) in Bogotá, where the customer and the agent are; None when both are
    blank. Whether it is in the future is the campaign's rule (``record_attempt``);
    ``now`` is kept for the callers' symmetry with the rule's check."""
    if not day_text.strip() and not time_text.strip():
        return None
    day = parse_day(day_text, label="Fecha de volver a llamar")
    match = _TIME.fullmatch(time_text.strip())
    if match is None:
        raise refusal("desk.outbound.recall_time_format")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise refusal("desk.outbound.recall_time_format")
    return datetime.combine(day, time(hour, minute), tzinfo=BOGOTA)
