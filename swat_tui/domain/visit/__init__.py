"""Step 2, technical visits: the WFM agenda's free windows, booking, rescheduling and
cancelling an LLS/OT (issue 10)."""
