"""The main menu by role, from ``data/menus.toml``: who may use which option.

The menu is data so that the supervisor's and trainer's areas add their
options without touching the screen; the refusal of an option a role may
not use is decided here, whether or not the option is shown.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.domain.errors import refusal
from swat_tui.paths import data_dir

ROLES = ("asesor", "supervisor", "formador", "coordinador")
ACTIONS = ("softphone", "resume_call", "sign_off")


@dataclass(frozen=True)
class MenuOption:
    """One numbered option: it opens ``panel`` or runs ``action``."""

    number: str
    label: str
    roles: frozenset[str]
    panel: str | None = None
    action: str | None = None
    aliases: tuple[str, ...] = ()

    def answers(self, typed: str) -> bool:
        return typed == self.number or typed in self.aliases


@dataclass(frozen=True)
class MainMenu:
    options: tuple[MenuOption, ...]

    def for_role(self, role: str) -> tuple[MenuOption, ...]:
        """The options ``role`` sees, in the order of the data file."""
        return tuple(option for option in self.options if role in option.roles)

    def choose(self, role: str, typed: str) -> MenuOption:
        """The option typed, or ``DomainError`` with the row-24 message."""
        text = typed.strip().upper()
        if not text:
            raise refusal("menu.option_missing")
        answering = [option for option in self.options if option.answers(text)]
        for option in answering:
            if role in option.roles:
                return option
        if answering:
            raise refusal("menu.option_forbidden", number=answering[0].number, role=role)
        raise refusal("menu.option_invalid", text=text[:12])


def parse_menu(raw: dict[str, Any]) -> MainMenu:
    """Validated: known roles and actions, one of panel or action, numbers unique within
    each role (two roles may each have their own option 8)."""
    options = []
    for row in raw["option"]:
        option = MenuOption(
            number=str(row["number"]),
            label=row["label"],
            roles=frozenset(row["roles"]),
            panel=row.get("panel"),
            action=row.get("action"),
            aliases=tuple(alias.upper() for alias in row.get("aliases", ())),
        )
        if (option.panel is None) == (option.action is None):
            raise ValueError(f"option {option.number}: give either panel or action")
        if option.action is not None and option.action not in ACTIONS:
            raise ValueError(f"option {option.number}: unknown action {option.action!r}")
        if not option.roles or not option.roles <= set(ROLES):
            raise ValueError(f"option {option.number}: roles must be among {ROLES}")
        options.append(option)
    for role in ROLES:
        mine = [o for o in options if role in o.roles]
        numbers = [o.number for o in mine] + [a for o in mine for a in o.aliases]
        if len(numbers) != len(set(numbers)):
            raise ValueError(f"menu option numbers must be unique for role {role}")
    return MainMenu(tuple(options))


@cache
def load_menu(path: Path | None = None) -> MainMenu:
    source = path or data_dir() / "menus.toml"
    return parse_menu(tomllib.loads(source.read_text(encoding="utf-8")))
