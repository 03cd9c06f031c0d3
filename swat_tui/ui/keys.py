"""The RR key registry: every function key and key chord is declared once, here.

Screens name the keys that apply to them (their display file's ``keys``
line); bindings and the legend on rows 22-23 are both drawn from this table.
F13-F24 are Shift+F1..F12 on a 5250 keyboard; Textual reports Shift+F10 from
xterm-like terminals as ``shift+f10``, so those keys bind both names.

A legend label is the key's cap plus its text ("F1=Guía"); the cap comes
from the key's Textual name, so a key the agent remapped in their keymap
(``keymap.py``) is drawn as pressed ("Ctrl+G=Guía").

Chords are RR's two-key sequences ("F13+F15=Renta": F13, then F15); a
display file lists them by id like any key and ``chords.ChordState`` follows
them. A chord whose first key has a single-key action on the same panel
(F22 typifies, F7 opens the notes) is not followed there: the first key keeps
its own action, and the chord completes on the panel that action opens,
where the second key is an ordinary key (F22 opens TIP001, whose F13 is the
call log; F7 opens NTS001, whose F6 creates the SWAT folder). ``active_chords``
applies that rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import format_key

LEGEND_WIDTH = 80

# Key ids -> Textual key strings, the argument of ``App.set_keymap``.
Keymap = Mapping[str, str]

_MODIFIER_CAPS = {
    "ctrl": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
    "meta": "Meta",
    "super": "Super",
    "hyper": "Hyper",
}
# Spanish key caps, as printed on the keyboards the agents use.
_NAMED_CAPS = {
    "enter": "Intro",
    "pagedown": "AvPág",
    "pageup": "RePág",
    "escape": "Esc",
    "insert": "Insert",
    "delete": "Supr",
    "home": "Inicio",
    "end": "Fin",
    "space": "Espacio",
    "backspace": "Retroceso",
    "tab": "Tab",
}


def key_cap(keys: str) -> str:
    """How a legend names a Textual key string (its first key): "f13,shift+f1" is "F13".

    Shift+F1..F12 are named F13..F24, as on a 5250 keyboard.
    """
    *modifiers, base = keys.split(",")[0].strip().split("+")
    if modifiers == ["shift"] and base[:1] == "f" and base[1:].isdigit() and int(base[1:]) <= 12:
        return f"F{int(base[1:]) + 12}"
    if base[:1] == "f" and base[1:].isdigit():
        cap = base.upper()
    elif base in _NAMED_CAPS:
        cap = _NAMED_CAPS[base]
    elif len(base) == 1:
        cap = base.upper()
    else:
        shown = format_key(base)
        cap = shown.upper() if len(shown) == 1 else shown.capitalize()
    return "+".join([*(_MODIFIER_CAPS.get(m, m.capitalize()) for m in modifiers), cap])


@dataclass(frozen=True)
class RRKey:
    """One function key: its id, the Textual key names, legend text, action."""

    id: str
    keys: str
    text: str
    action: str
    description: str
    in_legend: bool = True

    def keys_with(self, keymap: Keymap | None = None) -> str:
        """The Textual key names this key answers to once ``keymap`` is applied."""
        return (keymap or {}).get(self.id) or self.keys

    def label_with(self, keymap: Keymap | None = None) -> str:
        """The legend label, e.g. "F1=Guía", or "Ctrl+G=Guía" when remapped."""
        if not self.text:
            return ""  # keys outside the legend may have no text (sign-off)
        return f"{key_cap(self.keys_with(keymap))}={self.text}"

    @property
    def label(self) -> str:
        """The legend label with the RR keys (what the display files show)."""
        return self.label_with()

    def binding(self) -> Binding:
        """The Textual binding for this key (priority: fields must not eat it)."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=False,
            priority=True,
            id=self.id,
            tooltip=self.description,
        )


def _fkey(number: int) -> str:
    """Key names for F<number>, including Shift+F1..F12 for F13..F24."""
    if number <= 12:
        return f"f{number}"
    return f"f{number},shift+f{number - 12}"


