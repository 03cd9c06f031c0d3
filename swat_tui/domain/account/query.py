"""Turning what the agent typed on the search screen into an ``AccountQuery``.

The screen has a kind field (1=Cuenta 2=Documento 3=Teléfono) and a value
field. With the kind left blank the value alone decides, in this order:
a document prefix ("CC 79123456") means a document; 8 digits mean a cuenta
(so an 8-digit cédula needs kind 2 or the "CC" prefix); a phone shape means a
phone; other digits mean a document.

Phones: 10 digits starting with 3 (mobile) or 60 (fixed, national plan of
2021), optionally after +57. Seven digits are accepted as a fixed number
dialled the old local way; the search then tries every 60X area code, since
the store keeps fixed numbers with their 10 digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from swat_tui.domain.account.catalogs import document_type
from swat_tui.domain.errors import refusal

QueryKind = Literal["cuenta", "documento", "telefono"]

KIND_CODES: dict[str, QueryKind] = {"1": "cuenta", "2": "documento", "3": "telefono"}
_KIND_NAMES: dict[str, QueryKind] = {
    "cuenta": "cuenta",
    "documento": "documento",
    "telefono": "telefono",
    "teléfono": "telefono",
}
# Fixed-line area codes of the 2021 numbering plan (603 is not assigned).
FIXED_AREA_CODES = ("601", "602", "604", "605", "606", "607", "608")

_DIGITS = re.compile(r"[0-9]+")
_GLUED_DOCUMENT = re.compile(r"(CC|CE|NIT|TI)([0-9][0-9.\-]*)")
_PHONE_NOISE = re.compile(r"[\s\-().]")
_DOCUMENT_NOISE = re.compile(r"[\s.,\-]")


@dataclass(frozen=True)
class AccountQuery:
    """A validated search: ``value`` is normalised (digits only, upper-case)."""

    kind: QueryKind
    value: str
    document_type: str | None = None  # only for kind "documento", when typed

    def describe(self) -> str:
        """The query as a message names it: "el teléfono 3001234567"."""
        if self.kind == "cuenta":
            return f"la cuenta {self.value}"
        if self.kind == "telefono":
            return f"el teléfono {self.value}"
        prefix = f"{self.document_type} " if self.document_type else ""
        return f"el documento {prefix}{self.value}"

    def phone_candidates(self) -> tuple[str, ...]:
        """The stored numbers a phone query matches (7 digits: every area code)."""
        if len(self.value) == 7:
            return (*(area + self.value for area in FIXED_AREA_CODES), self.value)
        return (self.value,)


def parse_query(kind: str | None, text: str) -> AccountQuery:
    """Validate one search; ``kind`` is "1"/"2"/"3", a kind name, or blank to guess."""
    chosen = _parse_kind(kind)
    value = text.strip()
    if chosen == "cuenta":
        return parse_cuenta(value)
    if chosen == "telefono":
        return parse_phone(value)
    if chosen == "documento":
        return parse_document(value)
    return _guess(value)


def _parse_kind(kind: str | None) -> QueryKind | None:
    key = (kind or "").strip().lower()
    if not key:
        return None
    found = KIND_CODES.get(key) or _KIND_NAMES.get(key)
    if found is None:
        raise refusal("account.query_kind")
    return found


def parse_cuenta(text: str) -> AccountQuery:
    """Exactly 8 digits."""
    value = text.strip()
    if not value:
        raise refusal("account.cuenta_missing")
    if not _DIGITS.fullmatch(value):
        raise refusal("account.cuenta_digits")
    if len(value) != 8:
        raise refusal("account.cuenta_length")
    return AccountQuery("cuenta", value)


def parse_phone(text: str) -> AccountQuery:
    """A mobile (3...) or fixed (60...) number of 10 digits, or a local 7-digit one."""
    value = _PHONE_NOISE.sub("", text).removeprefix("+")
    if not value:
        raise refusal("account.phone_missing")
    if not _DIGITS.fullmatch(value):
        raise refusal("account.phone_digits")
    if len(value) == 12 and value.startswith("57"):
        value = value[2:]
    if not _is_phone(value):
        raise refusal("account.phone_invalid")
    return AccountQuery("telefono", value)


def _is_phone(digits: str) -> bool:
    if len(digits) == 10:
        return digits.startswith(("3", "60"))
    return len(digits) == 7 and not digits.startswith(("0", "1"))


def parse_document(text: str) -> AccountQuery:
    """A document number, optionally after its type ("CC 79123456", "PA AB12345")."""
    code, number = _split_document(text.strip().upper())
    number = _DOCUMENT_NOISE.sub("", number)
    if not number:
        raise refusal("account.document_missing")
    if code is not None:
        kind = document_type(code)
        assert kind is not None
        if not kind.accepts(number):
            raise refusal("account.document_kind_invalid", kind=kind.code, why=kind.rule)
        return AccountQuery("documento", number, kind.code)
    if _DIGITS.fullmatch(number) and 5 <= len(number) <= 12:
        return AccountQuery("documento", number)
    if not _DIGITS.fullmatch(number):
        raise refusal("account.document_letters")
    raise refusal("account.document_invalid")


def _split_document(text: str) -> tuple[str | None, str]:
    head, _, rest = text.partition(" ")
    head = head.rstrip(":.")
    if rest.strip() and document_type(head) is not None:
        return head, rest
    glued = _GLUED_DOCUMENT.fullmatch(text)
    if glued:
        return glued.group(1), glued.group(2)
    return None, text


def _guess(value: str) -> AccountQuery:
    if not value:
        raise refusal("account.query_missing")
    code, _ = _split_document(value.upper())
    if code is not None:
        return parse_document(value)
    compact = _PHONE_NOISE.sub("", value).removeprefix("+")
    if _DIGITS.fullmatch(compact):
        if len(compact) == 8:
            return parse_cuenta(compact)
        national = compact[2:] if len(compact) == 12 and compact.startswith("57") else compact
        if _is_phone(national):
            return parse_phone(compact)
    return parse_document(value)
