"""The supervisor's and the coordinator's panels (SUP0xx)."""
