"""Step 6, PQR: the terms of the CRC user-protection regime, consulting an account's
PQRs, desisting and filing (issue 9)."""
