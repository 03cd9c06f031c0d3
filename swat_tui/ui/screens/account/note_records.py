"""Notes as subfile records: long notes wrap over several rows."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.ui.format import day, hour

if TYPE_CHECKING:
    from swat_tui.domain.account.views import NoteLine

TEXT_WIDTH = 52


def note_records(notes: tuple[NoteLine, ...]) -> list[dict[str, str]]:
    """One record per wrapped line; date, time and author only on a note's first row."""
    records: list[dict[str, str]] = []
    for note in notes:
        lines = textwrap.wrap(
            note.text, TEXT_WIDTH, replace_whitespace=True, drop_whitespace=True
        ) or [""]
        for index, line in enumerate(lines):
            first = index == 0
            records.append(
                {
                    "day": day(note.created_at) if first else "",
                    "hm": hour(note.created_at) if first else "",
                    "author": note.author if first else "",
                    "text": line,
                }
            )
    return records
