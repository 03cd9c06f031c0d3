"""The T&D area of the desk (soporte): walking a fault tree with the customer (TD010).

The walk is state of the call (the tree chosen and the answers given, in the
request's fields), so a crashed session resumes on the same question. Each
agent action is one transaction; the answer that reaches a leaf also records
the ``td_recorrido`` check and the code the typification proposes. A refused
action raises ``DomainError`` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.call.views import CallRecord
from swat_tui.domain.desk.active_call import ActiveCall
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.desk.context import DeskContext
from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError, refusal
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.definition import ProcedureDef
from swat_tui.domain.procedure.state import TD_PATH_FIELD, TD_TREE_FIELD
from swat_tui.domain.support import td_walk
from swat_tui.domain.support.routes import record_route
from swat_tui.domain.support.td_trees import TdCheck, TdTree, folder_trees, tree_id
from swat_tui.domain.support.td_walk import TdWalk
from swat_tui.store.queries import accounts as account_queries

WALKED_CHECK = load_actions().action("td_walk").check  # data/actions.toml
BACK = "0"  # typed instead of an answer: one answer back


@dataclass(frozen=True)
class TdTreeChoice:
    """A tree that applies to the call's account, as the agent picks it."""

    number: int
    id: str
    titulo: str


@dataclass(frozen=True)
class TdWalkView:
    """TD010's state: the trees to pick from, or the walk and whether it ended."""

    trees: tuple[TdTreeChoice, ...]
    walk: TdWalk | None  # None while no tree is chosen
    recorded: bool  # the leaf's check is recorded: no going back
    left_out: str = ""  # row 24 when tree files were left out for their errors

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        """The current question's answers as the agent types them: ("1", "si")..."""
        question = self.walk.question if self.walk else None
        if question is None:
            return ()
        return tuple((str(n), answer) for n, answer in enumerate(question.answers, start=1))


def left_out_notice(procedure: ProcedureDef, names: tuple[str, ...]) -> str:
    """Row 24 on TD010 when tree files were left out: their names whole, as many as fit
    (then "y N más"), never cut; the file:line detail is for ``swat td check``."""
    if not names:
        return ""
    rule = "td_left_out_one" if len(names) == 1 else "td_left_out"
    for shown in range(len(names), 0, -1):
        rest = len(names) - shown
        listed = ", ".join(names[:shown]) + (f" y {rest} más" if rest else "")
        text = procedure.message(rule, trees=listed)
        if len(text) <= MESSAGE_WIDTH:
            return text
    return procedure.message("td_left_out_count", count=len(names))


# What an intent does to the call, given the trees that apply to its account; the
# UCC code it suggests, or None.
CallChangeApply = Callable[[CallChange, tuple[TdTreeChoice, ...]], str | None]


def _answer_of(walk: TdWalk, option: str) -> str:
    """An answer typed as its id or as its number on the panel (1=si 2=no)."""
    question = walk.question
    typed = option.strip().lower()
    if question is None or typed in question.answers or not typed.isdigit():
        return typed
    index = int(typed) - 1
    return question.answers[index] if 0 <= index < len(question.answers) else typed


def _tree_of(trees: tuple[TdTreeChoice, ...], typed: str) -> str:
    """A tree typed as its number on the panel, or as its id."""
    text = typed.strip().lower()
    if text.isdigit():
        return next((choice.id for choice in trees if choice.number == int(text)), text)
    return text


