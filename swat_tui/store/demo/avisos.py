"""Avisos (incidents) on network nodes, made once every account exists.

About 3% of nodes have an open aviso and 12% a closed one. The showcase needs
one node with a known open masiva aviso and its other nodes free of open
ones, so showcase accounts report here which node they use (``keep_quiet``)
before ``rows`` draws the random avisos.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from swat_tui.config import BOGOTA
from swat_tui.store.demo.batch import Row
from swat_tui.store.demo.draws import Draws
from swat_tui.store.demo.places import Places
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import IncidentStatus

# Estimated restoration after the aviso opened, by priority (1 crítica .. 4 baja):
RESTORE_HOURS = {1: 6, 2: 12, 3: 24, 4: 48}
RESTORE_LATEST_HOUR = 21  # an open aviso's estimate is at least the demo day's 21:00


class Avisos:
    """The build's incident rows, and the node reserved for the showcase aviso."""

    def __init__(
        self, vocabulary: Vocabulary, draws: Draws, places: Places, *, today_ord: int
    ) -> None:
        self._v = vocabulary
        self._draws = draws
        self._r, self._int, self._choice, self._at = (
            draws.random,
            draws.between,
            draws.choice,
            draws.at,
        )
        self._places = places
        self._today_ord = today_ord
        self._incident_seq = 300_000 + draws.rng.randrange(300_000)
        self.showcase_node = places.nodes[vocabulary.cities[0].name][-1]
        self.showcase_node_used = False  # a showcase account sits on it: give it the aviso
        self._quiet_nodes: set[str] = set()
        self.reporters: list[int] = []  # showcase cuentas that reported the aviso before
        self._showcase_aviso: Row | None = None

    def keep_quiet(self, node: str) -> None:
        """Never put an open aviso on ``node`` (a showcase account without one lives there)."""
        self._quiet_nodes.add(node)

    def rows(self) -> list[Row]:
        """Open and closed avisos on some nodes; call after the last account."""
        r = self._r
        nodes = self._places.all_nodes()
        candidates = [n for n in nodes if n not in self._quiet_nodes and n != self.showcase_node]
        rows: list[Row] = []
        if self.showcase_node_used:
            self._showcase_aviso = self._incident(
                self.showcase_node, "masiva", open_=True, priority=1
            )
            rows.append(self._showcase_aviso)
        for node in self._draws.sample(candidates, max(1, round(len(nodes) * 0.03))):
            kind = "masiva" if r() < 0.7 else "puntual"
            rows.append(self._incident(node, kind, open_=True))
        for node in self._draws.sample(nodes, round(len(nodes) * 0.12)):
            kind = "masiva" if r() < 0.5 else "puntual"
            rows.append(self._incident(node, kind, open_=False))
        return rows

    def reports(self) -> list[Row]:
        """Earlier reports of the showcase aviso by its ``reporters`` (through the IVR, so
        no call row), ten minutes after it opened: their next call is a repeat call."""
        aviso = self._showcase_aviso
        if aviso is None:
            return []
        opened = aviso["opened_at"]
        assert isinstance(opened, datetime)
        return [
            {
                "incident_number": aviso["number"],
                "cuenta": cuenta,
                "call_id": None,
                "linked_at": opened + timedelta(minutes=10),
                "agent": "IVR",
                "repeat_call": False,
            }
            for cuenta in self.reporters
        ]

    def _incident(self, node: str, kind: str, *, open_: bool, priority: int | None = None) -> Row:
        descriptions = [text for k, text in self._v.incident_descriptions if k == kind]
        if priority is None:
            priority = self._int(1, 2) if kind == "masiva" else self._int(3, 4)
        if open_:
            opened = self._at(self._today_ord - self._int(0, 2))
            if opened.toordinal() == self._today_ord:
                opened -= timedelta(hours=12)  # opened today: before the office day starts
            closed = None
        else:
            opened = self._at(self._today_ord - self._int(4, 90))
            closed = opened + timedelta(hours=self._int(2, 48))
        self._incident_seq += self._int(1, 97)
        city = next(c for c in self._v.cities if node.startswith(f"{c.node_prefix}-"))
        return {
            "number": f"INC{self._incident_seq:09d}",
            "node": node,
            "priority": priority,
            "kind": kind,
            "description": self._choice(descriptions),
            "status": (IncidentStatus.ABIERTO if open_ else IncidentStatus.CERRADO).value,
            "opened_at": opened,
            "closed_at": closed,
            # derived, not drawn: the rows of older builds keep their random stream
            "zone": f"{city.name}, zona {node.split('-')[1]}, nodo {node}",
            "restore_by": self._restore_by(opened, priority, open_=open_),
        }

    def _restore_by(self, opened: datetime, priority: int, *, open_: bool) -> datetime:
        """The estimate the NOC holds: the priority's hours after opening, and for an
        aviso still open never before the end of the demo's day (NOC moves a passed
        estimate on; an agent must not quote the customer an hour gone by)."""
        estimate = opened + timedelta(hours=RESTORE_HOURS[priority])
        if not open_:
            return estimate
        day = date.fromordinal(self._today_ord)
        end_of_day = datetime(day.year, day.month, day.day, RESTORE_LATEST_HOUR, tzinfo=BOGOTA)
        return max(estimate, end_of_day)


__all__ = ["Avisos"]
