"""ipclue: knowledge-graph linkage for IP prosecution."""

__version__ = "0.1.0"
