"""The end-to-end tests reuse the UI tests' demo store template."""

from tests.ui.conftest import template_db

__all__ = ["template_db"]
