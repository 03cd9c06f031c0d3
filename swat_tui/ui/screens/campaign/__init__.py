"""The leaders' campaign panels: the campaigns (SUP020) and one's indicator (SUP021)."""
