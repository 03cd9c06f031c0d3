"""The trainer's trainee panels (TRN010-TRN012) read the training store; while its
worker is still opening it they try again by themselves (``ready.open_training``
says why on row 24 meanwhile)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from swat_tui.domain import messages
from swat_tui.ui.screens.training.ready import open_training

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from swat_tui.ui.screens.base import RRScreen

RETRY_S = 0.5  # while the training store opens (a first use builds its demo)


def training_engine(screen: RRScreen, retry: Callable[[], Any] | None) -> Engine | None:
    """The training store's engine, or None with row 24 saying why; while the store is
    still opening, ``retry`` runs again in a moment."""
    opened = open_training(screen)
    if opened is not None:
        if screen.panel.canvas.message == messages.text("ui.trainer.store_opening"):
            screen.message("")  # it opened while the panel waited
        return opened[1].engine
    training = screen.rr_app.training
    if retry is not None and training is not None and not training.error:
        screen.set_timer(RETRY_S, retry)
    return None
