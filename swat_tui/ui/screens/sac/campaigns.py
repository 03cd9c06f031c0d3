"""SAC022: F24 then T — the discount campaigns in force for the account, with the
whole months left of each, and the campaigns in force it could take."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import clip, day, numbered_fields
from swat_tui.ui.screens.base import AccountSubpanel

if TYPE_CHECKING:
    from swat_tui.domain.billing.views import Enrolment, Offer

ENROLMENT_LINES = 3
OFFER_LINES = 6


class CampaignsScreen(AccountSubpanel, panel="SAC022"):
    """Read-only, like F10: opened with the account and the holder the call shows."""

    def fill(self) -> None:
        self.set_fields(self.account_fields())
        view = self.attempt(lambda: self.desk.billing.campaigns(self.cuenta))
        if view is None:
            return  # refused (BLACKLIST): row 24 says why
        enrolled = [_enrolment(line) for line in view.enrolled] or ["Ninguna."]
        offers = [_offer(line) for line in view.offers] or ["Ninguna por ahora."]
        fields: dict[str, str] = {}
        fields.update(_rows("e", enrolled, ENROLMENT_LINES))
        fields.update(_rows("o", offers, OFFER_LINES))
        self.set_fields(fields)
        if not view.enrolled and not view.offers:
            self.message(self.desk.procedure.message("billing_no_campaigns"))


def _rows(prefix: str, lines: list[str], count: int) -> dict[str, str]:
    """``count`` rows; a longer list ends with "... y N más" on the last one."""
    if len(lines) > count:
        lines = [*lines[: count - 1], f"... y {len(lines) - count + 1} más"]
    return numbered_fields(prefix, lines, count)


def _months(left: int) -> str:
    if left == 0:
        return "menos de 1 mes"
    return "1 mes" if left == 1 else f"{left} meses"


def _enrolment(line: Enrolment) -> str:
    return (
        f"{line.code:<8} {clip(line.name, 30):<30} {line.percent:>3}% "
        f"{day(line.starts_on)} {day(line.ends_on)} {_months(line.months_left)}"
    )


def _offer(line: Offer) -> str:
    return (
        f"{line.code:<8} {clip(line.name, 30):<30} {line.percent:>3}% "
        f"{day(line.ends_on)} {clip(line.conditions, 24)}"
    )
