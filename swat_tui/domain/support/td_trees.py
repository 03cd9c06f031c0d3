"""T&D fault trees: TOML files an operator edits, loaded and validated whole.

Each file of ``data/td/`` is one tree for a service and symptom (and, for TV,
the technologies it applies to). Validation collects every problem of every
file so that ``swat td check`` can list them all at once; each names the file,
the line and the field, because tomllib gives no line numbers and an operator
fixing a file needs them. The app uses the files that validate and leaves out
only the ones in error: one bad edit must not take every tree from the agents.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from swat_tui.domain.errors import DomainError, refusal
from swat_tui.domain.messages import text
from swat_tui.paths import data_dir

TEXT_MAX = 76  # an 80-column panel less its margins
TITLE_MAX = 35  # TD010 lists the trees in two columns of 38 ("12=" and the title)
SERVICES = ("internet", "tv", "voz")
TECHNOLOGIES = ("dvb", "atsc", "nagra", "tvbox", "fibra")
FIRST_CONTACT = "primer_contacto"
ESCALATION = "escalamiento"
RESOLUTIONS = (FIRST_CONTACT, ESCALATION)
# The five escalation routes of the T&D procedure, with the words an agent reads.
ROUTES: Mapping[str, str] = MappingProxyType(
    {
        "punto": "Diagnosticador: caso de falla puntual",
        "sector": "Diagnosticador: falla de sector o aviso",
        "visita": "Visita técnica",
        "dime_inventario": "DIME: área de inventario",
        "tecnico_cliente": "Técnico de confianza del cliente",
    }
)
UCC_BRANCH = "soporte"

_HEADER_FIELDS = ("servicio", "sintoma", "tecnologias", "titulo", "inicio", "nodo")
_QUESTION_FIELDS = ("pregunta", "opciones")
_LEAF_FIELDS = ("resultado", "resolucion", "ruta", "codigo")
_ID = re.compile(r"[a-z0-9_]+")
_TABLE_LINE = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
_TOML_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class TdIssue:
    """One problem of a tree file, where the operator must look to fix it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


@dataclass(frozen=True)
class Question:
    """A node that asks the customer something; each answer leads to another node."""

    id: str
    pregunta: str
    opciones: tuple[tuple[str, str], ...]  # (answer, next node id) in file order

    @property
    def answers(self) -> tuple[str, ...]:
        return tuple(answer for answer, _ in self.opciones)

    def next_of(self, answer: str) -> str | None:
        return dict(self.opciones).get(answer)


@dataclass(frozen=True)
class Leaf:
    """The end of a walk: what to tell the customer, how it is solved, the code."""

    id: str
    resultado: str
    resolucion: str
    ruta: str | None  # one of ROUTES when resolucion is ESCALATION
    codigo: str

    @property
    def escalated(self) -> bool:
        return self.resolucion == ESCALATION


Node = Question | Leaf


@dataclass(frozen=True)
class TdTree:
    """One validated fault tree."""

    file: str
    servicio: str
    sintoma: str
    tecnologias: tuple[str, ...]  # empty for internet and voz
    titulo: str
    inicio: str
    nodos: Mapping[str, Node]

    def node(self, node_id: str) -> Node:
        return self.nodos[node_id]

    def applies_to(self, servicio: str, sintoma: str, tecnologia: str | None = None) -> bool:
        if (self.servicio, self.sintoma) != (servicio, sintoma):
            return False
        return not self.tecnologias or tecnologia in self.tecnologias


@dataclass(frozen=True)
class TdCheck:
    """What a directory holds: the trees that validated and every issue found."""

    trees: tuple[TdTree, ...]
    issues: tuple[TdIssue, ...]

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def left_out(self) -> tuple[str, ...]:
        """The files not used because of their issues (or the folder's own), in order."""
        return tuple(dict.fromkeys(issue.file for issue in self.issues))


def default_dir() -> Path:
    """The trees shipped with swat-tui."""
    return data_dir() / "td"


