"""Reading one scenario file (TOML) into a ``Scenario``, with every error it has.

A trainer who writes a scenario needs all of its mistakes at once, each with the
file, the line and the field (``caller.lines.hold``, ``expected[0].codes[1]``),
in Spanish: ``x.toml:17: caller.mood: valor desconocido "alegre"; use uno de: ...``.
So nothing here stops at the first error: each check records what it finds and
carries on with a stand-in value, and a file with any error gives no scenario
(the app never starts a broken one). The vocabularies checked against are the
project's own data: the procedure's branches and routes, the UCC catalogue, the
DIME areas, the call's declared fields, the demo's showcase accounts, the inline
rows' fields (``store.scenario_rows``) and the model answer's intents.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, time
from pathlib import Path

from swat_tui.domain.training import scenario_vocabulary as vocabulary
from swat_tui.domain.training.scenario import (
    AccountRows,
    AccountSituation,
    Caller,
    CallerLines,
    Contact,
    ExpectedHandling,
    Mode,
    ModelStep,
    Scenario,
)
from swat_tui.domain.training.toml_lines import Key, field_name, key_lines, line_of

TOP_REQUIRED = ("id", "title", "level", "objectives", "mode", "target_seconds", "caller")
TOP_OPTIONAL = ("series", "account", "expected", "model")
CALLER_REQUIRED = ("name", "document", "relation", "phone", "mood")
CALLER_OPTIONAL = ("queue", "lines", "answers")
LINES = tuple(f.name for f in fields(CallerLines))
EXPECTED_REQUIRED = ("says", "branch")
EXPECTED_OPTIONAL = ("subflow", "codes", "contact", "escalation", "visit", "pqr")
STEP_KEYS = ("do", "save", "seconds")  # the rest of a model step are the intent's arguments
MOODS = ("tranquilo", "molesto", "furioso", "confundido", "apurado")
VISITS = ("lls", "ot", "cgo")
PQR_ACTIONS = ("consultar", "desistir", "radicar")
LEVELS = range(1, 4)
CUENTA_REFERENCE = "=cuenta"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")
_SAVE = re.compile(r"[a-z_][a-z0-9_]{0,29}")
_SYNTAX = re.compile(
    r"^(?P<what>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$"
)
# tomllib's own words for the syntax errors a hand-written file has most often.
_SYNTAX_WORDS = {
    "Illegal character '\\n'": "texto sin cerrar (faltan las comillas del final)",
    "Invalid value": "valor no válido (¿faltan comillas?)",
    "Cannot overwrite a value": "clave repetida",
    "Expected '=' after a key in a key/value pair": "falta '=' después de la clave",
    "Invalid statement": "línea no válida",
    "Unclosed array": "lista sin cerrar (falta ']')",
    "Unterminated string": "texto sin cerrar (faltan comillas)",
    "Illegal character": "carácter no permitido",
    "Expected ']' at the end of a table declaration": "falta ']' al final del encabezado",
    "Cannot declare": "tabla declarada dos veces",
    "Expected newline or end of document after a statement": (
        "se esperaba el fin de la línea después del valor"
    ),
}


@dataclass(frozen=True)
class ScenarioError:
    """One problem of a scenario file: where (file, line, field) and what, in Spanish.

    ``line`` 0: the file as a whole (it cannot be read); ``field`` "": no field
    (a syntax error)."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ScenarioFileError(Exception):
    """A scenario file that cannot be played, with all of its errors."""

    def __init__(self, errors: Sequence[ScenarioError]) -> None:
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = tuple(errors)


def load_scenario(path: Path) -> Scenario:
    """The scenario of ``path``, or ``ScenarioFileError`` listing every error."""
    scenario, errors = read_scenario(path)
    if scenario is None:
        raise ScenarioFileError(errors)
    return scenario


def read_scenario(path: Path) -> tuple[Scenario | None, tuple[ScenarioError, ...]]:
    """The scenario and no errors, or None and every error the file has."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, (ScenarioError(path, 0, "", "no existe el archivo"),)
    except UnicodeDecodeError:
        return None, (ScenarioError(path, 0, "", "no está en UTF-8"),)
    except OSError as error:
        return None, (ScenarioError(path, 0, "", f"no se puede leer: {error.strerror}"),)
    return parse_scenario(text, path)


def parse_scenario(text: str, path: Path) -> tuple[Scenario | None, tuple[ScenarioError, ...]]:
    """Like ``read_scenario``, for a text already read (``path`` names it in messages)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, (_syntax_error(path, str(error), text.count("\n") or 1),)
    checker = _Checker(path, key_lines(text))
    scenario = checker.scenario(raw)
    errors = tuple(sorted(checker.errors, key=lambda e: (e.line, e.field)))
    return (None if errors else scenario), errors


