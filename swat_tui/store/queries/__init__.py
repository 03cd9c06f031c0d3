"""Keyword-only query functions over a ``Session``, one module per entity family.

They neither open sessions nor commit: the caller (the domain) owns the
transaction, so a read and the audit row it causes can share one.
"""
