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
