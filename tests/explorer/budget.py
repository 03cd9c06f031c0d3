"""How long the explorer walks: a small fixed budget in CI, longer on request.

``uv run pytest`` (and ``.ci/run``) walks ``CI_EXAMPLES`` examples of up to
``CI_STEPS`` rules from seed ``CI_SEED``: the same walk on every machine.
The environment changes it for a local hunt:

- ``SWAT_EXPLORE_EXAMPLES``: how many examples (fresh apps) to walk;
- ``SWAT_EXPLORE_STEPS``: rules per example (each rule is one or more keys);
- ``SWAT_EXPLORE_SEED``: another seed (the walk is still reproducible with it);
- ``SWAT_EXPLORE_SKIP``: invariants to leave out (``oracles.skipped``);
- ``SWAT_EXPLORE_ALL_BUGS=1``: keep and shrink every distinct failure, not the first;
- ``SWAT_EXPLORE_USER``: the demo profile the walk signs on as (``ASESOR01``; e.g.
  ``SUPERV01`` walks the leaders' panels too, between the calls a supervisor takes).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

CI_SEED = 17
CI_EXAMPLES = 60
CI_STEPS = 30
SMOKE_EXAMPLES = 2
SMOKE_STEPS = 6


def _number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def explore_seed() -> int:
    """The seed of this run: ``SWAT_EXPLORE_SEED`` or the CI one."""
    return _number("SWAT_EXPLORE_SEED", CI_SEED)


def explore_settings(*, smoke: bool = False) -> settings:
    """The Hypothesis settings of the walk (no example database: a run is its seed)."""
    examples = SMOKE_EXAMPLES if smoke else _number("SWAT_EXPLORE_EXAMPLES", CI_EXAMPLES)
    steps = SMOKE_STEPS if smoke else _number("SWAT_EXPLORE_STEPS", CI_STEPS)
    return settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        database=None,
        derandomize=False,  # the seed decides (``@seed``); derandomize would override it
        print_blob=True,
        # Shrinking replays whole walks (seconds each): one bug by default, all on request.
        report_multiple_bugs=os.environ.get("SWAT_EXPLORE_ALL_BUGS") == "1",
        # No explain phase: it replays the walk many more times and says little here.
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )


def profile() -> str:
    """The demo profile the walk signs on as: ``SWAT_EXPLORE_USER`` or ASESOR01."""
    return os.environ.get("SWAT_EXPLORE_USER", "ASESOR01").strip().upper() or "ASESOR01"
