"""A scenario's model answer told panel by panel: the demonstration a trainee replays.

``demonstration(scenario, procedure)`` is pure: it walks the model steps with their
call clock (each step's ``seconds``, counted from the moment the call is answered, as
the scorecard counts), decides on which RR panel each one happens and says in Spanish
what the agent does there (``data/demonstration.toml``), puts the simulated caller's
words where the caller would say them (``caller.transcript`` over the events the
steps would leave), and groups consecutive steps on one panel into a page.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from swat_tui.domain.call.events import EventKind
from swat_tui.domain.call.fields import field_of
from swat_tui.domain.call.intents import ASK_EVENT
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.training.caller import transcript
from swat_tui.domain.training.scenario import ModelStep, Scenario
from swat_tui.paths import data_dir

AGENT = "Asesor"
CALLER = "Cliente"
START_PANEL = "SFT001"  # the call rings on the softphone
# Where a step happens, when not a panel id (see data/demonstration.toml).
CHECK, ENTRY, ASK, HERE = "check", "entry", "ask", "here"
ADVANCE = "call.advance"


@dataclass(frozen=True)
class DemoLine:
    """One line of the demonstration: when (seconds since answered), who, what."""

    moment: int
    who: str  # AGENT or CALLER
    text: str


@dataclass(frozen=True)
class DemoPage:
    """Consecutive model steps on one RR panel, with what the caller says meanwhile."""

    panel: str
    title: str
    lines: tuple[DemoLine, ...]


@dataclass(frozen=True)
class Place:
    """Where an intent (or an ask) happens and the sentence that says it."""

    panel: str
    text: str
    stay: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoTexts:
    """``data/demonstration.toml`` read: intents, asks and the words sentences use."""

    intents: Mapping[str, Place]
    asks: Mapping[str, Place]
    words: Mapping[str, str]
    fields: Mapping[str, str]

    def placeholders(self) -> set[str]:
        """Every placeholder the sentences name (for the data file's test)."""
        names: set[str] = set()
        for place in (*self.intents.values(), *self.asks.values()):
            names |= {name for _, name, _, _ in string.Formatter().parse(place.text) if name}
        return names


def _place(raw: Mapping[str, object]) -> Place:
    stay = raw.get("stay", ())
    return Place(
        str(raw["panel"]),
        str(raw["text"]),
        tuple(str(p) for p in stay) if isinstance(stay, list) else (),
    )


@cache
def load_demo_texts(path: Path | None = None) -> DemoTexts:
    """The demonstration's data file (``data/demonstration.toml`` by default)."""
    with (path or data_dir() / "demonstration.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return DemoTexts(
        intents={name: _place(entry) for name, entry in raw["intent"].items()},
        asks={what: _place(entry) for what, entry in raw["ask"].items()},
        words={key: str(text) for key, text in raw["words"].items()},
        fields={name: str(text) for name, text in raw["field"].items()},
    )


@dataclass(frozen=True)
class _Event:
    """A call event a model step would leave, as ``caller.transcript`` reads it."""

    kind: str
    at: datetime
    request: int = 0
    check: str = ""
    result: str = ""
    detail: str = ""


_EPOCH = datetime(2000, 1, 1)


def _caller_words(scenario: Scenario, steps: Sequence[ModelStep]) -> dict[int, list[str]]:
    """What the simulated caller says after each step (by the step's index)."""
    events: list[_Event] = []
    requests = 0
    on_hold = False
    for index, step in enumerate(steps):
        at = _EPOCH + timedelta(seconds=index)
        if step.do == "answer":
            events.append(_Event(EventKind.ANSWER, at))
        elif step.do == "call.record_check":
            events.append(_Event(EventKind.CHECK, at, check=str(step.args.get("check_id", ""))))
        elif step.do == "call.ask":
            what = str(step.args.get("what", ""))
            events.append(_Event(EventKind.NOTE, at, check=ASK_EVENT, result=what))
        elif step.do == "call.start_request":
            requests += 1
            events.append(_Event(EventKind.REQUEST, at, request=requests))
        elif step.do == "hold_or_resume":
            events.append(_Event(EventKind.RESUME if on_hold else EventKind.HOLD, at))
            on_hold = not on_hold
        elif step.do == "transfer":
            events.append(_Event(EventKind.TRANSFER, at))
    said: dict[int, list[str]] = {}
    for line in transcript(scenario, events):
        said.setdefault(int((line.at - _EPOCH).total_seconds()), []).append(line.text)
    return said


def moments(steps: Sequence[ModelStep]) -> tuple[int, ...]:
    """Each step's moment: seconds since the call was answered (the clock moves by a
    step's seconds before it is done, as ``model_run.perform`` moves it)."""
    elapsed: list[int] = []
    total = 0
    for step in steps:
        total += step.seconds
        elapsed.append(total)
    answered = next((elapsed[i] for i, s in enumerate(steps) if s.do == "answer"), 0)
    return tuple(max(0, at - answered) for at in elapsed)


class _Walk:
    """Where each step happens: the call's panel as the steps move it."""

    def __init__(self, procedure: ProcedureDef, texts: DemoTexts) -> None:
        self.procedure = procedure
        self.texts = texts
        self.current = START_PANEL
        self.branch = ""

    def panel_of(self, step: ModelStep) -> str:
        place = self.texts.intents.get(step.do, Place(HERE, ""))
        panel = self._resolve(place, step)
        if step.do == "call.start_request":
            self.branch = str(step.args.get("branch", ""))
        self.current = self._after(panel) if step.do == ADVANCE else panel
        return panel

    def _after(self, panel: str) -> str:
        """Where Intro on ``panel`` takes the call: the next step's panel (a branch
        step's is its entry panel; from a branch's panels, the typification's)."""
        steps = self.procedure.steps
        numbers = [step.number for step in steps if step.panel == panel]
        later = [step for step in steps if step.number > numbers[0]] if numbers else []
        if not numbers:  # a branch panel: the first step after the branches
            later = [step for step in steps if step.branch is None and step.number > 2]
        for step in later:
            if step.branch is None:
                return step.panel or panel
            if step.branch == self.branch and self.procedure.routes is not None:
                return self.procedure.routes.entry(self.branch).panel
        return panel

    def _resolve(self, place: Place, step: ModelStep) -> str:
        if self.current in place.stay:
            return self.current
        if place.panel == HERE:
            return self.current
        if place.panel == CHECK:
            check = self.procedure.check(str(step.args.get("check_id", "")))
            if check is None:
                return self.current
            return check.panel or self.procedure.step(check.step).panel or self.current
        if place.panel == ENTRY:
            routes = self.procedure.routes
            if routes is None or not self.branch:
                return self.current
            return routes.entry(self.branch).panel
        if place.panel == ASK:
            asked = self.texts.asks.get(str(step.args.get("what", "")))
            return self._resolve(asked, step) if asked is not None else self.current
        return place.panel


def _value(value: object, words: Mapping[str, str]) -> str:
    """An argument as the sentence shows it: a reference to a saved result is the
    data the panel shows, not the reference."""
    if isinstance(value, bool):
        return "sí" if value else "no"
    text = str(value)
    if text == "=cuenta":
        return words.get("cuenta", "")
    if text.startswith("="):
        return words.get("reference", "")
    return text


class _Sentences:
    """What the agent does in each step, in Spanish."""

    def __init__(self, procedure: ProcedureDef, texts: DemoTexts) -> None:
        self.procedure = procedure
        self.texts = texts
        self.branch = ""
        self.on_hold = False

    def say(self, step: ModelStep, next_title: str) -> str:
        texts = self.texts
        words = texts.words
        values: dict[str, str] = {
            name: _value(value, words) for name, value in step.args.items() if name != "seconds"
        }
        values["next"] = next_title
        template = texts.intents[step.do].text if step.do in texts.intents else step.do
        if step.do == "call.record_check" or step.do == "call.revoke_check":
            check = self.procedure.check(values.get("check_id", ""))
            values["check"] = check.label if check is not None else values.get("check_id", "")
            if "result" not in values:
                values["result"] = check.result if check is not None else ""
        elif step.do == "call.ask":
            what = values.get("what", "")
            asked = texts.asks.get(what)
            if asked is not None:
                values["what"] = asked.text
            else:
                values["what"] = words["ask"].format(field=self._field(what))
        elif step.do == "call.set_field":
            values["field"] = self._field(values.get("name", ""))
        elif step.do == ADVANCE and not next_title:
            template = words["intro"]
        elif step.do == "call.start_request":
            self.branch = values.get("branch", "")
            values["branch"] = self._branch_name(self.branch)
        elif step.do == "call.choose_subflow":
            values["subflow"] = self._subflow(values.get("option", ""))
        elif step.do == "call.typify":
            first = bool(step.args.get("first_contact"))
            values["contact"] = words["first_contact"] if first else words["cun"]
        elif step.do == "hold_or_resume":
            if self.on_hold:
                template = words["resume"]
            self.on_hold = not self.on_hold
        return template.format_map(_Missing(values))

    def _field(self, name: str) -> str:
        if name in self.texts.fields:
            return self.texts.fields[name]
        declared = field_of(name)
        return declared.holds if declared is not None else name

    def _branch_name(self, branch: str) -> str:
        known = {b.id: b.name for b in self.procedure.branches}
        return known.get(branch, branch)

    def _subflow(self, option: str) -> str:
        routes = self.procedure.routes
        if routes is None or not self.branch:
            return option
        try:
            return routes.by_option(self.branch, option).label
        except (KeyError, LookupError, ValueError):
            return option


class _Missing(dict[str, str]):
    """Format values: a placeholder the step does not give shows nothing."""

    def __missing__(self, key: str) -> str:
        return ""


def demonstration(
    scenario: Scenario,
    procedure: ProcedureDef,
    *,
    title: Callable[[str], str] | None = None,
    texts: DemoTexts | None = None,
) -> tuple[DemoPage, ...]:
    """The scenario's model answer as pages, one per run of steps on one panel; ``title``
    gives a panel's title (the UI passes its display files'), none: no titles. A
    scenario without model answer has no pages."""
    steps = scenario.model
    texts = texts or load_demo_texts()
    titled = title or (lambda panel: "")
    walk = _Walk(procedure, texts)
    panels = [walk.panel_of(step) for step in steps]
    said = _caller_words(scenario, steps)
    at = moments(steps)
    sentences = _Sentences(procedure, texts)
    runs: list[tuple[str, list[DemoLine]]] = []
    for index, step in enumerate(steps):
        following = panels[index + 1] if index + 1 < len(panels) else panels[index]
        next_title = ""
        if following != panels[index]:
            next_title = " ".join(part for part in (following, titled(following)) if part)
        lines = []
        text = sentences.say(step, next_title)
        if text:
            lines.append(DemoLine(at[index], AGENT, text))
        lines.extend(DemoLine(at[index], CALLER, words) for words in said.get(index, []))
        if not lines:
            continue
        if runs and runs[-1][0] == panels[index]:
            runs[-1][1].extend(lines)
        else:
            runs.append((panels[index], lines))
    return tuple(DemoPage(panel, titled(panel), tuple(lines)) for panel, lines in runs)