class TdIntents(AreaService, area="td"):
    """The T&D walk of a soporte request, through the desk's gate."""

    def _call(self) -> ActiveCall:
        call = self.ctx.call
        if call is None or call.record.cuenta is None:
            raise refusal("support.td_outside_call")
        if call.record.state.request is None:
            raise DomainError(
                self.ctx.procedure.message("typify_needs_request"), rule="typify_needs_request"
            )
        return call

    def _folder(self) -> TdCheck:
        """The trees of the app's folder: the valid ones, and the files left out."""
        return folder_trees(self.ctx.services.td_dir)

    def _trees_in(self, session: Session, cuenta: int) -> tuple[TdTreeChoice, ...]:
        """The trees of the account's services (TV ones of its technology), gate-checked."""
        return trees_in(self.ctx, session, cuenta, self._folder().trees)

    def _tree(self, trees: tuple[TdTreeChoice, ...], chosen: str) -> TdTree:
        if chosen not in {choice.id for choice in trees}:
            shown = chosen[:20] or "vacío"
            raise refusal("support.td_tree_invalid", shown=shown, last=len(trees))
        return next(tree for tree in self._folder().trees if tree_id(tree) == chosen)

    def _change(self, call: ActiveCall, apply: CallChangeApply) -> CallRecord:
        """Read the trees and change the call in one transaction; the record reaches the UI."""
        cuenta = call.record.cuenta
        assert cuenta is not None
        with self.ctx.transaction() as tx:
            trees = self._trees_in(tx.session, cuenta)
            record = tx.change_call(lambda change: apply(change, trees))
        return record

    def trees(self) -> tuple[TdTreeChoice, ...]:
        """The trees that apply to the call's account, numbered as TD010 lists them."""
        call = self._call()
        assert call.record.cuenta is not None
        with self.ctx.transaction() as tx:
            return self._trees_in(tx.session, call.record.cuenta)

    def walk(self) -> TdWalkView:
        """Where the walk of the current request is (replayed from the call's state)."""
        call = self._call()
        trees = self.trees()
        state = call.record.state
        chosen, answers = td_walk.walked(state)
        walk = td_walk.replay(self._tree(trees, chosen), answers) if chosen else None
        recorded = state.mark_for(WALKED_CHECK, state.request_number) is not None
        names = tuple(Path(name).stem for name in self._folder().left_out)
        notice = left_out_notice(self.ctx.procedure, names)
        return TdWalkView(trees, walk, recorded, notice)

    def choose(self, chosen: str) -> CallRecord:
        """The tree the agent walks (its id or its number on TD010); it can change only
        while no answer is given."""
        call = self._call()

        def apply(change: CallChange, trees: tuple[TdTreeChoice, ...]) -> None:
            current, answers = td_walk.walked(change.state)
            if current and answers:
                raise refusal("support.td_answered")
            picked = _tree_of(trees, chosen)
            self._tree(trees, picked)
            change.action("td.choose", picked)
            change.set_request_field(TD_TREE_FIELD, picked)
            change.set_request_field(TD_PATH_FIELD, "")

        return self._change(call, apply)

    def reply(self, option: str) -> CallRecord:
        """The customer's answer to the current question; at a leaf the walk is recorded
        (escalated or not) and its UCC code suggested for the typification."""
        call = self._call()

        def apply(change: CallChange, trees: tuple[TdTreeChoice, ...]) -> str | None:
            chosen, answers = td_walk.walked(change.state)
            if not chosen:
                raise refusal("support.td_tree_first")
            walk = td_walk.replay(self._tree(trees, chosen), answers)
            walk = td_walk.answer(walk, _answer_of(walk, option))
            change.set_request_field(TD_PATH_FIELD, " ".join(step.respuesta for step in walk.path))
            leaf = walk.leaf
            if leaf is None:
                return None
            route = walk.route_label
            result = (
                load_actions().escalation(f"{route} {leaf.codigo}")
                if route is not None
                else f"primer contacto {leaf.codigo}"
            )
            change.record(WALKED_CHECK, result)
            if leaf.ruta is not None:
                record_route(change, leaf.ruta)  # a physical failure goes on to step 5
            return leaf.codigo

        return self._change(call, apply)

    def back(self) -> CallRecord:
        """One answer back (at the first question: the tree is chosen again); refused
        once the walk reached its result."""
        call = self._call()

        def apply(change: CallChange, trees: tuple[TdTreeChoice, ...]) -> None:
            state = change.state
            if state.mark_for(WALKED_CHECK, state.request_number) is not None:
                raise refusal("support.td_no_back")
            chosen, answers = td_walk.walked(state)
            if not chosen:
                raise refusal("support.td_tree_first")
            if answers:
                change.set_request_field(TD_PATH_FIELD, " ".join(answers[:-1]))
            else:
                change.set_request_field(TD_TREE_FIELD, "")

        return self._change(call, apply)


def trees_in(
    ctx: DeskContext, session: Session, cuenta: int, folder: tuple[TdTree, ...]
) -> tuple[TdTreeChoice, ...]:
    """The trees of ``folder`` for the account's services (TV ones of its technology),
    numbered as TD010 lists them; the account gate-checked and its access logged."""
    ctx.gated_account(session, cuenta, "ARBOL_TD")
    services = account_queries.services_of(session, cuenta=cuenta)
    found: list[TdTree] = []
    for service in services:
        technology = (service.tv_technology or "").lower() or None
        for tree in folder:
            applies = tree.servicio == service.kind and (
                not tree.tecnologias or technology in tree.tecnologias
            )
            if applies and tree not in found:
                found.append(tree)
    return tuple(
        TdTreeChoice(n, tree_id(tree), tree.titulo) for n, tree in enumerate(found, start=1)
    )
