"""Client-side paging of a subfile whose records are all in memory."""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain import messages
from swat_tui.ui.screens.base import RRScreen

MORE = "Más..."
BOTTOM = "Final"


@dataclass(frozen=True)
class TypedOption:
    """An option typed in the Opc column: on which row of the page, for which record."""

    option: str
    field: str  # the row's option field, "o_3"
    record: int  # the record's index in ``all_records``


class PagedScreen(RRScreen):
    """A panel with a subfile; AvPág/RePág turn pages, "Más..."/"Final" tell where we are."""

    def __init__(self) -> None:
        super().__init__()
        self.all_records: list[dict[str, str]] = []
        self.page_offset = 0

    def reset_state(self) -> None:
        super().reset_state()
        self.all_records = []
        self.page_offset = 0

    @property
    def page_size(self) -> int:
        subfile = self.display_file.subfile
        assert subfile is not None, f"{self.PANEL_ID} has no subfile"
        return subfile.size

    def typed_option(self) -> TypedOption | None:
        """The first option typed on this page, top to bottom (Intro acts on one); a row
        with no record shows no option field, and whatever it held is not an option."""
        shown = len(self.all_records) - self.page_offset
        for index in range(min(self.page_size, shown)):
            name = f"o_{index}"
            option = self.field(name).value.strip()
            if option:
                return TypedOption(option, name, self.page_offset + index)
        return None

    def show_records(self, records: list[dict[str, str]], *, last_page: bool = False) -> None:
        """Replace the records; start on the first page (or the last, for logs)."""
        self.all_records = records
        pages = max(0, (len(records) - 1) // self.page_size)
        self.page_offset = pages * self.page_size if last_page else 0
        self._paint_page()

    def _paint_page(self) -> None:
        self.rows_leaving()
        page = self.all_records[self.page_offset : self.page_offset + self.page_size]
        self.panel.canvas.set_records(page)
        at_end = self.page_offset + self.page_size >= len(self.all_records)
        self.set_fields({"more": BOTTOM if at_end else MORE})
        # A row's input fields (the Opt column) exist only where a record is shown.
        for spec in self.display_file.input_fields():
            if spec.name in self.display_file.record_fields:
                for index in range(self.page_size):
                    row_field = self.field(f"{spec.name}_{index}")
                    row_field.value = ""
                    row_field.display = index < len(page)
        self.rows_shown()

    def show_option_on(self, option: str, record: int) -> str:
        """``option`` typed again on the row of ``record`` (turning to its page), as the
        agent had it before the list was read again; the row's option field."""
        page = record - record % self.page_size
        if page != self.page_offset:
            self.page_offset = page
            self._paint_page()
        name = f"o_{record - page}"
        self.field(name).value = option
        return name

    def action_rr_page_down(self) -> None:
        if self.page_offset + self.page_size >= len(self.all_records):
            self.message(messages.text("ui.panel.list_end"), error=True)
            return
        self.page_offset += self.page_size
        self.message("")
        self._paint_page()

    def action_rr_page_up(self) -> None:
        if self.page_offset == 0:
            self.message(messages.text("ui.panel.list_start"), error=True)
            return
        self.page_offset = max(0, self.page_offset - self.page_size)
        self.message("")
        self._paint_page()
