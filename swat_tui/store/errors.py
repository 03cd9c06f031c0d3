"""Errors the store raises with a message fit for an agent or an operator."""


class StoreError(Exception):
    """The store cannot be opened or used; ``str(error)`` is the user-facing reason."""
