"""LLM001: step 1, reception — welcome script, caller's data, the account opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages
from swat_tui.domain.errors import MESSAGE_WIDTH
from swat_tui.domain.procedure.check_ids import ACCOUNT_OPENED, CALLER_DATA
from swat_tui.ui.format import two_lines
from swat_tui.ui.labels import masked_holder
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
NO_ACCOUNT = "El número que llama no está en ninguna cuenta: pida cuenta o documento."


class ReceptionScreen(CallStepScreen, panel="LLM001"):
    """The account is looked up from the caller's number; the agent confirms it.

    The two lines under "Cuenta" always speak of the cuenta typed there: the
    opened account's holder only while that cuenta is the one typed, and the
    caller-number match only for the account it matched.
    """

    SAVED_ON_LEAVE = frozenset({*CALLER_FIELDS, "rel"})
    # The greeting, then the request once the welcome is read: the data the caller
    # gives as it is asked goes to row 24, the request stays in sight.
    SAYS_CUES = frozenset({"opening", "request", "second"})

    def fill_step(self) -> None:
        self._ani_cuenta: int | None = None  # the one account the caller's number is on
        from swat_tui.domain.call.scripts import script

        agent = self.rr_app.agent
        lines = two_lines(script("welcome", agent=agent.display_name if agent else ""))
        self.set_fields({"script1": lines[0], "script2": lines[1], "says": self.caller_says()})
        record = self.call.record
        self.field("caller_name").value = record.caller_name or ""
        self.field("caller_document").value = record.caller_document or ""
        shown = self.desk.outbound.shown_number(record.ani)
        # a campaign call's masked number is not offered as the number to call back
        self.field("callback").value = record.callback_number or (
            record.ani if shown == record.ani else ""
        )
        relation = {v: k for k, v in RELATIONS.items()}.get(record.caller_relation or "", "")
        self.field("rel").value = relation
        welcome = self._welcome()
        self.field(welcome.field).value = YES if welcome.done else ""
        if record.cuenta:
            self.field("cuenta").value = str(record.cuenta)
        self._match_ani(record.ani, fill_cuenta=not record.cuenta)
        self._describe_typed()

    def _match_ani(self, ani: str, *, fill_cuenta: bool) -> None:
        """Look the caller's number up once; several or none: say so for good."""
        from swat_tui.domain.account.query import parse_query
        from swat_tui.domain.errors import DomainError

        self._ani_note = ""
        try:
            page = self.desk.accounts.search(parse_query("telefono", ani), limit=3)
        except DomainError:
            self._ani_note = NO_ACCOUNT
            return
        if page.total == 1:
            self._ani_cuenta = page.rows[0].cuenta
            if fill_cuenta:
                self.field("cuenta").value = str(self._ani_cuenta)
            return
        shown = ", ".join(str(row.cuenta) for row in page.rows)
        more = " ..." if page.total > len(page.rows) else ""
        self._ani_note = f"{page.total} cuentas con ese número: {shown}{more}"

    def paint_account(self) -> None:
        self._describe_typed()

    def _describe_typed(self) -> None:
        """The account line and the caller-number line, for the cuenta typed now."""
        typed = self.field("cuenta").value.strip()
        opened = self.call.record.cuenta
        view = self.account
        if opened is not None and typed == str(opened) and view is not None:
            holder = view.holder_name or masked_holder(view.access)
            info = f"Titular: {holder}   Estado: {view.status}"
        elif typed == str(self._ani_cuenta) and opened is None:
            info = ""  # the caller-number line below asks to confirm it
        elif typed and opened is not None:
            info = f"Pulse Intro para abrir la cuenta digitada (abierta: {opened})."
        else:
            info = ""
        # The calling number's note speaks of that number: once another value is typed,
        # the row says nothing stale about it.
        note = self._ani_note if not typed else ""
        if self._ani_cuenta is not None:
            note = (
                "El número que llama corresponde a esta cuenta: confírmela con el cliente."
                if typed == str(self._ani_cuenta)
                else f"El número que llama corresponde a la cuenta {self._ani_cuenta}."
            )
        self.set_fields({"account_info": info, "ani_match": note})

    def field_typed(self, name: str, value: str) -> None:
        if name == "cuenta":
            self._describe_typed()
        super().field_typed(name, value)

    def typed_checks(self) -> frozenset[str]:
        """Typed here and recorded by Intro: the caller's data, a cuenta to open."""
        typed: set[str] = set()
        if all(self.field(name).value.strip() for name in (*CALLER_FIELDS, "rel")):
            typed.add(CALLER_DATA)
        cuenta = self.field("cuenta").value.strip()
        if cuenta and cuenta != str(self.call.record.cuenta):
            typed.add(ACCOUNT_OPENED)
        return frozenset(typed)

    def field_completed(self, name: str, value: str) -> None:
        desk = self.desk
        record = self.call.record
        if name in CALLER_FIELDS and value.strip() == (getattr(record, CALLER_FIELDS[name]) or ""):
            return  # already in the store
        if name in CALLER_FIELDS and value.strip():
            self.write(lambda: desk.call.set_field(CALLER_FIELDS[name], value.strip()), field=name)
        elif name == "rel" and value.strip():
            relation = RELATIONS.get(value.strip())
            if relation is not None and relation == record.caller_relation:
                return
            if relation is None:
                self.message(self.desk.procedure.message("relation_choice"), error=True)
                self.field("rel").mark_error(True)
                return
            self.write(lambda: desk.call.set_field("caller_relation", relation))
        elif name == self._welcome().field and value.strip().upper() == YES:
            welcome = self._welcome()
            if not welcome.done:
                check = welcome.check
                self.write(lambda: desk.call.record_check(check.id, check.result))

    def _welcome(self) -> CheckView:
        """The welcome-script check and its field (data/procedure.toml)."""
        (view,) = self.desk.call.step_view(self.PANEL_ID).checks
        return view

    async def action_rr_enter(self) -> None:
        self.clear_errors()
        self._describe_typed()  # the lines under "Cuenta" speak of what is typed now
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
        view = self.attempt(lambda: self.desk.call.open_account(cuenta), field="cuenta")
        if view is None:
            return False
        self._paint_call_header()
        self.show_next()
        self._describe_typed()
        return True

    def _single_match(self, query: AccountQuery) -> int | None:
        """The one account a query names; several or none: say so on row 24."""
        if query.kind == "cuenta":
            return int(query.value)
        page = self.attempt(lambda: self.desk.accounts.search(query, limit=3), field="cuenta")
        if page is None:
            return None
        if page.total == 1:
            self.field("cuenta").value = str(page.rows[0].cuenta)
            return page.rows[0].cuenta
        cuentas = [str(row.cuenta) for row in page.rows]
        self.message(several_accounts(page.total, query.describe(), cuentas), error=True)
        self.field("cuenta").mark_error(True)
        return None


def several_accounts(total: int, described: str, cuentas: list[str]) -> str:
    """Row 24 when a document or phone is on several accounts: whole on one line, the
    cuentas listed as far as they fit (row 24 never cuts a word)."""
    shown = list(cuentas)
    while True:
        listed = ", ".join(shown) + (" ..." if len(shown) < total else "")
        text = messages.text(
            "ui.call.several_accounts", total=total, described=described, listed=listed
        )
        if len(text) <= MESSAGE_WIDTH or not shown:
            short = messages.text("ui.call.several_accounts_short", total=total)
            return text if len(text) <= MESSAGE_WIDTH else short
        shown.pop()
