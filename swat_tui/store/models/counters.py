"""The last number handed out of each numbered record family (LLS, RAD, a CUN year...)."""

from sqlalchemy import BigInteger
from sqlmodel import Field, SQLModel


class Counter(SQLModel, table=True):
    """One row per number prefix (``LLS``, ``OT``, ``DIME``, ``4410-26-``...): ``value``
    is the sequence part of the last number given, which every new number takes with
    ``UPDATE counter SET value = value + 1 ... RETURNING value`` in the intent's own
    transaction, so two agents never read the same one (``store.queries.numbering``)."""

    name: str = Field(primary_key=True, max_length=16)
    value: int = Field(sa_type=BigInteger)
