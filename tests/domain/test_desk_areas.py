"""The desk's areas stay apart: one name, one place; an area reads only its own domain.

"Where is booking a visit?" has one answer (``desk.visit.book``, in
``domain/visit/intents.py``) only while no two areas, nor the desk itself,
define the same public name, and while an area service imports only its own
area's modules and the shared ones. A refused intent reaches the context's
``refused`` seam once, named ``<area>.<method>``, and changes nothing.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
from collections import Counter
from pathlib import Path

import pytest

from swat_tui.domain.desk.area import AreaService, Reports
from swat_tui.domain.desk.desk import Desk
from swat_tui.domain.errors import DomainError
from swat_tui.domain.services import Services
from swat_tui.store.demo import SHOWCASE
from tests.desk_calls import DeskCall

DOMAIN = "swat_tui.domain"

# Modules every area may read: the account views and the gate, the call and the
# procedure, errors and the message catalogue, the desk's context and area base,
# the agent's presence (a panel shown moves it), the services (the account service
# builds the account views), the store and the config.
SHARED = (
    "swat_tui.domain.account.views",
    "swat_tui.domain.account.disclosure",
    "swat_tui.domain.account.service",
    "swat_tui.domain.call",
    "swat_tui.domain.procedure",
    "swat_tui.domain.errors",
    "swat_tui.domain.messages",
    "swat_tui.domain.presence",
    "swat_tui.domain.desk.context",
    "swat_tui.domain.desk.area",
    "swat_tui.domain.desk.active_call",
    "swat_tui.domain.services",
)

# Where an area truly reads another, said here and nowhere else.
CROSS_AREA = {
    "swat_tui.domain.visit.intents": {
        # The node's mass aviso rules a visit out (F23 refused under an aviso).
        "swat_tui.domain.support.avisos",
        # VIS010's symptom is the T&D walk's leaf; step 5 is the visit branch's.
        "swat_tui.domain.support.td_walk",
        "swat_tui.domain.support.td_trees",
        "swat_tui.domain.support.routes",
    },
    "swat_tui.domain.support.inventory_intents": {
        # Serials that differ from RR go to DIME's inventory area, in one transaction.
        "swat_tui.domain.dime.cases",
        "swat_tui.domain.dime.areas",
    },
}


def _areas() -> list[type[AreaService]]:
    return sorted(AreaService.__subclasses__(), key=lambda cls: cls.area)


def _public(cls: type) -> set[str]:
    """The public names ``cls`` adds to what every ``Reports`` has."""
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass in (Reports, AreaService, object):
            continue
        names.update(name for name in vars(klass) if not name.startswith("_"))
    return names - {"area"}


def test_every_area_is_an_attribute_of_the_desk_named_after_its_area() -> None:
    desk_source = inspect.getsource(Desk.__init__)
    for area in _areas():
        assert f"self.{area.area} = {area.__name__}(self.ctx)" in desk_source, area


def test_no_two_areas_nor_the_desk_define_the_same_public_name() -> None:
    desk_names = _public(Desk) | {area.area for area in _areas()}
    desk_names |= {"services", "agent", "source", "config", "ctx", "phone", "ringing"}
    desk_names |= {"last_call_id"}
    counted = Counter(desk_names)
    for area in _areas():
        counted.update(_public(area))
    assert [name for name, count in counted.items() if count > 1] == []


def _imports(module: str) -> set[str]:
    """The swat_tui.domain modules ``module`` imports, lazy imports included."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    found: set[str] = set()
    for node in ast.walk(ast.parse(Path(spec.origin).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(
                    name
                    if importlib.util.find_spec(node.module) and _is_module(name)
                    else node.module
                )
    return {name for name in found if name.startswith(DOMAIN + ".")}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _own_package(module: str) -> str:
    return ".".join(module.split(".")[:3])  # swat_tui.domain.<area>


@pytest.mark.parametrize("area", _areas(), ids=lambda area: area.area)
def test_an_area_imports_only_its_own_domain_and_the_shared_one(area: type[AreaService]) -> None:
    module = area.__module__
    own = _own_package(module)
    allowed = CROSS_AREA.get(module, set())
    strays = {
        name
        for name in _imports(module)
        if _own_package(name) != own and not name.startswith(SHARED) and name not in allowed
    }
    assert strays == set(), f"{module} reads another area: {sorted(strays)}"


def test_the_cross_area_list_holds_only_what_is_still_read() -> None:
    for module, allowed in CROSS_AREA.items():
        assert allowed <= _imports(module), module


def test_a_refused_intent_reaches_the_seam_once_and_changes_nothing(
    demo_services: Services,
) -> None:
    call = DeskCall.answered(demo_services, SHOWCASE["activa"])
    call.reception()
    desk = call.desk
    heard: list[tuple[str, str]] = []
    desk.ctx.refused = lambda intent, error: heard.append((intent, error.message))  # type: ignore[method-assign]
    before = desk.active.record if desk.active else None
    with pytest.raises(DomainError):
        desk.td.walk()  # no request yet; walk() calls trees(), the refusal is heard once
    with pytest.raises(DomainError):
        desk.visit.under_aviso(call.cuenta)
    with pytest.raises(DomainError):
        desk.transfer("")
    assert [intent for intent, _ in heard] == ["td.walk", "visit.under_aviso", "desk.transfer"]
    assert desk.active is not None and desk.active.record == before
