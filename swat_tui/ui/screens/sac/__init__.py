"""SAC panels (step 3): cartera, facturación, recaudo. Routed by data/branch_routes.toml."""
