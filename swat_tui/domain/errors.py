"""The one exception the domain raises for anything an agent did or must do."""

from swat_tui.domain.messages import text
from swat_tui.store.errors import StoreBusy

__all__ = [
    "CHANGED",
    "MESSAGE_WIDTH",
    "DomainError",
    "StoreBusy",
    "account_not_found",
    "refusal",
]

MESSAGE_WIDTH = 79  # row 24 of a 24x80 screen, less the attribute byte
# DomainError.code of a refusal because the record changed since the agent's panel read
# it (domain/versions.py): the panel reads it again and keeps what the agent typed.
CHANGED = "changed"


class DomainError(Exception):
    """A rule said no; ``message`` (es-CO) goes on the message line as it is.

    ``code`` is the RR/OS400 message id when there is one (``"CPF1107"``), so a
    screen or a test can react to the kind of error without parsing the text.
    ``rule`` is the message catalogue's id of the rule that refused (""
    when unknown): the audit of refused intents and a scorecard quote it.
    """

    def __init__(self, message: str, *, code: str | None = None, rule: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.rule = rule

    def __repr__(self) -> str:
        return f"DomainError({self.message!r}, code={self.code!r}, rule={self.rule!r})"


def refusal(rule: str, /, *, code: str | None = None, **values: object) -> DomainError:
    """The ``DomainError`` of catalogue entry ``rule`` (data/messages.toml): its
    text with ``values`` filled in, the RR ``code`` when there is one, and the id
    for the audit and a scorecard."""
    return DomainError(text(rule, **values), code=code, rule=rule)


def account_not_found(cuenta: int) -> DomainError:
    """The error every service gives for an RR number with no account behind it."""
    return refusal("account.not_found", cuenta=cuenta)
