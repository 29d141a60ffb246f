"""Property-based run of every operation in the OpenAPI document: no input may cause a server error.

Schemathesis' pytest plugin does not work with this pytest version, so the operations are driven
through its Python API: one Hypothesis run per operation, on the ASGI app over the real Neo4j.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from ipclue.graph.db import Graph
from tests.integration.test_api_support import KEYS, load_data, make_client

EXAMPLES = 25


def _exercise(operation: Any) -> None:
    key = KEYS["admin"] if "audit" in operation.path else KEYS["investigator"]

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        response = case.call(headers={"X-API-Key": key})
        case.validate_response(response, checks=[not_a_server_error])

    run()


def test_no_operation_answers_with_a_server_error(graph: Graph, tmp_path: Path) -> None:
    load_data(graph)
    with make_client(graph, tmp_path) as client:
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", client.app)
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        assert len(operations) >= 20
        for operation in operations:
            _exercise(operation)
