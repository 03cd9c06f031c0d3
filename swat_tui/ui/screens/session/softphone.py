"""SFT001: the softphone (Avaya One-X, simulated) — agent state and the call on the line."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.ui.screens.base import RRScreen

if TYPE_CHECKING:
    from swat_tui.domain.desk.desk import DeskChange

OPTIONS = {
    "1": "available",
    "2": "aux",
    "3": "answer",
    "4": "hold",
    "5": "transfer",
    "6": "hang_up",
    "7": "finish_acw",
}
ANSWERED = "Llamada contestada."


class SoftphoneScreen(RRScreen, panel="SFT001"):
    """Options by number, like the rest of RR; the state also shows on row 2 of every panel."""

    def fill(self) -> None:
        config = self.desk.config
        reasons = textwrap.wrap(
            "  ".join(f"{r.code}={r.name.replace(' ', chr(160))}" for r in config.aux_reasons),
            65,
        )
        lines = [line.replace(chr(160), " ") for line in [*reasons, "", "", ""][:3]]
        self.set_fields(
            {
                **{f"aux_codes{index + 1}": line for index, line in enumerate(lines)},
                "queues": " ".join(q.id for q in config.queues),
            }
        )
        self.focus_field("opt")
        self.paint_phone()
        self.paint_caller()

    def paint_caller(self) -> None:
        """In a training call, the caller's last two lines (rows 19-20)."""
        training = self.rr_app.training
        lines = training.transcript() if training is not None and training.active else ()
        from swat_tui.domain.training.caller import quoted
        from swat_tui.ui.format import clip

        said = [quoted(line.text) for line in lines[-2:]]
        said = [*said, "", ""][:2]
        self.set_fields({"caller1": clip(said[0], 78), "caller2": clip(said[1], 78)})

    def caller_spoke(self, line: str) -> None:
        super().caller_spoke(line)
        self.paint_caller()

    def desk_changed(self, change: DeskChange) -> None:
        """On the softphone itself a ringing call is answered with 3 (no F2 needed)."""
        super().desk_changed(change)
        if change.kind in ("ringing", "call_ended", "phone") and self.in_front:
            self.paint_caller()
        call = self.desk.phone.call
        if self.in_front and change.kind == "ringing" and call is not None:
            self.message(messages.text("ui.session.ringing", ani=call.ani, queue=call.queue))

    def paint_header(self) -> None:
        super().paint_header()
        if self.is_mounted:
            self.paint_phone()

    def paint_phone(self) -> None:
        """State, timers and the incoming-call alert."""
        from swat_tui.domain.desk.softphone import AgentState, format_elapsed

        if self.rr_app.desk is None:
            return
        phone = self.desk.phone
        now = self.rr_app.now()
        call = phone.call
        ringing = phone.state == AgentState.TIMBRANDO
        self.set_fields(
            {
                "state": phone.state.value,
                "since": format_elapsed(phone.state_elapsed(now)),
                "aux": phone.aux.label if phone.aux else "",
                "ani": self.desk.outbound.shown_number(call.ani) if call else "",
                "queue": call.queue if call else "",
                "talk": format_elapsed(phone.talk_elapsed(now)) if call else "",
                "hold": format_elapsed(phone.hold_elapsed(now)) if call else "",
                "alert": (
                    f"*** LLAMADA ENTRANTE  {call.ani}  {call.queue}  -  3=Contestar ***".center(78)
                    if ringing and call
                    else ""
                ),
            }
        )

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        option = self.field("opt").value.strip()
        argument = self.field("arg").field_value
        action = OPTIONS.get(option)
        if action is None:
            self.message(messages.text("ui.session.softphone_option"), error=True)
            self.field("opt").mark_error(True)
            return
        self.field("opt").value = ""
        self.field("arg").value = ""
        self.focus_field("opt")  # the next option typed goes to "Opción", not the motive
        done = self.attempt(lambda: self._act(action, argument))
        self.paint_phone()
        if done is None:
            return
        if done == ANSWERED:
            await self.navigator.show_call_step()  # the call's panels take over, from step 1
            return
        self.message(done)

    def _hold_or_resume(self, argument: str) -> str:
        """4 puts the caller on hold (or back); ``S`` in Motivo says the hold script was
        read to them first (on record: a trainer's scorecard asks for it)."""
        from swat_tui.domain.desk.softphone import AgentState

        desk = self.desk
        holding = desk.phone.state == AgentState.EN_LLAMADA
        told = argument.strip().upper() == "S"
        if holding and told:
            desk.call.read_script("hold")
        done = desk.hold_or_resume()
        if holding and not told:
            return messages.text("ui.session.hold_untold")
        return done

    def _act(self, action: str, argument: str) -> str:
        """One softphone option, as one intent of the desk; the row-24 message."""
        desk = self.desk
        if action == "answer":
            desk.answer()
            return ANSWERED
        intents = {
            "available": desk.go_available,
            "aux": lambda: desk.go_aux(argument),
            "hold": lambda: self._hold_or_resume(argument),
            "transfer": lambda: desk.transfer(argument),
            "hang_up": desk.hang_up,
            "finish_acw": desk.finish_acw,
        }
        return intents[action]()
