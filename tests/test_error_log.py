"""The log of unexpected errors: private, without locals, capped, and it never raises."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import swat_tui.error_log
from swat_tui.config import default_db_path
from swat_tui.error_log import MAX_ENTRY_CHARS, error_log_path, log_unexpected
from tests.file_modes import mode_of, usual_umask  # noqa: F401  (a fixture, by name)

SECRET = "Clave-Secreta-2026"


pytestmark = pytest.mark.usefixtures("usual_umask")  # every test: umask 022


def _failing_sign_on(username: str) -> None:
    password = SECRET  # a local of the raising frame, as a real password would be
    customer = {"documento": "1012345678", "clave": password}
    if customer:
        raise ValueError(f"perfil {username} sin rol")


def _error() -> BaseException:
    try:
        try:
            _failing_sign_on("ASESOR01")
        except ValueError as cause:
            raise RuntimeError("no se pudo iniciar sesión") from cause
    except RuntimeError as error:
        return error
    raise AssertionError("unreachable")


def test_the_log_goes_beside_the_default_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert error_log_path() == default_db_path().with_name("swat-errors.log")
    written = log_unexpected(_error(), where="sign_on")
    assert written == tmp_path / "xdg" / "swat-tui" / "swat-errors.log"
    assert written.is_file()


def test_a_new_folder_is_0700_and_the_file_0600(tmp_path: Path) -> None:
    path = tmp_path / "nueva" / "swat-errors.log"
    assert log_unexpected(_error(), where="sign_on", path=path) == path
    assert (mode_of(path.parent), mode_of(path)) == (0o700, 0o600)


def test_an_existing_readable_log_is_made_0600(tmp_path: Path) -> None:
    path = tmp_path / "swat-errors.log"
    path.write_text("antes\n", encoding="utf-8")
    os.chmod(path, 0o644)
    log_unexpected(_error(), where="sign_on", path=path)
    assert mode_of(path) == 0o600
    assert path.read_text(encoding="utf-8").startswith("antes\n")  # appended, not replaced


def test_an_entry_has_when_where_type_message_and_traceback_but_no_locals(
    tmp_path: Path,
) -> None:
    path = tmp_path / "swat-errors.log"
    log_unexpected(_error(), where="ui.sign_on\nF3", path=path)
    text = path.read_text(encoding="utf-8")
    header = text.splitlines()[0]
    assert re.fullmatch(
        r"=== \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d \[ui\.sign_on F3\] "
        r"RuntimeError: no se pudo iniciar sesión",
        header,
    )
    assert "Traceback (most recent call last):" in text
    assert "in _failing_sign_on" in text and "ValueError: perfil ASESOR01 sin rol" in text
    assert "direct cause" in text  # the chain is kept
    assert SECRET not in text and "1012345678" not in text


def test_a_huge_message_is_cut_keeping_the_end_of_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "swat-errors.log"
    try:
        raise ValueError("x" * (MAX_ENTRY_CHARS * 3))
    except ValueError as error:
        log_unexpected(error, where="huge", path=path)
    text = path.read_text(encoding="utf-8")
    assert len(text) < MAX_ENTRY_CHARS + 100
    assert "[... recortado ...]" in text and text.startswith("=== ")


def test_the_log_is_capped_keeping_the_newest_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(swat_tui.error_log, "MAX_BYTES", 4000)
    path = tmp_path / "swat-errors.log"
    for number in range(40):
        try:
            raise KeyError(f"entrada {number:02d}")
        except KeyError as error:
            log_unexpected(error, where="bucle", path=path)
    older = path.with_name("swat-errors.log.1")
    assert path.stat().st_size <= 4000 and older.stat().st_size <= 4000
    kept = older.read_text(encoding="utf-8") + path.read_text(encoding="utf-8")
    assert "entrada 39" in path.read_text(encoding="utf-8") and "entrada 00" not in kept
    assert mode_of(older) == 0o600


class _Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no me imprima")


def test_a_broken_message_still_leaves_an_entry(tmp_path: Path) -> None:
    path = tmp_path / "swat-errors.log"
    assert log_unexpected(_Unprintable(), where="raro", path=path) == path
    assert "_Unprintable" in path.read_text(encoding="utf-8")


def test_it_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "soy_un_archivo"
    blocker.write_text("", encoding="utf-8")
    error = _error()
    assert log_unexpected(error, where="x", path=blocker / "swat-errors.log") is None
    assert log_unexpected(error, where="x", path=tmp_path) is None  # a folder, not a file

    def full_disk(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    assert log_unexpected(error, where="x", path=tmp_path / "lleno.log") is None

    def no_data_dir() -> Path:
        raise RuntimeError("sin carpeta de datos")

    monkeypatch.setattr(swat_tui.error_log, "user_data_folder", no_data_dir)
    assert log_unexpected(error, where="x") is None


def test_importing_it_loads_neither_textual_nor_the_store() -> None:
    script = "import json, sys\nimport swat_tui.error_log\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(result.stdout))
    assert not {"textual", "sqlalchemy", "sqlmodel", "rich"} & loaded
    assert not any(name.startswith(("swat_tui.store", "swat_tui.domain")) for name in loaded)
