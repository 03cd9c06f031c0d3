"""Account holders: names, documents, mobile and fixed phones, e-mails.

Real customer bases repeat people: a landlord holds several accounts and a
household shares one mobile across accounts. ``People.account_holder`` keeps
small pools of those so searches by document or phone find several accounts.
Document and phone numbers come from ``Scrambled`` counters, so they never
collide.
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.store.demo.draws import Draws, weighted
from swat_tui.store.demo.unique_numbers import Scrambled
from swat_tui.store.demo.vocabulary import City, Vocabulary

MOBILE_PREFIXES = (*range(300, 324), 350, 351)
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

COMPANY_SHARE = 0.01
MULTI_HOLDER_START = 0.006  # a holder with 2-5 accounts
MULTI_HOLDER_REUSE = 0.2
HOUSEHOLD_START = 0.02  # a mobile shared by 2-4 accounts
HOUSEHOLD_REUSE = 0.25

_ASCII = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ ", "aeiouunAEIOUUN.")


@dataclass(frozen=True)
class Holder:
    """Who an account belongs to, as the account row stores it."""

    name: str
    doc_type: str
    doc_number: str
    mobile: str | None
    email: str | None


class People:
    """Makes holders and their unique documents and phone numbers."""

    def __init__(self, vocabulary: Vocabulary, draws: Draws) -> None:
        self._v = vocabulary
        self._r, self._int, self._choice, self._pick = (
            draws.random,
            draws.between,
            draws.choice,
            draws.pick,
        )
        self._person_docs = weighted(PERSON_DOCUMENTS)
        self._cc_cohorts = weighted(CC_COHORTS)
        self._domains = weighted(vocabulary.email_domains)
        rng = draws.rng
        self._documents = {
            key: Scrambled(low, span, rng) for key, (low, span) in DOCUMENT_RANGES.items()
        }
        self._mobiles = Scrambled(0, len(MOBILE_PREFIXES) * 10_000_000, rng)
        self._fixed_lines = Scrambled(2_000_000, 7_000_000, rng)
        self._holder_pool: list[tuple[Holder, int]] = []  # holder, accounts still to get
        self._phone_pool: list[tuple[str, int]] = []  # mobile, accounts still to get

    def document(self, doc_type: str) -> str:
        if doc_type == "CC":
            value = self._documents[self._pick(self._cc_cohorts)].next()
            return str(value)
        value = self._documents[doc_type].next()
        if doc_type == "PA":
            letters = value // 10_000_000
            return f"{chr(65 + letters // 26)}{chr(65 + letters % 26)}{value % 10_000_000:07d}"
        return str(value)

    def mobile(self) -> str:
        value = self._mobiles.next()
        return f"{MOBILE_PREFIXES[value // 10_000_000]}{value % 10_000_000:07d}"

    def fixed_phone(self, city: City) -> str:
        """A landline with the city's indicative (601 Bogotá, ...)."""
        return f"{city.area_code}{self._fixed_lines.next():07d}"

    def _email(self, first: str, last: str) -> str | None:
        r = self._r
        if r() < 0.2:
            return None
        local = f"{first.split()[0]}.{last}".translate(_ASCII).lower()
        if r() < 0.6:
            local += str(self._int(1, 99))
        return f"{local}@{self._pick(self._domains)}"

    def person(self, doc_type: str | None = None) -> Holder:
        """A new holder: mostly a person with a CC, sometimes a small company (NIT)."""
        v, r = self._v, self._r
        first_surname = self._choice(v.surnames)
        second_surname = self._choice(v.surnames)
        if doc_type is None and r() < COMPANY_SHARE:
            name = self._choice(v.company_names).format(s1=first_surname, s2=second_surname)
            return Holder(
                name,
                "NIT",
                self.document("NIT"),
                self.mobile(),
                self._email(first_surname, second_surname),
            )
        given = self._choice(v.female_names if r() < 0.52 else v.male_names)
        doc_type = doc_type or self._pick(self._person_docs)
        mobile = self.mobile() if r() < 0.93 else None
        return Holder(
            f"{given} {first_surname} {second_surname}",
            doc_type,
            self.document(doc_type),
            mobile,
            self._email(given, first_surname),
        )

    def account_holder(self) -> Holder:
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
        holder = self.person()
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
            return Holder(holder.name, holder.doc_type, holder.doc_number, mobile, holder.email)
        if holder.mobile and r() < HOUSEHOLD_START:
            phones.append((holder.mobile, self._int(1, 3)))
        return holder


__all__ = ["Holder", "People"]
