"""The F22 form's rules: UCC code, notes length, aviso number and CUN format.

The CUN (código único numérico of a PQR) is PPPP-YY-NNNNNNNNNN: the
provider code, the two-digit year and a ten-digit sequence. The format is
seen in public code, not in the CRC regulation (see shared/procedure.md).
"""

from __future__ import annotations

import re

from swat_tui.domain.errors import DomainError, refusal
from swat_tui.domain.procedure.definition import load_procedure

PROVIDER_CODE = "4410"
# The typification's notes field (data/procedure.toml); longer texts go to the SWAT folder.
NOTES_MAX = load_procedure().limit("typification_notes")
SWAT_FOLDER = "SWAT"
# What the typification says when its long notes went to the SWAT folder.
SWAT_NOTE_POINTER = "Nota extensa en la carpeta SWAT (F7+F6)."
CUN_PATTERN = re.compile(r"(\d{4})-(\d{2})-(\d{10})")
INCIDENT_PATTERN = re.compile(r"INC\d{1,9}")


def normalize_code(code: str) -> str:
    text = code.strip().upper()
    if not text:
        raise refusal("typify.code_missing")
    return text


def unknown_code(code: str) -> DomainError:
    return refusal("ucc.unknown", ucc=code[:12])


def check_notes(notes: str) -> str:
    text = notes.strip()
    if len(text) > NOTES_MAX:
        raise refusal(
            "typify.notes_long",
            length=len(text),
            maximum=NOTES_MAX,
            folder=SWAT_FOLDER,
            code="typify_notes",
        )
    return text


def check_incident(number: str | None) -> str | None:
    if number is None or not number.strip():
        return None
    text = number.strip().upper()
    if not INCIDENT_PATTERN.fullmatch(text):
        raise refusal("typify.aviso_invalid", code="typify_aviso")
    return text


def check_cun(cun: str | None) -> str | None:
    if cun is None or not cun.strip():
        return None
    text = cun.strip()
    if not CUN_PATTERN.fullmatch(text):
        raise refusal("typify.cun_invalid")
    return text


def cun_prefix(year: int) -> str:
    return f"{PROVIDER_CODE}-{year % 100:02d}-"


def given_cun_parts(cun: str) -> tuple[str, int]:
    """The prefix (``4410-26-``) and sequence of a CUN that passed ``check_cun``."""
    found = CUN_PATTERN.fullmatch(cun)
    assert found is not None, cun
    return cun[: -len(found.group(3))], int(found.group(3))


def cun_number(year: int, sequence: int) -> str:
    """The CUN ``sequence`` of ``year`` (the next of its counter in the store); refused
    past ten digits."""
    if sequence >= 10**10:
        raise refusal("typify.cun_exhausted", year=year)
    return f"{cun_prefix(year)}{sequence:010d}"
