"""The CJK font reports are set in: a TrueType font (reportlab embeds TrueType outlines, not CFF)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from ipclue.errors import ConfigError

# Debian's fonts-wqy-zenhei (scripts/setup.sh installs it), then other TrueType CJK fonts Debian ships.
CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


@cache
def cjk_font() -> Path:
    """``IPCLUE_REPORT_FONT`` when set, else the first installed candidate; else a ConfigError saying how."""
    wanted = os.environ.get("IPCLUE_REPORT_FONT")
    paths = [Path(wanted)] if wanted else [Path(p) for p in CANDIDATES]
    for path in paths:
        if path.is_file():
            return path
    raise ConfigError(
        "no TrueType CJK font for reports: install Debian's fonts-wqy-zenhei "
        "(apt-get install fonts-wqy-zenhei) or set IPCLUE_REPORT_FONT to a .ttf/.ttc file"
    )
