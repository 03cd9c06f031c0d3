"""Outbound campaigns: the client's base, the agents' attempts and the indicator
CASOS CONTACTO EFECTIVO (issue 21)."""
