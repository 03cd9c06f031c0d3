"""Usage errors (a bad value, an unknown option or command, a missing argument) in Spanish.

Typer words them in English inside a rich box. ``SwatGroup``, the top-level
command's class, runs the command line in non-standalone mode and says each
one as ``swat: error: ...`` on one line of stderr, with exit code 2; the help
and every other exit stay as Typer makes them.

Typer 0.29 carries its own copy of click: its exceptions come from
``typer._click`` (tests/test_cli_usage_errors.py notices if that moves).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any, NoReturn

import typer
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    FileError,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperGroup

from swat_tui.cli.errors import EXIT_ERROR

_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*)'\.(?: Did you mean (?P<hint>.*)\?)?$")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)$")
_RANGE = {
    "greater_than_equal": ("ge", "es menor que el mínimo ({})"),
    "greater_than": ("gt", "no es mayor que {}"),
    "less_than_equal": ("le", "es mayor que el máximo ({})"),
    "less_than": ("lt", "no es menor que {}"),
}
_NUMBER = {
    "int_parsing": "no es un número entero",
    "int_from_float": "no es un número entero",
    "int_type": "no es un número entero",
    "float_parsing": "no es un número",
    "float_type": "no es un número",
    "bool_parsing": "no es sí o no (true o false)",
}


class SwatGroup(TyperGroup):
    """The ``swat`` command: usage errors as one Spanish line and exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:  # the caller handles the exceptions itself
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except NoArgsIsHelpError:
            sys.exit(EXIT_ERROR)  # Typer has printed the help already
        except UsageError as error:
            _fail(spanish_message(error))
        except FileError as error:
            _fail(f"No se puede abrir el archivo {error.ui_filename}.")
        except ClickException as error:
            _fail(error.format_message())
        except typer.Abort:  # end of input or Ctrl+C at a prompt
            _fail("Operación cancelada.")
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str) -> NoReturn:
    typer.echo(f"swat: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def spanish_message(error: UsageError) -> str:
    """What went wrong, in Spanish, and where the command's help is."""
    message = _what(error)
    if error.ctx is not None:
        message += f" Ayuda: {error.ctx.command_path} --help"
    return message


def _what(error: UsageError) -> str:
    if isinstance(error, MissingParameter):
        kind = "el argumento" if _is_argument(error) else "la opción"
        return f"Falta {kind} {_name(error)}."
    if isinstance(error, BadParameter):
        return _bad_value(error)
    if isinstance(error, NoSuchOption):
        maybe = sorted(error.possibilities or ())
        suggestion = f" ¿Quiso decir {' o '.join(maybe)}?" if maybe else ""
        return f"Opción desconocida: {error.option_name}.{suggestion}"
    if isinstance(error, BadOptionUsage):
        if "requires an argument" in error.message:
            return f"Falta el valor de la opción {error.option_name}."
        if "does not take a value" in error.message:
            return f"La opción {error.option_name} no lleva valor."
        return f"Uso inválido de la opción {error.option_name}."
    if match := _NO_SUCH_COMMAND.match(error.message):
        hint = (match["hint"] or "").replace("'", "")
        suggestion = f" ¿Quiso decir {hint}?" if hint else ""
        return f"Comando desconocido: {match['name']}.{suggestion}"
    if match := _EXTRA_ARGUMENTS.match(error.message):
        if _takes_a_password(error):
            # Never echo them: a password typed without --password would be shown.
            return "Sobran argumentos. ¿Escribió la contraseña sin --password?"
        return f"Sobran argumentos: {match['args']}."
    return "Uso incorrecto del comando."


def _is_argument(error: BadParameter) -> bool:
    return error.param is not None and error.param.param_type_name == "argument"


def _name(error: BadParameter) -> str:
    """The option's flags or the argument's metavar, as the help shows them."""
    param = error.param
    if param is not None and param.param_type_name == "option" and param.opts:
        return " / ".join(param.opts)
    if param is not None:
        return param.get_error_hint().strip("'")
    hint = error.param_hint
    if isinstance(hint, str):
        return hint.strip("'")
    return " / ".join(hint or ("?",))


def _bad_value(error: BadParameter) -> str:
    name = _name(error)
    kind, given, context = _validation(error)
    reason = _reason(error, kind, context)
    shown = f"«{given}» " if given is not None else ""
    if reason is None:
        return f"Valor inválido para {name}: {shown}".rstrip() + "."
    return f"Valor inválido para {name}: {shown}{reason}."


def _validation(error: BadParameter) -> tuple[str, object | None, dict[str, Any]]:
    """Pydantic's error type, input and context behind Typer's message, when there is one."""
    cause = error.__cause__
    errors = getattr(cause, "errors", None)
    try:
        first = errors()[0] if callable(errors) else None
    except (IndexError, TypeError):
        first = None
    if not isinstance(first, dict):
        return "", None, {}
    return str(first.get("type", "")), first.get("input"), dict(first.get("ctx") or {})


def _reason(error: BadParameter, kind: str, context: dict[str, Any]) -> str | None:
    descriptor = getattr(error.param, "type_descriptor", None)
    text = error.message
    if getattr(descriptor, "is_datetime", False) or "does not match the format" in text:
        metavar = getattr(error.param, "metavar", None)
        return f"no es una fecha válida ({metavar})" if metavar else "no es una fecha válida"
    choices = getattr(descriptor, "choices", None)
    if choices:
        values = ", ".join(str(c.value if isinstance(c, Enum) else c) for c in choices)
        return f"no es uno de: {values}"
    if kind in _RANGE:
        key, wording = _RANGE[kind]
        return wording.format(context.get(key, "?"))
    return _NUMBER.get(kind)


def _takes_a_password(error: UsageError) -> bool:
    params = error.ctx.command.params if error.ctx is not None else []
    return any(param.name == "password" for param in params)
