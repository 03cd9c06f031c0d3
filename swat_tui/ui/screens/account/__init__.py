"""Panels of an account: search, list, CTA001, F7 notes and folders, F10 inventory."""
