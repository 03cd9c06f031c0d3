"""The practice queue rings different calls each session unless seeded."""

from __future__ import annotations

import pytest

from swat_tui.config import Settings, practice_seed_from_env


def test_a_given_seed_is_kept_and_frozen_runs_use_the_demo_seed() -> None:
    assert Settings(db_url="sqlite://", practice_seed=7).practice_queue_seed() == 7
    assert Settings(db_url="sqlite://", frozen=True, demo_seed=99).practice_queue_seed() == 99


def test_each_session_draws_a_new_seed() -> None:
    settings = Settings(db_url="sqlite://")
    seeds = {settings.practice_queue_seed() for _ in range(5)}
    assert len(seeds) == 5  # five draws from 2**31 values


def test_the_seed_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWAT_PRACTICE_SEED", "42")
    assert practice_seed_from_env() == 42
    monkeypatch.setenv("SWAT_PRACTICE_SEED", "cuarenta")
    assert practice_seed_from_env() is None
    monkeypatch.delenv("SWAT_PRACTICE_SEED")
    assert practice_seed_from_env() is None
