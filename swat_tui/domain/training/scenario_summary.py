"""The plain-text lines ``swat scenarios show`` and ``intents`` print, and TRN003 shows
(Spanish, literal)."""

from __future__ import annotations

from swat_tui.domain.training.scenario import AccountSituation, Contact, Scenario

LINE_NAMES = {
    "opening": "al contestar",
    "request": "su solicitud",
    "identity": "a las preguntas de identidad",
    "hold": "al ponerlo en espera",
    "resume": "al volver de la espera",
    "transfer": "al transferirlo",
    "offer": "a lo que se le ofrece",
    "closing": "al cierre (¿algo más?)",
}
MODES = {"practica": "práctica", "certificacion": "certificación"}
CONTACTS = {Contact.FIRST_CONTACT: "primer contacto", Contact.CUN: "con CUN"}


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def summary(scenario: Scenario) -> list[str]:
    """What a trainer reads before assigning the scenario."""
    series = f" · serie {scenario.series}" if scenario.series else ""
    lines = [
        f"{scenario.id}  {scenario.title}",
        f"Archivo: {scenario.path}" if scenario.path else "",
        f"Nivel {scenario.level} · {MODES.get(scenario.mode, scenario.mode)} · tiempo objetivo "
        f"{_clock(scenario.target_seconds)}{series}",
        "Objetivos: " + "; ".join(scenario.objectives),
        "",
        "Cuenta: " + _account(scenario.account),
    ]
    caller = scenario.caller
    lines += [
        f"Cliente: {caller.name}, documento {caller.document}, {caller.relation}; "
        f"llama del {caller.phone} (cola {caller.queue}); ánimo: {caller.mood}",
    ]
    said = [
        f"  {label}: «{getattr(caller.lines, name)}»"
        for name, label in LINE_NAMES.items()
        if getattr(caller.lines, name)
    ]
    if said:
        lines += ["Lo que dice:", *said]
    if caller.answers:
        lines += ["Lo que responde a cada dato:"]
        lines += [f"  {field}: {value}" for field, value in caller.answers.items()]
    lines += ["", "Lo esperado:"]
    for number, handling in enumerate(scenario.expected, start=1):
        route = f"{handling.branch}/{handling.subflow}" if handling.subflow else handling.branch
        parts = [f"rama {route}"]
        if handling.codes:
            parts.append("códigos " + ", ".join(handling.codes))
        parts.append(CONTACTS.get(handling.contact, handling.contact))
        if handling.escalation:
            parts.append(f"escalar a DIME {handling.escalation}")
        if handling.visit:
            parts.append(f"visita {handling.visit}")
        if handling.pqr:
            parts.append(f"PQR: {handling.pqr}")
        lines += [f"  {number}. «{handling.says}»", f"     {'; '.join(parts)}"]
    if scenario.model:
        total = sum(step.seconds for step in scenario.model)
        lines += ["", f"Respuesta modelo: {len(scenario.model)} pasos ({_clock(total)})."]
    else:
        lines += ["", "Sin respuesta modelo."]
    return [line for index, line in enumerate(lines) if line or index != 1]


def _account(account: AccountSituation) -> str:
    if account.showcase:
        from swat_tui.store.demo.showcase import SHOWCASE

        cuenta = SHOWCASE.get(account.showcase)
        return f"de la demostración, {account.showcase} (cuenta {cuenta})"
    if account.rows is not None:
        own = account.rows.account.get("cuenta", "?")
        counts = ", ".join(
            f"{section} {len(rows)}" for section, rows in account.rows.related.items() if rows
        )
        return f"propia del escenario, cuenta {own}" + (f" ({counts})" if counts else "")
    return "ninguna: el número del cliente no está en ninguna cuenta"


def intent_lines() -> list[str]:
    """Each intent a model step may name: ``do``, its parameters (``?``: optional), what it does."""
    from swat_tui.domain.training.model_intents import registry

    lines: list[str] = []
    for name, intent in registry().items():
        parameters = ", ".join(
            f"{p.name}{'' if p.required else '?'}: {p.kind.__name__}" for p in intent.parameters
        )
        lines.append(f"{name}({parameters})")
        if intent.doc:
            lines.append(f"    {intent.doc}")
    return lines