def key_line(path: Path, key: Key) -> int:
    """The line of ``key`` in the file (1 when unreadable): for the catalog's messages."""
    try:
        return line_of(key_lines(path.read_text(encoding="utf-8")), key)
    except (OSError, UnicodeDecodeError):
        return 1


def _syntax_error(path: Path, message: str, last_line: int) -> ScenarioError:
    found = _SYNTAX.match(message)
    if found is None:
        return ScenarioError(path, 1, "", f"error de sintaxis TOML: {message}")
    what = found["what"]
    said = next((es for en, es in _SYNTAX_WORDS.items() if what.startswith(en)), what)
    if found["line"] is None:
        return ScenarioError(path, last_line, "", f"error de sintaxis TOML (al final): {said}")
    return ScenarioError(
        path, int(found["line"]), "", f"error de sintaxis TOML (columna {found['column']}): {said}"
    )


def _kind(value: object) -> str:
    """What a TOML value is, in the words a message uses."""
    for cls, name in (
        (bool, "verdadero/falso"),
        (int, "un número entero"),
        (float, "un número decimal"),
        (str, "un texto"),
        (list, "una lista"),
        (dict, "una tabla"),
        (datetime, "una fecha y hora"),
        (date, "una fecha"),
        (time, "una hora"),
    ):
        if isinstance(value, cls):
            return name
    return type(value).__name__


def _shown(value: object) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return ""


def _one_of(values: Iterable[str]) -> str:
    return ", ".join(values)


