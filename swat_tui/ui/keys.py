"""The RR key registry: every function key is declared once, here.

Screens name the keys that apply to them (their display file's ``keys``
line); bindings and the legend on rows 22-23 are both drawn from this table.
F13-F24 are Shift+F1..F12 on a 5250 keyboard; Textual reports Shift+F10 from
xterm-like terminals as ``shift+f10``, so those keys bind both names.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

LEGEND_WIDTH = 80


@dataclass(frozen=True)
class RRKey:
    """One function key: its id, the Textual key names, legend label, action."""

    id: str
    keys: str
    label: str
    action: str
    description: str
    in_legend: bool = True

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
        RRKey(
            "enter", "enter", "Intro=Continuar", "rr_enter", "Procesar lo digitado", in_legend=False
        ),
        RRKey("guide", _fkey(1), "F1=Guía", "rr_guide", "Guía del procedimiento SWAT"),
        RRKey("softphone", _fkey(2), "F2=Softphone", "rr_softphone", "Softphone Avaya One-X"),
        RRKey("exit", _fkey(3), "F3=Salir", "rr_exit", "Salir de la pantalla"),
        RRKey("refresh", _fkey(5), "F5=Renovar", "rr_refresh", "Volver a leer los datos"),
        RRKey(
            "new_folder",
            _fkey(6),
            "F6=Crear carpeta",
            "rr_new_folder",
            "Crear una carpeta de notas (p. ej. SWAT)",
        ),
        RRKey(
            "notes", _fkey(7), "F7=Notas especiales", "rr_notes", "Leer y agregar notas especiales"
        ),
        RRKey(
            "inventory",
            _fkey(10),
            "F10=Servicios/Inventario",
            "rr_inventory",
            "Servicios y equipos instalados",
        ),
        RRKey("cancel", _fkey(12), "F12=Cancelar", "rr_cancel", "Volver a la pantalla anterior"),
        RRKey(
            "call_log",
            _fkey(13),
            "F13=Log de llamadas",
            "rr_call_log",
            "Llamadas anteriores de la cuenta (F22 y luego F13)",
        ),
        RRKey("typify", _fkey(22), "F22=Tipificar", "rr_typify", "Tipificar la solicitud (UCC)"),
        RRKey(
            "page_down",
            "pagedown",
            "AvPág=Avanzar",
            "rr_page_down",
            "Página siguiente",
            in_legend=False,
        ),
        RRKey(
            "page_up",
            "pageup",
            "RePág=Retroceder",
            "rr_page_up",
            "Página anterior",
            in_legend=False,
        ),
        RRKey("signoff", "ctrl+q", "", "rr_signoff", "Cerrar sesión", in_legend=False),
    )
}


def bindings_for(key_ids: tuple[str, ...]) -> list[Binding]:
    """Bindings of the given registry keys."""
    return [REGISTRY[key_id].binding() for key_id in key_ids]


def legend_lines(key_ids: tuple[str, ...]) -> tuple[str, str]:
    """Rows 22 and 23: the labels of the keys shown, two spaces apart, wrapped once."""
    labels = [REGISTRY[key_id].label for key_id in key_ids if REGISTRY[key_id].in_legend]
    rows: tuple[list[str], list[str]] = ([], [])
    for label in labels:
        fits_first = len(" " + "  ".join([*rows[0], label])) <= LEGEND_WIDTH
        (rows[0] if fits_first and not rows[1] else rows[1]).append(label)
    first, second = (f" {'  '.join(row)}".rstrip().ljust(LEGEND_WIDTH) for row in rows)
    return first, second
