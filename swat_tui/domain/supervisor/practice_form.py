"""What a leader typed to record a practice (SUP031), read into checked values.

Each check raises the row-24 refusal of ``[supervisor.practices]``; nothing
here touches the store, so a refused form writes nothing by construction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import refusal
from swat_tui.domain.supervisor.practice_catalogue import PracticeCatalogue

NOTES_LENGTH = 500  # practice_record.notes
_DATE = re.compile(r"(\d{2})/?(\d{2})/?(\d{2}|\d{4})")
_TIME = re.compile(r"(\d{1,2}):?(\d{2})")
_NAMES = re.compile(r"[\s,;]+")


@dataclass(frozen=True)
class PracticeForm:
    """SUP031's fields as typed (the CLI or a test types them the same way)."""

    practice: str
    held_date: str
    held_time: str
    duration: str
    participants: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CheckedForm:
    practice: str
    held_on: datetime
    duration_minutes: int
    participants: tuple[str, ...]
    notes: str


def held_on(date_text: str, time_text: str) -> datetime:
    """``10/03/26`` and ``09:15`` as an aware Bogotá datetime, or the refusal."""
    day_match = _DATE.fullmatch(date_text.strip())
    time_match = _TIME.fullmatch(time_text.strip())
    if day_match is None:
        raise refusal("supervisor.practices.date_invalid", text=date_text.strip()[:10])
    if time_match is None:
        raise refusal("supervisor.practices.time_invalid", text=time_text.strip()[:8])
    dd, mm, yy = (int(part) for part in day_match.groups())
    try:
        day = date(yy + 2000 if yy < 100 else yy, mm, dd)
    except ValueError:
        raise refusal("supervisor.practices.date_invalid", text=date_text.strip()[:10]) from None
    hour, minute = (int(part) for part in time_match.groups())
    if hour > 23 or minute > 59:
        raise refusal("supervisor.practices.time_invalid", text=time_text.strip()[:8])
    return datetime.combine(day, time(hour, minute), tzinfo=BOGOTA)


def participant_names(text: str) -> tuple[str, ...]:
    """``asesor01, ASESOR02 asesor01`` -> ``("ASESOR01", "ASESOR02")``: upper, once each."""
    names = [name.upper() for name in _NAMES.split(text.strip()) if name]
    return tuple(dict.fromkeys(names))


def check_form(form: PracticeForm, catalogue: PracticeCatalogue, now: datetime) -> CheckedForm:
    """The form's values, checked against the catalogue's rules and the clock."""
    rules = catalogue.rules
    code = form.practice.strip().lower()
    if not code:
        raise refusal("supervisor.practices.practice_missing")
    if code.isdigit() and 1 <= int(code) <= len(catalogue.practices):
        code = catalogue.practices[int(code) - 1].code
    if catalogue.get(code) is None:
        raise refusal("supervisor.practices.practice_unknown", practice=code[:30])
    when = held_on(form.held_date, form.held_time)
    if when > now:
        raise refusal("supervisor.practices.in_the_future", when=f"{when:%d/%m/%y %H:%M}")
    if now - when > timedelta(days=rules.max_days_back):
        raise refusal("supervisor.practices.too_old", days=rules.max_days_back)
    minutes = form.duration.strip()
    if not minutes.isdigit() or not 1 <= int(minutes) <= rules.max_duration_minutes:
        raise refusal("supervisor.practices.duration_invalid", maximum=rules.max_duration_minutes)
    names = participant_names(form.participants)
    if len(names) > rules.max_participants:
        raise refusal("supervisor.practices.participants_too_many", maximum=rules.max_participants)
    notes = form.notes.strip()
    if len(notes) > NOTES_LENGTH:
        raise refusal("supervisor.practices.notes_long", maximum=NOTES_LENGTH)
    return CheckedForm(code, when, int(minutes), names, notes)
