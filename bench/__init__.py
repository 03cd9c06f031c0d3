"""Benchmarks of swat-tui against the goals of the performance issue.

Run them all with ``uv run python -m bench`` (see ``bench/README.md``). They
print figures and ratios against baselines measured in the same run; they
are not pass/fail tests.
"""
