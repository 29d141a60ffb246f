"""A party's control relations and ownership trees (股权穿透)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ipclue.api.auth import Reader
from ipclue.api.control import control
from ipclue.api.deps import GraphDep
from ipclue.api.routers.params import Uid
from ipclue.api.routing import ApiRoute

router = APIRouter(route_class=ApiRoute, tags=["parties"])


@router.get("/parties/{uid}/control")
def party_control(uid: Uid, _: Reader, graph: GraphDep) -> dict[str, Any]:
    """法定代表人, 股东 and 高管 of the party (and where it holds these roles), and its ownership trees:
    shareholders up and investments down, three levels, each with its direct and chained share."""
    return control(graph, uid)
