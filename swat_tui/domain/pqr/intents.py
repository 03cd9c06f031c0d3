"""The PQR area of the desk: consulting an account's PQRs and filing one (step 6)."""

from __future__ import annotations

from swat_tui.domain.call.change import CallChange
from swat_tui.domain.desk.area import AreaService
from swat_tui.domain.pqr import filing
from swat_tui.domain.pqr.consult import PqrsView, consult_pqrs
from swat_tui.domain.pqr.filing import FiledPqr
from swat_tui.domain.pqr.matrix import MatrixRow, load_matrix
from swat_tui.store.engine import read_session
from swat_tui.store.queries import pqr_filing


class PqrIntents(AreaService, area="pqr"):
    """Step 6 of a PQR request: consult, or file (radicar) in one transaction."""

    def consult(self, cuenta: int) -> PqrsView:
        """Step 6, consult: the account's PQRs as recorded, refused while it is masked."""
        ctx = self.ctx
        return consult_pqrs(
            ctx.services.engine, ctx.now, cuenta, agent=ctx.agent.username, gate=ctx.gate
        )

    def motives(self) -> tuple[MatrixRow, ...]:
        """The process matrix's motives, in its order (PQR030 numbers them 1, 2...)."""
        return load_matrix().rows

    def motive(self, typed: str) -> MatrixRow | None:
        """The motive typed on PQR030 (its number or its code), or None if not in the matrix."""
        return filing.motive_for(load_matrix(), typed)

    def file(
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
        ctx = self.ctx
        ctx.require_call()
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
                    agent=ctx.agent.username,
                    gate=ctx.gate,
                )
            )
            change.action("pqr.file", filed[-1].radicado, cun=filed[-1].cun or "")

        with ctx.transaction() as tx:
            tx.change_call(apply)
        return filed[0]

    def filed(self) -> FiledPqr | None:
        """The PQR the current request filed (PQR030 shows it again), or None."""
        call = self.ctx.call
        if call is None:
            return None
        state = call.record.state
        mark = state.mark_for(filing.FILED, state.request_number)
        if mark is None or state.awaiting_request:
            return None
        with read_session(self.ctx.services.engine) as session:
            pqr = pqr_filing.pqr_by_radicado(session, radicado=filing.radicado_of(mark.result))
            if pqr is None:
                return None
            row = next((r for r in load_matrix().rows if r.motive == pqr.motive), None)
            notes_in_folder = pqr.notes.endswith(filing.SWAT_POINTER)
            return filing.filed_view(pqr, row, notes_in_folder=notes_in_folder)
