"""data/practices.toml holds section 7's nine practices as the document says, and a
file that does not hold together is refused when read."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from swat_tui.domain.supervisor.idea_rules import idea_rules, parse_idea_rules
from swat_tui.domain.supervisor.practice_catalogue import parse_catalogue, practice_catalogue
from swat_tui.paths import data_dir

# Section 7: code -> (period, per role, minutes). Diaria/Semanal/Quincenal/Semestral;
# "Supervisor / Coordinador / Gerente" without the gerente, who has no profile here.
DOCUMENT = {
    "dialogo_diario": ("day", {"supervisor": 1}, 15),
    "dialogo_semanal": ("week", {"coordinador": 1}, 30),
    "confirmacion_proceso": ("day", {"supervisor": 1}, 30),
    "confirmacion_funciones": ("week", {"coordinador": 3}, 30),
    "agenda_lider": ("week", {"supervisor": 1, "coordinador": 1}, 30),
    "adherencia_practicas": ("week", {"supervisor": 1, "coordinador": 1}, 5),
    "reunion_mejora": ("fortnight", {"supervisor": 1, "coordinador": 1}, 60),
    "circulo_mejora": ("fortnight", {"coordinador": 1}, 60),
    "reunion_barometro": ("semester", {"supervisor": 1, "coordinador": 1}, 60),
}


def _raw() -> dict[str, Any]:
    return tomllib.loads((data_dir() / "practices.toml").read_text(encoding="utf-8"))


def test_the_nine_practices_of_section_7() -> None:
    catalogue = practice_catalogue()
    shipped = {
        p.code: (p.period, dict(p.per_period), p.duration_minutes) for p in catalogue.practices
    }
    assert shipped == DOCUMENT
    assert [p.name for p in catalogue.practices][:2] == ["Diálogo diario", "Diálogo semanal"]
    assert all(p.goal_pct == 100 and p.description for p in catalogue.practices)
    assert [p.code for p in catalogue.for_role("asesor")] == []
    assert len(catalogue.for_role("supervisor")) == 6
    assert catalogue.get("confirmacion_funciones").frequency == "3 por semana"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("period", "quincenal"),
        ("per_period", {"gerente": 1}),
        ("per_period", {"supervisor": 0}),
        ("goal_pct", 120),
        ("duration_minutes", 0),
        ("code", "diálogo diario"),
    ],
)
def test_a_bad_practice_is_refused(field: str, value: object) -> None:
    raw = _raw()
    raw["practice"][0][field] = value
    with pytest.raises(ValueError):
        parse_catalogue(raw)


def test_a_repeated_code_or_a_missing_limit_is_refused() -> None:
    raw = _raw()
    raw["practice"].append(dict(raw["practice"][0]))
    with pytest.raises(ValueError):
        parse_catalogue(raw)
    raw = _raw()
    del raw["record"]["max_days_back"]
    with pytest.raises(KeyError):
        parse_catalogue(raw)


def test_idea_statuses_are_data() -> None:
    rules = idea_rules()
    assert rules.initial == "propuesta"
    assert rules.next["propuesta"] == ("aprobada", "descartada")
    assert rules.next["descartada"] == ()
    assert rules.leaders == {"supervisor", "coordinador"}
    raw = tomllib.loads((data_dir() / "ideas.toml").read_text(encoding="utf-8"))
    raw["status"]["aprobada"]["next"] = ["archivada"]
    with pytest.raises(ValueError):
        parse_idea_rules(raw)
