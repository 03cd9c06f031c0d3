"""The ids of the checks that code (not only data) refers to, in one place.

Most checks live only in ``data/procedure.toml``; these few are recorded by
the software itself (answering, opening the account) or decide a rule (the
BLACKLIST pair, the request, the typification), so code names them. Panels
may read them: they are names, not rules.
"""

from __future__ import annotations

ANSWERED = "contestada"
CALLER_DATA = "datos_llamante"
ACCOUNT_OPENED = "cuenta_abierta"
F7_READ = "notas_f7_leidas"
IDENTITY = "identidad_validada"
REQUEST = "solicitud"
TYPIFICATION = "tipificada"
SURVEY = "encuesta"
