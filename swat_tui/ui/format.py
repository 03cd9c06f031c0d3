"""How RR writes values on a panel (Colombian conventions)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from swat_tui.config import BOGOTA

if TYPE_CHECKING:
    from swat_tui.domain.call.views import TypificationLine

HIDDEN = "********"
MORE = ">"  # ends a value cut to its field: it continues (RR marks a cut value so)


def clip(text: str, width: int) -> str:
    """``text`` as it fits ``width`` columns: whole, or cut with ``>`` at the end."""
    if len(text.rstrip()) <= width:
        return text[:width]
    return text[: width - 1] + MORE


def pesos(amount: int | None) -> str:
    """``$ 1.234.567`` (es-CO groups thousands with dots); negative is a credit."""
    if amount is None:
        return HIDDEN
    grouped = f"{abs(amount):,}".replace(",", ".")
    return f"-$ {grouped}" if amount < 0 else f"$ {grouped}"


def local(moment: datetime) -> datetime:
    """A stored (UTC) moment in Colombian time."""
    return moment.astimezone(BOGOTA) if moment.tzinfo else moment


def day(value: date | datetime) -> str:
    """dd/mm/yy, as the 5250 header writes dates."""
    if isinstance(value, datetime):
        value = local(value)
    return value.strftime("%d/%m/%y")


def hour(moment: datetime) -> str:
    return local(moment).strftime("%H:%M")


def shown(value: str | int | None) -> str:
    """A personal field: its value, or the mask while the blacklist hides it."""
    return HIDDEN if value is None else str(value)


def months(total: int | None) -> str:
    """Tenure as "3 a 4 m" (years and months)."""
    if total is None:
        return HIDDEN
    years, rest = divmod(total, 12)
    return f"{years} a {rest} m" if years else f"{rest} meses"


def two_lines(text: str, width: int = 76) -> tuple[str, str]:
    """A script on two panel rows, cut at a word."""
    lines = textwrap.wrap(text, width) or [""]
    return lines[0], " ".join(lines[1:])[:width]


def clock_text(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour), as Avaya shows timers."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes:02}:{secs:02}"


def typification_line(lines: Sequence[TypificationLine], *, hint: bool = True) -> str:
    """The call's typifications with each CUN in full, for the agent to confirm it
    (``hint``: say so at the end)."""
    if not lines:
        return ""
    parts = [f"{t.code} CUN {t.cun}" if t.cun else f"{t.code} {t.resolution}" for t in lines]
    told = [name for name, given in (("CUN", any(t.cun for t in lines)),) if given]
    told += ["caso DIME"] if any(t.dime_number and not t.cun for t in lines) else []
    said = f" (confirme el {' y el '.join(told)} al cliente)" if hint and told else ""
    return f"Tipificación: {', '.join(parts)}{said}"


def numbered_fields(prefix: str, lines: Sequence[str], count: int) -> dict[str, str]:
    """``count`` numbered output fields (``detail1``...): the lines, then blanks."""
    rows = [*lines, *([""] * count)][:count]
    return {f"{prefix}{index + 1}": row for index, row in enumerate(rows)}
