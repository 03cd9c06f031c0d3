"""Closed vocabularies stored as text columns.

The stored value is the RR spelling, so a row read with plain SQL means the
same thing an agent sees on the panel.
"""

from enum import StrEnum


class Role(StrEnum):
    ASESOR = "asesor"
    SUPERVISOR = "supervisor"
    FORMADOR = "formador"
    COORDINADOR = "coordinador"


class ProfileAction(StrEnum):
    """What a supervisor did to a profile (``profile_audit.action``)."""

    HABILITAR = "HABILITAR"
    RESTABLECER_CLAVE = "RESTABLECER CLAVE"


class AccountStatus(StrEnum):
    ACTIVA = "ACTIVA"
    CANCELADO_DEBE = "CANCELADO DEBE"
    CANCELADO = "CANCELADO"
    CANCELADO_CREDITO = "CANCELADO CREDITO"
    CARTERA_CASTIGADA = "CARTERA CASTIGADA"


class ServiceKind(StrEnum):
    INTERNET = "internet"
    TV = "tv"
    VOZ = "voz"


class TvTechnology(StrEnum):
    DVB = "DVB"
    ATSC = "ATSC"
    NAGRA = "NAGRA"
    TVBOX = "TVBOX"
    FIBRA = "FIBRA"


class EquipmentKind(StrEnum):
    MODEM = "modem"
    DECODER = "decoder"
    SMART_CARD = "smart_card"


class EquipmentStatus(StrEnum):
    INSTALADO = "INSTALADO"
    RETIRADO = "RETIRADO"
    EN_REPARACION = "EN REPARACION"


class PqrStatus(StrEnum):
    ABIERTA = "ABIERTA"
    CERRADA = "CERRADA"
    DESISTIDA = "DESISTIDA"


class WorkOrderKind(StrEnum):
    LLS = "LLS"
    OT = "OT"


class WorkOrderStatus(StrEnum):
    PENDIENTE = "PENDIENTE"
    AGENDADA = "AGENDADA"
    DESPACHADA = "DESPACHADA"
    EN_CURSO = "EN CURSO"
    COMPLETADA = "COMPLETADA"
    NO_REALIZADA = "NO REALIZADA"
    CANCELADA = "CANCELADA"


class IncidentStatus(StrEnum):
    ABIERTO = "ABIERTO"
    CERRADO = "CERRADO"


class CgoStatus(StrEnum):
    PENDIENTE = "PENDIENTE"  # CGO has not confirmed the agenda yet
    CONFIRMADA = "CONFIRMADA"
    CERRADA = "CERRADA"


class CallStatus(StrEnum):
    RINGING = "ringing"
    IN_PROGRESS = "in_progress"
    ENDED = "ended"
    # The customer left before being served (ended_by "customer"), or a call a killed
    # session left open, closed on REC001 as abandoned (ended_by "system").
    ABANDONED = "abandoned"
    HUNG_UP = "hung_up"  # the agent ended it before the procedure's end
    TRANSFERRED = "transferred"


class DimeStatus(StrEnum):
    ABIERTO = "ABIERTO"
    EN_GESTION = "EN GESTION"
    CERRADO = "CERRADO"


OUTBOUND_QUEUE_PREFIX = "SALIENTE"
"""An outbound campaign call's queue is ``SALIENTE <campaign>`` (the desk's dial): the
call KPIs, which measure the inbound service, leave those calls to the campaign's own
indicator (a dial is on the line from the first second, answered or not)."""
