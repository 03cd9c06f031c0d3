"""The SWAT procedure and RR's rules in plain Python.

Calls the store; never imports textual. Screens read and write through the
services here, never through raw sessions.
"""
