"""Panels of the agent's session: sign-on, main menu, softphone, guide, recovery."""
