"""The supervisor's and the coordinator's panels (SUP0xx), and the agent's own process
confirmations (CNF001, CNF002)."""
