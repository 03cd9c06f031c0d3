"""A wheel built from the repo carries the display files, data files and migrations."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_screens_data_and_migrations(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("swat_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for panel in (ROOT / "screens").glob("*.panel"):
        assert f"swat_tui/_resources/screens/{panel.name}" in names
    for data_file in (ROOT / "data").rglob("*.*"):
        relative = data_file.relative_to(ROOT / "data").as_posix()
        assert f"swat_tui/_resources/data/{relative}" in names
    assert "swat_tui/store/migrations/script.py.mako" in names
    assert any(n.startswith("swat_tui/store/migrations/versions/0001") for n in names)
