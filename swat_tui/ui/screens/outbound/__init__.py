"""The agent's outbound campaign panels."""
