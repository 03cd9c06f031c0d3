"""The message catalogue (data/messages.toml): one place for the domain's row-24 texts.

A rule's text lives in the catalogue under an id, never as a literal in the
domain's code, so an operator edits it in one file and a scorecard quotes it.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import swat_tui
from swat_tui.domain.dime.areas import load_areas
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError, refusal
from swat_tui.domain.messages import catalogue, flatten, text

PACKAGE = Path(swat_tui.__file__).parent
DOMAIN = PACKAGE / "domain"
SCREENS = PACKAGE / "ui" / "screens"
ERRORS = {"DomainError", "RuleViolation"}
# What the data-file checks say goes to the CLI, not to row 24.
NOT_ROW_24 = "files."
# Sample values at the width they reach on a screen; any other placeholder: 10 characters.
SAMPLES: dict[str, object] = {
    "step": 8,
    "age": 9999,  # seconds since a presence's heartbeat
    "wait": 99,
    "pending": "x" * 10,
    "check": "x" * 30,
    "needed": "x" * 30,
    "options": "x" * 40,
    "motive": "x" * 20,
    "area": "x" * 20,
    "number": "x" * 12,
    "last": 99,
    "length": 999,
    "minimum": 99,
    "maximum": 999,
    "due": "31/12/2026",
    "attempts": 9,
    "kind": "LLS",
    "status": "NO REALIZADA",  # the longest work-order status
}
# Rules whose values are known narrower than the samples above: a DIME text names one of
# the shipped areas (data/dime_areas.toml), counts the data typed (fewer than the area's
# data_min, at most 200) and dates as dd/mm/yy; tests/test_dime.py checks every dime.*
# text with the shipped areas' widest values too.
LONGEST_DIME_AREA = max((area.name for area in load_areas().areas), key=len)
# A stale-version text names who changed the record and when ("10:42", or "27/11 10:42"
# another day) only when it fits with what changed; else it names what changed alone, or
# "varios datos" (domain/versions.py chooses; tests/test_two_agents_one_record.py checks
# every choice fits): here, a 10-character username with the longer time and one field.
CHANGED_BY: dict[str, object] = {"by": "x" * 10, "at": "27/11 10:42", "what": "estado"}
RULE_SAMPLES: dict[str, dict[str, object]] = {
    "dime.created": {"area": LONGEST_DIME_AREA, "due": "31/12/26"},
    "dime.data_short": {"area": LONGEST_DIME_AREA, "typed": 199},
    "changed.order_by": CHANGED_BY,
    "changed.case_by": CHANGED_BY,
}
# What a screen puts on row 24: the panel's line, a refusal, the line shown after a call.
ROW_24_CALLS = {"message", "_refuse", "after_call"} | ERRORS
# Row-24 texts a screen may keep as literals (none today: every rule, every hint of
# what to digit and every confirmation is in the catalogue's [ui.<folder>] tables).
# A text that is truly not worth an id goes here, with a comment saying why.
ROW_24_LITERALS_ALLOWED: set[str] = set()
INT_SAMPLE = 12345678  # fills a {cuenta:08d}
AN_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")  # not SQL given to text()


def _called(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _calls(root: Path) -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                yield where, node


def _is_procedure(node: ast.expr) -> bool:
    """``procedure.message`` / ``change.procedure.message``: the catalogue's rules."""
    if isinstance(node, ast.Name):
        return node.id == "procedure"
    return isinstance(node, ast.Attribute) and node.attr == "procedure"


def _ids_named_in_code() -> Iterator[tuple[str, str]]:
    for where, node in _calls(PACKAGE):
        name = _called(node)
        first = node.args[0] if node.args else None
        if name == "_violation" and len(node.args) > 1:
            first = node.args[1]
        elif name == "message" and isinstance(node.func, ast.Attribute):
            if not _is_procedure(node.func.value):
                continue
        elif name not in {"refusal", "text"}:
            first = None
        if name in ERRORS | {"refusal"}:
            for keyword in node.keywords:
                if keyword.arg == "rule" and isinstance(keyword.value, ast.Constant):
                    yield where, str(keyword.value.value)
        rule = first.value if isinstance(first, ast.Constant) else None
        if isinstance(rule, str) and (name != "text" or AN_ID.fullmatch(rule)):
            yield where, rule


