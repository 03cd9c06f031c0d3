"""Comparing the serials the customer reads from their equipment with RR's (F10).

A serial is letters and digits only (RR keeps them upper-case, 6 to 24
characters); anything else is refused before the store is touched, so a typo
is never recorded as a mismatch.
"""

from __future__ import annotations

import re

from swat_tui.domain.errors import refusal

SERIAL = re.compile(r"[A-Z0-9]{6,24}")


def checked_serial(typed: str) -> str:
    """The serial as RR writes it; refused when it cannot be one."""
    serial = "".join(typed.split()).upper()
    if not SERIAL.fullmatch(serial):
        shown = typed.strip()[:16] or "vacío"
        raise refusal("support.serial_invalid", shown=shown)
    return serial
