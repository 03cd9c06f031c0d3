"""The agent's desk: the softphone, the call in progress and where calls come from."""
