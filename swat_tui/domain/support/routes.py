"""The five escalation routes of support, recorded on the request: they decide what follows.

Which route goes on to another branch is data (``data/actions.toml``
[support.follows]): a physical failure goes on to the technical visit
(step 5); the other routes end in the typification with the code their
action suggested.
"""

from __future__ import annotations

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.procedure.actions import load_actions
from swat_tui.domain.procedure.state import FOLLOW_BRANCH_FIELD, SUPPORT_ROUTE_FIELD
from swat_tui.domain.support.td_trees import ROUTES

VISIT_BRANCH = "visita"  # the visit branch's id (step 5), as data/procedure.toml names it


def record_route(change: CallChange, route: str) -> None:
    """The route support took for the current request, and the branch it goes on to."""
    if route not in ROUTES:
        raise ValueError(f"unknown support route {route!r}")
    change.set_request_field(SUPPORT_ROUTE_FIELD, route)
    change.set_request_field(FOLLOW_BRANCH_FIELD, load_actions().follow_branch(route))
