"""``ipclue synth``: a deterministic generator of realistic synthetic corpora with planted patterns.

``generate(out, parties, seed, profile)`` writes judgments, penalties, registries and truth.json.
"""

from __future__ import annotations

from ipclue.synth.generate import SynthSummary, generate

__all__ = ["SynthSummary", "generate"]
