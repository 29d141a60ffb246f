"""The extraction step in the executors: batches of input files in, Arrow batches of items out.

One Python worker per partition extracts every file of the partition (``DataFrame.mapInArrow``):
no Python process or pickled row per file, no JSON round trip per item. The rows in and out have
explicit schemas (``FILES``, ``ITEM``), so Spark infers nothing. An input row is one of:

- a local file the driver listed (``fspath``: its path as bytes, read here as ``ipclue extract``
  reads it);
- a file Spark read from a Hadoop URI (``uri`` and ``content``), named as the local walk names it;
- a rejection the driver's listing made (``skip``: its JSON), passed through in its place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyspark.sql import types as T

from ipclue.models import Rejection
from ipclue.spark.files import Row, file_rows, local_path, local_rows, rejection_rows, skip_rows, skipped

FILES = T.StructType([
    T.StructField("input", T.IntegerType()), T.StructField("root", T.StringType()),
    T.StructField("order", T.StringType()), T.StructField("fspath", T.BinaryType()),
    T.StructField("uri", T.StringType()), T.StructField("content", T.BinaryType()),
    T.StructField("skip", T.StringType()),
])  # fmt: skip
_MENTION = T.StructType([
    T.StructField("id", T.StringType()), T.StructField("kind", T.StringType()),
    T.StructField("name", T.StringType()), T.StructField("uscc", T.StringType()),
    T.StructField("keys", T.ArrayType(T.StringType())),
])  # fmt: skip
ITEM = T.StructType(
    [T.StructField(n, T.StringType()) for n in ("order", "file_sha256")]
    + [T.StructField("empty", T.BooleanType()), T.StructField("idx", T.IntegerType())]
    + [T.StructField(n, T.StringType()) for n in ("kind", "path")]
    + [T.StructField("line", T.IntegerType())]
    + [
        T.StructField(n, T.StringType())
        for n in ("stage", "reason", "detail", "sha256", "record", "dedup", "where")
    ]
    + [T.StructField("mentions", T.ArrayType(_MENTION))]
)
BATCH_ROWS = 512  # items per Arrow batch handed back to the JVM


def extract_batches(batches: Iterable[Any]) -> Iterator[Any]:
    """``mapInArrow`` function: every input row's items, as record batches of ``ITEM``."""
    import pyarrow as pa
    from pyspark.sql.pandas.types import to_arrow_schema

    schema = to_arrow_schema(ITEM)
    rows: list[Row] = []
    for batch in batches:
        for f in batch.to_pylist():
            rows.extend(input_rows(f))
            if len(rows) >= BATCH_ROWS:
                yield pa.RecordBatch.from_pylist(rows, schema=schema)
                rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def input_rows(f: dict[str, Any]) -> list[Row]:
    """The item rows of one input row (see the module docstring for its three forms)."""
    if f["skip"] is not None:
        return rejection_rows(f["order"], Rejection.model_validate_json(f["skip"]))
    if f["fspath"] is not None:
        return local_rows(f["order"], Path(os.fsdecode(f["fspath"])))
    path, root = local_path(f["uri"]), f["root"]
    if skipped(path, root):
        return skip_rows(f["input"], path, root)
    return file_rows(f["input"], f["uri"], f["content"])
