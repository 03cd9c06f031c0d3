"""Generates the fixed showcase accounts that ``showcase.py`` describes.

The facts a spec fixes (status, services, cases, shared holder or phone,
building, aviso) are forced; everything else (address, plans, serials,
invoices) is drawn like any account's. Groups are remembered by name so the
later members of a group reuse the first member's holder, phone or building.
"""

from __future__ import annotations

from dataclasses import replace

from swat_tui.store.demo.accounts import Accounts
from swat_tui.store.demo.avisos import Avisos
from swat_tui.store.demo.batch import Batch
from swat_tui.store.demo.cases import Cases
from swat_tui.store.demo.draws import Draws
from swat_tui.store.demo.people import Holder, People
from swat_tui.store.demo.places import Place, Places
from swat_tui.store.demo.showcase import ShowcaseAccount
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import PqrStatus, WorkOrderStatus


class ShowcaseBuilder:
    """Adds showcase accounts, one spec at a time, in ``SHOWCASE_ACCOUNTS`` order."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        draws: Draws,
        *,
        today_ord: int,
        people: People,
        places: Places,
        accounts: Accounts,
        cases: Cases,
        avisos: Avisos,
    ) -> None:
        self._v = vocabulary
        self._at = draws.at
        self._today_ord = today_ord
        self._people, self._places, self._accounts = people, places, accounts
        self._cases, self._avisos = cases, avisos
        self._buildings: dict[str, tuple[int, Place]] = {}  # matriz key -> cuenta, place
        self._holders: dict[str, Holder] = {}  # holder_group -> holder
        self._phones: dict[str, str] = {}  # phone_group -> mobile

    def add(self, out: Batch, cuenta: int, spec: ShowcaseAccount) -> None:
        """A fixed showcase account (see ``showcase.py``); no random cases are added."""
        avisos = self._avisos
        matriz: int | None = None
        if spec.unit_of is not None:
            matriz, place = self._buildings[spec.unit_of]
            address = f"{place.street} {self._places.unit(0, 0)}"
        else:
            on = self._zone_node(spec.zone) if spec.zone is not None else None
            if spec.aviso:
                on = avisos.showcase_node
            place = self._places.place(self._v.cities[0], avoid=avisos.showcase_node, on=on)
            address = self._places.address(place.street)
        if spec.aviso:
            place = Place(place.city, avisos.showcase_node, place.street, place.estrato)
            avisos.showcase_node_used = True
            if spec.reported_aviso:
                avisos.reporters.append(cuenta)
        else:
            avisos.keep_quiet(place.node)
        if spec.matriz:
            self._buildings[spec.key or ""] = (cuenta, place)
            self._accounts.matriz(out, cuenta, place)
            return
        holder = self._holder(spec)
        if spec.billing is not None and spec.billing.delivery == "digital" and not holder.email:
            # A digital invoice goes to an email: this holder gets one.
            holder = replace(holder, email=f"cliente{cuenta}@correo.com.co")
        self._accounts.customer(out, cuenta, holder, place, address, matriz, spec)
        self._cases_of(out, cuenta, spec)

    def _cases_of(self, out: Batch, cuenta: int, spec: ShowcaseAccount) -> None:
        """The spec's PQRs, visits and notes, at fixed times so screens show stable dates."""
        cases, today = self._cases, self._today_ord
        for days_ago in spec.pqr_days_ago:
            cases.pqr(out, cuenta, PqrStatus.ABIERTA.value, days_ago)
            out.pqr[-1]["filed_at"] = self._at(today - days_ago, 10 * 60 + 15)
        for kind, status in spec.visits:
            cases.work_order(out, cuenta, kind.value, status.value, days_ago=1)
            if status == WorkOrderStatus.AGENDADA:
                out.work_order[-1]["slot_start"] = self._at(today + 2, 8 * 60)
                out.work_order[-1]["slot_end"] = self._at(today + 2, 10 * 60)
        for area, subject, data, follow_up in spec.dime:
            cases.dime(out, cuenta, area, subject, days_ago=3, data=data, follow_up=follow_up)
        for i, text in enumerate(spec.notes):
            cases.note(out, cuenta, text, 3 + i)
        if spec.swat_notes:
            cases.swat_folder(out, cuenta, spec.swat_notes, 4)

    def _zone_node(self, zone: str) -> str:
        """The first node of zone ``zone`` of the first city that is not the aviso's."""
        nodes = self._places.nodes[self._v.cities[0].name]
        return next(
            node
            for node in nodes
            if node.split("-")[1] == zone and node != self._avisos.showcase_node
        )

    def _holder(self, spec: ShowcaseAccount) -> Holder:
        """The spec's holder: its group's, or a new person with the spec's name or phone."""
        people = self._people
        if spec.holder_group is not None:
            holder = self._holders.get(spec.holder_group)
            if holder is None:
                person = people.person("CC")
                holder = Holder(
                    person.name,
                    "CC",
                    person.doc_number,
                    person.mobile or people.mobile(),
                    person.email,
                )
                self._holders[spec.holder_group] = holder
            return holder
        person = people.person()
        name = spec.holder_name or person.name
        email = person.email if spec.holder_name is None else None
        mobile = person.mobile or people.mobile()
        if spec.phone_group is not None:
            mobile = self._phones.setdefault(spec.phone_group, mobile)
        return Holder(name, person.doc_type, person.doc_number, mobile, email)


__all__ = ["ShowcaseBuilder"]
