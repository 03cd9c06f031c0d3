"""The agent's keymap: RR keys moved to keys their terminal lets through.

Some terminals keep keys for themselves (GNOME Terminal: F1, F10 and
Shift+F10, which is F22). ``keymap.toml`` in the user config directory, or
the file ``SWAT_KEYMAP`` names, moves any RR key by its registry id::

    [keys]
    guide = "ctrl+g"

The result is what ``App.set_keymap`` takes (binding id -> Textual keys) and
what ``keys.legend_lines`` draws the legend with. Every mistake in the file
is one Spanish line naming the file and the id: the agent must be able to
fix it alone.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

from swat_tui.ui.keys import CHORD_KEYS, REGISTRY

KEYMAP_ENV = "SWAT_KEYMAP"
FILE_NAME = "keymap.toml"
TABLE = "keys"

_MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
_TYPING_MODIFIERS = {"shift"}  # Shift+letter is just a capital letter
# Keys a named non-character key can be (f1..f24, enter, pagedown...).
_NAMED = {
    name
    for name in (key.value.rpartition("+")[2] for key in Keys)
    if len(name) > 1 and not name.startswith("<")
}
_CHARACTER_NAMES = set(KEY_NAME_REPLACEMENTS.values())  # minus, plus, slash...
# Applied to the focused field before any binding (ui/typeahead.py, RRField.edit):
# bound to an RR key they would never reach it.
_FIELD_KEYS = {
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "backspace",
    "delete",
}
# Terminals send these exactly as Tab, Intro and Retroceso.
_ALIASES = {"ctrl+i": "Tab", "ctrl+m": "Intro", "ctrl+j": "Intro", "ctrl+h": "Retroceso"}
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class KeymapError(ValueError):
    """A keymap file the app cannot use; ``str()`` is the line to show the agent."""

    def __init__(self, path: Path, reason: str, key_id: str | None = None) -> None:
        self.path = path
        self.key_id = key_id
        self.reason = reason
        where = f"{path}: {key_id}:" if key_id else f"{path}:"
        super().__init__(f"{where} {reason}")


@dataclass(frozen=True)
class UserKeymap:
    """The keys the file moves (id -> normalized Textual keys) and where it came from."""

    path: Path | None = None
    keys: Mapping[str, str] = field(default_factory=dict)

    @property
    def bindings(self) -> dict[str, str]:
        """The argument of ``App.set_keymap`` and of ``legend_lines``.

        A chord key that is also a single key (F13 is ``call_log``) moves
        with it, so F13 is the same key alone and in "F13+F15".
        """
        mapping = dict(self.keys)
        for chord_key in CHORD_KEYS.values():
            if chord_key.twin is not None and chord_key.twin in self.keys:
                mapping[chord_key.id] = self.keys[chord_key.twin]
        return mapping


def remappable_ids() -> tuple[str, ...]:
    """The ids a keymap may name: every registry key, and the chord keys that are not one."""
    chord_ids = tuple(key.id for key in CHORD_KEYS.values() if key.twin is None)
    return (*REGISTRY, *chord_ids)


def default_keymap_path() -> Path:
    """``keymap.toml`` in the user's config directory (``~/.config/swat-tui`` on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("swat-tui", appauthor=False)) / FILE_NAME


def keymap_path() -> tuple[Path, bool]:
    """The keymap file to read, and whether it was asked for (``SWAT_KEYMAP``)."""
    env_value = os.environ.get(KEYMAP_ENV, "").strip()
    if env_value:
        return Path(env_value).expanduser(), True
    return default_keymap_path(), False


def load_keymap(path: Path | None = None) -> UserKeymap:
    """Read and check the agent's keymap.

    With no ``path``, the one ``keymap_path`` names. A missing file in the
    config directory is an empty keymap (most agents have none); a missing
    file that was asked for, by argument or ``SWAT_KEYMAP``, is an error, so
    a typo in the name does not silently leave the keys unmoved.
    """
    asked = path is not None
    if path is None:
        path, asked = keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if asked:
            raise KeymapError(path, "no existe el archivo de teclas.") from None
        return UserKeymap()
    except UnicodeDecodeError:
        raise KeymapError(path, "el archivo no está en UTF-8.") from None
    except OSError as error:
        raise KeymapError(path, f"no se puede leer ({error.strerror}).") from None
    return parse_keymap(text, path)


