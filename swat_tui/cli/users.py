"""``swat users``: the operator's upkeep of RR sign-on profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from swat_tui.cli.errors import fail, reported_errors
from swat_tui.cli.store_option import DbOption, settings_of
from swat_tui.config import Settings
from swat_tui.store.enums import Role

if TYPE_CHECKING:
    from swat_tui.domain.auth import AuthService

app = typer.Typer(
    help="Perfiles de usuario RR: crear, listar y restablecer contraseñas.",
    no_args_is_help=True,
    add_completion=False,
)

UserArgument = Annotated[
    str, typer.Argument(metavar="USUARIO", help="Usuario RR (1 a 10 letras o dígitos).")
]
PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        help="Contraseña sin preguntarla (para scripts); si falta se pide dos veces.",
    ),
]


def _auth(settings: Settings) -> AuthService:
    from swat_tui.domain.auth import AuthService
    from swat_tui.domain.bootstrap import open_store

    return AuthService(open_store(settings), settings.clock)


def _ask_password() -> str:
    first: str = typer.prompt("Contraseña", hide_input=True)
    second: str = typer.prompt("Repita la contraseña", hide_input=True)
    if first != second:
        fail("Las contraseñas no coinciden.")
    return first


@app.command("add", help="Crea un perfil de usuario RR.")
def add_command(
    ctx: typer.Context,
    username: UserArgument,
    name: Annotated[str, typer.Option("--name", help="Nombre completo del usuario.")],
    role: Annotated[
        Role, typer.Option("--role", case_sensitive=False, help="Rol del usuario.")
    ] = Role.ASESOR,
    password: PasswordOption = None,
    db_url: DbOption = None,
) -> None:
    """Create a profile, asking for the password twice unless --password is given."""
    with reported_errors():
        auth = _auth(settings_of(ctx, db_url))
        secret = password if password is not None else _ask_password()
        agent = auth.create_agent(username, name, role.value, secret)
    typer.echo(f"Usuario {agent.username} creado ({agent.role}): {agent.display_name}.")


@app.command("list", help="Lista los perfiles con sus intentos fallidos y último ingreso.")
def list_command(ctx: typer.Context, db_url: DbOption = None) -> None:
    """Print every profile as a table."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    with reported_errors():
        agents = _auth(settings_of(ctx, db_url)).list_agents()
    if not agents:
        typer.echo("No hay usuarios. El primer inicio de swat crea los usuarios de demostración.")
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header in ("Usuario", "Nombre", "Rol", "Fallidos", "Inhab.", "Último ingreso"):
        table.add_column(header, no_wrap=header != "Nombre")
    for agent in agents:
        last = agent.last_signon_at.strftime("%Y-%m-%d %H:%M") if agent.last_signon_at else "-"
        table.add_row(
            agent.username,
            agent.display_name,
            agent.role,
            str(agent.failed_signons),
            "Sí" if agent.disabled else "No",
            last,
        )
    Console().print(table)


@app.command(
    "reset-password",
    help="Asigna una contraseña nueva, habilita el perfil y borra los intentos fallidos.",
)
def reset_password_command(
    ctx: typer.Context,
    username: UserArgument,
    password: PasswordOption = None,
    db_url: DbOption = None,
) -> None:
    """Set a new password and re-enable the profile."""
    with reported_errors():
        auth = _auth(settings_of(ctx, db_url))
        secret = password if password is not None else _ask_password()
        auth.reset_password(username, secret)
    typer.echo(f"Contraseña de {username.strip().upper()} restablecida; perfil habilitado.")
