"""Run-time settings shared by the CLI, the app and the tests.

One ``Settings`` value is built by the CLI (or a test) and handed to
``make_app``; nothing reads the environment behind its back.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

DB_URL_ENV = "SWAT_DB_URL"
RING_DELAY_ENV = "SWAT_RING_DELAY"
PRACTICE_SEED_ENV = "SWAT_PRACTICE_SEED"
TD_DIR_ENV = "SWAT_TD_DIR"
BOGOTA = timezone(timedelta(hours=-5), "COT")  # Colombia has no daylight saving time


def now_bogota() -> datetime:
    """The wall clock in Colombia (aware; the store keeps UTC, screens show COT)."""
    return datetime.now(BOGOTA).replace(microsecond=0)


def user_data_folder() -> Path:
    """The user's data directory for swat-tui: the default store and the error log."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("swat-tui", appauthor=False))


def default_db_path() -> Path:
    """The embedded store's file in the user's data directory."""
    return user_data_folder() / "swat.db"


def resolve_db_url(cli_value: str | None) -> str:
    """``--db`` wins, then ``SWAT_DB_URL``, then the SQLite file in the data dir."""
    if cli_value:
        return cli_value
    env_value = os.environ.get(DB_URL_ENV)
    if env_value:
        return env_value
    return f"sqlite:///{default_db_path()}"


def ring_delay_from_env() -> float | None:
    """``SWAT_RING_DELAY`` seconds, when set to a number."""
    value = os.environ.get(RING_DELAY_ENV, "").strip()
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def practice_seed_from_env() -> int | None:
    """``SWAT_PRACTICE_SEED``: the practice queue's seed, for drills and tests."""
    value = os.environ.get(PRACTICE_SEED_ENV, "").strip()
    return int(value) if value.lstrip("-").isdigit() else None


def td_dir_from_env() -> Path | None:
    """``SWAT_TD_DIR``: the operator's own T&D trees folder instead of data/td."""
    value = os.environ.get(TD_DIR_ENV, "").strip()
    return Path(value) if value else None


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to know about its surroundings."""

    db_url: str
    clock: Callable[[], datetime] = field(default=now_bogota)
    # Demo data written into an empty store on first start.
    seed_demo_accounts: int = 2000
    demo_seed: int = 2026
    # The demo's week of finished calls by the asesores (the KPIs); the tests' stores
    # leave it out (their panels show a call's number) and add it where they need it.
    demo_call_week: bool = True
    # True in tests and snapshot runs: no live clock ticking, no cursor blink.
    frozen: bool = False
    system_name: str = "RRCLARO"
    # Seconds from Disponible to the next practice call; None: the random delay
    # of data/softphone.toml. Trainers' drills and the tmux tests set it.
    ring_delay: float | None = None
    # The practice queue's seed; None: a new one each session (frozen runs use
    # ``demo_seed``), so agents do not get the same calls in the same order.
    practice_seed: int | None = None
    # The T&D fault trees' folder; None: the shipped data/td.
    td_dir: Path | None = None

    def practice_queue_seed(self) -> int:
        if self.practice_seed is not None:
            return self.practice_seed
        if self.frozen:
            return self.demo_seed
        return random.SystemRandom().randrange(2**31)
