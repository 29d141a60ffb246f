"""The driver's side of the extraction step: which files each input holds, as rows of ``worker.FILES``.

- A local input (``file:/…`` or a plain path) is walked here exactly as ``ipclue extract`` walks it
  (``extractors.inputs``: sorted order, hidden names, quarantine folders, symbolic links, FIFOs);
  each file becomes a row with its path and its position in the walk (the order key), and each skip
  a row with its rejection. The executors read the files themselves (a cluster needs the folder at
  the same path on every host, as Spark's own ``file:`` reads do).
- Any other URI (``hdfs://…``, ``s3a://…``) is read by Spark's ``binaryFile`` source; the files its
  listing leaves out (a part starting with ``.``) are listed through Hadoop's FileSystem and
  reported as skips.

Partitions hold a few thousand files each (``FILES_PER_PARTITION``), and at least two per core, so
that a Python worker starts once per partition and the cores stay busy to the end.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from ipclue.extractors.inputs import entry_verdict, walked
from ipclue.models import Rejection
from ipclue.spark.files import ORDER_SEP, is_local, local_path, skip_rows, skipped
from ipclue.spark.worker import FILES

FILES_PER_PARTITION = 2000
Listed = tuple[int, str, str, bytes | None, None, None, str | None]


def files_frame(spark: SparkSession, inputs: Sequence[str]) -> DataFrame:
    """Every input's files (and listing skips) as one frame of ``FILES`` rows, in input order."""
    local = {no: Path(str(local_path(uri))) for no, uri in enumerate(inputs) if is_local(uri)}
    roots = [p.resolve() for p in local.values() if p.is_dir()]
    rows = [row for no, path in local.items() for row in _walked(no, inputs[no], path, roots)]
    frames = [_parallel(spark, rows)] if rows else []
    for no, uri in enumerate(inputs):
        if no not in local:
            frames += _remote(spark, no, uri)
    if not frames:
        return spark.createDataFrame([], FILES)
    out = frames[0]
    for frame in frames[1:]:
        out = out.unionByName(frame)
    return out


def _walked(no: int, uri: str, path: Path, roots: list[Path]) -> Iterator[Listed]:
    """The local walk of one input (``extractors.inputs.walk_inputs`` with every input's roots)."""
    entries: Iterator[Path | Rejection | None] = (
        (entry_verdict(e, path, roots) for e in walked(path)) if path.is_dir() else iter([path])
    )
    seq = 0
    for entry in entries:
        if entry is None:
            continue
        order = f"{no:05d}{ORDER_SEP}{seq:010d}"
        seq += 1
        if isinstance(entry, Rejection):
            yield (no, uri, order, None, None, None, entry.model_dump_json())
        else:
            yield (no, uri, order, os.fsencode(entry), None, None, None)


def _parallel(spark: SparkSession, rows: list[Listed]) -> DataFrame:
    """The listed rows in contiguous slices of at most ``FILES_PER_PARTITION`` (two per core at least)."""
    sc = spark.sparkContext
    slices = max(2 * sc.defaultParallelism, math.ceil(len(rows) / FILES_PER_PARTITION))
    return spark.createDataFrame(sc.parallelize(rows, min(slices, len(rows))), FILES)


def _remote(spark: SparkSession, no: int, uri: str) -> list[DataFrame]:
    """A Hadoop URI's files through Spark's ``binaryFile`` source, and the hidden ones as skips."""
    reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
    read = reader.load(uri).select(
        F.lit(no).alias("input"), F.lit(uri).alias("root"), F.lit(None).cast("string").alias("order"),
        F.lit(None).cast("binary").alias("fspath"), F.col("path").alias("uri"), "content",
        F.lit(None).cast("string").alias("skip"),
    )  # fmt: skip
    hidden = [(no, uri, r["order"], None, None, None, _skip_json(r)) for p in _hidden_files(spark, uri)
              for r in skip_rows(no, p, uri)]  # fmt: skip
    return [read, spark.createDataFrame(hidden, FILES)] if hidden else [read]


def _skip_json(row: dict[str, object]) -> str:
    fields = ("path", "line", "stage", "reason", "detail", "sha256")
    return Rejection.model_validate({k: row[k] for k in fields}).model_dump_json()


def _hidden_files(spark: SparkSession, uri: str) -> list[PurePosixPath]:
    """Files under ``uri`` with a hidden part (``.x``): Spark's file listing leaves them out, the local
    walk reports each as a skip, so the driver lists them through Hadoop's FileSystem and reports them."""
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    assert jvm is not None, "a SparkContext without a JVM gateway"
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(conf)
    if not fs.getFileStatus(root).isDirectory():
        return []
    found, listing = [], fs.listFiles(root, True)
    while listing.hasNext():
        path = local_path(str(listing.next().getPath().toString()))
        if skipped(path, uri) and any(part.startswith(".") for part in path.parts):
            found.append(path)
    return sorted(found)
