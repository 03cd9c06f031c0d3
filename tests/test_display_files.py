"""Display files parse, fit 80x24, and their legend matches the key registry."""

import pytest

from swat_tui.paths import screens_dir
from swat_tui.ui.display_file import (
    HEIGHT,
    WIDTH,
    DisplayFileError,
    all_panel_ids,
    load,
    parse,
)
from swat_tui.ui.keys import CHORDS, REGISTRY, legend_lines

PANELS = all_panel_ids()


def _panel_classes() -> dict[str, type]:
    """Every RRScreen subclass that draws a panel, found by importing every screen module."""
    import importlib
    import pkgutil

    import swat_tui.ui.screens as screens
    from swat_tui.ui.screens.base import RRScreen

    for module in pkgutil.walk_packages(screens.__path__, f"{screens.__name__}."):
        importlib.import_module(module.name)
    found: dict[str, type] = {}
    pending = list(RRScreen.__subclasses__())
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue  # a panel with two bases (TIP001: call step and paged) is met twice
        seen.add(cls)
        pending.extend(cls.__subclasses__())
        if "PANEL_ID" in cls.__dict__:
            assert cls.PANEL_ID not in found, f"two classes draw {cls.PANEL_ID}"
            found[cls.PANEL_ID] = cls
    return found


def test_every_panel_class_has_a_display_file_that_names_it() -> None:
    from swat_tui.ui.navigation import panel_class

    classes = _panel_classes()
    assert len(classes) >= 18
    assert set(classes) == set(PANELS)
    for panel_id, cls in classes.items():
        assert panel_class(panel_id) is cls, panel_id


@pytest.mark.parametrize("panel_id", PANELS)
def test_panel_fits_and_declares_itself(panel_id: str) -> None:
    display = load(panel_id)
    assert len(display.lines) == HEIGHT
    assert all(len(line) == WIDTH for line in display.lines)
    assert display.lines[0].startswith(f" {panel_id}")
    assert display.title and display.title in display.lines[0]
    assert {"system", "date", "time", "message"} <= set(display.fields)
    assert all(key in REGISTRY or key in CHORDS for key in display.keys)


@pytest.mark.parametrize("panel_id", PANELS)
def test_legend_in_picture_is_the_registry_legend(panel_id: str) -> None:
    raw = (screens_dir() / f"{panel_id}.panel").read_text(encoding="utf-8")
    picture = raw.split("\nlayout\n", 1)[1].removesuffix("\n").split("\n")
    display = load(panel_id)
    assert tuple(row.ljust(WIDTH) for row in picture[21:23]) == legend_lines(display.keys)


def test_field_width_includes_its_brackets() -> None:
    text = "panel X\nlayout\n" + "\n".join(["{abc...}  [inp]"] + [""] * 23) + "\n"
    display = parse(text)
    assert display.fields["abc"].width == 8 and not display.fields["abc"].is_input
    assert display.fields["inp"].col == 10 and display.fields["inp"].is_input
    assert display.lines[0].strip() == ""


@pytest.mark.parametrize(
    "text",
    [
        "panel X\nlayout\n" + "\n" * 23,  # 23 lines
        "panel X\nlayout\n" + "\n".join(["x" * 81] + [""] * 23),  # too wide
        "panel X\nfield nope red\nlayout\n" + "\n".join([""] * 24),  # attribute of no field
        "panel X\nlayout\n" + "\n".join(["{a} {a}"] + [""] * 23),  # field twice
        "panel X\nfield a purple\nlayout\n" + "\n".join(["{a}"] + [""] * 23),  # bad colour
        "nothing here",
    ],
)
def test_malformed_panels_are_rejected(text: str) -> None:
    with pytest.raises(DisplayFileError):
        parse(text)
