"""DIME panels: the account's escalation cases (DIM001) and a new case (DIM010)."""
