"""What an agent can press on the panel in front, and what they may type in a field.

Keys come from the panel's display file (its legend's function keys and
chords, from the key registry), plus the keys every panel answers to. F13-F24
are pressed as Shift+F1..F12, as a 5250 keyboard on a PC sends them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from swat_tui.ui.display_file import load
from swat_tui.ui.keys import CHORD_KEYS, CHORDS, REGISTRY, key_cap

# Keys every panel answers to (Intro, field moves, cancel, exit, the Espejo, paging).
COMMON_KEYS = ("enter", "tab", "shift+tab", "f12", "f3", "shift+f2", "pagedown", "pageup")
OPTION = re.compile(r"(?<![\w])(\d{1,2})=")  # "1=SAC  2=Soporte": the options a panel shows
LETTERS = "ABC"
FILLER = "Cliente informa que el servicio falla desde ayer en la noche y pide solucion"


def pressed(keys: str) -> str:
    """The key a terminal sends for a registry key string ("f13,shift+f1" -> "shift+f1")."""
    names = [name.strip() for name in keys.split(",")]
    return next((name for name in names if name.startswith("shift+f")), names[0])


def key_name(key: str) -> str:
    """How the step log names a key: F13 for Shift+F1, Intro for enter."""
    if len(key) == 1:
        return repr(key)
    return key_cap(key)


@dataclass(frozen=True)
class Chord:
    """RR's two-key sequence, pressed one key after the other."""

    first: str
    second: str
    label: str


def _chord(chord_id: str) -> Chord:
    chord = CHORDS[chord_id]
    first, second = CHORD_KEYS[chord.first], CHORD_KEYS[chord.second]
    return Chord(pressed(first.keys), pressed(second.keys).lower(), chord.label)


# The brief's chords, typed anywhere (an agent tries them on panels that do not list them).
ALL_CHORDS: tuple[Chord, ...] = tuple(_chord(chord_id) for chord_id in CHORDS)


def panel_keys(panel_id: str) -> tuple[str, ...]:
    """The single keys of ``panel_id``: its legend's function keys and the common ones."""
    if panel_id == "-":
        return COMMON_KEYS
    display = load(panel_id)
    own = [pressed(REGISTRY[key_id].keys) for key_id in display.keys if key_id in REGISTRY]
    keys = tuple(dict.fromkeys((*own, *COMMON_KEYS)))
    # F3 on sign-on ends the program: the walk would have nothing left to press.
    return tuple(key for key in keys if key != "f3") if panel_id == "SGN001" else keys


def panel_chords(panel_id: str) -> tuple[Chord, ...]:
    """The chords ``panel_id``'s legend shows (F13+F15=Renta...)."""
    if panel_id == "-":
        return ()
    return tuple(_chord(key_id) for key_id in load(panel_id).keys if key_id in CHORDS)


def shown_options(screen_rows: list[str]) -> tuple[str, ...]:
    """The option numbers the panel shows ("1=SAC" -> "1"), for typed values."""
    found = OPTION.findall("\n".join(screen_rows[3:21]))
    return tuple(dict.fromkeys(found))


def typed_values(width: int, digits_only: bool, options: tuple[str, ...]) -> tuple[str, ...]:
    """Values valid and invalid for a field: S/N, digits, the panel's options, letters in
    a numeric field, text longer than the field ("" stands for emptying it)."""
    long_text = (FILLER * 2)[: width + 3]
    values = ["S", "N", "s", "1", "2", "3", "5", "9", "0", "12345678", LETTERS, long_text, ""]
    values += options
    if not digits_only:
        values += ["cc y fecha", "Pregunta por su factura"]
    return tuple(dict.fromkeys(values))
