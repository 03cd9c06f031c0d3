"""Checking what the agent types about the caller (step 1 of the procedure).

Names are kept exactly as typed (outer spaces aside): "[b]" or commas in a
name are data, and escaping them is the screen's job. Numbers lose the
separators people type ("300 123-4567", "1.023.456") before they are checked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from swat_tui.domain.errors import refusal

CALLER_COLUMNS = ("caller_name", "caller_document", "caller_relation", "callback_number")
RELATIONS = (
    "titular",
    "cónyuge",
    "hijo(a)",
    "padre/madre",
    "familiar",
    "tercero autorizado",
    "arrendatario",
    "administrador",
    "otro",
)
NAME_MAX = 80
FIELD_VALUE_MAX = 10000
FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,29}")
_SEPARATORS = re.compile(r"[\s.\-()]")


@dataclass(frozen=True)
class FieldValue:
    """A checked value: ``column`` is the Call column, or None for ``state.fields``."""

    name: str
    value: str | None  # None clears a caller column
    column: str | None


def check_field(name: str, value: str) -> FieldValue:
    """The value to store for field ``name``, or ``DomainError`` saying what is wrong."""
    if name in CALLER_COLUMNS:
        text = value.strip()
        if not text:
            return FieldValue(name, None, name)
        return FieldValue(name, _CHECKS[name](text), name)
    if not FIELD_NAME.fullmatch(name):
        raise refusal("call.field_unknown", name=name[:30])
    if len(value) > FIELD_VALUE_MAX:
        raise refusal("call.field_long", length=len(value), maximum=FIELD_VALUE_MAX)
    return FieldValue(name, value, None)


def _name(text: str) -> str:
    if len(text) > NAME_MAX:
        raise refusal("call.name_long", length=len(text), maximum=NAME_MAX)
    return text


def _document(text: str) -> str:
    digits = _SEPARATORS.sub("", text)
    if not digits.isascii() or not digits.isdigit() or not 5 <= len(digits) <= 12:
        raise refusal("call.document_invalid")
    return digits


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


_RELATION_BY_FOLDED = {_fold(relation): relation for relation in RELATIONS} | {
    "hijo": "hijo(a)",
    "hija": "hijo(a)",
    "esposo(a)": "cónyuge",
    "esposo": "cónyuge",
    "esposa": "cónyuge",
    "padre": "padre/madre",
    "madre": "padre/madre",
    "autorizado": "tercero autorizado",
    "inquilino": "arrendatario",
}


def _relation(text: str) -> str:
    found = _RELATION_BY_FOLDED.get(_fold(text))
    if found is None:
        raise refusal("call.relation_invalid")
    return found


def _callback(text: str) -> str:
    digits = _SEPARATORS.sub("", text)
    if digits.startswith("+57"):
        digits = digits[3:]
    if not digits.isascii() or not digits.isdigit() or not 7 <= len(digits) <= 10:
        raise refusal("call.callback_invalid")
    return digits


_CHECKS = {
    "caller_name": _name,
    "caller_document": _document,
    "caller_relation": _relation,
    "callback_number": _callback,
}