def shipped_codes() -> Mapping[str, str]:
    """Code -> branch of the shipped UCC catalogue, ``data/ucc.csv``."""
    return catalogue_codes(data_dir() / "ucc.csv")


def catalogue_codes(path: Path) -> Mapping[str, str]:
    """Code -> branch of a UCC catalogue file, validated as ``swat ucc load`` does."""
    from swat_tui.domain.call.ucc import read_csv  # the store stack, only when asked

    return {entry.code: entry.branch for entry in read_csv(path)}


def check_dir(directory: Path, codes: Mapping[str, str]) -> TdCheck:
    """Load and validate every ``*.toml`` of ``directory`` against the UCC ``codes``."""
    if not directory.is_dir():
        issue = TdIssue(str(directory), 0, "-", "no existe la carpeta de árboles.")
        return TdCheck((), (issue,))
    files = sorted(directory.glob("*.toml"))
    if not files:
        issue = TdIssue(str(directory), 0, "-", "la carpeta no tiene archivos .toml.")
        return TdCheck((), (issue,))
    trees: list[TdTree] = []
    issues: list[TdIssue] = []
    seen: dict[tuple[str, str, str], str] = {}
    for path in files:
        tree, found = check_file(path, codes)
        issues.extend(found)
        if tree is None:
            continue
        duplicated = _duplicate(tree, seen, path)
        issues.extend(duplicated)
        if not found and not duplicated:
            trees.append(tree)
    return TdCheck(tuple(trees), tuple(issues))


def load_trees(directory: Path | None = None) -> tuple[TdTree, ...]:
    """Every tree of ``directory`` (the shipped ones by default), or the first issue:
    for tools that want a clean folder; the app uses ``folder_trees``."""
    result = check_dir(directory or default_dir(), shipped_codes())
    if result.issues:
        first = result.issues[0]
        more = f" (y {len(result.issues) - 1} más)" if len(result.issues) > 1 else ""
        raise refusal("files.td.invalid", first=first, more=more)
    return result.trees


@cache
def folder_trees(directory: Path | None = None) -> TdCheck:
    """The trees of ``directory`` (data/td by default), read once per process: a file
    in error is left out and the others are used (``left_out`` names what is missing)."""
    return check_dir(directory or default_dir(), shipped_codes())


def find_tree(
    trees: tuple[TdTree, ...], servicio: str, sintoma: str, tecnologia: str | None = None
) -> TdTree:
    """The tree for a service and symptom (and TV technology), or the refusal to show."""
    for tree in trees:
        if tree.applies_to(servicio, sintoma, tecnologia):
            return tree
    what = f"{servicio} {sintoma}" + (f" {tecnologia}" if tecnologia else "")
    raise DomainError(text("support.td_no_tree", what=what)[:79], rule="support.td_no_tree")


