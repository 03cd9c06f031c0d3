"""All tables of the store, one module per entity family.

Importing this package registers every table on ``SQLModel.metadata``; Alembic
and the engine factory rely on that.
"""

from swat_tui.store.models.accounts import Account, Equipment, Service
from swat_tui.store.models.agenda import VisitBooking, WfmSlot
from swat_tui.store.models.agents import AccessLog, Agent, AgentPresence, ProfileAudit
from swat_tui.store.models.billing import (
    AccountDiscount,
    DiscountCampaign,
    Invoice,
    InvoiceCharge,
    InvoiceDeliveryChange,
    Payment,
)
from swat_tui.store.models.calls import (
    Call,
    CallEvent,
    CallRequest,
    RefusedIntent,
    Typification,
    UccCode,
)
from swat_tui.store.models.campaigns import Campaign, CampaignAttempt, CampaignRecord
from swat_tui.store.models.cases import DimeCase, DimeNote, Pqr, WorkOrder
from swat_tui.store.models.cgo import CgoForm
from swat_tui.store.models.collections import FinalNotice, PaymentCommitment, Reconnection
from swat_tui.store.models.confirmations import ProcessConfirmation
from swat_tui.store.models.counters import Counter
from swat_tui.store.models.incidents import Incident
from swat_tui.store.models.management import (
    ImprovementIdea,
    PracticeParticipant,
    PracticeRecord,
)
from swat_tui.store.models.notes import Note, NoteFolder
from swat_tui.store.models.queue import WaitingCall
from swat_tui.store.models.support import (
    CmRegistration,
    IncidentLink,
    ModemRestart,
    PlantCondition,
    SerialCheck,
)
from swat_tui.store.models.training import TrainingAssignment, TrainingResult

__all__ = [
    "AccessLog",
    "Account",
    "AccountDiscount",
    "Agent",
    "AgentPresence",
    "Call",
    "CallEvent",
    "CallRequest",
    "Campaign",
    "CampaignAttempt",
    "CampaignRecord",
    "CgoForm",
    "CmRegistration",
    "Counter",
    "DimeCase",
    "DimeNote",
    "DiscountCampaign",
    "Equipment",
    "FinalNotice",
    "ImprovementIdea",
    "Incident",
    "IncidentLink",
    "Invoice",
    "InvoiceCharge",
    "InvoiceDeliveryChange",
    "ModemRestart",
    "Note",
    "NoteFolder",
    "Payment",
    "PaymentCommitment",
    "PlantCondition",
    "Pqr",
    "PracticeParticipant",
    "PracticeRecord",
    "ProcessConfirmation",
    "ProfileAudit",
    "Reconnection",
    "RefusedIntent",
    "SerialCheck",
    "Service",
    "TrainingAssignment",
    "TrainingResult",
    "Typification",
    "UccCode",
    "VisitBooking",
    "WaitingCall",
    "WfmSlot",
    "WorkOrder",
]
