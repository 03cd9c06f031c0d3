"""Panels of the guided call: steps 1, 2, 7 (F22, F13 log) and 8."""
