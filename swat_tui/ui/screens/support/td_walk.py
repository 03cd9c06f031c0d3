"""TD010: step 4, soporte, falla puntual — the T&D fault tree walked with the customer.

One field takes what the agent types: the tree's number first, then each
answer (its number or its word; 0 goes one answer back). Every Intro with
text is one desk intent; at the leaf the panel shows what to tell the
customer, how it is solved and the UCC code, and asks for "informado" (S).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.procedure.step_view import CheckView
    from swat_tui.domain.support.td_intents import TdWalkView

TREE_SLOTS = 12
PATH_ROWS = 4
WIDTH = 78
SLOT_WIDTH = (38, 39)
ANSWER, INFORMED, DIAGNOSED = "td", "inf", "dia"
BACK = "0"


class TdWalkScreen(CallStepScreen, panel="TD010"):
    """The walk is the call's state: the panel repaints it from the desk's view."""

    def fill_step(self) -> None:
        account = self.account
        self.set_fields(
            {
                **self.account_line(),
                "services": _services(self) if account else "",
            }
        )
        view = self.attempt(self.desk.td.walk)
        if view is not None:
            self._paint(view)
        check = self._check(INFORMED)
        if check is not None and check.done:
            self.field(INFORMED).value = YES
        diagnosed = self._check(DIAGNOSED)
        self.set_fields({DIAGNOSED: "revisado" if diagnosed and diagnosed.done else "F8 pendiente"})
        self.focus_field(INFORMED if view is not None and view.recorded else ANSWER)

    def _check(self, name: str) -> CheckView | None:
        return self.desk.call.step_view(self.PANEL_ID).by_field(name)

    def _paint(self, view: TdWalkView) -> None:
        walk = view.walk
        values = {f"t{n}": "" for n in range(1, TREE_SLOTS + 1)}
        values |= {f"p{n}": "" for n in range(1, PATH_ROWS + 1)}
        if walk is None:
            for choice in view.trees[:TREE_SLOTS]:
                width = SLOT_WIDTH[(choice.number - 1) % 2]
                values[f"t{choice.number}"] = f"{choice.number}={choice.titulo}"[:width]
            values |= {
                "tree": "(digite el número del árbol de la falla)",
                "question": "Elija el árbol T&D de la falla que reporta el cliente.",
                "options": "",
            }
            self.set_fields(values)
            if view.left_out:  # the trees are picked here: say which ones are missing
                self.message(view.left_out)
            return
        for row, step in enumerate(walk.path[-PATH_ROWS:], start=1):
            answer = f" = {step.respuesta.upper()}"
            values[f"p{row}"] = step.pregunta[: WIDTH - len(answer)] + answer
        values["tree"] = walk.tree.titulo
        leaf = walk.leaf
        if leaf is None:
            options = " ".join(f"{number}={answer}" for number, answer in view.options)
            values["question"] = walk.question.pregunta if walk.question else ""
            values["options"] = f"Respuestas: {options}  {BACK}=atrás"
        else:
            solved = f"Escalamiento: {walk.route_label}" if walk.route_label else "Primer contacto"
            values |= {"question": leaf.resultado, "options": f"{solved}   Código {leaf.codigo}"}
        self.set_fields(values)

    def typed_checks(self) -> frozenset[str]:
        check = self._check(INFORMED)
        typed = self.field(INFORMED).value.strip().upper() == YES
        if check is None or check.done or not typed:
            return frozenset()
        return frozenset({check.check.id})

    def field_completed(self, name: str, value: str) -> None:
        if name == INFORMED:
            self.confirm(self._check(INFORMED), value)

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        typed = self.field(ANSWER).value.strip()
        if typed:
            self._walk(typed)
            return
        self.field_completed(INFORMED, self.field(INFORMED).value)
        if self.panel.canvas.message_is_error:
            return
        await self.go_on()  # the engine refuses while the walk or "informado" is pending

    def _walk(self, typed: str) -> None:
        """One intent: the tree chosen, an answer, or one answer back."""
        view = self.attempt(self.desk.td.walk)
        if view is None:
            return
        if view.walk is None:
            change = lambda: self.desk.td.choose(typed)  # noqa: E731
        elif typed == BACK:
            change = self.desk.td.back
        else:
            change = lambda: self.desk.td.reply(typed)  # noqa: E731
        if not self.write(change, field=ANSWER):
            return  # what was typed stays; row 24 says why
        self.clear_typed(ANSWER)
        self.fill_step()
        self.show_next()


def _services(screen: TdWalkScreen) -> str:
    """The account's services as the agent reads them (TV with its technology)."""
    account = screen.account
    lines = account.services if account else ()
    return ", ".join(
        f"{line.kind} {line.tv_technology}" if line.tv_technology else line.kind for line in lines
    )
