"""LLM001: step 1, reception — welcome script, caller's data, the account opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.ui.format import two_lines
from swat_tui.ui.screens.call.call_step import YES, CallStepScreen

if TYPE_CHECKING:
    from swat_tui.domain.account.query import AccountQuery
    from swat_tui.domain.procedure.step_view import CheckView

RELATIONS = {
    "1": "titular",
    "2": "cónyuge",
    "3": "familiar",
    "4": "tercero autorizado",
    "5": "arrendatario",
    "6": "otro",
}
CALLER_FIELDS = {
    "caller_name": "caller_name",
    "caller_document": "caller_document",
    "callback": "callback_number",
}
CUENTA_DIGITS = 8


class ReceptionScreen(CallStepScreen, panel="LLM001"):
    """The account is looked up from the caller's number; the agent confirms it."""

    def fill_step(self) -> None:
        from swat_tui.domain.call.scripts import script

        agent = self.rr_app.agent
        lines = two_lines(script("welcome", agent=agent.display_name if agent else ""))
        self.set_fields({"script1": lines[0], "script2": lines[1]})
        record = self.call.record
        self.field("caller_name").value = record.caller_name or ""
        self.field("caller_document").value = record.caller_document or ""
        self.field("callback").value = record.callback_number or record.ani
        relation = {v: k for k, v in RELATIONS.items()}.get(record.caller_relation or "", "")
        self.field("rel").value = relation
        welcome = self._welcome()
        self.field(welcome.field).value = YES if welcome.done else ""
        if record.cuenta:
            self.field("cuenta").value = str(record.cuenta)
            self._describe_account(record.cuenta)
        else:
            self._match_ani(record.ani)

    def _match_ani(self, ani: str) -> None:
        from swat_tui.domain.account.query import parse_query
        from swat_tui.domain.errors import DomainError

        try:
            page = self.desk.search(parse_query("telefono", ani), limit=3)
        except DomainError:
            self.set_fields(
                {
                    "ani_match": "El número que llama no está en ninguna cuenta: "
                    "pida la cuenta o el documento."
                }
            )
            return
        if page.total == 1:
            self.field("cuenta").value = str(page.rows[0].cuenta)
            self.set_fields(
                {
                    "ani_match": "El número que llama corresponde a esta cuenta: "
                    "confírmela con el cliente."
                }
            )
            return
        shown = ", ".join(str(row.cuenta) for row in page.rows)
        more = " ..." if page.total > len(page.rows) else ""
        self.set_fields({"ani_match": f"{page.total} cuentas con ese número: {shown}{more}"})

    def paint_account(self) -> None:
        if self.call.record.cuenta is not None:
            self._describe_account(self.call.record.cuenta)

    def _describe_account(self, cuenta: int) -> None:
        view = self.account
        if view is not None and view.cuenta == cuenta:
            holder = view.holder_name or "NO DAR INFO. VER F7"
            self.set_fields({"account_info": f"{holder} ({view.status})"})

    def field_completed(self, name: str, value: str) -> None:
        desk = self.desk
        record = self.call.record
        if name in CALLER_FIELDS and value.strip() == (getattr(record, CALLER_FIELDS[name]) or ""):
            return  # already in the store
        if name in CALLER_FIELDS and value.strip():
            self.write(lambda: desk.set_field(CALLER_FIELDS[name], value.strip()), field=name)
        elif name == "rel" and value.strip():
            relation = RELATIONS.get(value.strip())
            if relation is not None and relation == record.caller_relation:
                return
            if relation is None:
                self.message(self.desk.procedure.message("relation_choice"), error=True)
                self.field("rel").mark_error(True)
                return
            self.write(lambda: desk.set_field("caller_relation", relation))
        elif name == self._welcome().field and value.strip().upper() == YES:
            welcome = self._welcome()
            if not welcome.done:
                check = welcome.check
                self.write(lambda: desk.record_check(check.id, check.result))

    def _welcome(self) -> CheckView:
        """The welcome-script check and its field (data/procedure.toml)."""
        (view,) = self.desk.step_view(self.PANEL_ID).checks
        return view

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        for name in (self._welcome().field, *CALLER_FIELDS, "rel"):
            self.field_completed(name, self.field(name).value)
            if self.panel.canvas.message_is_error:
                return
        if not self._open_account():
            return
        await self.go_on()

    def _open_account(self) -> bool:
        text = self.field("cuenta").value.strip()
        record = self.call.record
        if not text:
            self.message(self.desk.procedure.message("cuenta_missing"), error=True)
            self.field("cuenta").mark_error(True)
            return False
        if record.cuenta is not None and str(record.cuenta) == text:
            return True
        from swat_tui.domain.account.query import parse_query

        # A cuenta opens directly; a document or phone is searched first.
        kind = "cuenta" if len(text) == CUENTA_DIGITS else None
        query = self.attempt(lambda: parse_query(kind, text), field="cuenta")
        if query is None:
            return False
        cuenta = self._single_match(query)
        if cuenta is None:
            return False
        view = self.attempt(lambda: self.desk.open_call_account(cuenta), field="cuenta")
        if view is None:
            return False
        self._paint_call_header()
        self.show_next()
        self._describe_account(view.cuenta)
        return True

    def _single_match(self, query: AccountQuery) -> int | None:
        """The one account a query names; several or none: say so on row 24."""
        if query.kind == "cuenta":
            return int(query.value)
        page = self.attempt(lambda: self.desk.search(query, limit=3), field="cuenta")
        if page is None:
            return None
        if page.total == 1:
            self.field("cuenta").value = str(page.rows[0].cuenta)
            return page.rows[0].cuenta
        shown = ", ".join(str(row.cuenta) for row in page.rows)
        self.message(
            f"{page.total} cuentas con {query.describe()}: {shown}. Digite la cuenta.", error=True
        )
        self.field("cuenta").mark_error(True)
        return None
