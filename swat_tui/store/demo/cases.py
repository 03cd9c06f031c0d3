"""What agents left on an account: PQRs, technician visits and notes.

Random accounts get a few of each at realistic rates (open ones only where the
status allows them); showcase accounts ask for exactly theirs. PQR answers are
due ``PQR_BUSINESS_DAYS`` business days after filing; visits take 2-hour
slots. Radicado, CUN and order numbers are plain sequences from a random start.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from swat_tui.calendar_co import add_business_days
from swat_tui.store.demo.batch import Batch
from swat_tui.store.demo.draws import Draws
from swat_tui.store.demo.vocabulary import Vocabulary
from swat_tui.store.enums import AccountStatus, PqrStatus, WorkOrderKind, WorkOrderStatus

DIME_SLA_DAYS = 5  # a showcase case's answer time (data/dime_areas.toml has each area's)
PQR_BUSINESS_DAYS = 15  # answer time: business days, Colombian holidays skipped
PQR_CHANNELS = ("CORREO ELECTRONICO", "DIRECCION FISICA", "LLAMADA TELEFONICA")
SLOT_HOURS = (7, 9, 11, 13, 15)  # starts of the 2-hour visit windows, Bogotá time
CLOSED_ORDERS = (
    *(WorkOrderStatus.COMPLETADA.value,) * 6,
    WorkOrderStatus.NO_REALIZADA.value,
    WorkOrderStatus.CANCELADA.value,
)


class Cases:
    """Adds PQRs, work orders, special notes and SWAT note folders to accounts."""

    def __init__(self, vocabulary: Vocabulary, draws: Draws, *, today_ord: int) -> None:
        self._v = vocabulary
        self._r, self._int, self._choice, self._at = (
            draws.random,
            draws.between,
            draws.choice,
            draws.at,
        )
        self._today_ord = today_ord
        rng = draws.rng
        self._radicado_seq = 1_000_000 + rng.randrange(1_000_000)
        self._dime_seq = 0
        self._cun_seq = 100_000 + rng.randrange(900_000)
        self._order_seq = 10_000_000 + rng.randrange(10_000_000)
        self._pqr_due: dict[int, date] = {}  # filing day (ordinal) -> answer due date

    def random_cases(self, out: Batch, cuenta: int, status: str, activated: int) -> None:
        """Maybe a PQR, a visit, special notes or a SWAT folder, as a real base has them."""
        r = self._r
        age = self._today_ord - activated
        live = status in (AccountStatus.ACTIVA, AccountStatus.CANCELADO_DEBE)
        roll = r()
        if live and roll < 0.012:
            self.pqr(out, cuenta, PqrStatus.ABIERTA.value, self._int(1, min(40, age)))
        elif roll < 0.042:
            closed = PqrStatus.CERRADA.value if r() < 0.85 else PqrStatus.DESISTIDA.value
            self.pqr(out, cuenta, closed, self._int(41, max(41, min(365, age))))
        roll = r()
        if status == AccountStatus.ACTIVA and roll < 0.02:
            kind = WorkOrderKind.LLS.value if r() < 0.65 else WorkOrderKind.OT.value
            pending = (WorkOrderStatus.AGENDADA if r() < 0.6 else WorkOrderStatus.PENDIENTE).value
            self.work_order(out, cuenta, kind, pending)
        elif roll < 0.06:
            kind = WorkOrderKind.LLS.value if r() < 0.65 else WorkOrderKind.OT.value
            done = self._choice(CLOSED_ORDERS)
            self.work_order(out, cuenta, kind, done, days_ago=self._int(7, min(180, age)))
        if r() < 0.03:
            for _ in range(self._int(1, 2)):
                self.note(
                    out, cuenta, self._choice(self._v.special_notes), self._int(1, min(700, age))
                )
        if r() < 0.008:
            self.swat_folder(out, cuenta, self._int(1, 3), self._int(1, min(200, age)))

    def note(self, out: Batch, cuenta: int, text: str, days_ago: int) -> None:
        """A special note (F7) by a random agent."""
        out.note.append(
            {
                "cuenta": cuenta,
                "folder_id": None,
                "author": self._choice(self._v.agents),
                "created_at": self._at(self._today_ord - days_ago),
                "text": text,
            }
        )

    def swat_folder(self, out: Batch, cuenta: int, notes: int, days_ago: int) -> None:
        """A ``SWAT`` note folder holding ``notes`` notes by one agent."""
        author = self._choice(self._v.agents)
        created = self._at(self._today_ord - days_ago)
        out.note_folder.append(
            {
                "cuenta": cuenta,
                "name": "SWAT",
                "created_by": author,
                "created_at": created,
            }
        )
        for i in range(notes):
            out.folder_note.append(
                {
                    "cuenta": cuenta,
                    "author": author,
                    "created_at": created + timedelta(minutes=3 * i),
                    "text": self._v.swat_notes[(days_ago + i) % len(self._v.swat_notes)],
                }
            )

    def _pqr_due_on(self, filed: date) -> date:
        due = self._pqr_due.get(filed.toordinal())
        if due is None:
            due = self._pqr_due[filed.toordinal()] = add_business_days(filed, PQR_BUSINESS_DAYS)
        return due

    def pqr(self, out: Batch, cuenta: int, status: str, days_ago: int) -> None:
        """A PQR filed ``days_ago`` days ago; only a peticion may lack a CUN (70% do)."""
        r = self._r
        kind, subject = self._choice(self._v.pqr_subjects)
        filed = self._at(self._today_ord - days_ago)
        self._radicado_seq += 1
        cun = None
        if kind != "peticion" or r() < 0.3:
            self._cun_seq += 1
            cun = f"4410-{filed.year % 100:02d}-{self._cun_seq:010d}"
        out.pqr.append(
            {
                "cuenta": cuenta,
                "radicado": f"RAD{self._radicado_seq:010d}",
                "cun": cun,
                "kind": kind,
                "subject": subject,
                "status": status,
                "filed_at": filed,
                "due_on": self._pqr_due_on(filed.date()),
                "response_channel": self._choice(PQR_CHANNELS),
                "filed_by": self._choice(self._v.agents),
                "notes": "",
            }
        )

    def dime(
        self,
        out: Batch,
        cuenta: int,
        area: str,
        subject: str,
        days_ago: int,
        *,
        data: str = "",
        follow_up: str = "",
        sla_days: int = DIME_SLA_DAYS,
    ) -> None:
        """An open DIME escalation created ``days_ago`` days ago, due ``sla_days`` business
        days later, with the data the area needs and (maybe) a follow-up note."""
        created = self._at(self._today_ord - days_ago)
        agent = self._v.agents[0]
        self._dime_seq += 1
        number = f"DIME{self._dime_seq:08d}"
        out.dime_case.append(
            {
                "number": number,
                "cuenta": cuenta,
                "call_id": None,
                "area": area,
                "subject": subject,
                "status": "ABIERTO",
                "created_at": created,
                "updated_at": created,
                "notes": data,
                "due_on": add_business_days(created.date(), sla_days),
                "created_by": agent,
            }
        )
        if follow_up:
            out.dime_note.append(
                {
                    "dime_number": number,
                    "cuenta": cuenta,  # finds the case's id (the writer drops it)
                    "at": created + timedelta(days=1),
                    "author": "DIME",
                    "text": follow_up,
                }
            )

    def work_order(
        self, out: Batch, cuenta: int, kind: str, status: str, days_ago: int | None = None
    ) -> None:
        """An LLS or OT created ``days_ago`` days ago (0-5 if None), with a slot if it has one."""
        reasons = [text for k, text in self._v.work_order_reasons if k == kind]
        ago = self._int(0, 5) if days_ago is None else days_ago
        slot_start: datetime | None = None
        if status == WorkOrderStatus.AGENDADA:
            slot_start = self._at(self._today_ord + self._int(1, 6), 60 * self._choice(SLOT_HOURS))
        elif status in (WorkOrderStatus.COMPLETADA, WorkOrderStatus.NO_REALIZADA):
            slot_start = self._at(
                self._today_ord - ago + self._int(1, 5), 60 * self._choice(SLOT_HOURS)
            )
        self._order_seq += 1
        out.work_order.append(
            {
                "cuenta": cuenta,
                "kind": kind,
                "number": f"{kind}{self._order_seq:0{12 - len(kind)}d}",
                "status": status,
                "reason": self._choice(reasons),
                "created_at": self._at(self._today_ord - ago),
                "slot_start": slot_start,
                "slot_end": slot_start + timedelta(hours=2) if slot_start else None,
            }
        )


__all__ = ["Cases"]
