"""Technical-visit panels (step 5): LLS and OT. Routed by data/branch_routes.toml."""
