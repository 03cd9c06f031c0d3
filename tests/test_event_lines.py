"""The short Spanish line of each event a leader or a trainer reads (SUP010, TRN012)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from swat_tui.domain.call.event_lines import event_line


@dataclass(frozen=True)
class _Event:
    kind: str
    check: str
    result: str
    detail: str = ""
    request: int = 0
    step: int = 1
    at: datetime = datetime(2026, 11, 28, 14, 30, tzinfo=UTC)


def test_what_was_typed_and_left_names_the_panel_not_the_event_id() -> None:
    """A ``tecleado:LLM001`` event reads "Teclea en LLM001" (it read "Deja digitado en
    tecleado:LLM001", seen following a call in tmux)."""
    line = event_line(_Event("typed", "tecleado:LLM001", "name document"))
    assert line.label == "Teclea en LLM001"


def test_a_check_is_named_as_the_guide_names_it() -> None:
    line = event_line(_Event("check", "saludo", "guion leído"))
    assert line.label.startswith("Marca Guion de bienvenida")


def test_a_question_to_the_caller_reads_as_what_was_asked() -> None:
    """It read "Pregunta al cliente: caller_name" (a raw id on TRN012 and SUP010)."""
    asked = event_line(_Event("note", "pregunta", "caller_name"))
    assert asked.label == "Pregunta al cliente el nombre de quien llama"
    more = event_line(_Event("note", "pregunta", "algo_mas"))
    assert more.label == "Pregunta al cliente si necesita algo más"
