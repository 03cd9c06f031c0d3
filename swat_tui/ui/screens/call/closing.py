"""LLM008: step 8, the closing protocol — then the call ends and ACW starts."""

from __future__ import annotations

from swat_tui.ui.format import two_lines
from swat_tui.ui.screens.call.call_step import NO, YES, CallStepScreen

SURVEY = {"1": "acepta", "2": "no acepta"}
# field -> check it records when answered S
SIMPLE = {"inf": ("resolucion_informada", "informada"), "bye": ("guion_cierre", "leído")}


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
        codes = [m.result for m in record.state.marks if m.check == "tipificada"]
        self.set_fields(
            {
                "cuenta": str(record.cuenta or ""),
                "holder": (view.holder_name or "") if view else "",
                "typified": f"Tipificación: {', '.join(codes)}" if codes else "",
                "script1": closing[0],
                "script2": closing[1],
                "survey1": survey[0],
                "survey2": survey[1],
            }
        )
        state = record.state
        number = state.request_number
        for name, (check, _) in SIMPLE.items():
            request = number if check == "resolucion_informada" else 0
            if state.mark_for(check, request):
                self.field(name).value = YES
        if state.mark_for("nada_mas", number):
            self.field("mas").value = NO

    def field_completed(self, name: str, value: str) -> None:
        text = value.strip().upper()
        if name in SIMPLE and text:
            check, result = SIMPLE[name]
            if text != YES:
                self.message("Digite S cuando lo haya hecho.", error=True)
                self.field(name).mark_error(True)
                return
            state = self.call.record.state
            request = state.request_number if check == "resolucion_informada" else 0
            if state.mark_for(check, request) is None:
                self.write(lambda: self.desk.record_check(check, result), field=name)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        for name in SIMPLE:
            self.field_completed(name, self.field(name).value)
            if self.panel.canvas.message_is_error:
                return
        more = self.field("mas").value.strip().upper()
        if more == YES:
            if self.write(self.desk.another_request):
                self.message("Nueva solicitud en la misma llamada.")
                await self.rr_app.show_call_step()
            return
        if more != NO:
            self.message("¿Otra solicitud? Digite S o N.", error=True)
            self.field("mas").mark_error(True)
            return
        state = self.call.record.state
        if state.mark_for("nada_mas", state.request_number) is None and not self.write(
            lambda: self.desk.record_check("nada_mas", "sin más solicitudes")
        ):
            return
        if not self._survey():
            return
        if self.attempt(self.desk.end_call) is not None:
            await self.rr_app.after_call(
                "Llamada terminada y registrada. Complete el ACW (opción 7)."
            )

    def _survey(self) -> bool:
        if self.call.record.state.mark_for("encuesta", 0) is not None:
            return True
        answer = SURVEY.get(self.field("srv").value.strip())
        if answer is None:
            self.message("Encuesta: digite 1=Acepta o 2=No acepta.", error=True)
            self.field("srv").mark_error(True)
            return False
        score = self.field("sc").value.strip()
        if answer == "acepta" and score not in {"1", "2", "3", "4", "5"}:
            self.message("Calificación de la encuesta: digite de 1 a 5.", error=True)
            self.field("sc").mark_error(True)
            return False
        rating = int(score) if answer == "acepta" else None
        return self.write(lambda: self.desk.record_survey(answer, rating))
