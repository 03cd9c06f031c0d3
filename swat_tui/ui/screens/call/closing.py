"""LLM008: step 8, the closing protocol — then the call ends and ACW starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.procedure.check_ids import SURVEY as SURVEY_DONE
from swat_tui.ui.format import two_lines, typification_line
from swat_tui.ui.screens.call.call_step import NO, YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView

SURVEY = {"1": "acepta", "2": "no acepta"}
SCORES = frozenset("12345")
TYPIFIED_WIDTH = 78  # LLM008's {typified} field
MORE = "mas"  # the field that says whether the customer has another request
RESOLUTION = "inf"  # above MORE: this request's resolution is told before anything else


class ClosingScreen(CallStepScreen, panel="LLM008"):
    """Nothing can be skipped: the engine refuses to end the call with a check pending."""

    def fill_step(self) -> None:
        from swat_tui.domain.call.scripts import script

        agent = self.rr_app.agent
        name = agent.display_name if agent else ""
        closing = two_lines(script("closing", agent=name))
        survey = two_lines(script("survey"))
        record = self.call.record
        view = self.account
        typifications = self.desk.call.typifications()
        typified = typification_line(typifications)
        if len(typified) > TYPIFIED_WIDTH:  # several requests: the hint goes to row 24
            typified = typification_line(typifications, hint=False)
            cuns = ", ".join(t.cun for t in typifications if t.cun)
            self.message(messages.text("ui.call.confirm_cun", cuns=cuns))
        self.set_fields(
            {
                "cuenta": str(record.cuenta or ""),
                "holder": (view.holder_name or "") if view else "",
                "typified": typified,
                "script1": closing[0],
                "script2": closing[1],
                "survey1": survey[0],
                "survey2": survey[1],
            }
        )
        for check in self.desk.call.step_view(self.PANEL_ID).checks:
            if check.done:  # "nothing more" is answered N; the others are confirmed S
                self.field(check.field).value = NO if check.field == MORE else YES

    def typed_checks(self) -> frozenset[str]:
        """Typed here and recorded by Intro: "nothing more" (N) and the survey."""
        typed: set[str] = set()
        nothing_more = self.desk.call.step_view(self.PANEL_ID).by_field(MORE)
        if nothing_more is not None and self.field(MORE).value.strip().upper() == NO:
            typed.add(nothing_more.check.id)
        answer = SURVEY.get(self.field("srv").value.strip())
        score = self.field("sc").value.strip()
        if answer == "no acepta" or (answer == "acepta" and score in SCORES):
            typed.add(SURVEY_DONE)
        return frozenset(typed)

    def _confirmed(self) -> list[CheckView]:
        """The checks this panel confirms with S (data/procedure.toml)."""
        return [
            v for v in self.desk.call.step_view(self.PANEL_ID).checks if v.check.entry == "confirm"
        ]

    def field_completed(self, name: str, value: str) -> None:
        self.confirm(next((v for v in self._confirmed() if v.field == name), None), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        for view in self._confirmed():
            self.field_completed(view.field, self.field(view.field).value)
            if self.panel.canvas.message_is_error:
                return
        if self._resolution_pending():
            return
        more = self.field(MORE).value.strip().upper()
        if more == YES:
            if self.write(self.desk.call.another_request):
                self.message(messages.text("ui.call.another_request"))
                await self.navigator.show_call_step()
            return
        if more != NO:
            self.message(self.desk.procedure.message("another_request_choice"), error=True)
            self.field(MORE).mark_error(True)
            return
        nothing_more = self.desk.call.step_view(self.PANEL_ID).by_field(MORE)
        assert nothing_more is not None
        if not nothing_more.done and not self.write(
            lambda: self.desk.call.record_check(nothing_more.check.id, "sin más solicitudes")
        ):
            return
        if not self._survey():
            return
        if self.attempt(self.desk.end_call) is not None:
            await self.navigator.after_call(messages.text("ui.call.ended"))

    def _resolution_pending(self) -> bool:
        """Row 24 asks for what is missing from the top down: the resolution told (of
        this request, S) before "¿Otra solicitud?", whichever way that is answered."""
        view = next((v for v in self._confirmed() if v.field == RESOLUTION), None)
        if view is None or view.done or not view.applies:
            return False
        pending = view.check.label
        self.message(self.desk.procedure.message("closing_protocol", pending=pending), error=True)
        self.field(RESOLUTION).mark_error(True)
        return True

    def _survey(self) -> bool:
        if self.call.record.state.mark_for(SURVEY_DONE, 0) is not None:
            return True
        answer = SURVEY.get(self.field("srv").value.strip())
        if answer is None:
            self.message(self.desk.procedure.message("survey_choice"), error=True)
            self.field("srv").mark_error(True)
            return False
        score = self.field("sc").value.strip()
        if answer == "acepta" and score not in SCORES:
            self.message(self.desk.procedure.message("survey_score"), error=True)
            self.field("sc").mark_error(True)
            return False
        rating = int(score) if answer == "acepta" else None
        return self.write(lambda: self.desk.call.record_survey(answer, rating))
