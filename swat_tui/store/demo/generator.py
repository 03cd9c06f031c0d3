"""Pure generation of demo rows from one ``random.Random(seed)`` stream.

Accounts are produced in cuenta order, one batch after another, as plain dicts
ready for a Core ``insert()``. Everything random comes from the one stream and
everything dated is relative to ``today``, so the same (accounts, seed, today)
always gives the same rows. The generator never touches a database: the writer
hands it the campaign ids and takes the rows.

Numbers that must not collide (documents, phones, serials) come from counters
run through a keyed permutation (``_Scrambled``), so they look random but are
unique without remembering the ones already used; invoice, PQR, CUN,
work-order and aviso numbers are plain sequences from a random start.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import TypeVar

from swat_tui.config import BOGOTA
from swat_tui.store.demo.showcase import (
    FIRST_CUENTA,
    SHOWCASE_ACCOUNTS,
    SHOWCASE_MIN_ACCOUNTS,
    ShowcaseAccount,
)
from swat_tui.store.demo.vocabulary import City, EquipmentModel, Plan, Vocabulary
from swat_tui.store.enums import (
    AccountStatus,
    EquipmentStatus,
    IncidentStatus,
    PqrStatus,
    TvTechnology,
    WorkOrderKind,
    WorkOrderStatus,
)

Row = dict[str, object]
T = TypeVar("T")

ACCOUNTS_PER_NODE = 650
MAX_AGE_DAYS = 12 * 365
DUE_DAYS = 15  # pago oportuno: days from the cut-off invoice to its due date
PQR_BUSINESS_DAYS = 15  # answer time; weekends skipped, holidays not modelled
CUTOFF_DAYS = (1, 5, 10, 15, 20, 25)
MOBILE_PREFIXES = (*range(300, 324), 350, 351)
EXTRA_CHARGES = (4900, 9900, 12900, 15900, 23400, 31800, 45000)
SLOT_HOURS = (7, 9, 11, 13, 15)  # starts of the 2-hour visit windows, Bogotá time
CLOSED_ORDERS = (*(WorkOrderStatus.COMPLETADA.value,) * 6, WorkOrderStatus.NO_REALIZADA.value,
                 WorkOrderStatus.CANCELADA.value)
PQR_CHANNELS = ("CORREO ELECTRONICO", "DIRECCION FISICA", "LLAMADA TELEFONICA")

# Rows carry plain ``str`` values (``.value``), which every DBAPI driver adapts.
STATUS_WEIGHTS = (
    (AccountStatus.ACTIVA.value, 80),
    (AccountStatus.CANCELADO_DEBE.value, 7),
    (AccountStatus.CANCELADO.value, 6),
    (AccountStatus.CANCELADO_CREDITO.value, 2),
    (AccountStatus.CARTERA_CASTIGADA.value, 5),
)
SERVICE_STATUS = {
    AccountStatus.ACTIVA.value: "ACTIVO",
    AccountStatus.CANCELADO_DEBE.value: "SUSPENDIDO",
    AccountStatus.CANCELADO_CREDITO.value: "SUSPENDIDO",
    AccountStatus.CANCELADO.value: "CANCELADO",
    AccountStatus.CARTERA_CASTIGADA.value: "CANCELADO",
}
SERVICE_MIXES = (
    (("internet", "tv", "voz"), 34),
    (("internet", "tv"), 26),
    (("internet", "voz"), 9),
    (("internet",), 19),
    (("tv",), 7),
    (("tv", "voz"), 3),
    (("voz",), 2),
)
HFC_TV = ((TvTechnology.DVB.value, 45), (TvTechnology.ATSC.value, 20),
          (TvTechnology.NAGRA.value, 15), (TvTechnology.TVBOX.value, 20))
FIBRA_TV = ((TvTechnology.FIBRA.value, 80), (TvTechnology.TVBOX.value, 20))
SMART_CARD_TV = (TvTechnology.DVB.value, TvTechnology.NAGRA.value)
DECODER_COUNTS = ((1, 55), (2, 30), (3, 12), (4, 3))
ESTRATOS = ((1, 12), (2, 33), (3, 32), (4, 13), (5, 6), (6, 4))
PERSON_DOCUMENTS = (("CC", 955), ("CE", 35), ("PA", 10))
# name: (lowest, how many). CC by age cohort (7, 8 and 10 digits), CE (6 digits), NIT, PA.
# The numeric ranges do not overlap, so a number never belongs to two holders.
DOCUMENT_RANGES = {
    "CC7": (1_000_000, 9_000_000),
    "CC8": (10_000_000, 90_000_000),
    "CC10": (1_000_000_000, 130_000_000),
    "CE": (100_000, 900_000),
    "NIT": (800_000_000, 102_000_000),
    "PA": (0, 26 * 26 * 10_000_000),
}
CC_COHORTS = (("CC7", 7), ("CC8", 55), ("CC10", 38))

FIBRA_SHARE = 0.14
BUILDING_START = 0.013  # chance a fresh account is a building's matriz
BUILDING_UNITS = (4, 24)
COMPANY_SHARE = 0.01
BLACKLIST_SHARE = 0.02
MULTI_HOLDER_START = 0.006  # a holder with 2-5 accounts
MULTI_HOLDER_REUSE = 0.2
HOUSEHOLD_START = 0.02  # a mobile shared by 2-4 accounts
HOUSEHOLD_REUSE = 0.25

_ASCII = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ ", "aeiouunAEIOUUN.")


def _weights(pairs: Sequence[tuple[T, int]]) -> tuple[tuple[T, ...], list[int], int]:
    items = tuple(item for item, _ in pairs)
    cumulative = list(accumulate(weight for _, weight in pairs))
    return items, cumulative, cumulative[-1]


def _is_prime(n: int) -> bool:
    """Deterministic Miller-Rabin, exact below 2.1e12 (our ranges are far smaller)."""
    if n < 2:
        return False
    for small in (2, 3, 5, 7, 11, 13):
        if n % small == 0:
            return n == small
    d, shifts = n - 1, 0
    while d % 2 == 0:
        d, shifts = d // 2, shifts + 1
    for base in (2, 3, 5, 7, 11):
        x = pow(base, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(shifts - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


class _Scrambled:
    """Unique pseudo-random integers in ``[low, low + span)`` drawn from a counter.

    The counter goes through affine -> cube -> affine modulo a prime p >= span
    with p % 3 == 2 (so cubing is a bijection), walking the cycle until the
    value falls inside the span: a permutation that shows no arithmetic
    pattern between consecutive accounts, with no set of used values to keep.
    """

    def __init__(self, low: int, span: int, rng: random.Random) -> None:
        prime = span | 1
        while prime % 3 != 2 or not _is_prime(prime):
            prime += 2
        self.low, self.span, self.prime = low, span, prime
        self.a1, self.b1 = rng.randrange(1, prime), rng.randrange(prime)
        self.a2, self.b2 = rng.randrange(1, prime), rng.randrange(prime)
        self.count = 0

    def next(self) -> int:
        self.count += 1
        p = self.prime
        value = self.count
        while True:
            value = (self.a2 * pow((self.a1 * value + self.b1) % p, 3, p) + self.b2) % p
            if value < self.span:
                return self.low + value


@dataclass
class Batch:
    """The rows of consecutive accounts, table by table, in insert order."""

    account: list[Row] = field(default_factory=list)
    service: list[Row] = field(default_factory=list)
    equipment: list[Row] = field(default_factory=list)
    invoice: list[Row] = field(default_factory=list)
    payment: list[Row] = field(default_factory=list)
    account_discount: list[Row] = field(default_factory=list)
    pqr: list[Row] = field(default_factory=list)
    work_order: list[Row] = field(default_factory=list)
    note: list[Row] = field(default_factory=list)
    note_folder: list[Row] = field(default_factory=list)
    # Notes inside the folders above; "folder_id" is filled by the writer from "cuenta".
    folder_note: list[Row] = field(default_factory=list)
    incident: list[Row] = field(default_factory=list)  # only in the final batch


@dataclass(frozen=True)
class _Holder:
    name: str
    doc_type: str
    doc_number: str
    mobile: str | None
    email: str | None


@dataclass(frozen=True)
class _Place:
    city: City
    node: str
    street: str
    estrato: int


@dataclass(frozen=True)
class _Cycle:
    """One of the last three billing cycles of a cut-off day."""

    period: str
    issued_on: date
    due_on: date
    issued_ord: int
    sent_at: tuple[datetime, ...]  # choices of the moment Paradigma sent it
    paid_on: tuple[date, ...]  # choices of a payment date, never after today


def campaign_rows(vocabulary: Vocabulary, today: date) -> list[Row]:
    """The discount campaigns, dated around ``today``."""
    return [
        {
            "code": c.code, "name": c.name, "description": c.description,
            "percent": c.percent,
            "starts_on": today - timedelta(days=c.starts_days_ago),
            "ends_on": today - timedelta(days=c.starts_days_ago - c.duration_days),
        }
        for c in vocabulary.campaigns
    ]


class DemoGenerator:
    """Produces the demo store's rows, batch after batch, from one seed."""

    def __init__(self, vocabulary: Vocabulary, *, accounts: int, seed: int, today: date,
                 campaign_ids: Mapping[str, int]) -> None:
        self._v = vocabulary
        self._rng = random.Random(seed)
        self._r = self._rng.random
        self._today = today
        self._today_ord = today.toordinal()
        self._accounts = accounts
        self._next_index = 0
        self._showcase = SHOWCASE_ACCOUNTS if accounts >= SHOWCASE_MIN_ACCOUNTS else ()
        self._campaigns = [
            (campaign_ids[c.code], c.percent, self._today_ord - c.starts_days_ago,
             self._today_ord - c.starts_days_ago + c.duration_days)
            for c in vocabulary.campaigns if c.code in campaign_ids
        ]
        self._setup_pickers()
        self._setup_nodes()
        self._setup_cycles()
        self._setup_counters()
        # Stream state: the building being filled and the pools of shared holders and phones.
        # matriz cuenta, place, apartments still to come, towers (0: a single building)
        self._building: tuple[int, _Place, int, int] | None = None
        self._unit_index = 0  # apartments already given in that building
        self._holder_pool: list[tuple[_Holder, int]] = []  # holder, accounts still to get
        self._phone_pool: list[tuple[str, int]] = []  # mobile, accounts still to get
        # Showcase bookkeeping: groups by name, and which nodes must stay free of avisos.
        self._showcase_buildings: dict[str, tuple[int, _Place]] = {}
        self._showcase_holders: dict[str, _Holder] = {}
        self._showcase_phones: dict[str, str] = {}
        self._quiet_nodes: set[str] = set()
        self._aviso_node = self._nodes[vocabulary.cities[0].name][-1]
        self._aviso_used = False

    # ----------------------------------------------------------------- setup

    def _setup_pickers(self) -> None:
        v = self._v
        self._statuses = _weights(STATUS_WEIGHTS)
        self._mixes = _weights(SERVICE_MIXES)
        self._hfc_tv = _weights(HFC_TV)
        self._fibra_tv = _weights(FIBRA_TV)
        self._decoder_counts = _weights(DECODER_COUNTS)
        self._estratos = _weights(ESTRATOS)
        self._person_docs = _weights(PERSON_DOCUMENTS)
        self._cc_cohorts = _weights(CC_COHORTS)
        self._cities = _weights([(c, c.weight) for c in v.cities])
        self._streets = _weights([((code, top), w) for code, w, top in v.street_types])
        self._domains = _weights(v.email_domains)
        self._channels = _weights(v.payment_channels)
        self._plans: dict[str, tuple[tuple[Plan, ...], list[int], int]] = {}
        for kind in ("internet", "tv", "voz"):
            plans = [p for p in v.plans if p.kind == kind]
            self._plans[kind] = _weights([(p, p.weight) for p in plans])
            hfc = [p for p in plans if "Fibra" not in p.name] or plans
            self._plans[kind + "-hfc"] = _weights([(p, p.weight) for p in hfc])
        self._models: dict[tuple[str, str], tuple[tuple[EquipmentModel, ...], list[int], int]]
        self._models = {}
        for m in v.equipment_models:
            key = (m.kind, m.technology)
            group = [x for x in v.equipment_models if (x.kind, x.technology) == key]
            self._models[key] = _weights([(x, x.weight) for x in group])

    def _setup_nodes(self) -> None:
        total_weight = sum(c.weight for c in self._v.cities)
        self._nodes: dict[str, list[str]] = {}
        for city in self._v.cities:
            expected = self._accounts * city.weight / total_weight
            count = max(len(city.zones), round(expected / ACCOUNTS_PER_NODE))
            zones = len(city.zones)
            self._nodes[city.name] = [
                f"{city.node_prefix}-{city.zones[i % zones]}-"
                f"{100 * (i % zones + 1) + i // zones + 1:04d}"
                for i in range(count)
            ]

    def _setup_cycles(self) -> None:
        self._cycles: dict[int, list[_Cycle]] = {}
        today = self._today
        for day in CUTOFF_DAYS:
            issued: list[date] = []
            year, month = today.year, today.month
            while len(issued) < 3:
                cut = date(year, month, day)
                if cut <= today:
                    issued.append(cut)
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            cycles = []
            for cut in reversed(issued):
                send_day = datetime.combine(cut + timedelta(days=1), time(5, 0), BOGOTA)
                cycles.append(_Cycle(
                    period=f"{cut.year:04d}-{cut.month:02d}",
                    issued_on=cut,
                    due_on=cut + timedelta(days=DUE_DAYS),
                    issued_ord=cut.toordinal(),
                    sent_at=tuple(send_day + timedelta(minutes=7 * i) for i in range(60)),
                    paid_on=tuple(min(cut + timedelta(days=d), today) for d in range(1, 21)),
                ))
            self._cycles[day] = cycles
        # PQR due dates by how many days ago it was filed.
        self._pqr_due: dict[int, date] = {}

    def _setup_counters(self) -> None:
        rng = self._rng
        self._documents = {key: _Scrambled(low, span, rng)
                           for key, (low, span) in DOCUMENT_RANGES.items()}
        self._mobiles = _Scrambled(0, len(MOBILE_PREFIXES) * 10_000_000, rng)
        self._fixed = _Scrambled(2_000_000, 7_000_000, rng)
        self._serials_hex = _Scrambled(0, 1 << 32, rng)
        self._serials_digits = _Scrambled(0, 10_000_000_000, rng)
        self._invoice_seq = 100_000_000 + rng.randrange(100_000_000)
        self._radicado_seq = 1_000_000 + rng.randrange(1_000_000)
        self._cun_seq = 100_000 + rng.randrange(900_000)
        self._order_seq = 10_000_000 + rng.randrange(10_000_000)
        self._incident_seq = 300_000 + rng.randrange(300_000)

    # ----------------------------------------------------------------- small picks

    def _pick(self, table: tuple[tuple[T, ...], list[int], int]) -> T:
        items, cumulative, total = table
        return items[bisect(cumulative, self._r() * total)]

    def _int(self, low: int, high: int) -> int:
        """Uniform integer in [low, high]."""
        return low + int(self._r() * (high - low + 1))

    def _choice(self, items: Sequence[T]) -> T:
        return items[int(self._r() * len(items))]

    def _at(self, ordinal: int, minute: int | None = None) -> datetime:
        """An aware Bogotá datetime on day ``ordinal`` (random office minute if None)."""
        if minute is None:
            minute = self._int(7 * 60, 19 * 60)
        day = date.fromordinal(ordinal)
        return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=BOGOTA)

    # ----------------------------------------------------------------- people

    def _document(self, doc_type: str) -> str:
        if doc_type == "CC":
            value = self._documents[self._pick(self._cc_cohorts)].next()
            return str(value)
        value = self._documents[doc_type].next()
        if doc_type == "PA":
            letters = value // 10_000_000
            return f"{chr(65 + letters // 26)}{chr(65 + letters % 26)}{value % 10_000_000:07d}"
        return str(value)

    def _mobile(self) -> str:
        value = self._mobiles.next()
        return f"{MOBILE_PREFIXES[value // 10_000_000]}{value % 10_000_000:07d}"

    def _email(self, first: str, last: str) -> str | None:
        r = self._r
        if r() < 0.2:
            return None
        local = f"{first.split()[0]}.{last}".translate(_ASCII).lower()
        if r() < 0.6:
            local += str(self._int(1, 99))
        return f"{local}@{self._pick(self._domains)}"

    def _person(self, doc_type: str | None = None) -> _Holder:
        """A new holder: mostly a person with a CC, sometimes a small company (NIT)."""
        v, r = self._v, self._r
        first_surname = self._choice(v.surnames)
        second_surname = self._choice(v.surnames)
        if doc_type is None and r() < COMPANY_SHARE:
            name = self._choice(v.company_names).format(s1=first_surname, s2=second_surname)
            return _Holder(name, "NIT", self._document("NIT"), self._mobile(),
                           self._email(first_surname, second_surname))
        given = self._choice(v.female_names if r() < 0.52 else v.male_names)
        doc_type = doc_type or self._pick(self._person_docs)
        mobile = self._mobile() if r() < 0.93 else None
        return _Holder(f"{given} {first_surname} {second_surname}", doc_type,
                       self._document(doc_type), mobile, self._email(given, first_surname))

    def _holder(self) -> _Holder:
        """A holder for a fresh account: new, or one who already has accounts here."""
        r = self._r
        pool = self._holder_pool
        if pool and r() < MULTI_HOLDER_REUSE:
            holder, left = pool[0]
            if left > 1:
                pool[0] = (holder, left - 1)
            else:
                pool.pop(0)
            return holder
        holder = self._person()
        if r() < MULTI_HOLDER_START:
            pool.append((holder, self._int(1, 4)))
            return holder
        phones = self._phone_pool
        if phones and r() < HOUSEHOLD_REUSE:
            mobile, left = phones[0]
            if left > 1:
                phones[0] = (mobile, left - 1)
            else:
                phones.pop(0)
            return _Holder(holder.name, holder.doc_type, holder.doc_number, mobile, holder.email)
        if holder.mobile and r() < HOUSEHOLD_START:
            phones.append((holder.mobile, self._int(1, 3)))
        return holder

    # ----------------------------------------------------------------- places

    def _street(self) -> str:
        r = self._r
        code, top = self._pick(self._streets)
        first = f"{self._int(1, top)}{'ABC'[int(r() * 3)] if r() < 0.15 else ''}"
        second = f"{self._int(1, 130)}{'ABC'[int(r() * 3)] if r() < 0.1 else ''}"
        return f"{code} {first} # {second}-{self._int(2, 99):02d}"

    def _place(self, city: City | None = None, avoid: str | None = None) -> _Place:
        city = city or self._pick(self._cities)
        nodes = self._nodes[city.name]
        node = self._choice(nodes)
        while node == avoid and len(nodes) > 1:
            node = self._choice(nodes)
        return _Place(city, node, self._street(), self._pick(self._estratos))

    def _apartment(self, tower: int | None) -> str:
        floor = self._int(1, 22)
        unit = f"AP {floor}{self._int(1, 8):02d}"
        return f"TO {tower} {unit}" if tower else unit

    @staticmethod
    def _unit(index: int, towers: int) -> str:
        """The ``index``-th apartment of a building, so no two units share an address."""
        if towers:
            index, tower = divmod(index, towers)
            return f"TO {tower + 1} AP {index // 4 + 1}{index % 4 + 1:02d}"
        return f"AP {index // 4 + 1}{index % 4 + 1:02d}"

    def _address(self, street: str) -> str:
        """A house or apartment address at a standalone street address."""
        r = self._r()
        if r < 0.45:
            return street
        if r < 0.85:
            return f"{street} {self._apartment(None)}"
        if r < 0.95:
            return f"{street} {self._apartment(self._int(1, 6))}"
        return f"{street} CA {self._int(1, 60)}"

    # ----------------------------------------------------------------- accounts

    def batch(self, count: int) -> Batch:
        """The next ``count`` accounts and all their rows."""
        out = Batch()
        end = min(self._next_index + count, self._accounts)
        while self._next_index < end:
            index = self._next_index
            self._next_index += 1
            spec = self._showcase[index] if index < len(self._showcase) else None
            if spec is not None:
                self._showcase_account(out, FIRST_CUENTA + index, spec)
            else:
                self._random_account(out, FIRST_CUENTA + index)
        return out

    def _random_account(self, out: Batch, cuenta: int) -> None:
        """A standalone home, a building's matriz, or the next apartment of that building."""
        building = self._building
        if building is not None:
            matriz, place, left, towers = building
            self._building = (matriz, place, left - 1, towers) if left > 1 else None
            address = f"{place.street} {self._unit(self._unit_index, towers)}"
            self._unit_index += 1
            self._customer(out, cuenta, self._holder(), place, address, matriz)
            return
        place = self._place()
        if self._r() < BUILDING_START:
            name = self._matriz(out, cuenta, place)
            towers = 0 if name.startswith("Edificio") else self._int(2, 6)
            self._building = (cuenta, place, self._int(*BUILDING_UNITS), towers)
            self._unit_index = 0
            return
        self._customer(out, cuenta, self._holder(), place, self._address(place.street), None)

    def _matriz(self, out: Batch, cuenta: int, place: _Place) -> str:
        """A building's parent account: the administration, with no services of its own."""
        holder = _Holder(self._choice(self._v.building_names), "NIT", self._document("NIT"),
                         self._mobile(), None)
        activated = self._today_ord - self._int(180, MAX_AGE_DAYS)
        out.account.append(self._account_row(
            cuenta, None, holder, place, place.street, AccountStatus.ACTIVA.value, False, 0, 0,
            self._choice(CUTOFF_DAYS), activated, None))
        return holder.name

    def _account_row(self, cuenta: int, matriz: int | None, holder: _Holder, place: _Place,
                     address: str, status: str, blacklist: bool, balance: int, rent: int,
                     cutoff: int, activated: int, fixed: str | None) -> Row:
        return {
            "cuenta": cuenta, "cuenta_matriz": matriz, "holder_name": holder.name,
            "document_type": holder.doc_type, "document_number": holder.doc_number,
            "phone_mobile": holder.mobile, "phone_fixed": fixed, "email": holder.email,
            "address": address, "city": place.city.name, "department": place.city.department,
            "estrato": place.estrato, "node": place.node, "status": status,
            "blacklist": blacklist, "balance": balance, "monthly_rent": rent,
            "billing_cutoff_day": cutoff, "activated_on": date.fromordinal(activated),
        }

    def _customer(self, out: Batch, cuenta: int, holder: _Holder, place: _Place, address: str,
                  matriz: int | None, spec: ShowcaseAccount | None = None) -> None:
        """A subscriber account with services, equipment, billing and (maybe) open cases."""
        r = self._r
        status = spec.status.value if spec else self._pick(self._statuses)
        blacklist = spec.blacklist if spec else r() < BLACKLIST_SHARE
        kinds = spec.kinds if spec else self._pick(self._mixes)
        technology = spec.tv_technology.value if spec and spec.tv_technology else None
        if technology is not None:
            fibra = technology == TvTechnology.FIBRA or (
                technology == TvTechnology.TVBOX and r() < FIBRA_SHARE)
        else:
            fibra = r() < FIBRA_SHARE
        activated = self._today_ord - self._int(30, MAX_AGE_DAYS)
        rent = self._services(out, cuenta, status, kinds, fibra, technology, activated)
        fixed = None
        if "voz" in kinds or r() < 0.08:
            fixed = f"{place.city.area_code}{self._fixed.next():07d}"
        cutoff = self._choice(CUTOFF_DAYS)
        balance = self._billing(out, cuenta, status, rent, cutoff, activated)
        out.account.append(self._account_row(
            cuenta, matriz, holder, place, address, status, blacklist, balance, rent, cutoff,
            activated, fixed))
        if blacklist:
            text = self._v.blacklist_notes[0] if spec else self._choice(self._v.blacklist_notes)
            self._note(out, cuenta, text, self._int(1, min(700, self._today_ord - activated)))
        if spec is None:
            self._random_cases(out, cuenta, status, activated)

    # ----------------------------------------------------------------- services and inventory

    def _services(self, out: Batch, cuenta: int, status: str, kinds: Sequence[str], fibra: bool,
                  technology: str | None, activated: int) -> int:
        r = self._r
        service_status = SERVICE_STATUS[status]
        equipment_status = (EquipmentStatus.RETIRADO.value if status == AccountStatus.CANCELADO
                            else EquipmentStatus.INSTALADO.value)
        rent = 0
        for kind in kinds:
            since = activated
            if kind != kinds[0] and r() < 0.3:
                since += int(r() * (self._today_ord - activated))
            plan = self._pick(self._plans[kind if fibra else kind + "-hfc"])
            tv = None
            if kind == "tv":
                tv = technology or self._pick(self._fibra_tv if fibra else self._hfc_tv)
            rent += plan.price
            out.service.append({
                "cuenta": cuenta, "kind": kind, "plan_code": plan.code, "plan_name": plan.name,
                "tv_technology": tv, "status": service_status,
                "activated_on": date.fromordinal(since),
            })
            if kind == "internet":
                network = "FIBRA" if fibra else "HFC"
                installed = since
                if r() < 0.06:  # the first modem was replaced
                    self._device(out, cuenta, "modem", network, EquipmentStatus.RETIRADO.value,
                                 since)
                    installed += int(r() * (self._today_ord - since))
                self._device(out, cuenta, "modem", network, equipment_status, installed)
            elif tv is not None:
                for _ in range(self._pick(self._decoder_counts)):
                    self._device(out, cuenta, "decoder", tv, equipment_status, since)
                    if tv in SMART_CARD_TV:
                        self._device(out, cuenta, "smart_card", tv, equipment_status, since)
        return rent

    def _device(self, out: Batch, cuenta: int, kind: str, technology: str, status: str,
                installed: int) -> None:
        model = self._pick(self._models[(kind, technology)])
        if model.serial_style == "digits":
            serial = f"{model.serial_prefix}{self._serials_digits.next():010d}"
        else:
            serial = f"{model.serial_prefix}{self._serials_hex.next():08X}"
        out.equipment.append({
            "cuenta": cuenta, "kind": kind, "serial": serial, "model": model.model,
            "status": status, "installed_on": date.fromordinal(installed),
        })

    # ----------------------------------------------------------------- billing

    def _billing(self, out: Batch, cuenta: int, status: str, rent: int, cutoff: int,
                 activated: int) -> int:
        """Invoices and payments of the last three cycles; returns the balance."""
        r = self._r
        if rent == 0:
            return 0
        if status == AccountStatus.CARTERA_CASTIGADA:
            return rent * self._int(4, 14)
        cycles = [c for c in self._cycles[cutoff] if c.issued_ord >= activated]
        if status == AccountStatus.CANCELADO:
            cycles = cycles[:1]  # the final invoice
        percent, applied = 0, (0, 0)
        if status == AccountStatus.ACTIVA and self._campaigns and r() < 0.07:
            percent, applied = self._discount(out, cuenta, activated)
        channel = self._pick(self._channels)
        digital = r() < 0.62
        unpaid = 0
        last = len(cycles) - 1
        for position, cycle in enumerate(cycles):
            amount = rent
            issued = cycle.issued_ord
            if percent and applied[0] <= issued <= applied[1]:
                amount = rent * (100 - percent) // 100
            extra = self._choice(EXTRA_CHARGES) if r() < 0.12 else 0
            amount += extra
            self._invoice_seq += 1
            out.invoice.append({
                "cuenta": cuenta, "number": f"FV{self._invoice_seq:010d}",
                "period": cycle.period, "issued_on": cycle.issued_on, "due_on": cycle.due_on,
                "amount": amount, "extra_charges": extra,
                "delivery": "digital" if digital else "fisica",
                "sent_at": self._choice(cycle.sent_at),
            })
            if status == AccountStatus.CANCELADO_DEBE:
                paid = False
            elif status == AccountStatus.ACTIVA and position == last:
                paid = r() < (0.95 if cycle.due_on < self._today else 0.45)
            elif status == AccountStatus.ACTIVA and position == last - 1:
                paid = r() < 0.95
            else:
                paid = True
            if not paid:
                unpaid += amount
                continue
            credit = 0
            if status == AccountStatus.CANCELADO_CREDITO and position == last:
                credit = 100 * self._int(50, max(50, rent // 100))
            self._payment(out, cuenta, cycle, amount + credit, channel)
            unpaid -= credit
        if status == AccountStatus.CANCELADO_DEBE:
            unpaid += rent * self._int(0, 3)
        return unpaid

    def _payment(self, out: Batch, cuenta: int, cycle: _Cycle, amount: int,
                 channel: str) -> None:
        r = self._r
        out.payment.append({
            "cuenta": cuenta, "paid_on": self._choice(cycle.paid_on), "amount": amount,
            "channel": channel if r() < 0.85 else self._pick(self._channels),
            "reference": f"{int(r() * 1e12):012d}",
        })

    def _discount(self, out: Batch, cuenta: int, activated: int) -> tuple[int, tuple[int, int]]:
        campaign_id, percent, starts, ends = self._choice(self._campaigns)
        begin = max(starts, activated) + self._int(0, 30)
        if begin > self._today_ord:
            return 0, (0, 0)
        out.account_discount.append({
            "cuenta": cuenta, "campaign_id": campaign_id,
            "applied_from": date.fromordinal(begin), "applied_to": date.fromordinal(ends),
        })
        return percent, (begin, ends)

    # ----------------------------------------------------------------- cases and notes

    def _random_cases(self, out: Batch, cuenta: int, status: str, activated: int) -> None:
        r = self._r
        age = self._today_ord - activated
        live = status in (AccountStatus.ACTIVA, AccountStatus.CANCELADO_DEBE)
        roll = r()
        if live and roll < 0.012:
            self._pqr(out, cuenta, PqrStatus.ABIERTA.value, self._int(1, min(40, age)))
        elif roll < 0.042:
            closed = PqrStatus.CERRADA.value if r() < 0.85 else PqrStatus.DESISTIDA.value
            self._pqr(out, cuenta, closed, self._int(41, max(41, min(365, age))))
        roll = r()
        if status == AccountStatus.ACTIVA and roll < 0.02:
            kind = WorkOrderKind.LLS.value if r() < 0.65 else WorkOrderKind.OT.value
            pending = (WorkOrderStatus.AGENDADA if r() < 0.6 else WorkOrderStatus.PENDIENTE).value
            self._work_order(out, cuenta, kind, pending)
        elif roll < 0.06:
            kind = WorkOrderKind.LLS.value if r() < 0.65 else WorkOrderKind.OT.value
            done = self._choice(CLOSED_ORDERS)
            self._work_order(out, cuenta, kind, done, days_ago=self._int(7, min(180, age)))
        if r() < 0.03:
            for _ in range(self._int(1, 2)):
                self._note(out, cuenta, self._choice(self._v.special_notes),
                           self._int(1, min(700, age)))
        if r() < 0.008:
            self._swat_folder(out, cuenta, self._int(1, 3), self._int(1, min(200, age)))

    def _note(self, out: Batch, cuenta: int, text: str, days_ago: int) -> None:
        out.note.append({
            "cuenta": cuenta, "folder_id": None, "author": self._choice(self._v.agents),
            "created_at": self._at(self._today_ord - days_ago), "text": text,
        })

    def _swat_folder(self, out: Batch, cuenta: int, notes: int, days_ago: int) -> None:
        author = self._choice(self._v.agents)
        created = self._at(self._today_ord - days_ago)
        out.note_folder.append({
            "cuenta": cuenta, "name": "SWAT", "created_by": author, "created_at": created,
        })
        for i in range(notes):
            out.folder_note.append({
                "cuenta": cuenta, "author": author,
                "created_at": created + timedelta(minutes=3 * i),
                "text": self._v.swat_notes[(days_ago + i) % len(self._v.swat_notes)],
            })

    def _pqr_due_on(self, filed: date) -> date:
        due = self._pqr_due.get(filed.toordinal())
        if due is None:
            due, left = filed, PQR_BUSINESS_DAYS
            while left:
                due += timedelta(days=1)
                if due.weekday() < 5:
                    left -= 1
            self._pqr_due[filed.toordinal()] = due
        return due

    def _pqr(self, out: Batch, cuenta: int, status: str, days_ago: int) -> None:
        r = self._r
        kind, subject = self._choice(self._v.pqr_subjects)
        filed = self._at(self._today_ord - days_ago)
        self._radicado_seq += 1
        cun = None
        if kind != "peticion" or r() < 0.3:
            self._cun_seq += 1
            cun = f"4410-{filed.year % 100:02d}-{self._cun_seq:010d}"
        out.pqr.append({
            "cuenta": cuenta, "radicado": f"RAD{self._radicado_seq:010d}", "cun": cun,
            "kind": kind, "subject": subject, "status": status, "filed_at": filed,
            "due_on": self._pqr_due_on(filed.date()),
            "response_channel": self._choice(PQR_CHANNELS),
            "filed_by": self._choice(self._v.agents), "notes": "",
        })

    def _work_order(self, out: Batch, cuenta: int, kind: str, status: str,
                    days_ago: int | None = None) -> None:
        reasons = [text for k, text in self._v.work_order_reasons if k == kind]
        ago = self._int(0, 5) if days_ago is None else days_ago
        slot_start: datetime | None = None
        if status == WorkOrderStatus.AGENDADA:
            slot_start = self._at(self._today_ord + self._int(1, 6),
                                  60 * self._choice(SLOT_HOURS))
        elif status in (WorkOrderStatus.COMPLETADA, WorkOrderStatus.NO_REALIZADA):
            slot_start = self._at(self._today_ord - ago + self._int(1, 5),
                                  60 * self._choice(SLOT_HOURS))
        self._order_seq += 1
        out.work_order.append({
            "cuenta": cuenta, "kind": kind,
            "number": f"{kind}{self._order_seq:0{12 - len(kind)}d}",
            "status": status, "reason": self._choice(reasons),
            "created_at": self._at(self._today_ord - ago),
            "slot_start": slot_start,
            "slot_end": slot_start + timedelta(hours=2) if slot_start else None,
        })

    # ----------------------------------------------------------------- showcase

    def _showcase_account(self, out: Batch, cuenta: int, spec: ShowcaseAccount) -> None:
        """A fixed showcase account (see ``showcase.py``); no random cases are added."""
        matriz: int | None = None
        if spec.unit_of is not None:
            matriz, place = self._showcase_buildings[spec.unit_of]
            address = f"{place.street} {self._unit(0, 0)}"
        else:
            place = self._place(self._v.cities[0], avoid=self._aviso_node)
            address = self._address(place.street)
        if spec.aviso:
            place = _Place(place.city, self._aviso_node, place.street, place.estrato)
            self._aviso_used = True
        else:
            self._quiet_nodes.add(place.node)
        if spec.matriz:
            self._showcase_buildings[spec.key or ""] = (cuenta, place)
            self._matriz(out, cuenta, place)
            return
        self._customer(out, cuenta, self._showcase_holder(spec), place, address, matriz, spec)
        today = self._today_ord
        for days_ago in spec.pqr_days_ago:
            self._pqr(out, cuenta, PqrStatus.ABIERTA.value, days_ago)
            out.pqr[-1]["filed_at"] = self._at(today - days_ago, 10 * 60 + 15)
        for kind, status in spec.visits:
            self._work_order(out, cuenta, kind.value, status.value, days_ago=1)
            if status == WorkOrderStatus.AGENDADA:
                out.work_order[-1]["slot_start"] = self._at(today + 2, 8 * 60)
                out.work_order[-1]["slot_end"] = self._at(today + 2, 10 * 60)
        for i, text in enumerate(spec.notes):
            self._note(out, cuenta, text, 3 + i)
        if spec.swat_notes:
            self._swat_folder(out, cuenta, spec.swat_notes, 4)

    def _showcase_holder(self, spec: ShowcaseAccount) -> _Holder:
        if spec.holder_group is not None:
            holder = self._showcase_holders.get(spec.holder_group)
            if holder is None:
                person = self._person("CC")
                holder = _Holder(person.name, "CC", person.doc_number,
                                 person.mobile or self._mobile(), person.email)
                self._showcase_holders[spec.holder_group] = holder
            return holder
        person = self._person()
        name = spec.holder_name or person.name
        email = person.email if spec.holder_name is None else None
        mobile = person.mobile or self._mobile()
        if spec.phone_group is not None:
            mobile = self._showcase_phones.setdefault(spec.phone_group, mobile)
        return _Holder(name, person.doc_type, person.doc_number, mobile, email)

    # ----------------------------------------------------------------- avisos

    def incidents(self) -> list[Row]:
        """Open and closed avisos on some nodes; call after the last batch."""
        r = self._r
        nodes = [node for city in self._v.cities for node in self._nodes[city.name]]
        candidates = [n for n in nodes if n not in self._quiet_nodes and n != self._aviso_node]
        rows: list[Row] = []
        if self._aviso_used:
            rows.append(self._incident(self._aviso_node, "masiva", open_=True, priority=1))
        for node in self._sample(candidates, max(1, round(len(nodes) * 0.03))):
            kind = "masiva" if r() < 0.7 else "puntual"
            rows.append(self._incident(node, kind, open_=True))
        for node in self._sample(nodes, round(len(nodes) * 0.12)):
            kind = "masiva" if r() < 0.5 else "puntual"
            rows.append(self._incident(node, kind, open_=False))
        return rows

    def _sample(self, items: Sequence[str], count: int) -> list[str]:
        return self._rng.sample(list(items), min(count, len(items)))

    def _incident(self, node: str, kind: str, *, open_: bool,
                  priority: int | None = None) -> Row:
        descriptions = [text for k, text in self._v.incident_descriptions if k == kind]
        if priority is None:
            priority = self._int(1, 2) if kind == "masiva" else self._int(3, 4)
        if open_:
            opened = self._at(self._today_ord - self._int(0, 2))
            closed = None
        else:
            opened = self._at(self._today_ord - self._int(4, 90))
            closed = opened + timedelta(hours=self._int(2, 48))
        self._incident_seq += self._int(1, 97)
        return {
            "number": f"INC{self._incident_seq:09d}", "node": node, "priority": priority,
            "kind": kind, "description": self._choice(descriptions),
            "status": (IncidentStatus.ABIERTO if open_ else IncidentStatus.CERRADO).value,
            "opened_at": opened, "closed_at": closed,
        }


__all__ = ["Batch", "DemoGenerator", "Row", "campaign_rows"]
