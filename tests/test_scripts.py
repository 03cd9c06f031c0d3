"""Call scripts from data/scripts.toml: placeholders filled literally, missing ones named."""

from __future__ import annotations

import pytest

from swat_tui.domain.call.scripts import (
    get_script,
    parse_scripts,
    script,
    script_book,
)
from swat_tui.domain.errors import DomainError


def test_welcome_names_the_agent() -> None:
    assert script("welcome", agent="Laura Gómez") == (
        "Bienvenido(a) a Claro, le habla Laura Gómez. ¿Con quién tengo el gusto?"
    )


def test_closing_protocol_scripts() -> None:
    assert script("anything_else") == "¿Hay algo más en lo que le pueda ayudar?"
    closing = script("closing", agent="Laura")
    assert "Gracias por comunicarse con Claro, le habló Laura." in closing
    assert closing.endswith("Que tenga un excelente día.")
    assert "encuesta" in script("survey")


def test_every_shipped_script_fills_with_its_placeholders() -> None:
    for name, entry in script_book().scripts.items():
        values = {field: "X" for field in entry.placeholders}
        text = script(name, **values)
        assert "{" not in text and "}" not in text, name
        assert entry.title


def test_capture_prompts_exist() -> None:
    for name in ("capture_name", "capture_document", "capture_relation", "capture_callback"):
        assert get_script(name).text.endswith("?")


def test_values_are_inserted_literally() -> None:
    tricky = "Ana {customer} [bold]x[/] {0} %s"
    assert script("welcome", agent=tricky) == (
        f"Bienvenido(a) a Claro, le habla {tricky}. ¿Con quién tengo el gusto?"
    )


def test_unused_values_are_ignored() -> None:
    assert script("anything_else", agent="Laura") == "¿Hay algo más en lo que le pueda ayudar?"


def test_a_missing_placeholder_is_named() -> None:
    with pytest.raises(DomainError) as caught:
        script("welcome")
    assert caught.value.message == "Guion welcome: falta el dato {agent}."


def test_an_unknown_script_is_named() -> None:
    with pytest.raises(DomainError) as caught:
        script("despedida")
    assert "despedida" in caught.value.message


def test_escaped_braces_and_refused_fields() -> None:
    book = parse_scripts({"x": {"text": "{{literal}} {agent}"}})
    assert book.scripts["x"].fill(agent="A") == "{literal} A"
    assert book.scripts["x"].title == "x"
    for bad in ("{agent!r}", "{agent:>10}", "{0}", "{}", "{agent.name}", "{agent"):
        with pytest.raises(ValueError):
            parse_scripts({"x": {"text": bad}})
    with pytest.raises(ValueError):
        parse_scripts({"x": {"title": "sin texto"}})