class _Checker:
    """Walks the parsed file, recording an error wherever something is wrong."""

    def __init__(self, path: Path, lines: Mapping[Key, int]) -> None:
        self.path = path
        self.lines = lines
        self.errors: list[ScenarioError] = []

    # -- recording ------------------------------------------------------------
    def add(self, key: Key, message: str) -> None:
        self.errors.append(
            ScenarioError(self.path, line_of(self.lines, key), field_name(key), message)
        )

    def wrong_type(self, key: Key, expected: str, value: object) -> None:
        shown = _shown(value)
        self.add(
            key, f"se esperaba {expected}, no {_kind(value)}" + (f" ({shown})" if shown else "")
        )

    def unknown_value(self, key: Key, value: str, allowed: Iterable[str]) -> None:
        self.add(key, f'valor desconocido "{value}"; use uno de: {_one_of(allowed)}')

    # -- typed reads ----------------------------------------------------------
    def table(
        self, raw: object, key: Key, required: Sequence[str], optional: Sequence[str] = ()
    ) -> dict[str, object] | None:
        """``raw`` as a table with no unknown key and every required one (else None)."""
        if not isinstance(raw, dict):
            self.wrong_type(key, "una tabla", raw)
            return None
        allowed = (*required, *optional)
        for name in raw:
            if name not in allowed:
                self.add((*key, name), f"clave desconocida; use una de: {_one_of(allowed)}")
        for name in required:
            if name not in raw:
                self.add((*key, name), "falta esta clave (es obligatoria)")
        return raw

    def tables(self, raw: object, key: Key) -> list[tuple[Key, object]]:
        """An array of tables (``[[name]]``) as (key, element) pairs."""
        if not isinstance(raw, list):
            self.wrong_type(key, f"una lista de tablas ([[{field_name(key)}]])", raw)
            return []
        return [((*key, index), element) for index, element in enumerate(raw)]

    def text(self, table: Mapping[str, object], key: Key, *, blank: bool = False) -> str:
        """A text value ("" when absent or wrong); ``blank``: may be empty."""
        name = key[-1]
        assert isinstance(name, str)
        if name not in table:
            return ""
        value = table[name]
        if not isinstance(value, str):
            self.wrong_type(key, "un texto", value)
            return ""
        if not blank and not value.strip():
            self.add(key, "no puede estar vacío")
        return value

    def integer(self, table: Mapping[str, object], key: Key, default: int = 0) -> int | None:
        name = key[-1]
        assert isinstance(name, str)
        if name not in table:
            return default
        value = table[name]
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong_type(key, "un número entero", value)
            return None
        return value

    def texts(self, table: Mapping[str, object], key: Key) -> tuple[str, ...]:
        name = key[-1]
        assert isinstance(name, str)
        value = table.get(name, [])
        if not isinstance(value, list):
            self.wrong_type(key, "una lista de textos", value)
            return ()
        found: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                found.append(item)
            else:
                self.wrong_type((*key, index), "un texto", item)
        return tuple(found)

    def choice(self, table: Mapping[str, object], key: Key, allowed: Sequence[str]) -> str:
        """A text that must be one of ``allowed`` ("" allowed when absent)."""
        value = self.text(table, key, blank=True)
        if value and value not in allowed:
            self.unknown_value(key, value, allowed)
            return ""
        return value

    # -- the file -------------------------------------------------------------
    def scenario(self, raw: dict[str, object]) -> Scenario | None:
        top = self.table(raw, (), TOP_REQUIRED, TOP_OPTIONAL)
        assert top is not None
        scenario_id = self.text(top, ("id",))
        if scenario_id and not _ID.fullmatch(scenario_id):
            self.add(
                ("id",),
                f'identificador no válido "{scenario_id}": use letras, números, "-", "_" o "." '
                "(hasta 40, sin espacios)",
            )
        title = self.text(top, ("title",))
        level = self.integer(top, ("level",), 1)
        if level is not None and level not in LEVELS:
            self.add(("level",), f"debe ser 1, 2 o 3, no {level}")
        objectives = self.texts(top, ("objectives",))
        if "objectives" in top and isinstance(top["objectives"], list) and not objectives:
            self.add(("objectives",), "escriba al menos un objetivo")
        mode = self.choice(top, ("mode",), tuple(Mode))
        target = self.integer(top, ("target_seconds",), 0)
        if target is not None and "target_seconds" in top and target <= 0:
            self.add(("target_seconds",), f"debe ser mayor que 0, no {target}")
        series = self.text(top, ("series",), blank=True)
        account = self.account(top.get("account"))
        caller = self.caller(top.get("caller"))
        expected = self.expected(top)
        model = self.model(top.get("model"), has_cuenta=account != AccountSituation())
        if caller is None or not mode:
            return None
        return Scenario(
            id=scenario_id,
            title=title,
            level=level or 1,
            objectives=objectives,
            mode=Mode(mode),
            account=account,
            caller=caller,
            expected=expected,
            target_seconds=target or 0,
            model=model,
            series=series,
            path=self.path,
        )

    def account(self, raw: object) -> AccountSituation:
        """The showcase account, the inline rows, or neither (no ``[account]``)."""
        if raw is None:
            return AccountSituation()
        key: Key = ("account",)
        if not isinstance(raw, dict):
            self.wrong_type(key, "una tabla", raw)
            return AccountSituation()
        if "showcase" in raw:
            for name in raw:
                if name != "showcase":
                    self.add(
                        (*key, name),
                        "showcase y las filas en línea se excluyen: quite showcase o esta clave",
                    )
            showcase = self.text(raw, (*key, "showcase"))
            known = vocabulary.showcase_keys()
            if showcase and showcase not in known:
                self.unknown_value((*key, "showcase"), showcase, known)
            return AccountSituation(showcase=showcase)
        return AccountSituation(rows=self.rows(raw, key))

    def rows(self, raw: dict[str, object], key: Key) -> AccountRows:
        sections = vocabulary.row_sections()
        account: dict[str, object] = {}
        related: dict[str, tuple[dict[str, object], ...]] = {}
        for name, value in raw.items():
            is_section = isinstance(value, list) and all(isinstance(v, dict) for v in value)
            if name in sections:
                rows: list[dict[str, object]] = []
                for row_key, row in self.tables(value, (*key, name)):
                    if not isinstance(row, dict):
                        self.wrong_type(row_key, "una tabla", row)
                        continue
                    for column, message in vocabulary.row_problems(name, row):
                        self.add((*row_key, column) if column else row_key, message)
                    rows.append(row)
                related[name] = tuple(rows)
            elif is_section and value:
                self.add((*key, name), f"sección desconocida; use una de: {_one_of(sections)}")
            else:
                account[name] = value
        for column, message in vocabulary.row_problems("account", account):
            self.add((*key, column) if column else key, message)
        return AccountRows(account=account, related=related)

    def caller(self, raw: object) -> Caller | None:
        key: Key = ("caller",)
        if raw is None:
            return None  # reported as a missing key
        table = self.table(raw, key, CALLER_REQUIRED, CALLER_OPTIONAL)
        if table is None:
            return None
        name = self.text(table, (*key, "name"))
        document = self.text(table, (*key, "document"))
        if document and (problem := vocabulary.field_problem("caller_document", document)):
            self.add((*key, "document"), problem)
        relation = self.choice(table, (*key, "relation"), vocabulary.relations())
        phone = self.text(table, (*key, "phone"))
        if phone and (problem := vocabulary.field_problem("callback_number", phone)):
            self.add((*key, "phone"), problem)
        mood = self.choice(table, (*key, "mood"), MOODS)
        queue = self.text(table, (*key, "queue")) if "queue" in table else "HOGAR_SAC"
        return Caller(
            name=name,
            document=document,
            relation=relation,
            phone=phone,
            mood=mood,
            queue=queue or "HOGAR_SAC",
            lines=self.lines_said(table.get("lines")),
            answers=self.answers(table.get("answers")),
        )

    def lines_said(self, raw: object) -> CallerLines:
        key: Key = ("caller", "lines")
        if raw is None:
            return CallerLines()
        table = self.table(raw, key, (), LINES)
        if table is None:
            return CallerLines()
        said = {name: self.text(table, (*key, name), blank=True) for name in LINES}
        return CallerLines(**said)

    def answers(self, raw: object) -> dict[str, str]:
        key: Key = ("caller", "answers")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.wrong_type(key, "una tabla", raw)
            return {}
        answers: dict[str, str] = {}
        for name, value in raw.items():
            if not vocabulary.agent_field(name):
                self.add(
                    (*key, name),
                    "no es un campo de la llamada que el asesor escriba; use uno de: "
                    + _one_of(vocabulary.agent_fields()),
                )
            if isinstance(value, str):
                answers[name] = value
            else:
                self.wrong_type((*key, name), "un texto (entre comillas)", value)
        return answers

    def expected(self, top: Mapping[str, object]) -> tuple[ExpectedHandling, ...]:
        key: Key = ("expected",)
        if "expected" not in top:
            self.add(key, "falta: al menos un [[expected]], uno por solicitud del cliente")
            return ()
        found: list[ExpectedHandling] = []
        elements = self.tables(top["expected"], key)
        if isinstance(top["expected"], list) and not elements:
            self.add(key, "escriba al menos un [[expected]], uno por solicitud del cliente")
        for element_key, element in elements:
            handling = self.handling(element, element_key)
            if handling is not None:
                found.append(handling)
        return tuple(found)

    def handling(self, raw: object, key: Key) -> ExpectedHandling | None:
        table = self.table(raw, key, EXPECTED_REQUIRED, EXPECTED_OPTIONAL)
        if table is None:
            return None
        says = self.text(table, (*key, "says"))
        branch = self.choice(table, (*key, "branch"), vocabulary.branches())
        subflow = self.text(table, (*key, "subflow"), blank=True)
        if branch:
            offered = vocabulary.subflows(branch)
            if subflow and subflow not in offered:
                self.add(
                    (*key, "subflow"),
                    f'la rama {branch} no tiene el sub-flujo "{subflow}"; use uno de: '
                    + _one_of(offered),
                )
            elif not subflow and offered:
                self.add(
                    (*key, "subflow"),
                    f"falta el sub-flujo de la rama {branch}; use uno de: {_one_of(offered)}",
                )
        codes = self.texts(table, (*key, "codes"))
        for index, code in enumerate(codes):
            code_branch = vocabulary.ucc_branch(code)
            if code_branch is None:
                self.add((*key, "codes", index), f'código UCC "{code}" no está en el catálogo')
            elif branch and code_branch != branch:
                self.add(
                    (*key, "codes", index),
                    f'el código UCC "{code}" es de la rama {code_branch}, no de {branch}',
                )
        contact = self.choice(table, (*key, "contact"), tuple(Contact))
        escalation = self.choice(table, (*key, "escalation"), vocabulary.dime_areas())
        visit = self.choice(table, (*key, "visit"), VISITS)
        pqr = self.choice(table, (*key, "pqr"), PQR_ACTIONS)
        return ExpectedHandling(
            says=says,
            branch=branch,
            subflow=subflow,
            codes=codes,
            contact=Contact(contact) if contact else Contact.FIRST_CONTACT,
            escalation=escalation,
            visit=visit,
            pqr=pqr,
        )

    def model(self, raw: object, *, has_cuenta: bool) -> tuple[ModelStep, ...]:
        if raw is None:
            return ()
        saved: set[str] = set()
        steps: list[ModelStep] = []
        for key, element in self.tables(raw, ("model",)):
            step = self.step(element, key, saved, has_cuenta=has_cuenta)
            if step is not None:
                steps.append(step)
                if step.save:
                    saved.add(step.save)
        return tuple(steps)

    def step(self, raw: object, key: Key, saved: set[str], *, has_cuenta: bool) -> ModelStep | None:
        if not isinstance(raw, dict):
            self.wrong_type(key, "una tabla", raw)
            return None
        if "do" not in raw:
            self.add((*key, "do"), "falta esta clave (es obligatoria): la acción del paso")
        do = self.text(raw, (*key, "do"))
        save = self.text(raw, (*key, "save"), blank=True)
        if save and (not _SAVE.fullmatch(save) or save == "cuenta"):
            self.add(
                (*key, "save"),
                f'nombre no válido "{save}": minúsculas, números y "_", y no "cuenta"',
            )
        seconds = self.integer(raw, (*key, "seconds"), 5)
        if seconds is not None and seconds < 0:
            self.add((*key, "seconds"), f"no puede ser negativo ({seconds})")
        args = {name: value for name, value in raw.items() if name not in STEP_KEYS}
        intent = vocabulary.intent(do) if do else None
        if do and intent is None:
            self.add((*key, "do"), f'acción desconocida "{do}"; vea `swat scenarios intents`')
        for name, value in args.items():
            if isinstance(value, str) and value.startswith("="):
                self.reference((*key, name), value, saved, has_cuenta=has_cuenta)
                continue
            if intent is None:
                continue
            parameter = intent.parameter(name)
            if parameter is None:
                names = _one_of(p.name for p in intent.parameters) or "ninguno"
                self.add((*key, name), f'"{do}" no tiene este parámetro; los suyos: {names}')
            elif not _fits(value, parameter.kind):
                self.wrong_type((*key, name), vocabulary.kind_name(parameter.kind), value)
            elif name == "check_id" and value not in vocabulary.check_ids():
                self.add(
                    (*key, name),
                    f'el procedimiento no tiene la verificación "{value}"; vea data/procedure.toml',
                )
        if intent is not None:
            for parameter in intent.parameters:
                if parameter.required and parameter.name not in args:
                    self.add((*key, parameter.name), f'falta este parámetro obligatorio de "{do}"')
        line = line_of(self.lines, key)
        return ModelStep(do=do, args=args, save=save, seconds=seconds or 0, line=line)

    def reference(self, key: Key, value: str, saved: set[str], *, has_cuenta: bool) -> None:
        """``=cuenta`` or ``=name.attr...`` where ``name`` was saved by an earlier step."""
        name = value[1:].split(".", 1)[0]
        if value == CUENTA_REFERENCE:
            if not has_cuenta:
                self.add(key, '"=cuenta": este escenario no tiene cuenta ([account])')
        elif name == "cuenta":
            self.add(key, f'referencia no válida "{value}": escriba solo "=cuenta"')
        elif name not in saved:
            self.add(
                key,
                f'la referencia "{value}" nombra "{name}", que ningún paso anterior guarda (save)',
            )


def _fits(value: object, kind: type) -> bool:
    """Whether a TOML value may be given to a parameter of ``kind``: as ``model_run``
    passes it (digits for a number, a number for a text are converted)."""
    number = isinstance(value, int) and not isinstance(value, bool)
    if kind is object:
        return True
    if kind is int:
        return number or (isinstance(value, str) and value.isdigit())
    if kind is str:
        return number or isinstance(value, str)
    return isinstance(value, kind)
