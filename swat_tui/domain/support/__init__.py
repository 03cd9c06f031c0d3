"""Step 3, soporte (T&D): the fault trees an agent walks with the customer."""