REGISTRY: dict[str, RRKey] = {
    key.id: key
    for key in (
        RRKey("enter", "enter", "Continuar", "rr_enter", "Procesar lo digitado", in_legend=False),
        RRKey("guide", _fkey(1), "Guía", "rr_guide", "Guía del procedimiento SWAT"),
        RRKey("softphone", _fkey(2), "Softphone", "rr_softphone", "Softphone Avaya One-X"),
        RRKey("exit", _fkey(3), "Salir", "rr_exit", "Salir de la pantalla"),
        RRKey("refresh", _fkey(5), "Renovar", "rr_refresh", "Volver a leer los datos"),
        RRKey(
            "new_folder",
            _fkey(6),
            "Crear carpeta",
            "rr_new_folder",
            "Crear una carpeta de notas (p. ej. SWAT)",
        ),
        RRKey(
            "dime_new",
            _fkey(6),
            "Escalar a DIME",
            "rr_dime_new",
            "Escalar la solicitud de la llamada a un caso DIME nuevo",
        ),
        RRKey(
            "cgo",
            _fkey(6),
            "Formulario CGO",
            "rr_cgo",
            "Sin franja libre: formulario de seguimiento para el backoffice CGO",
        ),
        RRKey(
            "confirm",
            _fkey(6),
            "Confirmar",
            "rr_confirm",
            "Registrar la confirmación de proceso de la llamada (lista de chequeo)",
        ),
        RRKey(
            "dial",
            _fkey(6),
            "Marcar",
            "rr_dial",
            "Campaña saliente: marcar el teléfono escogido de la cuenta",
        ),
        RRKey(
            "record_practice",
            _fkey(6),
            "Registrar práctica",
            "rr_record_practice",
            "Registrar una práctica de gestión realizada (SUP031)",
        ),
        RRKey("notes", _fkey(7), "Notas especiales", "rr_notes", "Leer y agregar notas especiales"),
        RRKey(
            "diagnostics",
            _fkey(8),
            "Diagnosticador",
            "rr_diagnostics",
            "Diagnosticador: módem, decodificadores, vecinos y avisos del nodo",
        ),
        RRKey(
            "inventory",
            _fkey(10),
            "Servicios/Inventario",
            "rr_inventory",
            "Servicios y equipos instalados",
        ),
        RRKey(
            "dime",
            _fkey(9),
            "DIME",
            "rr_dime",
            "Casos DIME de la cuenta: escalar o ver el seguimiento",
        ),
        RRKey(
            "demo",
            _fkey(10),
            "Demostración",
            "rr_demo",
            "La respuesta modelo del escenario, paso a paso",
        ),
        RRKey("cancel", _fkey(12), "Cancelar", "rr_cancel", "Volver a la pantalla anterior"),
        RRKey(
            "call_log",
            _fkey(13),
            "Log de llamadas",
            "rr_call_log",
            "Llamadas anteriores de la cuenta (F22 y luego F13)",
        ),
        RRKey(
            "espejo",
            _fkey(14),
            "Espejo",
            "rr_espejo",
            "Sesión espejo de RR: otra pantalla de trabajo, sin dejar la llamada",
        ),
        RRKey("typify", _fkey(22), "Tipificar", "rr_typify", "Tipificar la solicitud (UCC)"),
        RRKey(
            "new_lls", _fkey(23), "Nueva LLS", "rr_new_lls", "Crear una llamada de servicio (LLS)"
        ),
        RRKey(
            "page_down", "pagedown", "Avanzar", "rr_page_down", "Página siguiente", in_legend=False
        ),
        RRKey("page_up", "pageup", "Retroceder", "rr_page_up", "Página anterior", in_legend=False),
        RRKey("signoff", "ctrl+q", "", "rr_signoff", "Cerrar sesión", in_legend=False),
    )
}


# A registry key's id by its action ("rr_typify" -> "typify"), for ``check_action``.
ACTION_KEYS: dict[str, str] = {key.action: key.id for key in REGISTRY.values()}
# A function key as Textual names it, with any modifiers ("f9", "shift+f10", "ctrl+f3").
FUNCTION_KEY = re.compile(r"(?:(?:shift|ctrl|alt|meta)\+)*f\d{1,2}")

# -- chords ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChordKey:
    """A key that takes part in chords, named as RR names it ("f13", "t").

    It has a binding id of its own (``key_f13``) so a keymap can move it;
    ``twin`` is the single key with the same keys (F13 is also ``call_log``),
    whose remap moves this key too.
    """

    name: str
    keys: str
    twin: str | None = None

    @property
    def id(self) -> str:
        """Binding and keymap id; never one of the single-key or chord ids."""
        return f"key_{self.name}"

    def keys_with(self, keymap: Keymap | None = None) -> str:
        """The Textual key names of this key once ``keymap`` is applied."""
        mapping = keymap or {}
        return mapping.get(self.id) or (mapping.get(self.twin) if self.twin else None) or self.keys

    def cap_with(self, keymap: Keymap | None = None) -> str:
        """The key as the legend and row 24 name it: "F13", or "Ctrl+L" when remapped."""
        return key_cap(self.keys_with(keymap))

    def binding(self) -> Binding:
        """Routes the key to the screen's ``rr_chord_key`` action (by RR name, not by keys)."""
        return Binding(
            self.keys,
            f"rr_chord_key('{self.name}')",
            key_cap(self.keys),
            show=False,
            priority=True,
            id=self.id,
            tooltip=f"{key_cap(self.keys)} en una combinación de teclas",
        )


