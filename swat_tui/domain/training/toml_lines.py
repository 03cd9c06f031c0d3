"""Where each key of a TOML text is written, so a scenario's errors name their line.

``tomllib`` gives line numbers only for syntax errors; a trainer told
"``caller.mood``: valor desconocido" also needs the line. ``key_lines`` scans a
text tomllib has already parsed (so it may be lenient) and maps every key path
to the line of its key or table header: tables ``[a.b]``, arrays of tables
``[[a.b]]`` (counted: ``("a", "b", 2)``), ``key =``, dotted keys, the elements of
arrays (``("expected", 0, "codes", 1)``) and the keys of inline tables.
"""

from __future__ import annotations

from collections.abc import Mapping

Key = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def field_name(path: Key) -> str:
    """The dotted form a message shows: ``expected[0].codes[1]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def line_of(lines: Mapping[Key, int], path: Key) -> int:
    """The line of ``path``, else of its nearest parent written in the text, else 1."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


def key_lines(text: str) -> dict[Key, int]:
    """Every key path of ``text`` (valid TOML) and the line (1-based) it is written on."""
    return _Scanner(text).scan()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[Key, int] = {}
        self.arrays: dict[Key, int] = {}  # array-of-tables path -> how many so far

    # -- low level ------------------------------------------------------------
    def peek(self, size: int = 1) -> str:
        return self.text[self.pos : self.pos + size]

    def advance(self, size: int = 1) -> None:
        self.line += self.text.count("\n", self.pos, self.pos + size)
        self.pos += size

    def skip_blank(self, *, newlines: bool) -> None:
        """Spaces, comments and (when ``newlines``) line ends."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            else:
                return

    def record(self, path: Key) -> None:
        self.lines.setdefault(path, self.line)

    # -- grammar --------------------------------------------------------------
    def scan(self) -> dict[Key, int]:
        table: Key = ()
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                return self.lines
            if self.peek() == "[":
                table = self.header()
            else:
                keys = self.key()
                self.record(table + keys)
                self.expect("=")
                self.value(table + keys)
            self.skip_to_line_end()

    def header(self) -> Key:
        many = self.peek(2) == "[["
        self.advance(2 if many else 1)
        self.skip_blank(newlines=False)
        parts = self.key()
        self.advance(2 if many else 1)
        resolved: Key = ()
        for index, part in enumerate(parts):
            resolved = (*resolved, part)
            last = index == len(parts) - 1
            if resolved in self.arrays and not (last and many):
                resolved = (*resolved, self.arrays[resolved] - 1)
        if many:
            self.record(resolved)
            count = self.arrays.get(resolved, 0)
            self.arrays[resolved] = count + 1
            resolved = (*resolved, count)
        self.record(resolved)
        return resolved

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            char = self.peek()
            if char in ('"', "'"):
                parts.append(self.quoted(char))
            else:
                start = self.pos
                while self.pos < len(self.text) and self.text[self.pos] in _BARE:
                    self.pos += 1
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    def quoted(self, quote: str) -> str:
        """A one-line string's content (escapes kept as written: enough to name a key)."""
        self.advance()
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] != quote:
            self.pos += 2 if quote == '"' and self.text[self.pos] == "\\" else 1
        content = self.text[start : self.pos]
        self.advance()
        return content

    def expect(self, char: str) -> None:
        self.skip_blank(newlines=False)
        if self.peek() == char:
            self.advance()
        self.skip_blank(newlines=False)

    def skip_to_line_end(self) -> None:
        self.skip_blank(newlines=False)
        end = self.text.find("\n", self.pos)
        self.advance((len(self.text) if end < 0 else end) - self.pos)

    def value(self, path: Key) -> None:
        self.skip_blank(newlines=False)
        for quotes in ('"""', "'''"):
            if self.peek(3) == quotes:
                self.advance(3)
                end = self.text.find(quotes, self.pos)
                while quotes == '"""' and end > 0 and self.text[end - 1] == "\\":
                    end = self.text.find(quotes, end + 1)
                end = len(self.text) if end < 0 else end
                while self.text[end + 3 : end + 4] == quotes[0]:  # up to two quotes inside
                    end += 1
                self.advance(end + 3 - self.pos)
                return
        char = self.peek()
        if char in ('"', "'"):
            self.quoted(char)
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in ",]}\n#":
                self.pos += 1

    def array(self, path: Key) -> None:
        self.advance()
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text) or self.peek() == "]":
                self.advance()
                return
            self.record((*path, index))
            self.value((*path, index))
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
            index += 1

    def inline_table(self, path: Key) -> None:
        self.advance()
        while True:
            self.skip_blank(newlines=False)
            if self.pos >= len(self.text) or self.peek() == "}":
                self.advance()
                return
            keys = self.key()
            self.record(path + keys)
            self.expect("=")
            self.value(path + keys)
            self.skip_blank(newlines=False)
            if self.peek() == ",":
                self.advance()
