"""The unit the generator hands to the writer: rows of consecutive accounts.

Rows are plain dicts ready for a Core ``insert()``; every generator part
appends to the ``Batch`` it is given, so the table order below is the insert
order the writer follows (parents before children).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Row = dict[str, object]


@dataclass
class Batch:
    """The rows of consecutive accounts, table by table, in insert order."""

    account: list[Row] = field(default_factory=list)
    service: list[Row] = field(default_factory=list)
    equipment: list[Row] = field(default_factory=list)
    # What the simulated plant reports for some devices; "equipment_id" is filled by the
    # writer from "serial" and "cuenta".
    plant_condition: list[Row] = field(default_factory=list)
    invoice: list[Row] = field(default_factory=list)
    # Extra charges of the invoices above; "invoice_id" is filled by the writer from
    # "invoice_number".
    invoice_charge: list[Row] = field(default_factory=list)
    payment: list[Row] = field(default_factory=list)
    final_notice: list[Row] = field(default_factory=list)
    account_discount: list[Row] = field(default_factory=list)
    pqr: list[Row] = field(default_factory=list)
    work_order: list[Row] = field(default_factory=list)
    dime_case: list[Row] = field(default_factory=list)
    # Follow-up notes of the cases above; "dime_case_id" is filled by the writer from
    # "dime_number" and "cuenta".
    dime_note: list[Row] = field(default_factory=list)
    note: list[Row] = field(default_factory=list)
    note_folder: list[Row] = field(default_factory=list)
    # Notes inside the folders above; "folder_id" is filled by the writer from "cuenta".
    folder_note: list[Row] = field(default_factory=list)
    incident: list[Row] = field(default_factory=list)  # only in the final batch
    wfm_slot: list[Row] = field(default_factory=list)  # only in the final batch
    # Earlier reports of a showcase aviso (IVR, no call row): "incident_id" is filled by
    # the writer from "incident_number". Only in the final batch.
    incident_link: list[Row] = field(default_factory=list)


__all__ = ["Batch", "Row"]