def check_file(path: Path, codes: Mapping[str, str]) -> tuple[TdTree | None, list[TdIssue]]:
    """One file: the tree (None when it cannot be built) and its issues."""
    name = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [TdIssue(name, 1, "-", "el archivo no está en UTF-8.")]
    except OSError as error:
        return None, [TdIssue(name, 0, "-", f"no se puede leer ({error.strerror}).")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_LINE.search(str(error))
        line = int(match.group(1)) if match else 1
        return None, [TdIssue(name, line, "-", f"TOML inválido: {error}")]
    return _Checker(name, _Lines(text), codes).tree(data)


class _Lines:
    """Where each table and key of a TOML text is, found by scanning its lines."""

    def __init__(self, text: str) -> None:
        self.tables: dict[str, int] = {}
        self.keys: dict[tuple[str, str], int] = {}
        table = ""
        for number, raw in enumerate(text.splitlines(), start=1):
            header = _TABLE_LINE.match(raw)
            if header:
                table = ".".join(part.strip().strip('"') for part in header.group(1).split("."))
                self.tables.setdefault(table, number)
                continue
            key = _KEY_LINE.match(raw)
            if key:
                self.keys.setdefault((table, key.group(1)), number)

    def of(self, table: str, key: str | None = None) -> int:
        """The line of ``key`` in ``table`` (or of the table itself); 1 when not found."""
        if key is not None:
            if (table, key) in self.keys:
                return self.keys[(table, key)]
            if f"{table}.{key}" in self.tables:
                return self.tables[f"{table}.{key}"]
        return self.tables.get(table, 1)


class _Checker:
    """Validates one parsed file, collecting every issue instead of stopping at one."""

    def __init__(self, name: str, lines: _Lines, codes: Mapping[str, str]) -> None:
        self.name = name
        self.lines = lines
        self.codes = codes
        self.issues: list[TdIssue] = []
        self.declared: set[str] = set()  # every node id, valid or not: no false dangling

    def add(self, table: str, key: str | None, field: str, message: str) -> None:
        self.issues.append(TdIssue(self.name, self.lines.of(table, key), field, message))

    def tree(self, data: dict[str, object]) -> tuple[TdTree | None, list[TdIssue]]:
        for key in data:
            if key not in _HEADER_FIELDS:
                self.add("", key, key, "campo desconocido.")
        servicio = self.choice(data, "servicio", SERVICES)
        sintoma = self.identifier(data, "sintoma")
        tecnologias = self.technologies(data, servicio)
        titulo = self.text(data, "", "titulo", "titulo", most=TITLE_MAX)
        inicio = self.identifier(data, "inicio")
        nodos = self.nodes(data.get("nodo"))
        if inicio and self.declared and inicio not in self.declared:
            self.add("", "inicio", "inicio", f"el nodo {inicio!r} no existe.")
        if nodos:
            self.links(nodos)
            if inicio in nodos:
                self.reachable(nodos, inicio)
            self.cycles(nodos)
        if servicio is None or sintoma is None or titulo is None or inicio is None or not nodos:
            return None, self.issues
        tree = TdTree(
            self.name, servicio, sintoma, tecnologias, titulo, inicio, MappingProxyType(nodos)
        )
        return tree, self.issues

    # -- header --------------------------------------------------------------------

    def string(self, data: Mapping[str, object], table: str, key: str, field: str) -> str | None:
        if key not in data:
            self.add(table, None, field, "falta el campo.")
            return None
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            self.add(table, key, field, "debe ser un texto no vacío.")
            return None
        return value.strip()

    def text(
        self,
        data: Mapping[str, object],
        table: str,
        key: str,
        field: str,
        *,
        most: int = TEXT_MAX,
    ) -> str | None:
        value = self.string(data, table, key, field)
        if value is not None and len(value) > most:
            self.add(table, key, field, f"tiene {len(value)} caracteres; máximo {most}.")
            return None
        return value

    def identifier(self, data: Mapping[str, object], key: str) -> str | None:
        value = self.string(data, "", key, key)
        if value is not None and not _ID.fullmatch(value):
            self.add("", key, key, f"{value!r}: solo minúsculas, dígitos y _.")
            return None
        return value

    def choice(self, data: Mapping[str, object], key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.string(data, "", key, key)
        if value is not None and value not in allowed:
            self.add("", key, key, f"{value!r} no es {', '.join(allowed)}.")
            return None
        return value

    def technologies(self, data: Mapping[str, object], servicio: str | None) -> tuple[str, ...]:
        value = data.get("tecnologias")
        if servicio != "tv":
            if value is not None and servicio is not None:
                self.add("", "tecnologias", "tecnologias", "solo aplica al servicio tv.")
            return ()
        if value is None:
            self.add("", None, "tecnologias", f"falta el campo ({', '.join(TECHNOLOGIES)}).")
            return ()
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.add("", "tecnologias", "tecnologias", "debe ser una lista de textos no vacía.")
            return ()
        found: list[str] = []
        for item in value:
            if item not in TECHNOLOGIES:
                message = f"{item!r} no es {', '.join(TECHNOLOGIES)}."
                self.add("", "tecnologias", "tecnologias", message)
            elif item in found:
                self.add("", "tecnologias", "tecnologias", f"{item!r} se repite.")
            else:
                found.append(item)
        return tuple(found)

    # -- nodes ---------------------------------------------------------------------

    def nodes(self, value: object) -> dict[str, Node]:
        if value is None:
            self.add("", None, "nodo", "el árbol no tiene nodos ([nodo.<id>]).")
            return {}
        if not isinstance(value, dict):
            self.add("", "nodo", "nodo", "debe ser una tabla de nodos ([nodo.<id>]).")
            return {}
        nodos: dict[str, Node] = {}
        for node_id, body in value.items():
            table = f"nodo.{node_id}"
            if not _ID.fullmatch(node_id):
                self.add(table, None, table, "el id solo admite minúsculas, dígitos y _.")
                continue
            self.declared.add(node_id)
            if not isinstance(body, dict):
                self.add("nodo", node_id, table, "debe ser una tabla.")
                continue
            node = self.node(node_id, body)
            if node is not None:
                nodos[node_id] = node
        return nodos

    def node(self, node_id: str, body: dict[str, object]) -> Node | None:
        table = f"nodo.{node_id}"
        for key in body:
            if key not in _QUESTION_FIELDS + _LEAF_FIELDS:
                self.add(table, key, f"{table}.{key}", "campo desconocido.")
        asks = [key for key in _QUESTION_FIELDS if key in body]
        ends = [key for key in _LEAF_FIELDS if key in body]
        if asks and ends:
            message = "un nodo es pregunta (pregunta, opciones) u hoja, no ambos."
            self.add(table, ends[0], f"{table}.{ends[0]}", message)
            return None
        if asks:
            return self.question(node_id, body)
        if ends:
            return self.leaf(node_id, body)
        self.add(table, None, table, "falta pregunta u hoja (resultado, resolucion, codigo).")
        return None

    def question(self, node_id: str, body: dict[str, object]) -> Question | None:
        table = f"nodo.{node_id}"
        pregunta = self.text(body, table, "pregunta", f"{table}.pregunta")
        field = f"{table}.opciones"
        value = body.get("opciones")
        if value is None:
            self.add(table, None, field, "falta el campo.")
            return None
        if not isinstance(value, dict) or len(value) < 2:
            self.add(table, "opciones", field, 'tabla de 2 o más respuestas: { si = "id", ... }.')
            return None
        options: list[tuple[str, str]] = []
        for answer, target in value.items():
            where = f"{field}.{answer}"
            if not _ID.fullmatch(answer):
                message = "la respuesta solo admite minúsculas, dígitos y _."
                self.add(table, "opciones", where, message)
            elif not isinstance(target, str):
                self.add(table, "opciones", where, "debe ser el id de un nodo.")
            else:
                options.append((answer, target))
        if pregunta is None or len(options) != len(value):
            return None
        return Question(node_id, pregunta, tuple(options))

    def leaf(self, node_id: str, body: dict[str, object]) -> Leaf | None:
        table = f"nodo.{node_id}"
        resultado = self.text(body, table, "resultado", f"{table}.resultado")
        resolucion = self.string(body, table, "resolucion", f"{table}.resolucion")
        if resolucion is not None and resolucion not in RESOLUTIONS:
            message = f"{resolucion!r} no es {' ni '.join(RESOLUTIONS)}."
            self.add(table, "resolucion", f"{table}.resolucion", message)
            resolucion = None
        ruta = self.route(table, body, resolucion)
        codigo = self.code(table, body)
        if resultado is None or resolucion is None or codigo is None:
            return None
        if resolucion == ESCALATION and ruta is None:
            return None
        return Leaf(node_id, resultado, resolucion, ruta, codigo)

    def route(self, table: str, body: dict[str, object], resolucion: str | None) -> str | None:
        field = f"{table}.ruta"
        if resolucion == FIRST_CONTACT:
            if "ruta" in body:
                self.add(table, "ruta", field, "una hoja de primer contacto no lleva ruta.")
            return None
        if resolucion is None:
            return None
        ruta = self.string(body, table, "ruta", field)
        if ruta is not None and ruta not in ROUTES:
            self.add(table, "ruta", field, f"{ruta!r} no es {', '.join(ROUTES)}.")
            return None
        return ruta

    def code(self, table: str, body: dict[str, object]) -> str | None:
        field = f"{table}.codigo"
        codigo = self.string(body, table, "codigo", field)
        if codigo is None:
            return None
        codigo = codigo.upper()
        branch = self.codes.get(codigo)
        if branch is None:
            self.add(table, "codigo", field, f"el código {codigo} no existe en el catálogo UCC.")
            return None
        if branch != UCC_BRANCH:
            self.add(table, "codigo", field, f"el código {codigo} es de {branch}, no de soporte.")
            return None
        return codigo

    # -- the graph -----------------------------------------------------------------

    def links(self, nodos: Mapping[str, Node]) -> None:
        for node in nodos.values():
            if isinstance(node, Question):
                for answer, target in node.opciones:
                    if target not in self.declared:
                        table = f"nodo.{node.id}"
                        message = f"el nodo {target!r} no existe."
                        self.add(table, "opciones", f"{table}.opciones.{answer}", message)

    def reachable(self, nodos: Mapping[str, Node], inicio: str) -> None:
        seen = {inicio}
        pending = [inicio]
        while pending:
            node = nodos.get(pending.pop())
            if isinstance(node, Question):
                for _, target in node.opciones:
                    if target in nodos and target not in seen:
                        seen.add(target)
                        pending.append(target)
        for node_id in nodos:
            if node_id not in seen:
                table = f"nodo.{node_id}"
                self.add(table, None, table, f"no se llega a este nodo desde {inicio!r}.")

    def cycles(self, nodos: Mapping[str, Node]) -> None:
        """Depth-first search; each back edge is one cycle, reported where it closes."""
        done: set[str] = set()
        for root in nodos:
            if root in done:
                continue
            path: list[str] = [root]
            stack = [iter(self._targets(nodos, root))]
            while stack:
                step = next(stack[-1], None)
                if step is None:
                    stack.pop()
                    done.add(path.pop())
                    continue
                answer, target = step
                if target in path:
                    loop = " -> ".join([*path[path.index(target) :], target])
                    table = f"nodo.{path[-1]}"
                    where = f"{table}.opciones.{answer}"
                    self.add(table, "opciones", where, f"ciclo: {loop}.")
                elif target not in done:
                    path.append(target)
                    stack.append(iter(self._targets(nodos, target)))

    @staticmethod
    def _targets(nodos: Mapping[str, Node], node_id: str) -> list[tuple[str, str]]:
        node = nodos[node_id]
        if not isinstance(node, Question):
            return []
        return [(answer, target) for answer, target in node.opciones if target in nodos]


def _duplicate(tree: TdTree, seen: dict[tuple[str, str, str], str], path: Path) -> list[TdIssue]:
    """A second tree for the same service, symptom and technology is an issue of its file."""
    issues: list[TdIssue] = []
    lines = _Lines(path.read_text(encoding="utf-8"))
    for tecnologia in tree.tecnologias or ("",):
        key = (tree.servicio, tree.sintoma, tecnologia)
        if key in seen:
            field = "tecnologias" if tecnologia else "sintoma"
            what = f"{tree.servicio} {tree.sintoma}" + (f" {tecnologia}" if tecnologia else "")
            message = f"ya hay un árbol para {what} en {seen[key]}."
            issues.append(TdIssue(tree.file, lines.of("", field), field, message))
        else:
            seen[key] = tree.file
    return issues


def shipped_trees() -> tuple[TdTree, ...]:
    """The valid trees of data/td, read once per process."""
    return folder_trees().trees


def tree_id(tree: TdTree) -> str:
    """A tree's id: its file's stem (``internet_no_navega``)."""
    return Path(tree.file).stem
