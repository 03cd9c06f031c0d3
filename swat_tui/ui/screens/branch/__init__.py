"""Panels of steps 3 to 6, routed by the request's branch and sub-flow (data/branch_routes.toml)."""
