"""The Diagnosticador's rules — DOCSIS level verdicts at every
boundary, the simulated plant (deterministic, each condition), neighbours within
3 blocks on the Colombian grid."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlmodel import Session, select

from swat_tui.config import BOGOTA
from swat_tui.domain.services import Services
from swat_tui.domain.support import levels, neighbours, plant
from swat_tui.domain.support.diagnostics import DiagnosticsView, build
from swat_tui.domain.support.levels import Verdict
from swat_tui.domain.support.neighbours import parse_address, within_blocks
from swat_tui.domain.support.plant import Condition, modem_state, read_channels
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.enums import IncidentStatus
from swat_tui.store.models import (
    Account,
    CmRegistration,
    Equipment,
    Incident,
    ModemRestart,
    PlantCondition,
)

B, M, F = Verdict.BUENO, Verdict.MARGINAL, Verdict.FUERA


@pytest.mark.parametrize(
    ("dbmv", "verdict"),
    [(0, B), (-7, B), (7, B), (-7.1, M), (7.1, M), (-15, M), (15, M), (-15.1, F), (15.1, F)],
)
def test_downstream_power(dbmv: float, verdict: Verdict) -> None:
    assert levels.downstream_power(dbmv) == verdict


@pytest.mark.parametrize(
    ("db", "modulation", "verdict"),
    [
        (35.0, "256-QAM", F),
        (35.1, "256-QAM", M),
        (38.0, "256-QAM", M),
        (38.1, "256-QAM", B),
        (30.0, "64-QAM", F),
        (30.1, "64-QAM", M),
        (33.1, "64-QAM", B),
        (34.0, "otra", F),  # an unknown modulation is judged as 256-QAM
    ],
)
def test_downstream_snr(db: float, modulation: str, verdict: Verdict) -> None:
    assert levels.downstream_snr(db, modulation) == verdict


@pytest.mark.parametrize(
    ("dbmv", "verdict"),
    [(35, B), (51, B), (34.9, M), (51.1, M), (8, M), (58, M), (7.9, F), (58.1, F)],
)
def test_upstream_power(dbmv: float, verdict: Verdict) -> None:
    assert levels.upstream_power(dbmv) == verdict


def test_worst_verdict() -> None:
    assert levels.worst([B, M, B]) == M and levels.worst([M, F]) == F and levels.worst([]) == B


# -- the plant's rules, without a store --------------------------------------------


def test_modem_state_rules() -> None:
    assert modem_state(None, mass=False, restarted=False) == "online"
    assert modem_state(None, mass=True, restarted=True) == "offline"  # the aviso's
    init = Condition(cm_state="init(r1)", after_restart="online")
    assert modem_state(init, mass=False, restarted=False) == "init(r1)"
    assert modem_state(init, mass=False, restarted=True) == "online"
    assert modem_state(init, mass=True, restarted=False) == "init(r1)"  # the row says otherwise
    levels_only = Condition(levels="us_alto")
    assert modem_state(levels_only, mass=True, restarted=True) == "offline"
    assert (
        plant.state_family("online(pt)") == "online"
        and plant.state_family("reject(pk)") == "reject"
    )


def test_healthy_levels_are_stable_and_good() -> None:
    first = read_channels("SGF3890AF84657C", None)
    assert first == read_channels("SGF3890AF84657C", "sano")  # the same every run
    assert first != read_channels("SGF3890AF84657D", None)
    assert [c.label for c in first] == ["DS1", "DS2", "DS3", "DS4", "US1", "US2"]
    assert all(c.verdict == B for c in first)
    assert all(c.modulation == "256-QAM" for c in first if c.direction == "DS")
    assert all(c.uncorrectable is not None and c.uncorrectable < 10 for c in first[:4])


@pytest.mark.parametrize(
    ("profile", "direction", "field"),
    [
        ("ds_bajo", "DS", "power_verdict"),
        ("ds_alto", "DS", "power_verdict"),
        ("snr_bajo", "DS", "snr_verdict"),
        ("us_alto", "US", "power_verdict"),
        ("us_bajo", "US", "power_verdict"),
    ],
)
def test_a_levels_profile_moves_values_out_of_range(
    profile: str, direction: str, field: str
) -> None:
    for serial in ("A1", "B2", "C3", "SGF3890AF84657C"):
        channels = [c for c in read_channels(serial, profile) if c.direction == direction]
        verdicts = [getattr(c, field) for c in channels]
        assert F in verdicts and B not in verdicts, (serial, verdicts)


# -- neighbours on the grid ----------------------------------------------------------


def test_parse_addresses_of_the_grid() -> None:
    calle = parse_address("CL 45A # 12-08 AP 1203")
    assert calle is not None and (calle.calle, calle.carrera) == (45.25, 12.0)
    assert calle.street == "CL 45A # 12-08"
    carrera = parse_address("CR 12 # 45A-08")
    assert carrera is not None and (carrera.calle, carrera.carrera) == (45.25, 12.0)
    assert parse_address("TV 41B # 31-57") is not None
    assert parse_address("DG 3 # 100C-10 TO 2 AP 101") is not None
    for unparsed in ("AV 33 # 52-50", "Vereda El Salitre km 3", "CL 45", ""):
        assert parse_address(unparsed) is None


@pytest.mark.parametrize(
    ("other", "near"),
    [
        ("CL 45 # 12-90 AP 301", True),  # the same block
        ("CR 15 # 48-10", True),  # 3 carreras and 3 calles away: the corner of the square
        ("CR 15A # 45-10", False),  # 3.25 carreras away
        ("CL 49 # 12-08", False),  # 4 calles away
        ("AK 9 # 42-01", True),
        ("AV 12 # 45-01", False),  # no grid axis: nobody's neighbour
    ],
)
def test_within_three_blocks(other: str, near: bool) -> None:
    own = parse_address("CL 45 # 12-08")
    point = parse_address(other)
    assert own is not None
    assert (point is not None and within_blocks(own, point)) is near


# -- the plant read from a demo store --------------------------------------------------


def _modem(session: Session, cuenta: int) -> Equipment:
    return session.exec(
        select(Equipment).where(
            Equipment.cuenta == cuenta, Equipment.kind == "modem", Equipment.status == "INSTALADO"
        )
    ).one()


def _view(services: Services, key: str) -> DiagnosticsView:
    with read_session(services.engine) as session:
        account = session.get(Account, SHOWCASE[key])
        assert account is not None
        return build(session, account)


def test_a_healthy_account_reads_online_and_the_same_twice(demo_services: Services) -> None:
    view = _view(demo_services, "activa")
    assert view == _view(demo_services, "activa")
    assert view.modem is not None and view.modem.enganchado and view.modem.cm_state == "online"
    assert view.summary == "CM online, niveles en rango, 0 avisos"
    assert view.decoders and not view.alarms


def test_each_condition_of_the_showcase(demo_services: Services) -> None:
    expected = {"cm_offline": "offline", "cm_init": "init(r1)", "cm_reject": "reject(pk)"}
    for key, state in expected.items():
        view = _view(demo_services, key)
        assert view.modem is not None and view.modem.cm_state == state
        assert not view.modem.enganchado and view.downstream == ()
    levels_view = _view(demo_services, "cm_levels")
    assert levels_view.modem is not None and levels_view.modem.levels_verdict == F
    assert {c.snr_verdict for c in levels_view.downstream} == {F}
    upstream = _view(demo_services, "cm_upstream")
    assert F in {c.power_verdict for c in upstream.upstream}
    alarm = _view(demo_services, "decoder_alarm")
    assert [d.alarm for d in alarm.alarms] == ["E16: sin señal en la entrada RF"]
    aviso = _view(demo_services, "aviso")
    assert aviso.mass_aviso is not None and aviso.modem is not None
    assert aviso.modem.cm_state == "offline"  # the mass aviso's
    assert aviso.avisos[0].number.startswith("INC") and aviso.avisos[0].restore_by is not None


def test_a_restart_reads_the_after_restart_state(demo_services: Services) -> None:
    cuenta = SHOWCASE["cm_init"]
    with write_session(demo_services.engine) as session:
        serial = _modem(session, cuenta).serial
        session.add(
            ModemRestart(
                cuenta=cuenta,
                serial=serial,
                at=datetime(2026, 11, 28, 14, 0, tzinfo=BOGOTA),
                agent="T",
            )
        )
    view = _view(demo_services, "cm_init")
    assert view.modem is not None and view.modem.cm_state == "online"
    assert view.modem.restarts == 1 and view.modem.channels


def test_neighbours_in_the_same_building_and_their_state(demo_services: Services) -> None:
    """Three accounts inserted around activa's corner (one 5 blocks off, one with a
    condition offline), the node's mass aviso later: the neighbours' states follow."""
    cuenta = SHOWCASE["activa"]
    with write_session(demo_services.engine) as session:
        own = session.get(Account, cuenta)
        assert own is not None
        own.address = "CL 45A # 12-08 AP 101"
        template = _modem(session, cuenta)
        streets = ("CL 45A # 12-08 AP 202", "CR 13 # 46-20", "CL 51 # 12-08")
        for offset, street in enumerate(streets, start=1):
            other = Account(
                **{**own.model_dump(), "cuenta": 19_000_000 + offset, "address": street}
            )
            session.add(other)
            session.flush()
            device = Equipment(
                **{
                    **template.model_dump(exclude={"id"}),
                    "cuenta": other.cuenta,
                    "serial": f"NB{offset:06d}",
                }
            )
            session.add(device)
            session.flush()
            assert device.id is not None
            registered = {"cuenta": other.cuenta, "equipment_id": device.id}
            session.add(CmRegistration(node=other.node, serial=device.serial, **registered))
            if offset == 2:
                session.add(PlantCondition(equipment_id=device.id, cm_state="offline"))
    view = _view(demo_services, "activa")
    near = view.neighbours
    assert [(n.cuenta, n.blocks, n.cm_state) for n in near.near] == [
        (19_000_001, 0.0, "online"),
        (19_000_002, 1.0, "offline"),
    ]
    assert near.summary == "2 vecinos: 1 online, 1 offline" and near.down == 1
    assert view.summary == "CM online, niveles en rango, 1 vecino(s) caído(s), 0 avisos"
    with write_session(demo_services.engine) as session:
        session.add(
            Incident(
                number="INC000999001",
                node=own.node,
                priority=1,
                kind="masiva",
                description="Corte de fibra en el sector",
                status=IncidentStatus.ABIERTO.value,
                opened_at=datetime(2026, 11, 28, 13, 0, tzinfo=BOGOTA),
            )
        )
    assert {n.cm_state for n in _view(demo_services, "activa").neighbours.near} == {"offline"}


def test_an_address_off_the_grid_has_no_neighbours(demo_services: Services) -> None:
    with write_session(demo_services.engine) as session:
        own = session.get(Account, SHOWCASE["activa"])
        assert own is not None
        own.address = "AV 33 # 52-50 AP 1705"
    near = _view(demo_services, "activa").neighbours
    assert not near.parsed and near.near == ()
    assert near.summary == "Dirección fuera de la malla vial: sin vecinos"
    assert neighbours.NODE_LIMIT >= 650 * 3  # a node's accounts fit in one bounded read


def test_a_capped_neighbourhood_says_how_many_of_the_nearest_have_a_modem() -> None:
    from swat_tui.domain.support.neighbours import NEIGHBOUR_LIMIT, Neighbour, Neighbours

    near = tuple(Neighbour(19_000_000 + n, "CL 1 # 1-01", 0.0, "online") for n in range(11))
    capped = Neighbours(True, (*near, Neighbour(19_000_099, "CL 1 # 1-01", 1.0, "offline")), True)
    assert capped.summary == f"12 de los {NEIGHBOUR_LIMIT} más cercanos: 11 online, 1 offline"
    assert Neighbours(True, near[:1], False).summary == "1 vecino: 1 online"
