"""DIME: escalating a request the line cannot solve to a resolving area, and
following the account's cases up (issue 9, item 4)."""
