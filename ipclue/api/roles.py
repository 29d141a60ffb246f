"""The role matrix: which roles may call each API route — the one place roles are decided.

Every route under ``/api/v1`` has one entry ``"METHOD /path": ROLES`` (the path as declared, after
the prefix). :class:`ipclue.api.routing.ApiRoute` enforces it before the route's own code runs; a
route without an entry is refused to everyone, and ``tests/integration/test_api_roles.py`` fails
for it, so adding a route means adding its line here.

- consumer: flags and flag evidence (masked, see ``masking.py``);
- investigator: every read (search, parties, graph, paths, records, sources, stats, detectors);
- supervisor: what investigators do, plus reviews, detector dry runs, ingest jobs and the audit log;
- admin: everything, plus the key table.
"""

from __future__ import annotations

from ipclue.api.config import Role

PREFIX = "/api/v1"
PUBLIC: tuple[Role, ...] = ()
"""No key needed (liveness only)."""
CONSUMER: tuple[Role, ...] = ("consumer", "investigator", "supervisor", "admin")
INVESTIGATOR: tuple[Role, ...] = ("investigator", "supervisor", "admin")
SUPERVISOR: tuple[Role, ...] = ("supervisor", "admin")
ADMIN: tuple[Role, ...] = ("admin",)

MATRIX: dict[str, tuple[Role, ...]] = {
    "GET /health": PUBLIC,
    "GET /me": CONSUMER,
    "GET /flags": CONSUMER,
    "GET /flags/{flag_id}": CONSUMER,
    "GET /detectors": INVESTIGATOR,
    "GET /stats": INVESTIGATOR,
    "GET /parties": INVESTIGATOR,
    "GET /parties/{uid}": INVESTIGATOR,
    "GET /parties/{uid}/risk": INVESTIGATOR,
    "GET /parties/{uid}/graph": INVESTIGATOR,
    "GET /paths": INVESTIGATOR,
    "GET /cases/{case_no:path}": INVESTIGATOR,
    "GET /trademarks/{reg_no:path}": INVESTIGATOR,
    "GET /patents/{number:path}": INVESTIGATOR,
    "GET /copyrights/{reg_no:path}": INVESTIGATOR,
    "GET /penalties/{decision_no:path}": INVESTIGATOR,
    "GET /sources/{sha256}": INVESTIGATOR,
    "POST /flags/{flag_id}/review": SUPERVISOR,
    "POST /detectors/{detector_id}/dry-run": SUPERVISOR,
    "POST /jobs": SUPERVISOR,
    "GET /jobs/{job_id}": SUPERVISOR,
    "GET /audit": SUPERVISOR,
    "GET /keys": ADMIN,
    "GET /parties/{uid}/control": INVESTIGATOR,
    "GET /flags/{flag_id}/report": CONSUMER,  # masked by ipclue.reports for consumers
    "POST /reports": CONSUMER,  # masked by ipclue.reports for consumers
    "GET /exports/flags": CONSUMER,  # masked by ipclue.reports for consumers
    "GET /flags/{flag_id}/workflow": INVESTIGATOR,
    "POST /flags/{flag_id}/comments": INVESTIGATOR,
    "PUT /flags/{flag_id}/assignment": SUPERVISOR,
    "POST /reviews/bulk": SUPERVISOR,
    "GET /possible-matches": INVESTIGATOR,  # the review queue
    "GET /parties/{uid}/possible-matches": INVESTIGATOR,
    "POST /parties/{uid}/possible-matches/{other}/confirm": SUPERVISOR,
    "POST /parties/{uid}/possible-matches/{other}/reject": SUPERVISOR,
}


def entry(method: str, path: str, prefix: str) -> str:
    """The matrix key of a route: ``"GET /flags"`` for ``GET /api/v1/flags``."""
    return f"{method.upper()} {path.removeprefix(prefix) or '/'}"


def roles_for(method: str, path: str, prefix: str) -> tuple[Role, ...] | None:
    """The roles admitted to a route, ``()`` for a public one, ``None`` when it is missing."""
    return MATRIX.get(entry(method, path, prefix))
