"""DIA010: the Diagnosticador of the call's account (F8 on a soporte panel).

The cable modem's CMTS state and whether it is enganchado, its channels'
levels (each value green BUENO, yellow MARGINAL, red FUERA), the decoders'
alarms, the neighbours within 3 blocks and the node's open avisos, the most
urgent first. The action field restarts the CM, raises a point case or a
sector aviso (with the notes), or ties the call to the node's aviso (the one
typed, or the most urgent); each is one desk intent, and row 24 says what
happened. F12 goes back to the panel below, which repaints its state.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.style import Style

from swat_tui.ui.format import local
from swat_tui.ui.screens.base import AccountSubpanel
from swat_tui.ui.widgets.canvas import COLOURS

if TYPE_CHECKING:
    from swat_tui.domain.procedure.definition import ProcedureDef
    from swat_tui.domain.support.avisos import AvisoView
    from swat_tui.domain.support.diagnostics import DiagnosticsView
    from swat_tui.domain.support.diagnostics_intents import AvisoCallResult
    from swat_tui.domain.support.plant import Channel, ModemReading

CHANNEL_ROWS = 6
NEIGHBOUR_ROWS = 4
AVISO_ROWS = 2
DECODER_ROWS = 2
ACTION, AVISO, NOTES = "a", "inc", "notes"
RESTART, POINT, ATTACH, SECTOR = "1", "2", "3", "4"
# The colour of a value by its verdict (levels.Verdict's values).
VERDICT_COLOURS = {"BUENO": "green", "MARGINAL": "yellow", "FUERA": "red"}
EQUIPMENT_NAMES = {"decoder": "Deco", "smart_card": "Smart card"}


def _colour(name: str | None) -> Style | None:
    return Style(color=COLOURS[name]) if name else None


class DiagnosticsScreen(AccountSubpanel, panel="DIA010"):
    """The plant read now for the account; actions act on the call's soporte request."""

    KEPT = True

    def fill(self) -> None:
        self.set_fields({**self.account_fields(), "node": ""})
        view = self.attempt(lambda: self.desk.diagnostics.read(self.cuenta))
        if view is not None:
            self._paint(view)
        self.focus_field(ACTION)

    # -- painting --------------------------------------------------------------

    def _paint(self, view: DiagnosticsView) -> None:
        values = {"node": view.node, **_modem_fields(view.modem)}
        colours: dict[str, str | None] = {}
        self._paint_channels(view, values, colours)
        alarms = [
            f"{EQUIPMENT_NAMES.get(d.kind, d.kind)} {d.serial}: {d.alarm}" for d in view.alarms
        ]
        for row in range(DECODER_ROWS):
            values[f"dec{row + 1}"] = alarms[row] if row < len(alarms) else ""
            colours[f"dec{row + 1}"] = "red" if row < len(alarms) else None
        if not alarms:
            values["dec1"] = _decoders_line(view)
        elif len(alarms) > DECODER_ROWS:
            values["dec2"] = f"{values['dec2']} (+{len(alarms) - DECODER_ROWS} alarmas más)"
        near = view.neighbours
        values["nsum"] = near.summary
        for row in range(NEIGHBOUR_ROWS):
            name = f"n{row + 1}"
            one = near.near[row] if row < len(near.near) else None
            values[name] = f"{one.street} a {one.blocks:g} cd: {one.cm_state}" if one else ""
            colours[name] = None if one is None or one.cm_state.startswith("online") else "red"
        values["asum"] = _avisos_line(view.avisos)
        values |= _aviso_rows(view.avisos, self.display_file.fields["av1"].width)
        self.set_fields(values)
        for name, colour in colours.items():
            self.panel.canvas.highlight(name, _colour(colour))

    def _paint_channels(
        self, view: DiagnosticsView, values: dict[str, str], colours: dict[str, str | None]
    ) -> None:
        channels: list[Channel] = [*view.downstream, *view.upstream]
        for row in range(CHANNEL_ROWS):
            n = row + 1
            channel = channels[row] if row < len(channels) else None
            values |= _channel_fields(n, channel)
            colours[f"p{n}"] = VERDICT_COLOURS[channel.power_verdict] if channel else None
            if n <= 4:
                snr = channel.snr_verdict if channel else None
                colours[f"s{n}"] = VERDICT_COLOURS[snr] if snr else None
        if not channels:
            values["c1"] = "Sin lectura de niveles" if view.modem else ""

    # -- the actions -------------------------------------------------------------

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        choice = self.field(ACTION).value.strip()
        notes = self.field(NOTES).value
        procedure = self.desk.procedure
        if not choice:
            view = self.attempt(lambda: self.desk.diagnostics.read(self.cuenta))
            if view is not None:
                self._paint(view)
                self.message(procedure.message("dia_read", summary=view.summary))
            return
        if choice == RESTART:
            restarted = self.attempt(self.desk.diagnostics.restart_modem, field=ACTION)
            if restarted is not None:
                self._done(restarted)
                state = restarted.modem.cm_state if restarted.modem else "-"
                self.message(procedure.message("dia_restarted", state=state))
            return
        if choice == POINT:
            result = self.attempt(
                lambda: self.desk.diagnostics.raise_point_case(notes), field=NOTES
            )
            rule = "dia_point_case"
        elif choice == ATTACH:
            typed = self.field(AVISO).value
            result = self.attempt(
                lambda: self.desk.diagnostics.attach_call_to_aviso(typed), field=AVISO
            )
            rule = "dia_linked"
        elif choice == SECTOR:
            result = self.attempt(
                lambda: self.desk.diagnostics.raise_sector_aviso(notes), field=NOTES
            )
            rule = "dia_sector"
        else:
            self.message(procedure.message("dia_action_choice"), error=True, field=ACTION)
            self.field(ACTION).mark_error(True)
            self.focus_field(ACTION)
            return
        if result is not None:
            self._done(result.view)
            self.message(_told(procedure, rule, result))

    def _done(self, view: DiagnosticsView) -> None:
        """An action went through: its fields empty, the plant repainted."""
        for name in (ACTION, AVISO, NOTES):
            self.field(name).value = ""
        self._paint(view)
        self.focus_field(ACTION)


