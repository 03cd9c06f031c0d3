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
from swat_tui.ui.keys import REGISTRY, legend_lines

PANELS = all_panel_ids()


def test_every_panel_class_has_a_display_file() -> None:
    assert {
        "SGN001",
        "MNU001",
        "CTA010",
        "CTA020",
        "CTA001",
        "NTS001",
        "NTS002",
        "NTS003",
        "INV001",
    } <= set(PANELS)


@pytest.mark.parametrize("panel_id", PANELS)
def test_panel_fits_and_declares_itself(panel_id: str) -> None:
    display = load(panel_id)
    assert len(display.lines) == HEIGHT
    assert all(len(line) == WIDTH for line in display.lines)
    assert display.lines[0].startswith(f" {panel_id}")
    assert display.title and display.title in display.lines[0]
    assert {"system", "date", "time", "message"} <= set(display.fields)
    assert all(key in REGISTRY for key in display.keys)


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
