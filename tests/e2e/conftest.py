"""The end-to-end tests reuse the UI tests' demo store template and its training store."""

from tests.ui.conftest import template_db, training_template_db

__all__ = ["template_db", "training_template_db"]
