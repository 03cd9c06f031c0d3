"""The practice call queue: calls for an agent in Disponible when no trainer is calling.

``CallQueue(engine, seed)`` draws each call's kind (weights in
``data/softphone.toml``), then an account and the number it calls from, all
from one ``random.Random(seed)``: the same seed on the same store gives the
same calls. Kinds:

- ``cuenta``: an ordinary account (not blacklisted, no open aviso on its node)
  calling from its own mobile or fixed phone, a number on no other account.
- ``numero_desconocido``: a number on no account; ``expected_cuenta`` is the
  caller's own account, which the agent must find by document.
- ``blacklist``: a blacklisted account calling from its own number.
- ``aviso``: an account whose node has an open aviso, calling from its number.
- ``varias_cuentas``: a mobile shared by several accounts; ``expected_cuenta``
  is the one the caller is calling about.

Each kind is looked for a few times from random cuentas (see
``store.queries.call_sampling``); a store that has no example of a kind gives
an ordinary call instead, so ``kind`` always tells the truth.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from sqlalchemy import Engine
from sqlmodel import Session

from swat_tui.domain.desk.practice_requests import PracticeRequest, requests_for
from swat_tui.domain.desk.softphone import SoftphoneConfig, softphone_config
from swat_tui.domain.errors import refusal
from swat_tui.store.engine import read_session
from swat_tui.store.models import Account
from swat_tui.store.queries import call_sampling as sampling
from swat_tui.store.queries.accounts import count_by_phone

CallKind = Literal["cuenta", "numero_desconocido", "blacklist", "aviso", "varias_cuentas"]
CALL_KINDS: tuple[CallKind, ...] = get_args(CallKind)
ATTEMPTS = 12  # tries per call before giving up on a kind
WINDOW = 5000  # cuentas looked at from each random start
MOBILE_SHARE = 0.75  # of calls from an account with both phones, from the mobile
_MOBILE_PREFIXES = (*range(300, 324), 350, 351)


@dataclass(frozen=True)
class IncomingCall:
    """A call the queue offers: caller number (ANI), queue, what kind of case it is."""

    ani: str
    queue: str
    kind: CallKind
    expected_cuenta: int | None
    at: datetime
    says: str = ""  # what the caller asks for (data/practice_requests.toml), if anything
    scenario: str = ""  # the training scenario this call plays (its id), if any


def ring_delay(rng: random.Random, config: SoftphoneConfig | None = None) -> float:
    """Seconds in Disponible before the next call rings (``data/softphone.toml``)."""
    config = config or softphone_config()
    return rng.uniform(config.ring_delay_min, config.ring_delay_max)


class CallQueue:
    """Deterministic practice calls drawn from the accounts in the store."""

    def __init__(self, engine: Engine, seed: int, config: SoftphoneConfig | None = None) -> None:
        self._engine = engine
        self._rng = random.Random(seed)
        # The caller's request comes from a stream of its own, so the accounts and
        # numbers drawn for a seed stay the ones they were before requests existed.
        self._requests_rng = random.Random(f"requests:{seed}")
        self._config = config or softphone_config()
        weights = dict(self._config.kind_weights)
        self._kinds = [kind for kind in CALL_KINDS if weights.get(kind, 0) > 0]
        self._kind_weights = [weights[kind] for kind in self._kinds]
        queues = [queue for queue in self._config.queues if queue.share > 0]
        self._queues = [queue.id for queue in queues] or [self._config.queues[0].id]
        self._queue_weights = [queue.share for queue in queues] or [1]

    def next_call(self, now: datetime) -> IncomingCall:
        """The next call to ring, arriving at ``now``."""
        rng = self._rng
        kind = rng.choices(self._kinds, self._kind_weights)[0]
        queue = rng.choices(self._queues, self._queue_weights)[0]
        request = self._request(queue)
        says = request.says if request else ""
        if request is not None and request.account == "aviso" and "aviso" in self._kinds:
            kind = "aviso"  # a mass failure is reported from a node with an aviso
        with read_session(self._engine) as session:
            bounds = sampling.cuenta_bounds(session)
            if bounds is None:
                raise refusal("practice.no_accounts")
            draw = _Draw(session, rng, bounds)
            needs = request.account if request is not None and request.account != "aviso" else ""
            if kind == "cuenta" and needs:
                # An ordinary caller whose account has what they ask about.
                found = draw.with_case(needs)
                if found is not None:
                    ani, cuenta = found
                    return IncomingCall(ani, queue, kind, cuenta, now, _said(session, says, cuenta))
            fallback: CallKind = "cuenta"
            for candidate in (kind, fallback):
                found = draw.attempt(candidate)
                if found is not None:
                    ani, cuenta = found
                    said = _said(session, says, cuenta)
                    return IncomingCall(ani, queue, candidate, cuenta, now, said)
        raise refusal("practice.no_phone")

    def _request(self, queue: str) -> PracticeRequest | None:
        requests = requests_for(queue)
        return self._requests_rng.choice(requests) if requests else None


def _said(session: Session, says: str, cuenta: int) -> str:
    """The caller's line with what they read off their equipment (``{serial}``); ""
    when the account has no such serial (the caller then asks nothing in particular)."""
    if "{serial}" not in says:
        return says
    serial = sampling.seen_serial(session, cuenta=cuenta)
    return says.replace("{serial}", serial) if serial else ""


class _Draw:
    """One call's look-ups, sharing the session and the queue's random stream."""

    def __init__(self, session: Session, rng: random.Random, bounds: tuple[int, int]) -> None:
        self.session, self.rng, self.bounds = session, rng, bounds

    def attempt(self, kind: CallKind) -> tuple[str, int] | None:
        """An (ANI, cuenta) of this kind, or None after ``ATTEMPTS`` misses."""
        pickers: dict[CallKind, Callable[[], tuple[str, int] | None]] = {
            "cuenta": self._cuenta,
            "numero_desconocido": self._numero_desconocido,
            "blacklist": self._blacklist,
            "aviso": self._aviso,
            "varias_cuentas": self._varias_cuentas,
        }
        pick = pickers[kind]
        for _ in range(ATTEMPTS):
            found = pick()
            if found is not None:
                return found
        return None

    def with_case(self, case: str) -> tuple[str, int] | None:
        """An ordinary account (own number) that has ``case`` (a debt, a PQR...)."""
        for _ in range(ATTEMPTS):
            start, end = self._window()
            account = sampling.account_with_case_in_window(
                self.session, case=case, start=start, end=end
            )
            if account is not None and not sampling.node_has_open_incident(
                self.session, node=account.node
            ):
                found = self._calling(account)
                if found is not None:
                    return found
        return None

    def _window(self) -> tuple[int, int]:
        low, high = self.bounds
        start = self.rng.randint(low, high)
        return start, start + WINDOW

    def _matches(self, phone: str) -> int:
        return count_by_phone(self.session, phones=[phone])

    def _own_number(self, account: Account) -> str | None:
        """A phone of the account that no other account has (mobile first, mostly)."""
        phones = [p for p in (account.phone_mobile, account.phone_fixed) if p]
        if len(phones) == 2 and self.rng.random() >= MOBILE_SHARE:
            phones.reverse()
        return next((phone for phone in phones if self._matches(phone) == 1), None)

    def _calling(self, account: Account | None) -> tuple[str, int] | None:
        if account is None:
            return None
        number = self._own_number(account)
        return (number, account.cuenta) if number else None

    def _cuenta(self) -> tuple[str, int] | None:
        start, end = self._window()
        account = sampling.account_in_window(self.session, start=start, end=end)
        if account is None or account.blacklist:
            return None
        if sampling.node_has_open_incident(self.session, node=account.node):
            return None
        return self._calling(account)

    def _blacklist(self) -> tuple[str, int] | None:
        start, end = self._window()
        return self._calling(sampling.blacklisted_in_window(self.session, start=start, end=end))

    def _aviso(self) -> tuple[str, int] | None:
        total = sampling.count_open_incidents(self.session)
        if total == 0:
            return None
        incident = sampling.open_incident_at(self.session, index=self.rng.randrange(total))
        if incident is None:
            return None
        start, _end = self._window()
        account = sampling.account_on_node(self.session, node=incident.node, start=start)
        return self._calling(account)

    def _varias_cuentas(self) -> tuple[str, int] | None:
        start, end = self._window()
        account = sampling.shared_mobile_in_window(self.session, start=start, end=end)
        if account is None or account.phone_mobile is None:
            return None
        return account.phone_mobile, account.cuenta

    def _numero_desconocido(self) -> tuple[str, int] | None:
        start, end = self._window()
        account = sampling.account_in_window(self.session, start=start, end=end)
        if account is None:
            return None
        prefix = self.rng.choice(_MOBILE_PREFIXES)
        number = f"{prefix}{self.rng.randrange(10_000_000):07d}"
        return (number, account.cuenta) if self._matches(number) == 0 else None
