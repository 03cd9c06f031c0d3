"""The procedure state of one call: what was checked, when, with what result.

Immutable and JSON-serialisable: the call service writes it to the store after
every change, so a killed process resumes exactly where it stopped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime

from swat_tui.domain.procedure.check_ids import TYPIFICATION

SUBFLOW_FIELD = "subflow_{number}"  # CallState.fields key of a request's sub-flow
CALLER_SAYS_FIELD = "caller_says"  # a practice caller's request, as they will say it
# What a sub-flow did for a request, for its typification (CallState.fields keys):
SUGGESTED_CODE_FIELD = "ucc_{number}"  # the UCC code the action suggests (TIP001 fills it)
CUN_FIELD = "cun_{number}"  # the CUN a filed PQR was given (the typification reuses it)
DIME_FIELD = "dime_{number}"  # the DIME case the request was escalated to
TD_TREE_FIELD = "td_tree_{number}"  # the T&D tree walked for the request (file stem)
TD_PATH_FIELD = "td_path_{number}"  # the answers given in it so far, space-separated
# The escalation route support chose for a request (a key of support.td_trees.ROUTES):
SUPPORT_ROUTE_FIELD = "route_{number}"
# A branch the request goes on to after its own (soporte -> visita for a physical
# failure): its step applies too, entered by its entry panel.
FOLLOW_BRANCH_FIELD = "then_{number}"
# What the agent typed on a panel and left there (Tab, a function key, the Espejo), kept
# for the request being worked on so a panel shown again, or resumed after a crash, shows
# it. A colon cannot appear in a field ``set_field`` takes, so nothing else writes these.
TYPED_PREFIX = "typed:{scope}:{panel}:"
# The panel on top of the step's own when the agent left it (VIS020 over VIS010), as
# "PANEL" or "PANEL option=value ...": a resumed call opens it again.
FRONT_FIELD = "front:{scope}"


@dataclass(frozen=True)
class Mark:
    """A check done: by which request (0 for call-wide checks), when, result."""

    check: str
    request: int
    result: str
    at: datetime


@dataclass(frozen=True)
class Request:
    """A customer request inside the call and the branch that handles it."""

    number: int  # 1, 2, ... in the order the customer asked
    branch: str
    description: str


@dataclass(frozen=True)
class CallState:
    """Where the call is in the procedure."""

    step: int = 1
    flags: frozenset[str] = frozenset()  # account flags: blacklist, pqr_pendiente, ...
    marks: tuple[Mark, ...] = ()
    requests: tuple[Request, ...] = ()
    ended: bool = False
    fields: dict[str, str] = field(default_factory=dict)  # captured caller data, notes

    @property
    def request(self) -> Request | None:
        """The request being handled now."""
        return self.requests[-1] if self.requests else None

    @property
    def awaiting_request(self) -> bool:
        """Back at step 2 after the last request was typified ("¿otra solicitud?" S):
        the next request is still to be recorded, and nothing of the last one is
        current any more."""
        return (
            self.step == 2
            and not self.ended
            and self.request is not None
            and self.mark_for(TYPIFICATION, self.request_number) is not None
        )

    @property
    def request_number(self) -> int:
        return self.requests[-1].number if self.requests else 0

    @property
    def subflow(self) -> str:
        """The sub-flow chosen for the current request ("" while none; steps 3-6)."""
        return self.fields.get(SUBFLOW_FIELD.format(number=self.request_number), "")

    @property
    def request_branches(self) -> frozenset[str]:
        """The branches whose steps the current request goes through: its own, and the
        one its route sent it on to (``FOLLOW_BRANCH_FIELD``)."""
        if self.request is None:
            return frozenset()
        followed = self.request_field(FOLLOW_BRANCH_FIELD)
        return frozenset({self.request.branch, followed} - {""})

    def subflow_in(self, branch: str) -> str:
        """The sub-flow of the current request in ``branch``: a followed branch is
        handled on its entry panel ("")."""
        request = self.request
        return self.subflow if request is not None and request.branch == branch else ""

    def mark_for(self, check: str, request: int) -> Mark | None:
        for mark in reversed(self.marks):
            if mark.check == check and mark.request == request:
                return mark
        return None

    def with_field(self, name: str, value: str) -> CallState:
        return replace(self, fields={**self.fields, name: value})

    @property
    def typing_scope(self) -> int:
        """The request the agent is typing for: the current one, or the next while none is
        in progress (step 1, or back at step 2 after the last was typified)."""
        if self.request is None or self.awaiting_request:
            return self.request_number + 1
        return self.request_number

    def typed(self, panel: str) -> dict[str, str]:
        """What was typed and left on ``panel`` for the request being worked on."""
        prefix = TYPED_PREFIX.format(scope=self.typing_scope, panel=panel)
        return {
            name[len(prefix) :]: value
            for name, value in self.fields.items()
            if name.startswith(prefix)
        }

    def with_typed(self, panel: str, values: dict[str, str]) -> CallState:
        """``typed`` with ``values`` kept; an empty value drops the field's entry."""
        prefix = TYPED_PREFIX.format(scope=self.typing_scope, panel=panel)
        fields = dict(self.fields)
        for name, value in values.items():
            if value:
                fields[prefix + name] = value
            else:
                fields.pop(prefix + name, None)
        return replace(self, fields=fields)

    @property
    def front(self) -> str:
        """The panel the agent had on top of the step's own (``FRONT_FIELD``), or ""."""
        return self.fields.get(FRONT_FIELD.format(scope=self.typing_scope), "")

    def with_front(self, front: str) -> CallState:
        key = FRONT_FIELD.format(scope=self.typing_scope)
        fields = {name: value for name, value in self.fields.items() if name != key}
        return replace(self, fields={**fields, key: front} if front else fields)

    def request_field(self, template: str) -> str:
        """The current request's value of a per-request field (``CUN_FIELD``...), or ""."""
        return self.fields.get(template.format(number=self.request_number), "")

    def to_json(self) -> str:
        return json.dumps(
            {
                "step": self.step,
                "flags": sorted(self.flags),
                "marks": [[m.check, m.request, m.result, m.at.isoformat()] for m in self.marks],
                "requests": [[r.number, r.branch, r.description] for r in self.requests],
                "ended": self.ended,
                "fields": self.fields,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> CallState:
        raw = json.loads(text or "{}")
        return cls(
            step=raw.get("step", 1),
            flags=frozenset(raw.get("flags", ())),
            marks=tuple(
                Mark(check, request, result, datetime.fromisoformat(at))
                for check, request, result, at in raw.get("marks", ())
            ),
            requests=tuple(Request(n, b, d) for n, b, d in raw.get("requests", ())),
            ended=raw.get("ended", False),
            fields=dict(raw.get("fields", {})),
        )
