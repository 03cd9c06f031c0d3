"""The supervisor's panels of process confirmation (SUP010-SUP013) and the agent's
own confirmations (CNF001, CNF002)."""
