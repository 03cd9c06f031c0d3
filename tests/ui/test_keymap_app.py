"""A user keymap in the running app: the remapped key works and the legend names it."""

from __future__ import annotations

from pathlib import Path

from swat_tui.config import Settings
from swat_tui.domain.services import Services
from swat_tui.paths import data_dir
from swat_tui.ui.app import make_app
from swat_tui.ui.keymap import load_keymap
from tests.ui.helpers import panel_id, screen, sign_on


async def test_gnome_terminal_example_remaps_f1_f10_and_f22(
    settings: Settings, services: Services
) -> None:
    keymap = load_keymap(data_dir() / "keymaps" / "gnome-terminal.toml")
    app = make_app(settings, services, keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        legend = screen(app).panel.canvas.legend[0]
        assert "Ctrl+G=Guía" in legend and "F1=Guía" not in legend
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert panel_id(app) == "GUI001"
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press("f1")  # the old key no longer opens the guide
        await pilot.pause()
        assert panel_id(app) == "MNU001"


async def test_without_a_keymap_the_legend_is_the_display_file(
    settings: Settings, services: Services, tmp_path: Path
) -> None:
    app = make_app(settings, services)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_on(pilot)
        assert "F1=Guía" in screen(app).panel.canvas.legend[0]
