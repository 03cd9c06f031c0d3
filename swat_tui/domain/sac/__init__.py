"""Step 3, SAC: cartera (debt, aviso final, benefits, commitments, reconnection) and recaudo."""
