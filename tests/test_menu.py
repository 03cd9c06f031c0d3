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


SHARED = ["1", "2", "3", "90"]  # account, softphone, back to the call, sign off
CALL_TAKERS = ("asesor", "supervisor", "formador")  # a coordinador takes no calls


def test_every_role_sees_the_shared_options_and_its_own() -> None:
    menu = load_menu()
    for role in CALL_TAKERS:
        numbers = [o.number for o in menu.for_role(role)]
        assert [number for number in numbers if number in SHARED] == SHARED
    own = {
        role: [(o.number, o.panel) for o in menu.for_role(role) if o.number not in SHARED]
        for role in ROLES
    }
    assert {("8", "TRN020"), ("10", "CNF001"), ("14", "CMP001")} <= set(own["asesor"])
    assert {
        ("5", "USR001"),
        ("6", "CGO001"),
        ("7", "SUP001"),
        ("9", "SUP020"),
        ("10", "SUP040"),
        ("13", "SUP012"),
        ("14", "CMP001"),
    } <= set(own["supervisor"])
    assert own["formador"][0] == ("7", "TRN001")
    assert ("8", "TRN010") in own["formador"]
    with pytest.raises(DomainError, match="no autorizada para el perfil asesor"):
        menu.choose("asesor", "5")


def test_the_coordinador_has_its_own_menu_without_calls() -> None:
    """The coordinador leads supervisors: the management model and ideas, no softphone
    and no call to go back to; the supervisor's profiles and CGO forms stay the
    supervisor's."""
    menu = load_menu()
    numbers = [o.number for o in menu.for_role("coordinador")]
    assert {"1", "11", "12", "90"} <= set(numbers)
    assert not {"2", "3", "5", "6", "8"} & set(numbers)
    assert menu.choose("coordinador", "11").panel == "SUP030"
    for typed in ("2", "3", "5", "6"):
        with pytest.raises(DomainError, match="no autorizada para el perfil coordinador"):
            menu.choose("coordinador", typed)


def test_management_options_are_leaders_only_and_ideas_everyones() -> None:
    menu = load_menu()
    for role in ("supervisor", "coordinador"):
        assert menu.choose(role, "11").panel == "SUP030"
    for role in ("asesor", "formador"):
        with pytest.raises(DomainError, match=f"Opción 11: no autorizada para el perfil {role}"):
            menu.choose(role, "11")
    for role in ROLES:
        assert menu.choose(role, "12").panel == "SUP032"


def test_a_number_may_mean_another_option_for_another_role() -> None:
    """Option 8 is the trainee's own training for an asesor, the trainees' for a formador."""
    mine = {"number": "8", "label": "Mis", "panel": "TRN020", "roles": ["asesor"]}
    theirs = {"number": "8", "label": "Suyos", "panel": "TRN010", "roles": ["formador"]}
    menu = parse_menu(_raw(mine, theirs))
    assert menu.choose("asesor", "8").panel == "TRN020"
    assert menu.choose("formador", "8").panel == "TRN010"
    with pytest.raises(DomainError, match="Opción 8: no autorizada para el perfil supervisor"):
        menu.choose("supervisor", "8")
    with pytest.raises(ValueError):  # the same number twice for one role
        parse_menu(_raw(mine, {**theirs, "roles": ["formador", "asesor"]}))


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
