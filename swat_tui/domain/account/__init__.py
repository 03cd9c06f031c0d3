"""Accounts: search, the account panel, F7 notes and folders, F10 inventory.

What an agent may see of an account (the BLACKLIST rule) is decided here, in
``disclosure``; every view handed to a screen is already masked.
"""
