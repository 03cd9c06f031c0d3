"""PQR panels (step 6): consult, desist, file. Routed by data/branch_routes.toml."""
