"""Which results close a record as an effective contact is data (``closes``)."""

from __future__ import annotations

from swat_tui.domain.supervisor.campaign.recall import closing_results, recall_rules


def test_the_shipped_rules_close_on_an_effective_contact_only() -> None:
    assert closing_results() == ("contacto_efectivo",)


def test_every_result_marked_closes_counts_as_an_effective_contact() -> None:
    """A second closing result in the file is counted by the indicator and ends the
    call's attempt like the first (it was fixed to one code in the code: review)."""
    from dataclasses import replace

    rules = recall_rules()
    more = replace(
        rules,
        results=tuple(
            replace(rule, closes=True) if rule.code == "buzon" else rule for rule in rules.results
        ),
    )
    assert closing_results(more) == ("contacto_efectivo", "buzon")


def test_the_goal_is_met_on_the_exact_share_not_the_rounded_one() -> None:
    """1,599 of 2,000 is 79.95 %, shown as 80,0 %, and still below an 80 % goal."""
    from swat_tui.domain.supervisor.campaign.indicator import CampaignIndicator

    def indicator(contacted: int, records: int) -> CampaignIndicator:
        return CampaignIndicator("C", "C", "activa", 80, records, contacted, {}, (), ())

    assert indicator(1599, 2000).pct == 80.0 and not indicator(1599, 2000).meets_goal
    assert indicator(1600, 2000).meets_goal
    assert not indicator(0, 0).meets_goal
