"""The bundle of domain services a screen (or a test) works through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from swat_tui.domain.account.notes import NoteService
from swat_tui.domain.account.service import AccountService
from swat_tui.domain.auth import AuthService
from swat_tui.domain.call import CallService


@dataclass
class Services:
    """One engine and one clock shared by every service of the app."""

    engine: Engine
    clock: Callable[[], datetime]
    auth: AuthService
    accounts: AccountService
    notes: NoteService
    calls: CallService

    @classmethod
    def create(cls, engine: Engine, clock: Callable[[], datetime]) -> Services:
        """Build every service over ``engine``; ``clock`` returns aware datetimes."""
        return cls(
            engine=engine,
            clock=clock,
            auth=AuthService(engine, clock),
            accounts=AccountService(engine, clock),
            notes=NoteService(engine, clock),
            calls=CallService(engine, clock),
        )

    def close(self) -> None:
        """Release the engine's connections (the SQLite file can then be removed)."""
        self.engine.dispose()
