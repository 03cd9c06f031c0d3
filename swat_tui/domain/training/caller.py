"""The simulated caller: what the scenario's caller says, in reaction to the call.

The caller's words are a function of the scenario and the call's events alone
(``transcript``): the opening when the agent answers, the request after the
welcome script, an answer to each thing the agent asks (``call.ask``: a caller
field, the identity questions, "¿algo más?"), a reaction to a hold, a resume or
a transfer. The same scenario and the same actions give the same words. Where
the scenario gives no line, the caller says its mood's line
(``data/caller_moods.toml``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.intents import ASK_EVENT
from swat_tui.domain.call.replay import StoredEvent
from swat_tui.domain.training.scenario import Scenario
from swat_tui.paths import data_dir

MOODS = ("tranquilo", "molesto", "furioso", "confundido", "apurado")
WELCOME_CHECK = "saludo"


@dataclass(frozen=True)
class CallerLine:
    """One thing the caller said, when, and what the agent did that made them say it."""

    at: datetime
    cue: str  # opening, request, answer:<what>, identity, hold, resume, transfer, closing, second
    text: str


CALLER_PREFIX = "Cliente: "


def quoted(text: str) -> str:
    """The caller's words as a panel shows them: ``Cliente: «...»``."""
    return f"{CALLER_PREFIX}«{text}»"


@cache
def mood_lines() -> dict[str, dict[str, str]]:
    """Each mood's default lines, by cue."""
    with (data_dir() / "caller_moods.toml").open("rb") as handle:
        loaded = tomllib.load(handle)
    return {mood: {cue: str(text) for cue, text in lines.items()} for mood, lines in loaded.items()}


def _mood(scenario: Scenario, cue: str) -> str:
    lines = mood_lines().get(scenario.caller.mood) or mood_lines()["tranquilo"]
    return lines.get(cue, "")


def _said(scenario: Scenario, cue: str) -> str:
    """The scenario's own line for ``cue``, else the mood's."""
    own = str(getattr(scenario.caller.lines, cue, "") or "")
    return own or _mood(scenario, cue)


def answer(scenario: Scenario, what: str, *, requests_started: int) -> tuple[str, str]:
    """The caller's answer to the agent asking ``what``: (cue, text)."""
    caller = scenario.caller
    if what == "algo_mas":
        if requests_started < len(scenario.expected):
            return "second", scenario.expected[requests_started].says
        return "closing", _said(scenario, "closing")
    if what == "identidad":
        return "identity", caller.lines.identity or _mood(scenario, "unknown")
    if what == "oferta":
        return "offer", _said(scenario, "offer")
    if what == "solicitud":
        return "request", _request(scenario)
    given = caller.answers.get(what)
    if given is None:
        given = {
            "caller_name": caller.name,
            "caller_document": caller.document,
            "caller_relation": caller.relation,
            "callback_number": caller.phone,
        }.get(what, "")
    return f"answer:{what}", given or _mood(scenario, "unknown")


def _request(scenario: Scenario) -> str:
    if scenario.caller.lines.request:
        return scenario.caller.lines.request
    return scenario.expected[0].says if scenario.expected else ""


def transcript(scenario: Scenario, events: Iterable[StoredEvent]) -> tuple[CallerLine, ...]:
    """Everything the caller said in the call whose ``events`` (oldest first) are given."""
    lines: list[CallerLine] = []
    requests: set[int] = set()
    told_request = False
    for event in events:
        kind = event.kind
        said: tuple[str, str] | None = None
        if kind == EventKind.ANSWER:
            said = ("opening", _said(scenario, "opening"))
        elif kind == EventKind.CHECK and event.check == WELCOME_CHECK and not told_request:
            told_request = True
            said = ("request", _request(scenario))
        elif kind == EventKind.REQUEST:
            requests.add(event.request)
        elif kind in (EventKind.HOLD, EventKind.RESUME, EventKind.TRANSFER):
            cue = {EventKind.HOLD: "hold", EventKind.RESUME: "resume"}.get(
                EventKind(kind), "transfer"
            )
            said = (cue, _said(scenario, cue))
        elif kind == EventKind.NOTE and event.check == ASK_EVENT:
            said = answer(scenario, event.result, requests_started=max(len(requests), 1))
        if said is not None and said[1]:
            lines.append(CallerLine(event.at, said[0], said[1]))
    return tuple(lines)


@cache
def _asks() -> dict[str, dict[str, str]]:
    with (data_dir() / "caller_asks.toml").open("rb") as handle:
        loaded = tomllib.load(handle)
    return {panel: {f: str(w) for f, w in fields.items()} for panel, fields in loaded.items()}


def asked_by_field(panel: str, field: str) -> str:
    """What reaching ``field`` of ``panel`` asks the caller ("" for nothing)."""
    return _asks().get(panel, {}).get(field, "")
