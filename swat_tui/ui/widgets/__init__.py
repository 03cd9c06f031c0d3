"""Widgets that make up an RR panel."""
