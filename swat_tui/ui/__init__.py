"""Textual user interface: the RR green screen. Calls the domain, never the store."""
