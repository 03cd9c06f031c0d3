"""The bundle of domain services a screen (or a test) works through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

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
    td_dir: Path | None = None  # the T&D trees' folder; None: the shipped data/td

    @classmethod
    def create(
        cls, engine: Engine, clock: Callable[[], datetime], *, td_dir: Path | None = None
    ) -> Services:
        """Build every service over ``engine``; ``clock`` returns aware datetimes."""
        return cls(
            engine=engine,
            clock=clock,
            auth=AuthService(engine, clock),
            accounts=AccountService(engine, clock),
            notes=NoteService(engine, clock),
            calls=CallService(engine, clock),
            td_dir=td_dir,
        )

    def close(self) -> None:
        """Release the engine's connections (the SQLite file can then be removed)."""
        self.engine.dispose()
