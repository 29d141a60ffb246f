"""Reading the Spark job's output back without Spark (``ipclue ingest OUT``), in the local order.

Records (files per kind, each sorted) and the quarantine are merged on (order, idx), so that an
ingest of the Parquet output sees the items in the order ``extract_paths`` yields them, and its
resolution (whose new uids come from the first record naming a party) is the same.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ipclue.errors import InvalidInput
from ipclue.extractors.canonical import MODELS, Item
from ipclue.extractors.dispatch import extract_paths
from ipclue.models import Rejection

MANIFEST = "_ipclue_extract.json"  # written by ``spark.job`` last: its presence means a complete output
Keyed = tuple[str, int, Item]


def is_spark_output(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def items_of(
    paths: Sequence[Path], *, progress: Callable[[int], None] | None = None, workers: int | None = None
) -> Iterator[Item]:
    """Items of raw inputs (extracted here, by ``workers`` processes: see ``extract_paths``), or of
    Spark outputs (read back); not both at once."""
    spark = [p for p in paths if is_spark_output(p)]
    if not spark:
        yield from extract_paths(paths, progress=progress, workers=workers)
        return
    if len(spark) != len(paths):
        raise InvalidInput("give either Spark extraction outputs or raw inputs, not both in one ingest")
    for done, out in enumerate(spark, start=1):
        yield from read_output(out)
        if progress:
            progress(done)


def read_output(out: Path) -> Iterator[Item]:
    """Records and rejections of one output directory, in the job's (the local walk's) order."""
    streams = [_records(f) for f in sorted((out / "records").rglob("*.parquet"))]
    streams.append(_rejections(sorted((out / "quarantine").glob("*.parquet"))))
    for _order, _idx, item in heapq.merge(*streams, key=lambda k: (k[0], k[1])):
        yield item


def _batches(files: Sequence[Path], columns: list[str]) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=4096, columns=columns):
            yield from batch.to_pylist()


def _records(file: Path) -> Iterator[Keyed]:
    """One kind's file (``records/kind=<type>/part-….parquet``), sorted by (order, idx)."""
    model = MODELS[file.parent.name.removeprefix("kind=")]
    for row in _batches([file], ["order", "idx", "record"]):
        yield row["order"], row["idx"], model.model_validate_json(row["record"])


def _rejections(files: Sequence[Path]) -> Iterator[Keyed]:
    fields = ["path", "line", "stage", "reason", "detail", "sha256"]
    for row in _batches(files, ["order", "idx", *fields]):
        yield row["order"], row["idx"], Rejection(**{k: row[k] for k in fields})
