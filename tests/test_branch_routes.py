"""Steps 3-6 routed by branch and sub-flow; a panel's checks apply while routed to it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from swat_tui.config import BOGOTA
from swat_tui.domain.errors import DomainError
from swat_tui.domain.procedure import engine, load_procedure
from swat_tui.domain.procedure.routes import parse_routes, step_panel
from swat_tui.domain.procedure.state import CallState

P = load_procedure()
AT = datetime(2026, 3, 10, 9, 30, tzinfo=BOGOTA)
BRANCHES = P.branch_ids


def _sac_request(subflow: str = "") -> CallState:
    state = engine.start_request(P, CallState(step=3), "sac", "Cobro", AT)
    return state.with_field("subflow_1", subflow) if subflow else state


def test_every_branch_and_sub_flow_of_the_shipped_table_routes_to_a_panel() -> None:
    routes = P.routes
    assert routes is not None
    for branch in BRANCHES:
        assert routes.entry(branch).panel == ("VIS010" if branch == "visita" else "LLM003")
        assert routes.subflows(branch)
    assert [r.label for r in routes.subflows("sac")] == ["Cartera", "Facturación", "Recaudo"]
    assert step_panel(P, _sac_request("recaudo"), routes) == "SAC030"
    assert step_panel(P, _sac_request(""), routes) == "LLM003"
    assert step_panel(P, CallState(step=2), routes) == "LLM002"


def test_sub_flow_by_option_and_its_refusal() -> None:
    routes = P.routes
    assert routes is not None
    assert routes.by_option("pqr", "3").subflow == "radicar"
    with pytest.raises(DomainError) as refused:
        routes.by_option("pqr", "9")
    assert refused.value.message == "Gestión: digite 1=Consultar, 2=Desistir, 3=Radicar."


def test_a_sub_flow_with_its_own_panel_moves_its_checks_there() -> None:
    """Each SAC sub-flow asks for its own panel's checks, and not LLM003's."""
    assert P.routes is not None
    billing, debt, entry = (_sac_request(s) for s in ("facturacion", "cartera", ""))
    assert [c.id for c in engine.pending(P, billing, 3)] == [
        "facturacion_informada",
        "facturacion_resuelta",
    ]
    assert [c.id for c in engine.pending(P, debt, 3)] == ["cartera_informada", "cartera_resuelta"]
    assert [c.id for c in engine.pending(P, entry, 3)] == ["sac_atendida"]
    assert step_panel(P, debt, P.routes) == "SAC010"


@pytest.mark.parametrize(
    "rows",
    [
        [{"branch": "sac", "subflow": "", "panel": "X"}],  # other branches have no entry
        [
            *({"branch": b, "subflow": "", "panel": "X"} for b in BRANCHES),
            {"branch": "sac", "subflow": "a", "option": "1", "panel": "X"},
            {"branch": "sac", "subflow": "b", "option": "1", "panel": "X"},  # same option
        ],
        [
            *({"branch": b, "subflow": "", "panel": "X"} for b in BRANCHES),
            {"branch": "ventas", "subflow": "", "panel": "X"},
        ],
    ],
)
def test_bad_routing_tables_are_rejected(rows: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError):
        parse_routes({"route": rows}, BRANCHES)


def test_every_suggested_code_is_in_the_catalogue_for_its_branch() -> None:
    """The UCC code a path suggests exists and belongs to its branch."""
    import csv

    from swat_tui.domain.procedure.definition import load_routes
    from swat_tui.paths import data_dir

    with (data_dir() / "ucc.csv").open(encoding="utf-8", newline="") as handle:
        ucc = {row["code"]: row["branch"] for row in csv.DictReader(handle)}
    suggested = [route for route in load_routes().routes if route.ucc_code]
    assert suggested
    for route in suggested:
        assert ucc.get(route.ucc_code) == route.branch, route
