"""Errors the store raises with a message fit for an agent or an operator."""


class StoreError(Exception):
    """The store cannot be opened or used; ``str(error)`` is the user-facing reason."""


BUSY_MESSAGE = "Base de datos ocupada: no se grabó. Lo digitado se conserva; intente de nuevo."


class StoreBusy(StoreError):
    """Another process holds the write lock longer than the busy timeout: nothing
    was written, and the same intent may simply be tried again."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)
        self.message = message
