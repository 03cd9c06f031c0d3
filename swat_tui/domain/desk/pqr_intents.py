"""The desk's intents for filing a PQR (a mixin of ``Desk``: each file has one job)."""

from __future__ import annotations

from swat_tui.domain.call.change import CallChange, change_in
from swat_tui.domain.desk.desk_part import DeskPart
from swat_tui.domain.errors import DomainError
from swat_tui.domain.pqr import filing
from swat_tui.domain.pqr.filing import FiledPqr
from swat_tui.domain.pqr.matrix import MatrixRow, load_matrix
from swat_tui.store.engine import read_session, write_session
from swat_tui.store.queries import pqr_filing


class PqrFilingIntents(DeskPart):
    """Filing a PQR (step 6, radicar), through the desk's gate, in one transaction."""

    def pqr_motives(self) -> tuple[MatrixRow, ...]:
        """The process matrix's motives, in its order (PQR030 numbers them 1, 2...)."""
        return load_matrix().rows

    def pqr_motive(self, typed: str) -> MatrixRow | None:
        """The motive typed on PQR030 (its number or its code), or None if not in the matrix."""
        return filing.motive_for(load_matrix(), typed)

    def file_pqr(
        self,
        *,
        motive: str,
        notes: str,
        channel: str,
        address: str,
        confirmed: str,
    ) -> FiledPqr:
        """Step 6, radicar: the PQR, its CUN when the matrix gives one, the SWAT note of
        long notes and the request's marks for the typification, in one transaction;
        refused (nothing written) until personal data were validated in this call."""
        call = self.active
        if call is None:
            raise DomainError("No hay ninguna llamada en curso.")
        now = self._now()
        filed: list[FiledPqr] = []

        def apply(change: CallChange) -> None:
            filed.append(
                filing.file_pqr(
                    change,
                    load_matrix(),
                    motive=motive,
                    notes=notes,
                    channel=channel,
                    address=address,
                    confirmed=confirmed,
                    agent=self.agent.username,
                    gate=self.gate,
                )
            )

        with write_session(self.services.engine) as session:
            record = change_in(session, self.services.calls.procedure, call.call_id, now, apply)
        self._changed(record)
        return filed[0]

    def filed_pqr(self) -> FiledPqr | None:
        """The PQR the current request filed (PQR030 shows it again), or None."""
        call = self.active
        if call is None:
            return None
        state = call.record.state
        mark = state.mark_for(filing.FILED, state.request_number)
        if mark is None or state.awaiting_request:
            return None
        with read_session(self.services.engine) as session:
            pqr = pqr_filing.pqr_by_radicado(session, radicado=filing.radicado_of(mark.result))
            if pqr is None:
                return None
            row = next((r for r in load_matrix().rows if r.motive == pqr.motive), None)
            notes_in_folder = pqr.notes.endswith(filing.SWAT_POINTER)
            return filing.filed_view(pqr, row, notes_in_folder=notes_in_folder)
