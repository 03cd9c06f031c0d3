"""One RR panel per module; each screen fills the named fields of its display file."""
