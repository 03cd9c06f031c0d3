"""Walking a T&D tree with the customer, one answer at a time.

The walk is an immutable value: each answer gives a new state, and a refused
answer raises DomainError and leaves the old state as it was, so a panel can
keep showing the question the agent is on.
"""

from __future__ import annotations

from dataclasses import dataclass

from swat_tui.domain.errors import MESSAGE_WIDTH, DomainError, refusal
from swat_tui.domain.messages import text
from swat_tui.domain.procedure.state import TD_PATH_FIELD, TD_TREE_FIELD, CallState
from swat_tui.domain.support.td_trees import (
    ROUTES,
    Leaf,
    Node,
    Question,
    TdTree,
    tree_id,
)


@dataclass(frozen=True)
class Step:
    """One question asked and the answer the customer gave."""

    node: str
    pregunta: str
    respuesta: str


@dataclass(frozen=True)
class TdWalk:
    """Where the agent is in a tree and how they got there."""

    tree: TdTree
    node_id: str
    path: tuple[Step, ...] = ()

    @property
    def node(self) -> Node:
        return self.tree.node(self.node_id)

    @property
    def question(self) -> Question | None:
        node = self.node
        return node if isinstance(node, Question) else None

    @property
    def leaf(self) -> Leaf | None:
        node = self.node
        return node if isinstance(node, Leaf) else None

    @property
    def done(self) -> bool:
        return self.leaf is not None

    @property
    def route_label(self) -> str | None:
        """The escalation route in the agent's words, None when solved or not at a leaf."""
        leaf = self.leaf
        return ROUTES[leaf.ruta] if leaf is not None and leaf.ruta is not None else None


def start(tree: TdTree) -> TdWalk:
    """A walk at the tree's first node."""
    return TdWalk(tree, tree.inicio)


def answer(walk: TdWalk, option: str) -> TdWalk:
    """The walk after the customer's answer; refused for an answer the question lacks."""
    question = walk.question
    if question is None:
        raise refusal("support.td_finished")
    chosen = option.strip().lower()
    target = question.next_of(chosen)
    if target is None:
        shown = chosen[:12] or "vacía"
        message = text(
            "support.td_answer_invalid", shown=shown, answers=", ".join(question.answers)
        )
        raise DomainError(
            message[: MESSAGE_WIDTH - 1] + "." if len(message) > MESSAGE_WIDTH else message,
            rule="support.td_answer_invalid",
        )
    step = Step(question.id, question.pregunta, chosen)
    return TdWalk(walk.tree, target, (*walk.path, step))


def back(walk: TdWalk) -> TdWalk:
    """The walk one answer earlier; refused at the first question."""
    if not walk.path:
        raise refusal("support.td_first_question")
    return TdWalk(walk.tree, walk.path[-1].node, walk.path[:-1])


def replay(tree: TdTree, answers: tuple[str, ...]) -> TdWalk:
    """The walk after ``answers``, from the tree's first node (refused like ``answer``)."""
    walk = start(tree)
    for given in answers:
        walk = answer(walk, given)
    return walk


def walked(state: CallState) -> tuple[str, tuple[str, ...]]:
    """The tree id and the answers stored for the current request ("" and () if none)."""
    return state.request_field(TD_TREE_FIELD), tuple(state.request_field(TD_PATH_FIELD).split())


def request_walk(state: CallState, trees: tuple[TdTree, ...]) -> TdWalk | None:
    """The current request's walk in its tree of ``trees``, or None (no tree chosen, or
    the stored answers no longer fit an edited tree)."""
    chosen, answers = walked(state)
    tree = next((t for t in trees if tree_id(t) == chosen), None)
    if tree is None:
        return None
    try:
        return replay(tree, answers)
    except DomainError:
        return None
