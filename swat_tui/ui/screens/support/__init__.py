"""Support panels (step 4): point and mass failures, inventory (data/branch_routes.toml)."""
