"""The main menu by role (data/menus.toml): what each role sees and may use."""

from __future__ import annotations

from typing import Any

import pytest

from swat_tui.domain.errors import DomainError
from swat_tui.domain.menu import ROLES, load_menu, parse_menu


def _raw(*extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "option": [
            {"number": "1", "label": "Cuenta", "panel": "CTA010", "roles": list(ROLES)},
            *extra,
            {
                "number": "90",
                "label": "Salir",
                "action": "sign_off",
                "roles": list(ROLES),
                "aliases": ["signoff"],
            },
        ]
    }


SUPERVISOR_ONLY = {"number": "7", "label": "Equipo", "panel": "GUI001", "roles": ["supervisor"]}


def test_every_role_sees_the_agents_options_and_the_supervisor_its_own() -> None:
    menu = load_menu()
    agent = [o.number for o in menu.for_role("asesor")]
    assert agent == ["1", "2", "3", "90"]
    for role in ROLES:
        numbers = [o.number for o in menu.for_role(role)]
        assert [number for number in numbers if number in agent] == agent
    supervisor = [o for o in menu.for_role("supervisor") if o.number not in agent]
    assert [(o.number, o.panel) for o in supervisor] == [("5", "USR001"), ("6", "CGO001")]
    assert [o.number for o in menu.for_role("formador")] == agent
    with pytest.raises(DomainError, match="no autorizada para el perfil asesor"):
        menu.choose("asesor", "5")


def test_an_option_of_another_role_is_refused_even_typed_blind() -> None:
    menu = parse_menu(_raw(SUPERVISOR_ONLY))
    assert [o.number for o in menu.for_role("asesor")] == ["1", "90"]
    with pytest.raises(DomainError) as refused:
        menu.choose("asesor", "7")
    assert refused.value.message == "Opción 7: no autorizada para el perfil asesor."
    assert menu.choose("supervisor", " 7 ").panel == "GUI001"


def test_unknown_empty_and_alias() -> None:
    menu = parse_menu(_raw())
    assert menu.choose("formador", "signoff").action == "sign_off"
    with pytest.raises(DomainError, match="no es válida"):
        menu.choose("asesor", "55")
    with pytest.raises(DomainError, match="Digite una opción"):
        menu.choose("asesor", "  ")


@pytest.mark.parametrize(
    "bad",
    [
        {"number": "5", "label": "x", "roles": ["asesor"]},  # neither panel nor action
        {"number": "5", "label": "x", "action": "bailar", "roles": ["asesor"]},
        {"number": "5", "label": "x", "panel": "X", "roles": ["gerente"]},
        {"number": "1", "label": "x", "panel": "X", "roles": ["asesor"]},  # number taken
    ],
)
def test_bad_menu_files_are_rejected(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        parse_menu(_raw(bad))
