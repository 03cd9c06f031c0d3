"""Whole accounts: the account row plus its services, billing and cases.

A random account is a standalone home, a building's cuenta matriz (an
administration with no services), or the next apartment of the building
being filled. ``customer`` is also what showcase accounts use, with their
fixed facts passed in as a ``ShowcaseAccount``.
"""

from __future__ import annotations

from datetime import date

from swat_tui.store.demo.batch import Batch, Row
from swat_tui.store.demo.billing import CUTOFF_DAYS, Billing
from swat_tui.store.demo.cases import Cases
from swat_tui.store.demo.draws import Draws, weighted
from swat_tui.store.demo.people import Holder, People
from swat_tui.store.demo.places import Place, Places
from swat_tui.store.demo.plant import PlantFacts
from swat_tui.store.demo.services import Services
from swat_tui.store.demo.showcase import ShowcaseAccount
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import AccountStatus, TvTechnology

MAX_AGE_DAYS = 12 * 365
FIBRA_SHARE = 0.14
BUILDING_START = 0.013  # chance a fresh account is a building's matriz
BUILDING_UNITS = (4, 24)
BLACKLIST_SHARE = 0.02

# Rows carry plain ``str`` values (``.value``), which every DBAPI driver adapts.
STATUS_WEIGHTS = (
    (AccountStatus.ACTIVA.value, 80),
    (AccountStatus.CANCELADO_DEBE.value, 7),
    (AccountStatus.CANCELADO.value, 6),
    (AccountStatus.CANCELADO_CREDITO.value, 2),
    (AccountStatus.CARTERA_CASTIGADA.value, 5),
)
SERVICE_MIXES = (
    (("internet", "tv", "voz"), 34),
    (("internet", "tv"), 26),
    (("internet", "voz"), 9),
    (("internet",), 19),
    (("tv",), 7),
    (("tv", "voz"), 3),
    (("voz",), 2),
)


class Accounts:
    """Adds accounts with everything on them, using the other parts of the generator."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        draws: Draws,
        *,
        today_ord: int,
        people: People,
        places: Places,
        services: Services,
        billing: Billing,
        cases: Cases,
    ) -> None:
        self._v = vocabulary
        self._r, self._int, self._choice, self._pick = (
            draws.random,
            draws.between,
            draws.choice,
            draws.pick,
        )
        self._today_ord = today_ord
        self._people, self._places = people, places
        self._services, self._billing, self._cases = services, billing, cases
        self._statuses = weighted(STATUS_WEIGHTS)
        self._mixes = weighted(SERVICE_MIXES)
        # The building being filled: matriz cuenta, place, apartments still to come,
        # towers (0: a single building); and how many apartments it already has.
        self._building: tuple[int, Place, int, int] | None = None
        self._unit_index = 0

    def random_account(self, out: Batch, cuenta: int) -> None:
        """A standalone home, a building's matriz, or the next apartment of that building."""
        building = self._building
        if building is not None:
            matriz, place, left, towers = building
            self._building = (matriz, place, left - 1, towers) if left > 1 else None
            address = f"{place.street} {self._places.unit(self._unit_index, towers)}"
            self._unit_index += 1
            self.customer(out, cuenta, self._people.account_holder(), place, address, matriz)
            return
        place = self._places.place()
        if self._r() < BUILDING_START:
            name = self.matriz(out, cuenta, place)
            towers = 0 if name.startswith("Edificio") else self._int(2, 6)
            self._building = (cuenta, place, self._int(*BUILDING_UNITS), towers)
            self._unit_index = 0
            return
        self.customer(
            out,
            cuenta,
            self._people.account_holder(),
            place,
            self._places.address(place.street),
            None,
        )

    def matriz(self, out: Batch, cuenta: int, place: Place) -> str:
        """A building's parent account: the administration, with no services of its own."""
        people = self._people
        holder = Holder(
            self._choice(self._v.building_names),
            "NIT",
            people.document("NIT"),
            people.mobile(),
            None,
        )
        activated = self._today_ord - self._int(180, MAX_AGE_DAYS)
        out.account.append(
            self._account_row(
                cuenta,
                None,
                holder,
                place,
                place.street,
                AccountStatus.ACTIVA.value,
                False,
                0,
                0,
                self._choice(CUTOFF_DAYS),
                activated,
                None,
            )
        )
        return holder.name

    def customer(
        self,
        out: Batch,
        cuenta: int,
        holder: Holder,
        place: Place,
        address: str,
        matriz: int | None,
        spec: ShowcaseAccount | None = None,
    ) -> None:
        """A subscriber account with services, equipment, billing and (maybe) open cases."""
        r = self._r
        status = spec.status.value if spec else self._pick(self._statuses)
        blacklist = spec.blacklist if spec else r() < BLACKLIST_SHARE
        kinds = spec.kinds if spec else self._pick(self._mixes)
        technology = spec.tv_technology.value if spec and spec.tv_technology else None
        if technology is not None:
            fibra = technology == TvTechnology.FIBRA or (
                technology == TvTechnology.TVBOX and r() < FIBRA_SHARE
            )
        else:
            fibra = r() < FIBRA_SHARE
        activated = self._today_ord - self._int(30, MAX_AGE_DAYS)
        if spec is not None and spec.activated_days_ago is not None:
            activated = self._today_ord - spec.activated_days_ago
        rent = self._services.add(
            out,
            cuenta,
            status,
            kinds,
            fibra,
            technology,
            activated,
            plant=(spec.plant or PlantFacts()) if spec else None,
        )
        fixed = None
        if "voz" in kinds or r() < 0.08:
            fixed = self._people.fixed_phone(place.city)
        cutoff = self._choice(CUTOFF_DAYS)
        balance = self._billing.add(
            out,
            cuenta,
            status,
            rent,
            cutoff,
            activated,
            email=holder.email,
            address=address,
            facts=spec.billing if spec else None,
        )
        out.account.append(
            self._account_row(
                cuenta,
                matriz,
                holder,
                place,
                address,
                status,
                blacklist,
                balance,
                rent,
                cutoff,
                activated,
                fixed,
            )
        )
        if blacklist:
            text = self._v.blacklist_notes[0] if spec else self._choice(self._v.blacklist_notes)
            self._cases.note(out, cuenta, text, self._int(1, min(700, self._today_ord - activated)))
        if spec is None:
            self._cases.random_cases(out, cuenta, status, activated)

    @staticmethod
    def _account_row(
        cuenta: int,
        matriz: int | None,
        holder: Holder,
        place: Place,
        address: str,
        status: str,
        blacklist: bool,
        balance: int,
        rent: int,
        cutoff: int,
        activated: int,
        fixed: str | None,
    ) -> Row:
        return {
            "cuenta": cuenta,
            "cuenta_matriz": matriz,
            "holder_name": holder.name,
            "document_type": holder.doc_type,
            "document_number": holder.doc_number,
            "phone_mobile": holder.mobile,
            "phone_fixed": fixed,
            "email": holder.email,
            "address": address,
            "city": place.city.name,
            "department": place.city.department,
            "estrato": place.estrato,
            "node": place.node,
            "status": status,
            "blacklist": blacklist,
            "balance": balance,
            "monthly_rent": rent,
            "billing_cutoff_day": cutoff,
            "activated_on": date.fromordinal(activated),
        }


__all__ = ["Accounts"]