@dataclass(frozen=True)
class RRChord:
    """A two-key sequence: ``first`` then ``second`` (chord key names) runs ``action``."""

    id: str
    first: str
    second: str
    text: str
    action: str
    description: str
    in_legend: bool = True

    def label_with(self, keymap: Keymap | None = None) -> str:
        """The legend label as RR draws it, e.g. "F13+F15=Renta"."""
        first, second = CHORD_KEYS[self.first], CHORD_KEYS[self.second]
        return f"{first.cap_with(keymap)}+{second.cap_with(keymap)}={self.text}"

    @property
    def label(self) -> str:
        """The legend label with the RR keys."""
        return self.label_with()


CHORDS: dict[str, RRChord] = {
    chord.id: chord
    for chord in (
        RRChord("rent", "f13", "f15", "Renta", "rr_rent", "Renta mensual de la cuenta"),
        RRChord("payments", "f21", "f18", "Pagos", "rr_payments", "Pagos de la cuenta"),
        RRChord(
            "campaigns", "f24", "t", "Campañas", "rr_campaigns", "Campañas de descuento vigentes"
        ),
        RRChord(
            "work_order",
            "f15",
            "f6",
            "Nueva OT",
            "rr_work_order",
            "Crear una orden de trabajo (OT)",
        ),
        # F22 opens TIP001, where F13 (``call_log``) is the second key.
        RRChord(
            "call_log_chord",
            "f22",
            "f13",
            "Log de llamadas",
            "rr_call_log",
            "Llamadas anteriores de la cuenta",
        ),
        # F7 opens NTS001, where F6 (``new_folder``) is the second key.
        RRChord(
            "swat_folder", "f7", "f6", "Carpeta SWAT", "rr_swat_folder", "Carpeta de notas SWAT"
        ),
    )
}


def _chord_key(name: str) -> ChordKey:
    """A chord key from its RR name: "f13" is F13 (Shift+F1 too), "t" is T (either case)."""
    if name[:1] == "f" and name[1:].isdigit():
        keys = _fkey(int(name[1:]))
    elif len(name) == 1 and name.isalpha():
        keys = f"{name},{name.upper()}"
    else:
        raise ValueError(f"chord key {name!r}: expected f1..f24 or a letter")
    twin = next((key.id for key in REGISTRY.values() if key.keys == keys), None)
    return ChordKey(name, keys, twin)


CHORD_KEYS: dict[str, ChordKey] = {
    name: _chord_key(name)
    for name in dict.fromkeys(n for c in CHORDS.values() for n in (c.first, c.second))
}


def active_chords(key_ids: Iterable[str]) -> tuple[RRChord, ...]:
    """The chords a panel follows itself: listed, and their first key has no single action there.

    A first key that is also one of the panel's single keys keeps that action
    (see the module docstring).
    """
    ids = tuple(key_ids)
    return tuple(
        CHORDS[key_id]
        for key_id in ids
        if key_id in CHORDS and CHORD_KEYS[CHORDS[key_id].first].twin not in ids
    )


def chord_bindings(key_ids: Iterable[str]) -> list[Binding]:
    """Bindings of the first and second keys of a panel's active chords.

    They route to ``rr_chord_key('<name>')``; put them before ``bindings_for``
    so that, while a chord is pending, its second key wins over a single key
    bound to the same keys (the screen's ``check_action`` lets a chord key
    through only when ``ChordState.claims`` it).
    """
    chords = active_chords(key_ids)
    names = dict.fromkeys(n for chord in chords for n in (chord.first, chord.second))
    return [CHORD_KEYS[name].binding() for name in names]


def bindings_for(key_ids: tuple[str, ...]) -> list[Binding]:
    """Bindings of the given registry keys (chord ids are bound by ``chord_bindings``)."""
    return [REGISTRY[key_id].binding() for key_id in key_ids if key_id not in CHORDS]


def legend_label(key_id: str, keymap: Keymap | None = None) -> str:
    """The label of a key or chord id, with the keys ``keymap`` gives them."""
    entry = CHORDS[key_id] if key_id in CHORDS else REGISTRY[key_id]
    return entry.label_with(keymap)


def _in_legend(key_id: str) -> bool:
    return CHORDS[key_id].in_legend if key_id in CHORDS else REGISTRY[key_id].in_legend


def legend_lines(key_ids: tuple[str, ...], keymap: Keymap | None = None) -> tuple[str, str]:
    """Rows 22 and 23: the labels of the keys shown, two spaces apart, wrapped once.

    With a ``keymap`` the labels name the remapped keys; longer labels may
    then not fit, and row 23 is cut at 80 columns rather than overflow.
    """
    labels = [legend_label(key_id, keymap) for key_id in key_ids if _in_legend(key_id)]
    rows: tuple[list[str], list[str]] = ([], [])
    for label in labels:
        fits_first = len(" " + "  ".join([*rows[0], label])) <= LEGEND_WIDTH
        (rows[0] if fits_first and not rows[1] else rows[1]).append(label)
    first, second = (
        f" {'  '.join(row)}".rstrip().ljust(LEGEND_WIDTH)[:LEGEND_WIDTH] for row in rows
    )
    return first, second
