"""Deterministic, realistic Colombian demo data for the store.

``build_demo`` fills a migrated, empty store with accounts and everything an
agent looks at on them (services, inventory, invoices, payments, campaigns,
avisos, notes, PQRs, visits). ``SHOWCASE`` names the fixed accounts that show
each case of the account panel (see ``showcase.py``).
"""

from swat_tui.store.demo.showcase import SHOWCASE, SHOWCASE_MIN_ACCOUNTS
from swat_tui.store.demo.writer import DemoSummary, build_demo

__all__ = ["SHOWCASE", "SHOWCASE_MIN_ACCOUNTS", "DemoSummary", "build_demo"]
