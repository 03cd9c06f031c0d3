"""The ids of the checks that code (not only data) refers to, in one place.

Most checks live only in ``data/procedure.toml``; these few are recorded by
the software itself (answering, opening the account) or decide a rule (the
BLACKLIST pair, the request, the typification), so code names them. Panels
may read them: they are names, not rules.
"""

from __future__ import annotations

from swat_tui.domain.procedure.actions import load_actions

ANSWERED = "contestada"
CALLER_DATA = "datos_llamante"
ACCOUNT_OPENED = "cuenta_abierta"
F7_READ = "notas_f7_leidas"
IDENTITY = "identidad_validada"
REQUEST = "solicitud"
TYPIFICATION = "tipificada"
SURVEY = "encuesta"

# How a branch step's check (steps 3-6) starts when the agent answered N: not
# solved on the line, so the typification must escalate (not first contact).
# The rule is data (data/actions.toml [escalation]); this name stays for the
# desk's intents until they use ``load_actions().escalation()`` (phase 2).
ESCALATED = load_actions().escalation_prefix
