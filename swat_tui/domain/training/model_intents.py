"""The agent actions a model answer may name, and the arguments each takes.

A model step's ``do`` is a desk intent: the softphone's (``answer``,
``hold_or_resume``, ``transfer``, ``hang_up``, ``end_call``, ``finish_acw``) or an
area's (``call.record_check``, ``pqr.file``...). The registry below is the whole
vocabulary, so a scenario file is checked against it before anything plays, and
``docs/scenarios.md`` lists it. Arguments are read off the method's signature.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from functools import cache
from typing import Any, get_type_hints

from swat_tui.domain.account.intents import AccountIntents
from swat_tui.domain.billing.intents import BillingIntents
from swat_tui.domain.call.intents import CallIntents
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.dime.intents import DimeIntents
from swat_tui.domain.pqr.intents import PqrIntents
from swat_tui.domain.sac.intents import SacIntents
from swat_tui.domain.support.diagnostics_intents import DiagnosticsIntents
from swat_tui.domain.support.inventory_intents import InventoryIntents
from swat_tui.domain.support.mass_intents import MassIntents
from swat_tui.domain.support.td_intents import TdIntents
from swat_tui.domain.visit.intents import VisitIntents

# The desk's own actions, then each area's, by the name a scenario writes.
_DESK_ACTIONS = ("answer", "hold_or_resume", "transfer", "hang_up", "end_call", "finish_acw")
_AREAS: dict[str, type] = {
    "call": CallIntents,
    "accounts": AccountIntents,
    "sac": SacIntents,
    "billing": BillingIntents,
    "dime": DimeIntents,
    "pqr": PqrIntents,
    "td": TdIntents,
    "diagnostics": DiagnosticsIntents,
    "mass": MassIntents,
    "inventory": InventoryIntents,
    "visit": VisitIntents,
}
_HIDDEN = frozenset({"subscribe"})


@dataclass(frozen=True)
class Parameter:
    """One argument of an intent: its name, the Python type it takes, whether required."""

    name: str
    kind: type
    required: bool


@dataclass(frozen=True)
class ModelIntent:
    """An intent a model step may name."""

    name: str  # "call.record_check", "answer"
    area: str  # "" for the desk's own
    method: str
    parameters: tuple[Parameter, ...]
    doc: str

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def _simple(annotation: object) -> type:
    """The scalar type a TOML value must have for ``annotation`` (object: anything)."""
    for kind in (bool, int, str):
        if annotation is kind:
            return kind
    text = str(annotation)
    if text.startswith("dict"):
        return dict
    if "int" in text and "str" not in text:
        return int
    if "str" in text:
        return str
    return object


def _intent(name: str, area: str, function: Any) -> ModelIntent:
    hints = get_type_hints(function)
    parameters = tuple(
        Parameter(p.name, _simple(hints.get(p.name, object)), p.default is inspect.Parameter.empty)
        for p in inspect.signature(function).parameters.values()
        if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
    )
    doc = (inspect.getdoc(function) or "").split("\n\n")[0].replace("\n", " ")
    return ModelIntent(name, area, function.__name__, parameters, doc)


@cache
def registry() -> dict[str, ModelIntent]:
    """Every intent a model step may name, by name."""
    intents: dict[str, ModelIntent] = {}
    for action in _DESK_ACTIONS:
        intents[action] = _intent(action, "", getattr(Desk, action))
    for area, cls in _AREAS.items():
        for method, function in inspect.getmembers(cls, inspect.isfunction):
            if method.startswith("_") or method in _HIDDEN:
                continue
            name = f"{area}.{method}"
            intents[name] = _intent(name, area, function)
    return intents


def target(desk: Desk, intent: ModelIntent) -> Any:
    """The bound method of ``desk`` that ``intent`` names."""
    owner: object = desk if not intent.area else getattr(desk, intent.area)
    return getattr(owner, intent.method)
