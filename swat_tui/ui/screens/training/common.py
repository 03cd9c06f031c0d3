"""What the trainer's panels share: the training store, once its worker opened it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from swat_tui.ui.screens.base import RRScreen

RETRY_S = 0.5  # while the training store opens (a first use builds its demo)


def training_engine(screen: RRScreen, retry: object) -> Engine | None:
    """The training store's engine; None with row 24 saying why. While the store is
    still opening, ``retry`` (a method of the screen) runs again in a moment."""
    training = screen.rr_app.training
    if training is None:
        screen.message(messages.text("ui.trainer.no_training"), error=True)
        return None
    if training.services is not None:
        if screen.panel.canvas.message == messages.text("ui.trainer.store_opening"):
            screen.message("")  # it opened while the panel waited
        return training.services.engine
    if training.error:
        screen.message(messages.text("ui.trainer.store_closed", reason=training.error), error=True)
        return None
    screen.message(messages.text("ui.trainer.store_opening"))
    if callable(retry):
        screen.set_timer(RETRY_S, retry)
    return None
