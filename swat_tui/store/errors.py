"""Errors the store raises with a message fit for an agent or an operator."""


class StoreError(Exception):
    """The store cannot be opened or used; ``str(error)`` is the user-facing reason."""


BUSY_MESSAGE = "Base de datos ocupada: no se grabó. Lo digitado se conserva; intente de nuevo."


UNAVAILABLE_MESSAGE = "Sin conexión con la base de datos: no se grabó; lo digitado se conserva."


class StoreBusy(StoreError):
    """Another process holds the write lock longer than the busy timeout: nothing
    was written, and the same intent may simply be tried again."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)
        self.message = message


class StoreUnavailable(StoreBusy):
    """The database server is out of reach (stopped, restarting, the network down):
    nothing of the intent was written; the next try gets a fresh connection.
    ``detail`` says which server, for a command's one-line error."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(UNAVAILABLE_MESSAGE)
        self.detail = detail or UNAVAILABLE_MESSAGE
