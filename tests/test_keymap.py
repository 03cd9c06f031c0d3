"""The agent's keymap file: loading, every mistake as one Spanish line, and Textual's use of it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from textual.app import App
from textual.binding import BindingType

from swat_tui.paths import data_dir
from swat_tui.ui.keymap import (
    KEYMAP_ENV,
    KeymapError,
    UserKeymap,
    default_keymap_path,
    keymap_path,
    load_keymap,
    remappable_ids,
)
from swat_tui.ui.keys import REGISTRY, legend_label, legend_lines

GNOME = data_dir() / "keymaps" / "gnome-terminal.toml"
LLM = ("guide", "softphone", "exit", "notes", "inventory", "cancel", "typify")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> KeymapError:
    path = write(tmp_path, text)
    with pytest.raises(KeymapError) as caught:
        load_keymap(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)
    return caught.value


# -- loading ------------------------------------------------------------------------


def test_keys_are_read_and_normalized(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\nguide = "Ctrl+G"\ninventory = " ctrl+t , alt+i "\n')
    keymap = load_keymap(path)
    assert keymap.path == path
    assert dict(keymap.keys) == {"guide": "ctrl+g", "inventory": "ctrl+t,alt+i"}


def test_modifiers_come_in_textual_order(tmp_path: Path) -> None:
    keymap = load_keymap(write(tmp_path, '[keys]\nguide = "shift+ctrl+f1"\n'))
    assert keymap.keys["guide"] == "ctrl+shift+f1"


def test_a_missing_file_in_the_config_dir_is_an_empty_keymap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEYMAP_ENV, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_keymap_path() == tmp_path / "swat-tui" / "keymap.toml"
    assert keymap_path() == (tmp_path / "swat-tui" / "keymap.toml", False)
    keymap = load_keymap()
    assert keymap == UserKeymap() and keymap.bindings == {}


def test_the_env_var_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[keys]\ntypify = "ctrl+f"\n')
    monkeypatch.setenv(KEYMAP_ENV, str(path))
    assert load_keymap().keys == {"typify": "ctrl+f"}


def test_a_missing_file_that_was_asked_for_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEYMAP_ENV, str(tmp_path / "nope.toml"))
    with pytest.raises(KeymapError, match="no existe el archivo de teclas"):
        load_keymap()


def test_a_chord_key_moves_with_its_single_key(tmp_path: Path) -> None:
    keymap = load_keymap(write(tmp_path, '[keys]\ncall_log = "ctrl+l"\nkey_f15 = "ctrl+3"\n'))
    assert keymap.bindings == {"call_log": "ctrl+l", "key_f13": "ctrl+l", "key_f15": "ctrl+3"}


def test_the_gnome_terminal_example_loads_and_moves_f1_f10_f22() -> None:
    keymap = load_keymap(GNOME)
    assert dict(keymap.keys) == {"guide": "ctrl+g", "inventory": "ctrl+t", "typify": "ctrl+f"}
    for key_id in keymap.keys:
        assert REGISTRY[key_id].keys.split(",")[0] in {"f1", "f10", "f22"}


# -- mistakes -------------------------------------------------------------------------


def test_unknown_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[keys]\nguia = "ctrl+g"\n')
    assert error.key_id == "guia"
    assert "no hay ninguna tecla de RR con ese id" in str(error) and "guide" in str(error)


def test_a_chord_key_that_is_a_single_key_is_remapped_by_that_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[keys]\nkey_f13 = "ctrl+l"\n')
    assert error.key_id == "key_f13" and "cambie call_log" in str(error)


def test_chords_are_not_keys(tmp_path: Path) -> None:
    assert error_for(tmp_path, '[keys]\nrent = "ctrl+r"\n').key_id == "rent"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ('""', "falta la tecla"),
        ('"   "', "falta la tecla"),
        ('"ctrl+g,"', "sobra una coma"),
        ('"ctrl+"', "no es un nombre de tecla válido"),
        ('"ctlr+g"', "no es un nombre de tecla válido"),
        ('"ctrl+ctrl+g"', "no es un nombre de tecla válido"),
        ('"f99"', "no es un nombre de tecla válido"),
        ('"ctrl+g,ctrl+g"', "está repetida"),
        ('"g"', "escribe en los campos"),
        ('"shift+g"', "escribe en los campos"),
        ('"space"', "escribe en los campos"),
        ('"tab"', "moverse o editar"),
        ('"backspace"', "moverse o editar"),
        ('"ctrl+m"', "llega igual que Intro"),
        ("7", "debe ser un texto"),
        ('["ctrl+g"]', "debe ser un texto"),
    ],
)
def test_malformed_key_names(tmp_path: Path, value: str, reason: str) -> None:
    error = error_for(tmp_path, f"[keys]\nguide = {value}\n")
    assert error.key_id == "guide" and reason in str(error)


def test_two_ids_on_the_same_key(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[keys]\nguide = "ctrl+t"\ninventory = "ctrl+t"\n')
    assert error.key_id == "guide"
    assert str(error).endswith('guide: la tecla "ctrl+t" ya es la de inventory.')


def test_a_key_another_rr_key_keeps(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[keys]\nguide = "f3"\n')
    assert str(error).endswith('guide: la tecla "f3" ya es la de exit (sin cambiar).')


def test_swapping_two_keys_is_fine(tmp_path: Path) -> None:
    keymap = load_keymap(write(tmp_path, '[keys]\nguide = "f2"\nsoftphone = "f1"\n'))
    assert dict(keymap.keys) == {"guide": "f2", "softphone": "f1"}


def test_toml_syntax_error_names_the_place(tmp_path: Path) -> None:
    error = error_for(tmp_path, '[keys]\nguide "ctrl+g"\n')
    assert error.key_id is None
    assert "no es un archivo TOML válido (línea 2, columna 7)" in str(error)


def test_keys_outside_the_table(tmp_path: Path) -> None:
    error = error_for(tmp_path, 'guide = "ctrl+g"\n')
    assert error.key_id == "guide" and "dentro de la tabla [keys]" in str(error)
    other = error_for(tmp_path, '[teclas]\nguide = "ctrl+g"\n')
    assert other.key_id == "teclas" and "solo se admite la tabla [keys]" in str(other)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "keymap.toml"
    path.write_bytes(b'[keys]\nguide = "ctrl+\xf1"\n')
    with pytest.raises(KeymapError, match="UTF-8"):
        load_keymap(path)


def test_keymap_error_is_a_value_error() -> None:
    assert issubclass(KeymapError, ValueError)
    assert "guide" in remappable_ids() and "key_t" in remappable_ids()
    assert "key_f13" not in remappable_ids()


# -- the legend with a keymap ---------------------------------------------------------------


def test_legend_names_the_remapped_keys() -> None:
    keymap = load_keymap(GNOME).bindings
    assert legend_lines(LLM, keymap) == (
        " Ctrl+G=Guía  F2=Softphone  F3=Salir  F7=Notas especiales                       ",
        " Ctrl+T=Servicios/Inventario  F12=Cancelar  Ctrl+F=Tipificar                    ",
    )
    assert legend_label("call_log_chord", keymap) == "Ctrl+F+F13=Log de llamadas"


def test_legend_without_keymap_is_the_rr_legend() -> None:
    rr = (
        " F1=Guía  F2=Softphone  F3=Salir  F7=Notas especiales  F10=Servicios/Inventario ",
        " F12=Cancelar  F22=Tipificar                                                    ",
    )
    assert legend_lines(LLM) == rr
    assert legend_lines(LLM, {}) == rr
    assert legend_lines(LLM, UserKeymap().bindings) == rr


def test_a_legend_too_long_for_two_rows_is_cut_at_80() -> None:
    keymap = {key_id: "ctrl+shift+alt+f12" for key_id in LLM}
    first, second = legend_lines(LLM, keymap)
    assert len(first) == 80 and len(second) == 80


# -- Textual applies it ---------------------------------------------------------------------


class KeymapApp(App[None]):
    """One RR binding, as a screen gets it from the registry."""

    BINDINGS: ClassVar[list[BindingType]] = [REGISTRY["guide"].binding()]

    def __init__(self) -> None:
        super().__init__()
        self.guides = 0

    def action_rr_guide(self) -> None:
        self.guides += 1


async def test_set_keymap_moves_the_binding(tmp_path: Path) -> None:
    keymap = load_keymap(write(tmp_path, '[keys]\nguide = "Ctrl+G"\n'))
    app = KeymapApp()
    async with app.run_test() as pilot:
        app.set_keymap(keymap.bindings)
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.guides == 1
        await pilot.press("f1")  # the old key no longer reaches the guide
        await pilot.pause()
        assert app.guides == 1