def parse_keymap(text: str, path: Path) -> UserKeymap:
    """Check a keymap's text; ``path`` names the file in the errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_POSITION.search(str(error))
        where = f" (línea {found[1]}, columna {found[2]})" if found else ""
        raise KeymapError(path, f"no es un archivo TOML válido{where}.") from None
    for name in data:
        if name != TABLE:
            reason = (
                f"debe ir dentro de la tabla [{TABLE}]."
                if name in remappable_ids()
                else f"solo se admite la tabla [{TABLE}]."
            )
            raise KeymapError(path, reason, name)
    table = data.get(TABLE, {})
    if not isinstance(table, dict):
        raise KeymapError(path, f"[{TABLE}] debe ser una tabla, p. ej. [{TABLE}] en su línea.")
    known = remappable_ids()
    keys: dict[str, str] = {}
    for key_id, value in table.items():
        if key_id not in known:
            raise KeymapError(path, _unknown(key_id), key_id)
        if not isinstance(value, str):
            raise KeymapError(path, 'el valor debe ser un texto, p. ej. "ctrl+g".', key_id)
        keys[key_id] = _normalize(value, path, key_id)
    _check_clashes(keys, path)
    return UserKeymap(path, keys)


def _unknown(key_id: str) -> str:
    twin = next((k.twin for k in CHORD_KEYS.values() if k.id == key_id and k.twin), None)
    if twin is not None:
        return f"es la misma tecla que {twin}: cambie {twin}."
    return f"no hay ninguna tecla de RR con ese id (son: {', '.join(remappable_ids())})."


def _normalize(value: str, path: Path, key_id: str) -> str:
    """Textual's names for the keys of ``value``, lower case, modifiers in Textual's order."""
    if not value.strip():
        raise KeymapError(path, "falta la tecla (el valor está vacío).", key_id)
    normalized: list[str] = []
    for raw in value.split(","):
        key = _normalize_key(raw.strip(), path, key_id)
        if key in normalized:
            raise KeymapError(path, f'la tecla "{key}" está repetida.', key_id)
        normalized.append(key)
    return ",".join(normalized)


def _normalize_key(raw: str, path: Path, key_id: str) -> str:
    if not raw:
        raise KeymapError(path, "hay una tecla vacía en la lista (sobra una coma).", key_id)
    *modifiers, base = raw.lower().split("+")
    modifiers = [m.strip() for m in modifiers]
    base = base.strip()
    valid = bool(
        base
        and all(m in _MODIFIERS for m in modifiers)
        and len(set(modifiers)) == len(modifiers)
        and (
            (len(base) == 1 and base.isalnum())
            or base in _NAMED
            or base in _CHARACTER_NAMES
            or key_to_character(base) is not None
        )
    )
    if not valid:
        raise KeymapError(
            path, f'"{raw}" no es un nombre de tecla válido (p. ej. ctrl+g, alt+1, f5).', key_id
        )
    key = "+".join([*sorted(modifiers), base])
    if key in _FIELD_KEYS:
        raise KeymapError(path, f'"{raw}" la usa RR para moverse o editar en los campos.', key_id)
    if set(modifiers) <= _TYPING_MODIFIERS and _types_text(base):
        raise KeymapError(
            path,
            f'"{raw}" escribe en los campos: use ctrl+, alt+ o una tecla de función.',
            key_id,
        )
    if key in _ALIASES:
        raise KeymapError(
            path, f'"{raw}" llega igual que {_ALIASES[key]}: la terminal no la distingue.', key_id
        )
    return key


def _types_text(base: str) -> bool:
    """Whether the key, without Ctrl or Alt, types a character into a field."""
    character = key_to_character(base)
    return (
        len(base) == 1
        or base in _CHARACTER_NAMES
        or (character is not None and character.isprintable())
    )


def _check_clashes(keys: Mapping[str, str], path: Path) -> None:
    """No key may do two things: two moved ids, or a moved id and a key left in place."""
    effective: dict[str, set[str]] = {}
    for key_id in remappable_ids():
        default = REGISTRY[key_id].keys if key_id in REGISTRY else _chord_key_keys(key_id)
        effective[key_id] = {k.strip() for k in keys.get(key_id, default).split(",")}
    for key_id in keys:
        for other, other_keys in effective.items():
            shared = effective[key_id] & other_keys
            if other != key_id and shared:
                where = "" if other in keys else " (sin cambiar)"
                raise KeymapError(
                    path, f'la tecla "{min(shared)}" ya es la de {other}{where}.', key_id
                )


def _chord_key_keys(key_id: str) -> str:
    return next(k.keys for k in CHORD_KEYS.values() if k.id == key_id)
