"""The key registry, its legend, and RR's two-key chords (no app needed but in the last test)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widget import Widget

from swat_tui.ui.chords import ChordOutcome, ChordState
from swat_tui.ui.keys import (
    CHORD_KEYS,
    CHORDS,
    REGISTRY,
    RRChord,
    active_chords,
    bindings_for,
    chord_bindings,
    key_cap,
    legend_label,
    legend_lines,
)

# Every label as the registry draws it (before labels were split into key cap + text,
# plus F14=Espejo, added after).
LABELS_BEFORE = {
    "demo": "F10=Demostración",
    "enter": "Intro=Continuar",
    "guide": "F1=Guía",
    "softphone": "F2=Softphone",
    "exit": "F3=Salir",
    "refresh": "F5=Renovar",
    "new_folder": "F6=Crear carpeta",
    "dime_new": "F6=Escalar a DIME",
    "cgo": "F6=Formulario CGO",
    "dial": "F6=Marcar",
    "record_practice": "F6=Registrar práctica",
    "diagnostics": "F8=Diagnosticador",
    "new_lls": "F23=Nueva LLS",
    "notes": "F7=Notas especiales",
    "inventory": "F10=Servicios/Inventario",
    "dime": "F9=DIME",
    "cancel": "F12=Cancelar",
    "call_log": "F13=Log de llamadas",
    "espejo": "F14=Espejo",
    "typify": "F22=Tipificar",
    "page_down": "AvPág=Avanzar",
    "page_up": "RePág=Retroceder",
    "signoff": "",
    "confirm": "F6=Confirmar",
}

# legend_lines output before the change, for key tuples of today's display files.
LEGENDS_BEFORE = {
    ("guide", "softphone", "exit", "notes", "inventory", "cancel", "typify"): (
        " F1=Guía  F2=Softphone  F3=Salir  F7=Notas especiales  F10=Servicios/Inventario ",
        " F12=Cancelar  F22=Tipificar                                                    ",
    ),
    ("guide", "softphone", "exit", "refresh", "notes", "inventory", "cancel", "typify"): (
        " F1=Guía  F2=Softphone  F3=Salir  F5=Renovar  F7=Notas especiales               ",
        " F10=Servicios/Inventario  F12=Cancelar  F22=Tipificar                          ",
    ),
    ("guide", "softphone", "exit", "cancel", "call_log"): (
        " F1=Guía  F2=Softphone  F3=Salir  F12=Cancelar  F13=Log de llamadas             ",
        " " * 80,
    ),
    ("guide", "softphone", "exit", "new_folder", "cancel"): (
        " F1=Guía  F2=Softphone  F3=Salir  F6=Crear carpeta  F12=Cancelar                ",
        " " * 80,
    ),
    ("exit",): (" F3=Salir" + " " * 71, " " * 80),
}

# The screen keys of a panel that follows the rent, OT and payments chords itself.
SAC = ("guide", "exit", "rent", "work_order", "payments", "campaigns", "new_folder", "cancel")


# -- registry and legend ------------------------------------------------------------


def test_every_default_label_is_what_it_was() -> None:
    assert {key_id: key.label for key_id, key in REGISTRY.items()} == LABELS_BEFORE


@pytest.mark.parametrize("key_ids", list(LEGENDS_BEFORE))
def test_legend_lines_without_keymap_are_byte_identical(key_ids: tuple[str, ...]) -> None:
    assert legend_lines(key_ids) == LEGENDS_BEFORE[key_ids]


def test_single_key_binding_is_unchanged() -> None:
    binding = REGISTRY["typify"].binding()
    assert (binding.key, binding.action, binding.description, binding.id) == (
        "f22,shift+f10",
        "rr_typify",
        "F22=Tipificar",
        "typify",
    )
    assert binding.priority and not binding.show


@pytest.mark.parametrize(
    ("keys", "cap"),
    [
        ("f13,shift+f1", "F13"),
        ("shift+f10", "F22"),
        ("ctrl+g", "Ctrl+G"),
        ("ctrl+shift+f1", "Ctrl+Shift+F1"),
        ("alt+1", "Alt+1"),
        ("pagedown", "AvPág"),
        ("enter", "Intro"),
        ("t,T", "T"),
        ("ctrl+question_mark", "Ctrl+?"),
    ],
)
def test_key_cap(keys: str, cap: str) -> None:
    assert key_cap(keys) == cap


def test_chord_labels_are_drawn_as_rr_draws_them() -> None:
    assert [chord.label for chord in CHORDS.values()] == [
        "F13+F15=Renta",
        "F21+F18=Pagos",
        "F24+T=Campañas",
        "F15+F6=Nueva OT",
        "F22+F13=Log de llamadas",
        "F7+F6=Carpeta SWAT",
    ]
    assert legend_label("rent") == "F13+F15=Renta"


def test_chords_have_their_actions_and_ids_of_their_own() -> None:
    assert {chord.action for chord in CHORDS.values()} == {
        "rr_rent",
        "rr_payments",
        "rr_campaigns",
        "rr_work_order",
        "rr_call_log",
        "rr_swat_folder",
    }
    key_ids = {key.id for key in CHORD_KEYS.values()}
    assert not set(CHORDS) & set(REGISTRY)
    assert not key_ids & (set(REGISTRY) | set(CHORDS))
    pairs = [(chord.first, chord.second) for chord in CHORDS.values()]
    assert len(pairs) == len(set(pairs))


def test_chord_keys_are_the_rr_keys() -> None:
    assert CHORD_KEYS["f13"].keys == "f13,shift+f1" and CHORD_KEYS["f13"].twin == "call_log"
    assert CHORD_KEYS["f22"].twin == "typify" and CHORD_KEYS["f7"].twin == "notes"
    assert CHORD_KEYS["f15"].keys == "f15,shift+f3" and CHORD_KEYS["f15"].twin is None
    assert CHORD_KEYS["t"].keys == "t,T"


def test_legend_mixes_keys_and_chords() -> None:
    first, second = legend_lines(("exit", "rent", "campaigns", "cancel"))
    assert first.rstrip() == " F3=Salir  F13+F15=Renta  F24+T=Campañas  F12=Cancelar"
    assert second == " " * 80


def test_a_first_key_with_a_single_action_keeps_it() -> None:
    # F22 typifies and F7 opens the notes: those chords complete on the panel they open.
    keys = ("guide", "notes", "typify", "call_log_chord", "swat_folder", "rent")
    assert [chord.id for chord in active_chords(keys)] == ["rent"]
    assert [chord.id for chord in active_chords(("call_log_chord",))] == ["call_log_chord"]


def test_chord_bindings_route_first_and_second_keys() -> None:
    bindings = chord_bindings(SAC)
    ids = ["key_f13", "key_f15", "key_f6", "key_f21", "key_f18", "key_f24", "key_t"]
    assert [b.id for b in bindings] == ids
    f13 = bindings[0]
    assert (f13.key, f13.action, f13.priority) == ("f13,shift+f1", "rr_chord_key('f13')", True)
    assert chord_bindings(("guide", "exit")) == []


def test_bindings_for_skips_chord_ids() -> None:
    assert [b.id for b in bindings_for(("exit", "rent", "cancel"))] == ["exit", "cancel"]


# -- the chord state machine ------------------------------------------------------


def test_first_key_starts_a_chord_and_lists_the_completions() -> None:
    state = ChordState.for_panel(SAC)
    result = state.press("f13")
    assert result.outcome is ChordOutcome.STARTED and result.handled
    assert result.message == "F13: pulse F15=Renta"
    assert state.pending == "f13" and result.action is None


def test_second_key_completes_the_chord() -> None:
    state = ChordState.for_panel(SAC)
    state.press("shift+f1")  # F13 as xterm-like terminals send it
    result = state.press("f15")
    assert result.outcome is ChordOutcome.COMPLETED
    assert result.action == "rr_rent" and result.chord is CHORDS["rent"]
    assert result.message == "" and state.pending is None


def test_a_letter_completes_f24() -> None:
    state = ChordState.for_panel(SAC)
    assert state.press("f24").message == "F24: pulse T=Campañas"
    assert state.press("T").action == "rr_campaigns"


def test_another_key_breaks_the_chord_and_clears_it() -> None:
    state = ChordState.for_panel(SAC)
    state.press("f13")
    result = state.press("x")
    assert result.outcome is ChordOutcome.BROKEN and result.handled
    assert result.message == "F13+X no es una combinación válida."
    assert state.pending is None
    assert state.press("f15").outcome is ChordOutcome.STARTED  # F15 alone starts OT


def test_a_chord_key_of_another_chord_breaks_it_too() -> None:
    state = ChordState.for_panel(SAC)
    state.press("f21")
    result = state.press("f6")
    assert result.message == "F21+F6 no es una combinación válida."


def test_unrelated_keys_are_left_alone() -> None:
    state = ChordState.for_panel(SAC)
    for key in ("f3", "x", "enter", "f6", "t"):  # second keys mean nothing alone
        result = state.press(key)
        assert result.outcome is ChordOutcome.NONE and not result.handled
    assert state.pending is None


def test_claims_only_first_keys_until_one_is_pressed() -> None:
    state = ChordState.for_panel(SAC)
    assert state.claims("f13") and state.claims("shift+f9")
    assert not state.claims("t") and not state.claims("f6") and not state.claims("f3")
    state.press("f24")
    assert state.claims("t") and state.claims("f3")
    state.cancel()
    assert state.pending is None and not state.claims("t")


def test_several_completions_are_listed() -> None:
    extra = RRChord("demo", "f13", "f18", "Demo", "rr_demo", "for the test")
    state = ChordState((CHORDS["rent"], extra))
    assert state.press("f13").message == "F13: pulse F15=Renta, F18=Demo"


def test_two_chords_on_the_same_keys_are_refused() -> None:
    twin = RRChord("again", "f13", "f15", "Otra", "rr_again", "for the test")
    with pytest.raises(ValueError, match="f13\\+f15"):
        ChordState((CHORDS["rent"], twin))


def test_remapped_chord_keys_are_followed_and_named() -> None:
    keymap = {"key_f15": "ctrl+3", "new_folder": "ctrl+n"}
    state = ChordState.for_panel(SAC, keymap)
    assert state.press("f15").message == "Ctrl+3: pulse Ctrl+N=Nueva OT"
    assert state.press("ctrl+n").action == "rr_work_order"
    state.press("f13")
    assert state.press("ctrl+3").action == "rr_rent"
    assert legend_label("rent", keymap) == "F13+Ctrl+3=Renta"


# -- the wiring a screen needs (base.py and app.py copy this) ---------------------------


class Field(Widget, can_focus=True):
    """Like RRField: takes the characters no binding took (it claims no keys from bindings)."""

    def __init__(self) -> None:
        super().__init__()
        self.value = ""

    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.is_printable:
            self.value += event.character


class ChordScreen(Screen[None]):
    """What RRScreen does with chords: bindings first, check_action, one action."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *chord_bindings(SAC),
        Binding("f3", "leave", id="exit", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.chords = ChordState.for_panel(SAC)
        self.ran: list[str] = []
        self.row_24 = ""

    def compose(self) -> ComposeResult:
        yield Field()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rr_chord_key":
            return self.chords.claims(str(parameters[0]))
        return True

    async def action_rr_chord_key(self, key: str) -> None:
        await self.chord_key(key)

    async def chord_key(self, key: str) -> bool:
        result = self.chords.press(key)
        if result.action is not None:
            self.ran.append(result.action)
        elif result.handled:
            self.row_24 = result.message
        return result.handled

    def action_leave(self) -> None:
        self.ran.append("leave")


class ChordApp(App[None]):
    """SwatApp types letters into the field before any binding: a pending chord comes first."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            screen = self.screen
            if isinstance(screen, ChordScreen) and screen.chords.pending:
                await screen.chord_key(event.key)
                return
        await super().on_event(event)

    def on_mount(self) -> None:
        self.push_screen(ChordScreen())


async def test_wired_screen_follows_chords_and_lets_letters_through() -> None:
    app = ChordApp()
    async with app.run_test() as pilot:
        screen = app.screen
        assert isinstance(screen, ChordScreen)
        field = screen.query_one(Field)
        field.focus()
        await pilot.press("t")  # no chord pending: T is typed
        await pilot.press("f24", "t")  # F24 then T: the campaigns, nothing typed
        await pilot.press("shift+f1", "f3")  # F13 then F3: broken, F3 does not leave
        await pilot.press("f3")  # F3 alone leaves
        await pilot.pause()
        assert field.value == "t"
        assert screen.ran == ["rr_campaigns", "leave"]
        assert screen.row_24 == "F13+F3 no es una combinación válida."
