"""Opening the store: first-run seeding, no re-seeding, and every failure as StoreError."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from swat_tui.config import Settings
from swat_tui.domain.account.query import parse_query
from swat_tui.domain.bootstrap import (
    DEMO_PASSWORD,
    DEMO_USERS,
    clear_account_data,
    open_services,
    store_counts,
)
from swat_tui.store.demo import SHOWCASE
from swat_tui.store.errors import StoreError
from tests.gates import nothing_read


@pytest.fixture
def settings(store_url: str, fixed_clock: Callable[[], datetime]) -> Settings:
    return Settings(db_url=store_url, clock=fixed_clock, seed_demo_accounts=0, frozen=True)


def test_first_start_seeds_the_demo_users(settings: Settings) -> None:
    services = open_services(settings)
    names = [agent.username for agent in services.auth.list_agents()]
    assert sorted(names) == sorted(user.username for user in DEMO_USERS)
    agent = services.auth.sign_on("forma01", DEMO_PASSWORD)
    assert (agent.display_name, agent.role) == ("Jorge Ospina", "formador")
    coordinator = services.auth.sign_on("coord01", DEMO_PASSWORD)
    assert (coordinator.display_name, coordinator.role) == ("Martha Cárdenas", "coordinador")
    services.close()


def test_demo_accounts_are_built_once_and_usable(settings: Settings) -> None:
    seeded = replace(settings, seed_demo_accounts=80)
    first = open_services(seeded)
    assert store_counts(first.engine) == (5, 80)
    first.close()
    again = open_services(seeded)
    assert store_counts(again.engine) == (5, 80)
    panel = again.accounts.open_panel(SHOWCASE["blacklist"], agent="ASESOR01", gate=nothing_read())
    assert panel.blacklist and not panel.details_visible and panel.holder_name is None
    pqr = again.accounts.open_panel(SHOWCASE["pqr_pending"], agent="ASESOR01", gate=nothing_read())
    assert [item.days_open for item in pqr.pending_pqrs] == [12]
    page = again.accounts.search(parse_query("1", str(SHOWCASE["many_accounts_document"])))
    document = page.rows[0].document
    by_document = again.accounts.search(parse_query("2", document))
    assert (by_document.total, by_document.has_more) == (15, True)
    folder = again.notes.folder_notes(SHOWCASE["swat_folder"], "swat")
    assert len(folder.notes) == 2
    assert clear_account_data(again.engine) > 80
    assert store_counts(again.engine) == (5, 0)
    again.close()


def test_a_folder_that_cannot_be_created_is_a_store_error(settings: Settings) -> None:
    with pytest.raises(StoreError, match="ruta"):
        open_services(replace(settings, db_url="sqlite:////proc/nope/x.db"))


def test_a_file_that_cannot_be_created_is_a_store_error(settings: Settings) -> None:
    with pytest.raises(StoreError, match="No se puede escribir"):
        open_services(replace(settings, db_url="sqlite:////proc/x.db"))


def test_a_corrupt_file_is_a_store_error(settings: Settings, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 2\x00" + b"\xff" * 4000)
    with pytest.raises(StoreError, match="dañado"):
        open_services(replace(settings, db_url=f"sqlite:///{corrupt}"))


def test_a_read_only_store_is_a_store_error(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_services(settings).close()
    monkeypatch.chdir(tmp_path)  # make_engine creates "file:" folders relative to the cwd
    path = settings.db_url.removeprefix("sqlite:///")
    with pytest.raises(StoreError, match="No se puede escribir"):
        open_services(replace(settings, db_url=f"sqlite:///file:{path}?mode=ro&uri=true"))


def test_an_invalid_url_is_a_store_error(settings: Settings) -> None:
    with pytest.raises(StoreError):
        open_services(replace(settings, db_url="esto no es una url"))