def _texts(node: ast.expr) -> Iterator[ast.expr]:
    """The literal texts an expression can evaluate to (through ``a if c else b``, ``or``);
    a catalogue id (``procedure.message("confirm_done")``) is not a text."""
    if isinstance(node, ast.IfExp):
        yield from _texts(node.body)
        yield from _texts(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _texts(value)
    elif isinstance(node, ast.JoinedStr):
        yield node
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        is_text = bool(node.value) and not AN_ID.fullmatch(node.value)  # "" clears row 24
        if is_text:
            yield node


def _row_24_literals(tree: ast.AST) -> Iterator[ast.expr]:
    """Literal texts handed to row 24 by a call or returned by a ``key_refusal``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in ROW_24_CALLS:
            for argument in node.args:
                yield from _texts(argument)
        elif isinstance(node, ast.FunctionDef) and node.name == "key_refusal":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and inner.value is not None:
                    yield from _texts(inner.value)


def _sample(template: str, overrides: dict[str, object] | None = None) -> str:
    samples = {**SAMPLES, **(overrides or {})}
    parts = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        parts.append(literal)
        if field is None:
            continue
        value = samples.get(field, "x" * 10)
        if spec and spec[-1] in "dx":
            value = INT_SAMPLE
        shown = repr(value) if conversion == "r" else value
        parts.append(format(shown, spec or ""))
    return "".join(parts)


def test_domain_raises_no_literal_rule_text() -> None:
    """A new refusal takes its text from the catalogue, by id."""
    found = [
        f"{where}:{node.lineno}"
        for where, node in _calls(DOMAIN)
        if _called(node) in ERRORS
        and node.args
        and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
    ]
    assert not found, f"literal rule texts (use errors.refusal and data/messages.toml): {found}"


def test_screens_put_no_literal_text_on_row_24() -> None:
    """A screen's row-24 text comes from the catalogue (``messages.text("ui.<folder>...")``)."""
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}: {ast.unparse(node)}"
        for path in sorted(SCREENS.rglob("*.py"))
        for node in _row_24_literals(ast.parse(path.read_text(encoding="utf-8")))
        if ast.unparse(node) not in ROW_24_LITERALS_ALLOWED
    ]
    assert not found, f"literal row-24 texts (use messages.text and data/messages.toml): {found}"


def test_row_24_scan_sees_literal_texts() -> None:
    """The scan above finds a literal in each place a screen writes row 24 from."""
    source = """
class Panel:
    def key_refusal(self, key_id):
        return "Tecla F6: no aplica."
    def act(self, order):
        self.message(f"La orden {order} está abierta.", error=True)
        self._refuse(1, "Una a la vez." if order else self.desk.procedure.message("step"))
        raise DomainError("No hay llamada.")
"""
    texts = sorted(ast.unparse(text) for text in _row_24_literals(ast.parse(source)))
    assert texts == [
        "'No hay llamada.'",
        "'Tecla F6: no aplica.'",
        "'Una a la vez.'",
        "f'La orden {order} está abierta.'",
    ]


def test_every_ui_text_of_the_catalogue_is_used() -> None:
    """No stale entry in [ui.*]: each id is named (as a string) by the UI's code."""
    named = {
        node.value
        for path in (PACKAGE / "ui").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    unused = sorted(rule for rule in catalogue() if rule.startswith("ui.") and rule not in named)
    assert not unused, unused


def test_every_id_the_code_names_is_in_the_catalogue() -> None:
    named = list(_ids_named_in_code())
    assert len(named) > 150  # the scan sees the refusals
    missing = sorted({f"{where}: {rule}" for where, rule in named if rule not in catalogue()})
    assert not missing, missing


def test_catalogue_texts_fit_row_24() -> None:
    for rule, template in catalogue().items():
        if rule.startswith(NOT_ROW_24):
            continue
        sample = _sample(template, RULE_SAMPLES.get(rule))
        assert len(sample) <= MESSAGE_WIDTH, (rule, sample)


def test_refusal_carries_text_code_and_rule() -> None:
    error = refusal("account.not_found", cuenta=42)
    assert isinstance(error, DomainError)
    assert error.message == "La cuenta 00000042 no existe." == text("account.not_found", cuenta=42)
    assert (error.rule, error.code) == ("account.not_found", None)
    assert refusal("auth.supervisor_only", code="CPF2217").code == "CPF2217"


def test_ids_are_dotted_paths_of_the_file() -> None:
    assert flatten({"step": "a", "visit": {"book": "b"}, "files": {"ucc": {"x": "c"}}}) == {
        "step": "a",
        "visit.book": "b",
        "files.ucc.x": "c",
    }
    with pytest.raises(ValueError):
        flatten({"visit": {"book": 3}})
