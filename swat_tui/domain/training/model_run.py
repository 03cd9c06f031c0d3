"""A scenario's model answer played through a real desk, headless.

``play`` signs the trainee's desk on to the scenario's call (``ScenarioSource``),
then does each ``[[model]]`` step as the agent would: the same intents the
panels call, each one transaction. The call's clock moves by each step's
``seconds``, so the call's handle time is the model answer's. A step a rule
refuses is noted and the next step goes on, as a trainee's would: a mutation of
a model answer (a step dropped, two swapped) is so played to its end and
scored like any call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from swat_tui.domain.auth import SignedOnAgent
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.domain.training.model_intents import ModelIntent, registry, target
from swat_tui.domain.training.scenario import ModelStep, Scenario
from swat_tui.domain.training.source import ScenarioSource
from swat_tui.store.engine import read_session
from swat_tui.store.queries.agents import get_agent

CUENTA_REFERENCE = "=cuenta"


class ModelAnswerError(ValueError):
    """The model answer cannot be played (an unknown intent, a reference to nothing)."""


@dataclass
class ModelClock:
    """The call's clock: it moves only by the steps' seconds."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass(frozen=True)
class Refused:
    """A step a rule refused: which one and what row 24 said."""

    index: int
    do: str
    message: str


@dataclass(frozen=True)
class ModelRun:
    """What playing a model answer left: the call and the steps refused."""

    call_id: int
    cuenta: int | None
    refused: tuple[Refused, ...] = field(default_factory=tuple)


def agent_of(services: Services, username: str) -> SignedOnAgent:
    """The desk's agent: a profile of the store, by username."""
    with read_session(services.engine) as session:
        agent = get_agent(session, username=username)
        if agent is None or agent.id is None:
            raise ModelAnswerError(f"no existe el perfil {username} en el almacén")
        return SignedOnAgent(agent.id, agent.username, agent.display_name, agent.role)


def play(
    services: Services,
    scenario: Scenario,
    *,
    cuenta: int | None,
    username: str = "ASESOR01",
    steps: Sequence[ModelStep] | None = None,
) -> ModelRun:
    """Play ``steps`` (the scenario's model answer by default) on a new call about
    ``cuenta`` (what the training store materialised for the scenario)."""
    clock = ModelClock(services.clock())
    desk_services = Services.create(services.engine, clock, td_dir=services.td_dir)
    source = ScenarioSource(scenario, cuenta)
    desk = Desk(desk_services, agent_of(services, username), source)
    desk.go_available()
    call_id = desk.ring().id
    refused = perform(desk, scenario.model if steps is None else steps, cuenta=cuenta, clock=clock)
    return ModelRun(call_id, cuenta, refused)


def perform(
    desk: Desk,
    steps: Sequence[ModelStep],
    *,
    cuenta: int | None,
    clock: ModelClock | None = None,
) -> tuple[Refused, ...]:
    """Do ``steps`` on ``desk`` (a ringing or answered call), moving ``clock`` by each
    step's seconds; the steps a rule refused."""
    saved: dict[str, object] = {"cuenta": cuenta}
    refused: list[Refused] = []
    for index, step in enumerate(steps):
        if clock is not None:
            clock.advance(step.seconds)
        intent = registry().get(step.do)
        if intent is None:
            raise ModelAnswerError(f"paso {index + 1}: acción desconocida {step.do!r}")
        try:
            result = target(desk, intent)(**_arguments(intent, step, saved))
        except DomainError as error:
            refused.append(Refused(index, step.do, str(error)))
            continue
        if step.save:
            saved[step.save] = result
    return tuple(refused)


def _arguments(intent: ModelIntent, step: ModelStep, saved: dict[str, object]) -> dict[str, Any]:
    arguments: dict[str, Any] = {}
    for name, value in step.args.items():
        parameter = intent.parameter(name)
        if parameter is None:
            raise ModelAnswerError(f"{step.do}: argumento desconocido {name!r}")
        resolved = resolve(value, saved) if isinstance(value, str) else value
        if isinstance(resolved, dict):
            resolved = {_key(key, saved): item for key, item in resolved.items()}
        if parameter.kind is int and isinstance(resolved, str) and resolved.isdigit():
            resolved = int(resolved)
        if parameter.kind is str and isinstance(resolved, int) and not isinstance(resolved, bool):
            resolved = str(resolved)
        arguments[name] = resolved
    return arguments


def _key(key: object, saved: dict[str, object]) -> object:
    """A table's key in a model step (TOML keys are text): a reference resolved, a
    number written in digits made a number (equipment ids)."""
    if not isinstance(key, str):
        return key
    resolved = resolve(key, saved)
    if isinstance(resolved, str) and resolved.isdigit():
        return int(resolved)
    return resolved


def resolve(value: str, saved: dict[str, object]) -> object:
    """``"=name.attr.0.attr"``: a saved result, then attributes and indexes; other
    strings as written."""
    if not value.startswith("="):
        return value
    name, *path = value[1:].split(".")
    if name not in saved:
        raise ModelAnswerError(f"referencia a un resultado no guardado: {value}")
    current: object = saved[name]
    for part in path:
        if part.isdigit():
            if not isinstance(current, Sequence):
                raise ModelAnswerError(f"{value}: {part} no es una posición de una lista")
            current = current[int(part)]
        else:
            if not hasattr(current, part):
                raise ModelAnswerError(f"{value}: el resultado no tiene {part!r}")
            current = getattr(current, part)
    return current
