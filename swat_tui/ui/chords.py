"""Following RR's two-key chords on one panel ("F13+F15=Renta": F13, then F15).

A screen holds one ``ChordState`` and hands it keys; the state says what a
key did to the chords: nothing, started one (row 24 then lists how to go on),
completed one (run its action) or broke the one pending (row 24 says so and
the chord is forgotten). It is pure: no Textual, so the rules are testable
without an app. Which chords a panel follows is ``keys.active_chords``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from swat_tui.ui.keys import CHORD_KEYS, Keymap, RRChord, active_chords, key_cap


class ChordOutcome(Enum):
    """What one key did to the panel's chords."""

    NONE = "none"  # not chord-related: the key goes on to its binding or field
    STARTED = "started"  # a first key: a chord is now pending
    COMPLETED = "completed"  # the second key of the pending chord: run its action
    BROKEN = "broken"  # another key while a chord was pending: it is forgotten


@dataclass(frozen=True)
class ChordResult:
    """The outcome of a key, the chord completed, and the row-24 text to show."""

    outcome: ChordOutcome
    chord: RRChord | None = None
    message: str = ""

    @property
    def handled(self) -> bool:
        """True when the key belonged to the chords (the screen must not pass it on)."""
        return self.outcome is not ChordOutcome.NONE

    @property
    def action(self) -> str | None:
        """The action of the completed chord (``rr_rent``...), else None."""
        return self.chord.action if self.outcome is ChordOutcome.COMPLETED and self.chord else None


_NOTHING = ChordResult(ChordOutcome.NONE)


class ChordState:
    """The chords one panel follows and the first key pressed, if any.

    Keys are Textual key names as pressed (``f13``, ``shift+f1``, ``ctrl+3``
    when remapped) or chord-key names (``f13``, what ``rr_chord_key``
    receives); ``keymap`` is the one the app applies, so a remapped chord key
    counts under its new keys.
    """

    def __init__(self, chords: Iterable[RRChord], keymap: Keymap | None = None) -> None:
        self.chords = tuple(chords)
        self._user_keys = keymap
        seen: set[tuple[str, str]] = set()
        for chord in self.chords:
            if (chord.first, chord.second) in seen:
                raise ValueError(f"two chords are {chord.first}+{chord.second}")
            seen.add((chord.first, chord.second))
        self._names: dict[str, str] = {}  # pressed key -> chord key name
        names = dict.fromkeys(n for chord in self.chords for n in (chord.first, chord.second))
        for name in names:
            self._names.setdefault(name, name)
            for key in CHORD_KEYS[name].keys_with(keymap).split(","):
                self._names[key.strip()] = name
        self._firsts = {chord.first for chord in self.chords}
        self._pending: str | None = None

    @classmethod
    def for_panel(cls, key_ids: Iterable[str], keymap: Keymap | None = None) -> ChordState:
        """The state for a panel's ``keys`` line (its active chords only)."""
        return cls(active_chords(key_ids), keymap)

    @property
    def pending(self) -> str | None:
        """The chord-key name of the first key pressed, while a chord is pending."""
        return self._pending

    def claims(self, key: str) -> bool:
        """Whether ``press`` would take this key (for the screen's ``check_action``).

        A second key that is not pending must reach its field or single-key
        binding (T is typed, F6 creates a folder).
        """
        return self._pending is not None or self._names.get(key) in self._firsts

    def cancel(self) -> None:
        """Forget a pending chord (the panel was reset or left)."""
        self._pending = None

    def press(self, key: str) -> ChordResult:
        """Apply one key: start, complete or break a chord, or leave it alone."""
        name = self._names.get(key)
        first = self._pending
        if first is None:
            if name not in self._firsts:
                return _NOTHING
            assert name is not None
            self._pending = name
            return ChordResult(ChordOutcome.STARTED, message=self._prompt(name))
        self._pending = None
        for chord in self.chords:
            if chord.first == first and chord.second == name:
                return ChordResult(ChordOutcome.COMPLETED, chord)
        pressed = self._cap(name) if name is not None else key_cap(key)
        return ChordResult(
            ChordOutcome.BROKEN,
            message=f"{self._cap(first)}+{pressed} no es una combinación válida.",
        )

    def _cap(self, name: str) -> str:
        return CHORD_KEYS[name].cap_with(self._user_keys)

    def _prompt(self, first: str) -> str:
        """Row 24 while pending, e.g. "F13: pulse F15=Renta"."""
        options = ", ".join(
            f"{self._cap(chord.second)}={chord.text}"
            for chord in self.chords
            if chord.first == first
        )
        return f"{self._cap(first)}: pulse {options}"