def _told(procedure: ProcedureDef, rule: str, result: AvisoCallResult) -> str:
    repeat = " (rellamada)" if result.repeat else ""
    return procedure.message(rule, number=result.aviso.number, code=result.code, repeat=repeat)


def _modem_fields(modem: ModemReading | None) -> dict[str, str]:
    if modem is None:
        return {"serial": "Sin cablemódem", "model": "", "cms": "", "hook": ""}
    if modem.enganchado:
        hook = "enganchado"
    elif not modem.provisioned:
        hook = "no aprovisionado"
    else:
        hook = "no enganchado"
    return {"serial": modem.serial, "model": modem.model, "cms": modem.cm_state, "hook": hook}


def _channel_fields(n: int, channel: Channel | None) -> dict[str, str]:
    values = {f"c{n}": "", f"p{n}": ""}
    if n <= 4:
        values |= {f"s{n}": "", f"w{n}": ""}
    if channel is None:
        return values
    values[f"c{n}"] = f"{channel.label} {channel.mhz:6.1f} MHz {channel.modulation}"
    values[f"p{n}"] = f"{channel.power:+.1f} {channel.power_verdict}"
    if n <= 4 and channel.snr is not None and channel.snr_verdict is not None:
        values[f"s{n}"] = f"{channel.snr:.1f} {channel.snr_verdict}"
        values[f"w{n}"] = f"{channel.corrected} / {channel.uncorrectable}"
    return values


def _decoders_line(view: DiagnosticsView) -> str:
    decoders = sum(1 for d in view.decoders if d.kind == "decoder")
    cards = sum(1 for d in view.decoders if d.kind == "smart_card")
    if not decoders and not cards:
        return "Sin decodificadores instalados"
    parts = [f"{decoders} deco{'s' if decoders != 1 else ''}"]
    if cards:
        parts.append(f"{cards} smart card{'s' if cards != 1 else ''}")
    return f"{' y '.join(parts)}: sin alarmas ni errores de lectura"


def _avisos_line(avisos: tuple[AvisoView, ...]) -> str:
    """How many, by kind: "ninguno", "1 masiva", "3: 2 masiva, 1 puntual"."""
    if not avisos:
        return "ninguno"
    kinds: dict[str, int] = {}
    for aviso in avisos:
        kinds[aviso.kind] = kinds.get(aviso.kind, 0) + 1
    if len(avisos) == 1:
        return f"1 {avisos[0].kind}"
    return f"{len(avisos)}: " + ", ".join(f"{count} {kind}" for kind, count in kinds.items())


def _aviso_rows(avisos: tuple[AvisoView, ...], width: int) -> dict[str, str]:
    """Each aviso's INC, severity and fault, and its estimated restoration; one aviso
    alone takes both rows, so its fault is read whole (with more, each is shortened
    at a word: MAS010, Gestión 2, shows them whole)."""
    values = {f"{name}{n}": "" for name in ("av", "r") for n in range(1, AVISO_ROWS + 1)}
    for n, aviso in enumerate(avisos[:AVISO_ROWS], start=1):
        when = local(aviso.restore_by).strftime("%d/%m %H:%M") if aviso.restore_by else ""
        values[f"r{n}"] = f"restablece ~{when}" if when else "sin estimado"
        text = f"{aviso.number} {aviso.severity} {aviso.description}"
        if len(avisos) == 1:
            lines = textwrap.wrap(text, width)
            values["av1"] = lines[0]
            values["av2"] = textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")
        else:
            values[f"av{n}"] = textwrap.shorten(text, width, placeholder="…")
    return values
