"""The trainer's and trainee's panels need the training store open.

It opens in a worker after sign-on (a few seconds the first time: it is built
with the demo), so a panel reached before it is open, or when it could not
be opened, says so on row 24 and shows nothing; F5 or Intro asks again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swat_tui.domain import messages

if TYPE_CHECKING:
    from swat_tui.domain.services import Services
    from swat_tui.ui.host import Training
    from swat_tui.ui.screens.base import RRScreen


def open_training(screen: RRScreen) -> tuple[Training, Services] | None:
    """Trainer mode and its store's services, or None with row 24 saying why."""
    training = screen.rr_app.training
    if training is None:
        screen.message(messages.text("ui.trainer.no_training"), error=True)
        return None
    services = training.services
    if services is None:
        if training.error:
            screen.message(
                messages.text("ui.trainer.store_failed", reason=training.error), error=True
            )
        else:
            screen.message(messages.text("ui.trainer.store_opening"), error=True)
        return None
    return training, services
