"""The words a scenario file may use, read from the project's own data.

One place for ``scenario_file``'s look-ups, each read once: the procedure's
branches and sub-flows (``data/procedure.toml``, ``data/branch_routes.toml``),
the UCC catalogue as shipped (``data/ucc.csv``, read by the domain's own CSV
reader: no store), the DIME areas, the call fields an agent types, the
relations to the holder, the demo's showcase accounts, the inline rows'
sections and fields (``store.scenario_rows``) and the model answer's intents.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Protocol, cast

from swat_tui.domain.errors import DomainError
from swat_tui.domain.training.model_intents import ModelIntent, registry

_KIND_NAMES: dict[type, str] = {
    bool: "verdadero/falso (true o false)",
    int: "un número entero",
    str: "un texto",
    dict: "una tabla",
}


class _Rows(Protocol):
    """What ``store.scenario_rows`` offers a validator (H2's interface)."""

    SECTIONS: tuple[str, ...]

    def row_problems(self, section: str, row: dict[str, object]) -> list[tuple[str, str]]: ...


@cache
def _rows() -> _Rows:
    # By name: the module is the store's, written beside this one.
    return cast(_Rows, importlib.import_module("swat_tui.store.scenario_rows"))


def row_sections() -> tuple[str, ...]:
    """The ``[[account.<section>]]`` names of inline rows."""
    return tuple(_rows().SECTIONS)


def row_problems(section: str, row: dict[str, object]) -> list[tuple[str, str]]:
    """(field, Spanish message) for each problem of one inline row ("account": the account)."""
    return _rows().row_problems(section, row)


@cache
def showcase_keys() -> tuple[str, ...]:
    from swat_tui.store.demo.showcase import SHOWCASE

    return tuple(sorted(SHOWCASE))


def relations() -> tuple[str, ...]:
    from swat_tui.domain.call.caller_data import RELATIONS

    return RELATIONS


def field_problem(name: str, value: str) -> str | None:
    """What the desk would say of ``value`` typed in caller field ``name`` (None: fine)."""
    from swat_tui.domain.call.caller_data import check_field

    try:
        check_field(name, value)
    except DomainError as error:
        return error.message
    return None


def agent_field(name: str) -> bool:
    """Whether ``name`` is a call field the agent types (``domain.call.fields``)."""
    from swat_tui.domain.call.fields import field_of

    found = field_of(name)
    return found is not None and found.agent_settable


def agent_fields() -> tuple[str, ...]:
    from swat_tui.domain.call.fields import FIELDS

    return tuple(field.name for field in FIELDS if field.agent_settable)


@cache
def branches() -> tuple[str, ...]:
    from swat_tui.domain.procedure.definition import load_procedure

    return load_procedure().branch_ids


@cache
def subflows(branch: str) -> tuple[str, ...]:
    """The sub-flows the branch's entry panel offers (``data/branch_routes.toml``)."""
    from swat_tui.domain.procedure.definition import load_routes

    return tuple(route.subflow for route in load_routes().subflows(branch))


@cache
def check_ids() -> tuple[str, ...]:
    """The procedure's check ids, step by step (what ``call.record_check`` records)."""
    from swat_tui.domain.procedure.definition import load_procedure

    return tuple(check.id for step in load_procedure().steps for check in step.checks)


@cache
def _ucc() -> dict[str, str]:
    from swat_tui.domain.call.ucc import default_path, read_csv

    return {entry.code: entry.branch for entry in read_csv(default_path())}


def ucc_branch(code: str) -> str | None:
    """The branch of UCC code ``code`` in the shipped catalogue, None when not in it."""
    return _ucc().get(code)


@cache
def dime_areas() -> tuple[str, ...]:
    from swat_tui.domain.dime.areas import load_areas

    return tuple(area.id for area in load_areas().areas)


def intent(name: str) -> ModelIntent | None:
    return registry().get(name)


def kind_name(kind: type) -> str:
    return _KIND_NAMES.get(kind, "un valor")
