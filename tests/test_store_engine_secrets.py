"""What the store says when it fails names no password and no customer's data.

A driver error's text carries the statement's parameters (a customer's name,
a password hash); a URL that cannot be read carries its password. Both reach
the operator's screen (``swat: error: ...``) and the error log.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from swat_tui.store.engine import make_engine, write_session
from swat_tui.store.errors import StoreError
from swat_tui.store.models import Agent


def _agent() -> Agent:
    return Agent(
        username="ASESOR01",
        display_name="Laura Gómez 1012345678",
        role="asesor",
        password_hash="$argon2id$v=19$m=19456,t=2,p=1$HASH-SECRETO",
        created_at=datetime(2026, 3, 10, tzinfo=UTC),
    )


def test_a_driver_error_does_not_carry_the_statements_values(store_engine: Engine) -> None:
    with write_session(store_engine) as session:
        session.add(_agent())
    with pytest.raises(IntegrityError) as raised, write_session(store_engine) as session:
        session.add(_agent())
    text = str(raised.value)
    assert "UNIQUE constraint failed" in text or "duplicate key value" in text
    assert "1012345678" not in text and "HASH-SECRETO" not in text


@pytest.mark.parametrize(
    "url",
    [
        "postgresql//operador:Clave2026@servidor/swat",  # a colon forgotten
        "postgresql://operador:Clave2026@servidor:puerto/swat",  # a port that is no number
    ],
)
def test_a_url_that_cannot_be_read_is_said_without_its_password(url: str) -> None:
    with pytest.raises(StoreError) as raised:
        make_engine(url)
    message = str(raised.value)
    assert message.startswith("URL de base de datos inválida:")
    assert "Clave2026" not in message and "operador:***@servidor" in message
