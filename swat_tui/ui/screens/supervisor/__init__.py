"""The supervisor's area: the leaders' panels (SUP0xx)."""
