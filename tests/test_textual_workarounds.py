"""Tripwire: the Textual private hook our work-around clears must still exist.

``release_dead_widget_caches`` silently does nothing when Textual renames the
cached method, so memory would grow again without any test noticing.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache


def test_styles_cache_hook_still_exists() -> None:
    assert hasattr(StylesCache.get_inner_outer, "cache_clear")
    assert hasattr(StylesCache.get_inner_outer, "cache_info")
