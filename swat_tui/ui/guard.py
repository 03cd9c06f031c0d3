"""The last resort for an error nobody foresaw: logged, told on row 24, the session goes on.

Textual stops the app on an exception in a handler and prints a traceback
with the handler's locals, which for a blacklisted call can hold the very
data the rule hides. The app's own entry points (keys, field messages,
screen events, timers, desk signals) run through ``guarded``: a refusal
that slipped past ``attempt`` shows its message; a busy store says so and
keeps what was typed; anything else is written to the error log without
locals, shown as one row-24 line and counted in ``SwatApp.unexpected_errors``
(the key-sequence explorer fails on it).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

if TYPE_CHECKING:
    from textual.app import App

P = ParamSpec("P")
R = TypeVar("R")

UNEXPECTED = "Error inesperado: quedó en el registro de errores. Puede seguir trabajando."


def report(app: App[Any], error: Exception, *, where: str) -> None:
    """Tell the agent on row 24 (and log what nobody foresaw); never raises."""
    from swat_tui.domain.errors import DomainError, StoreBusy

    if isinstance(error, DomainError | StoreBusy):
        text = str(error.message)
    else:
        from swat_tui.error_log import log_unexpected

        log_unexpected(error, where=where)
        errors: list[str] | None = getattr(app, "unexpected_errors", None)
        if errors is not None:
            errors.append(f"{where}: {type(error).__name__}: {error}")
        text = UNEXPECTED
    show: Callable[[str], None] | None = getattr(app, "show_error", None)
    if show is not None:
        show(text)


def _app_of(owner: object) -> App[Any] | None:
    from textual.app import App

    if isinstance(owner, App):
        return owner
    try:
        app = getattr(owner, "app", None)
    except Exception:  # a node outside a running app
        return None
    return app if isinstance(app, App) else None


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Wrap a handler of a screen, widget or the app (sync or async): an exception
    becomes a row-24 line instead of ending the session."""
    where = method.__qualname__

    def handle(owner: object, error: Exception) -> None:
        app = _app_of(owner)
        if app is None:
            raise error
        report(app, error, where=where)

    if inspect.iscoroutinefunction(method):
        async_method = cast(Callable[P, Awaitable[Any]], method)

        @functools.wraps(method)
        async def run_async(*args: P.args, **kwargs: P.kwargs) -> Any:
            try:
                return await async_method(*args, **kwargs)
            except asyncio.CancelledError:
                raise
            except Exception as error:
                handle(args[0], error)
                return None

        run_async.__guarded__ = True  # type: ignore[attr-defined]
        return cast(Callable[P, R], run_async)

    @functools.wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except Exception as error:
            handle(args[0], error)
            return cast(R, None)

    run.__guarded__ = True  # type: ignore[attr-defined]
    return run


# Methods Textual or the desk call on a panel besides its ``on_*`` and ``action_*``.
_CALLBACKS = frozenset({"desk_changed", "_tick"})


def guard_handlers(cls: type) -> None:
    """Guard every handler a panel class defines itself (``on_*``, ``action_*``, the
    desk's and the clock's callbacks), so a new panel is covered without thinking of it."""
    for name, value in list(vars(cls).items()):
        is_handler = name.startswith(("on_", "action_")) or name in _CALLBACKS
        if is_handler and inspect.isfunction(value) and not getattr(value, "__guarded__", False):
            setattr(cls, name, guarded(value))
