"""The practice queue brings SAC and PQR requests (data/practice_requests.toml)."""

from __future__ import annotations

import pytest

from swat_tui.domain.desk.practice_requests import parse_requests, practice_requests
from swat_tui.domain.procedure import load_procedure


def test_every_request_routes_to_a_sub_flow_and_fits_its_line() -> None:
    routes = load_procedure().routes
    assert routes is not None
    requests = practice_requests()
    for request in requests:
        assert routes.route(request.branch, request.subflow).subflow == request.subflow
        assert len(f"El cliente dice: «{request.says}»") <= 78
    covered = {(r.branch, r.subflow) for r in requests}
    for subflow in ("cartera", "facturacion", "recaudo"):
        assert ("sac", subflow) in covered
    for subflow in ("consultar", "desistir", "radicar"):
        assert ("pqr", subflow) in covered


def test_a_bad_file_names_the_request_and_field() -> None:
    with pytest.raises(ValueError, match=r"x.toml: solicitud 2: falta says"):
        parse_requests(
            {
                "request": [
                    {"queue": "Q", "branch": "sac", "subflow": "cartera", "says": "Hola"},
                    {"queue": "Q", "branch": "sac", "subflow": "cartera"},
                ]
            },
            "x.toml",
        )
