"""The call's fields, declared: every key a call keeps, its scope, who writes it, what it holds.

A call keeps caller data in columns of its row and everything else in
``CallState.fields`` under string keys; a key nobody declared here is a key
nobody can read back with confidence. ``CallService.set_field`` takes only a
field declared agent-settable; engine- and action-owned fields are written
by their own intents (an offer, a kept panel, a booking, a PQR filed...), so
a stray write cannot, say, change the sub-flow's code or a filed CUN.

The templates themselves stay where ``CallState`` reads them
(``procedure.state``); this module declares them all, adds the ones only
screens used to invent, and answers "which field is this name?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from swat_tui.domain.errors import refusal
from swat_tui.domain.procedure.state import (
    CALLER_SAYS_FIELD,
    CUN_FIELD,
    DIME_FIELD,
    FOLLOW_BRANCH_FIELD,
    FRONT_FIELD,
    SUBFLOW_FIELD,
    SUGGESTED_CODE_FIELD,
    SUPPORT_ROUTE_FIELD,
    TD_PATH_FIELD,
    TD_TREE_FIELD,
    TYPED_PREFIX,
)

# TIP001's notes of a request: typed by the agent, or offered by an action (a visit
# booked, a CGO form filed) for the agent to edit there.
TYPIFICATION_NOTES_FIELD = "typification_notes_{number}"


class Scope(StrEnum):
    """Whether a field belongs to the whole call or to one of its requests."""

    CALL = "call"
    REQUEST = "request"


class Writer(StrEnum):
    """Who may write a field."""

    AGENT = "agent"  # typed by the agent: ``CallService.set_field``
    ENGINE = "engine"  # the call service's own intents (offer, keep_typed, set_front)
    ACTION = "action"  # an area's action, through ``CallChange.set_request_field``


@dataclass(frozen=True)
class FieldDef:
    """One declared field: its key (a template for per-request ones), scope, writers."""

    name: str  # the key, or its template ("ucc_{number}", "typed:{scope}:{panel}:")
    scope: Scope
    writers: frozenset[Writer]
    holds: str  # what it holds, for a reader of the store
    column: bool = False  # a column of the call row, not a ``CallState.fields`` key

    @property
    def agent_settable(self) -> bool:
        return Writer.AGENT in self.writers

    def matches(self, key: str) -> bool:
        return _pattern(self.name).fullmatch(key) is not None


_AGENT = frozenset({Writer.AGENT})
_ENGINE = frozenset({Writer.ENGINE})
_ACTION = frozenset({Writer.ACTION})
_CALL, _REQUEST = Scope.CALL, Scope.REQUEST

FIELDS: tuple[FieldDef, ...] = (
    FieldDef("caller_name", _CALL, _AGENT, "el nombre de quien llama", column=True),
    FieldDef("caller_document", _CALL, _AGENT, "su documento (solo dígitos)", column=True),
    FieldDef("caller_relation", _CALL, _AGENT, "su relación con el titular", column=True),
    FieldDef("callback_number", _CALL, _AGENT, "el número para devolver la llamada", column=True),
    FieldDef(CALLER_SAYS_FIELD, _CALL, _ENGINE, "lo que pedirá un cliente de práctica"),
    FieldDef(SUBFLOW_FIELD, _REQUEST, _AGENT, "el sub-flujo elegido en la rama (pasos 3-6)"),
    FieldDef(
        TYPIFICATION_NOTES_FIELD,
        _REQUEST,
        frozenset({Writer.AGENT, Writer.ACTION}),
        "las observaciones de TIP001 (tecleadas u ofrecidas por la acción)",
    ),
    FieldDef(SUGGESTED_CODE_FIELD, _REQUEST, _ACTION, "el código UCC que propone la acción"),
    FieldDef(CUN_FIELD, _REQUEST, _ACTION, "el CUN de la PQR radicada"),
    FieldDef(DIME_FIELD, _REQUEST, _ACTION, "el caso DIME al que se escaló"),
    FieldDef(TD_TREE_FIELD, _REQUEST, _ACTION, "el árbol T&D recorrido (archivo)"),
    FieldDef(TD_PATH_FIELD, _REQUEST, _ACTION, "las respuestas dadas en él, con espacios"),
    FieldDef(SUPPORT_ROUTE_FIELD, _REQUEST, _ACTION, "la ruta de escalamiento de soporte"),
    FieldDef(FOLLOW_BRANCH_FIELD, _REQUEST, _ACTION, "la rama que sigue a la propia (visita)"),
    FieldDef(TYPED_PREFIX, _REQUEST, _ENGINE, "lo tecleado y dejado en un panel"),
    FieldDef(FRONT_FIELD, _REQUEST, _ENGINE, "el panel encima del propio del paso"),
)


def _pattern(template: str) -> re.Pattern[str]:
    text = re.escape(template)
    for slot, value in (
        (r"\{number\}", r"(?:0|[1-9][0-9]*)"),  # 0: before the first request
        (r"\{scope\}", r"[1-9][0-9]*"),
        (r"\{panel\}", r"[A-Z0-9]+"),
    ):
        text = text.replace(slot, value)
    if template == TYPED_PREFIX:
        text += ".+"  # the prefix, then the panel's own field name
    return re.compile(text)


_PATTERNS = tuple((_pattern(field.name), field) for field in FIELDS)
_BY_TEMPLATE = {field.name: field for field in FIELDS}


def field_of(key: str) -> FieldDef | None:
    """The declared field ``key`` is (a per-request key matches its template), or None."""
    return next((field for pattern, field in _PATTERNS if pattern.fullmatch(key)), None)


def declared(template: str) -> FieldDef:
    """The field declared under ``template`` (a programming error if there is none)."""
    found = _BY_TEMPLATE.get(template)
    if found is None:
        raise ValueError(f"field {template!r} is not declared in domain.call.fields")
    return found


def settable_by_agent(key: str) -> FieldDef:
    """The field ``key`` if the agent may type it, else the refusal for row 24."""
    found = field_of(key)
    if found is None:
        raise refusal("call.field_undeclared", key=key[:30])
    if not found.agent_settable:
        who = "el procedimiento" if Writer.ENGINE in found.writers else "su acción"
        raise refusal("call.field_not_settable", key=key[:30], who=who)
    return found
