"""Pure generation of demo rows from one ``random.Random(seed)`` stream.

Accounts are produced in cuenta order, one batch after another, as plain dicts
ready for a Core ``insert()``. Everything random comes from the one stream
(``Draws``) and everything dated is relative to ``today``, so the same
(accounts, seed, today) always gives the same rows. The generator never
touches a database: the writer hands it the campaign ids and takes the rows.

This module only wires the parts together and walks the cuentas; the parts
(people, places, services, billing, cases, avisos, showcase) do the drawing.
The order the parts are built in is the order their counters take their
random starts, so it must not change.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from swat_tui.store.demo.accounts import Accounts
from swat_tui.store.demo.avisos import Avisos
from swat_tui.store.demo.batch import Batch, Row
from swat_tui.store.demo.billing import Billing
from swat_tui.store.demo.cases import Cases
from swat_tui.store.demo.draws import Draws
from swat_tui.store.demo.people import People
from swat_tui.store.demo.places import Places
from swat_tui.store.demo.services import Services
from swat_tui.store.demo.showcase import FIRST_CUENTA, SHOWCASE_ACCOUNTS, SHOWCASE_MIN_ACCOUNTS
from swat_tui.store.demo.showcase_builder import ShowcaseBuilder
from swat_tui.store.demo.vocabulary import Vocabulary


class DemoGenerator:
    """Produces the demo store's rows, batch after batch, from one seed."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        *,
        accounts: int,
        seed: int,
        today: date,
        campaign_ids: Mapping[str, int],
    ) -> None:
        draws = Draws(seed)
        today_ord = today.toordinal()
        self._total = accounts
        self._next_index = 0
        self._showcase = SHOWCASE_ACCOUNTS if accounts >= SHOWCASE_MIN_ACCOUNTS else ()
        # Keep this order: each part's counters draw their random start when it is built.
        people = People(vocabulary, draws)
        places = Places(vocabulary, draws, accounts=accounts)
        services = Services(vocabulary, draws, today_ord=today_ord)
        billing = Billing(vocabulary, draws, today=today, campaign_ids=campaign_ids)
        cases = Cases(vocabulary, draws, today_ord=today_ord)
        self._avisos = Avisos(vocabulary, draws, places, today_ord=today_ord)
        self._places, self._today = places, today
        self._accounts = Accounts(
            vocabulary,
            draws,
            today_ord=today_ord,
            people=people,
            places=places,
            services=services,
            billing=billing,
            cases=cases,
        )
        self._showcase_builder = ShowcaseBuilder(
            vocabulary,
            draws,
            today_ord=today_ord,
            people=people,
            places=places,
            accounts=self._accounts,
            cases=cases,
            avisos=self._avisos,
        )

    def batch(self, count: int) -> Batch:
        """The next ``count`` accounts and all their rows."""
        out = Batch()
        end = min(self._next_index + count, self._total)
        while self._next_index < end:
            index = self._next_index
            self._next_index += 1
            spec = self._showcase[index] if index < len(self._showcase) else None
            if spec is not None:
                self._showcase_builder.add(out, FIRST_CUENTA + index, spec)
            else:
                self._accounts.random_account(out, FIRST_CUENTA + index)
        return out

    def agenda(self) -> list[Row]:
        """The WFM agenda of every zone of the store's nodes (no draws: data/wfm_agenda.toml)."""
        from swat_tui.store.demo.agenda import agenda_rows
        from swat_tui.store.queries.agenda import zone_of

        return agenda_rows({zone_of(node) for node in self._places.all_nodes()}, self._today)

    def incidents(self) -> list[Row]:
        """Open and closed avisos on some nodes; call after the last batch."""
        return self._avisos.rows()

    def aviso_reports(self) -> list[Row]:
        """Earlier reports of the showcase aviso; call after ``incidents``."""
        return self._avisos.reports()


__all__ = ["DemoGenerator"]
