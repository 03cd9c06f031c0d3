"""Notes as subfile records: long notes wrap over several rows."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.ui.format import day, hour

if TYPE_CHECKING:
    from swat_tui.domain.account.views import NoteLine

TEXT_WIDTH = 52
CONTINUED = "(sigue)"  # in the author column of a note's rows carried to the next page


def note_records(notes: tuple[NoteLine, ...], page_size: int) -> list[dict[str, str]]:
    """One record per wrapped line; date, time and author on a note's first row.

    A note that fits on a page is never split by a page break (it starts on the next
    page instead); one longer than a page goes on with its date and "(sigue)", so no
    row of a page is a note's orphan end.
    """
    records: list[dict[str, str]] = []
    for note in notes:
        lines = textwrap.wrap(
            note.text, TEXT_WIDTH, replace_whitespace=True, drop_whitespace=True
        ) or [""]
        room = page_size - len(records) % page_size
        if len(records) % page_size and len(lines) > room and len(lines) <= page_size:
            records.extend({"text": ""} for _ in range(room))  # the note starts a page
        for index, line in enumerate(lines):
            first = index == 0
            carried = not first and len(records) % page_size == 0
            records.append(
                {
                    "day": day(note.created_at) if first or carried else "",
                    "hm": hour(note.created_at) if first or carried else "",
                    "author": note.author if first else CONTINUED if carried else "",
                    "text": line,
                }
            )
    return records
