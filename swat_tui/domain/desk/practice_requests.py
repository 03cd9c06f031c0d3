"""What a practice caller asks for (data/practice_requests.toml), by queue.

The practice queue gives each call one of its queue's requests, so a new
agent meets SAC and PQR cases as well as the account cases of step 2.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from swat_tui.paths import data_dir
from swat_tui.store.queries.call_sampling import ACCOUNT_CASES

SAYS_MAX = 59


@dataclass(frozen=True)
class PracticeRequest:
    queue: str
    branch: str
    subflow: str
    says: str
    account: str = ""  # what the account must have for the request to make sense ("" any)


def parse_requests(raw: dict[str, Any], name: str) -> tuple[PracticeRequest, ...]:
    """The file's requests; an error names the file, the request and the field."""
    requests = []
    for index, row in enumerate(raw.get("request", []), start=1):
        try:
            request = PracticeRequest(
                str(row["queue"]),
                str(row["branch"]),
                str(row["subflow"]),
                str(row["says"]),
                str(row.get("account", "")),
            )
        except KeyError as missing:
            raise ValueError(f"{name}: solicitud {index}: falta {missing.args[0]}") from None
        if not request.says or len(request.says) > SAYS_MAX:
            raise ValueError(f"{name}: solicitud {index}: says vacío o de más de {SAYS_MAX}")
        if request.account and request.account not in ACCOUNT_CASES:
            cases = ", ".join(ACCOUNT_CASES)
            raise ValueError(f"{name}: solicitud {index}: account debe ser uno de {cases}")
        requests.append(request)
    return tuple(requests)


@cache
def practice_requests(path: Path | None = None) -> tuple[PracticeRequest, ...]:
    source = path or data_dir() / "practice_requests.toml"
    with source.open("rb") as handle:
        return parse_requests(tomllib.load(handle), source.name)


def requests_for(queue: str) -> tuple[PracticeRequest, ...]:
    return tuple(r for r in practice_requests() if r.queue == queue)
