"""The Spark job: input files → Parquet records by kind, the quarantine, mention keys and groups.

Run-wide steps done as ``extractors.dispatch.extract_paths`` does them, so that the output equals
``ipclue extract --jsonl``: files in the local walk's order (inputs as given, then by path parts),
an empty file rejected first, a file with the same bytes as an earlier one rejected whole
(``duplicate-content``), then a repeated case or decision number rejected (the first one wins).

Output under OUT: ``records/kind=<type>/`` (order, idx, path, sha256, line, record JSON),
``quarantine/`` (path, line, stage, reason, detail, sha256), ``mentions/`` (mention id, kind, name,
blocking keys, candidate party), ``groups/`` (key, mentions, candidate party) and ``_ipclue_extract.json``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import PurePosixPath
from typing import Any

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from ipclue.spark.files import file_rows, skip_rows, skipped
from ipclue.spark.keys import candidate_key
from ipclue.spark.parquet import MANIFEST

_MENTION = T.StructType([
    T.StructField("id", T.StringType()), T.StructField("kind", T.StringType()),
    T.StructField("name", T.StringType()), T.StructField("uscc", T.StringType()),
    T.StructField("keys", T.ArrayType(T.StringType())),
])  # fmt: skip
_TEXT = ("stage", "reason", "detail", "sha256", "record", "dedup", "where")
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
_QUARANTINE = ["order", "idx", "path", "line", "stage", "reason", "detail", "sha256"]


@dataclass(slots=True)
class SparkSummary:
    """What the job wrote."""

    out: str
    master: str
    files: int = 0
    records: dict[str, int] = field(default_factory=dict)
    rejections: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    groups: int = 0
    seconds: float = 0.0


def session(master: str, *, app: str = "ipclue-extract", partitions: int = 8) -> SparkSession:
    """A SparkSession for ``master`` (``local[2]``, ``spark://host:7077``, ``yarn`` …)."""
    builder = SparkSession.builder.master(master).appName(app)
    if master.startswith("local"):  # one machine: the driver listens on loopback only
        for key in ("spark.driver.host", "spark.driver.bindAddress"):
            builder = builder.config(key, "127.0.0.1")
    spark = (
        builder.config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark: SparkSession, inputs: Sequence[str], out: str) -> SparkSummary:
    """Extract every input into ``out`` (overwritten); the same records as ``ipclue extract``."""
    start = time.perf_counter()
    items = _extracted(spark, inputs).persist(StorageLevel.MEMORY_AND_DISK)
    items.count()  # extract once: every later step reads the persisted rows
    kept, dup_files = _content_dedup(items)
    kept, dup_keys = _key_dedup(kept)
    records = kept.where(F.col("kind") != "rejection")
    quarantine = kept.where(F.col("kind") == "rejection").select(*_QUARANTINE).unionByName(dup_files)
    quarantine = quarantine.unionByName(dup_keys).orderBy("order", "idx")
    _write_records(records, f"{out}/records")
    quarantine.write.mode("overwrite").parquet(f"{out}/quarantine")
    mentions, groups = _keyed(records)
    mentions.write.mode("overwrite").parquet(f"{out}/mentions")
    groups.write.mode("overwrite").parquet(f"{out}/groups")
    summary = _summary(spark, out, items, inputs)
    summary.seconds = round(time.perf_counter() - start, 2)
    _write_manifest(spark, out, summary)
    items.unpersist()
    return summary


def _extracted(spark: SparkSession, inputs: Sequence[str]) -> DataFrame:
    """Every input file's rows (``files.file_rows``), extracted in the workers."""
    frames = []
    for no, uri in enumerate(inputs):
        reader = spark.read.format("binaryFile").option("recursiveFileLookup", "true")
        files = reader.load(uri).select("path", "content")
        frames.append(files.rdd.mapPartitions(partial(_rows, no=no, root=uri)))
        hidden = [tuple(row[n] for n in ITEM.fieldNames()) for p in _hidden_files(spark, uri)
                  for row in skip_rows(no, p, uri)]  # fmt: skip
        if hidden:
            frames.append(spark.sparkContext.parallelize(hidden, 1))
    rdd = frames[0] if len(frames) == 1 else spark.sparkContext.union(frames)
    return spark.createDataFrame(rdd, ITEM)


def _hidden_files(spark: SparkSession, uri: str) -> list[PurePosixPath]:
    """Files under ``uri`` with a hidden part (``.x``): Spark's file listing leaves them out, the local
    walk reports each as a skip, so the driver lists them through Hadoop's FileSystem and reports them."""
    from ipclue.spark.files import local_path

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


def _rows(files: Iterable[Any], *, no: int, root: str) -> Iterator[tuple[Any, ...]]:
    from ipclue.spark.files import local_path

    names = ITEM.fieldNames()
    for f in files:
        path = local_path(f["path"])
        rows = (
            skip_rows(no, path, root)
            if skipped(path, root)
            else file_rows(no, f["path"], bytes(f["content"]))
        )
        for row in rows:
            yield tuple(row[n] for n in names)


def _content_dedup(items: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Items of each content's first file, and one ``duplicate-content`` rejection per later file."""
    files = items.where(~F.col("empty")).select("order", "file_sha256", "path").dropDuplicates(["order"])
    first = Window.partitionBy("file_sha256").orderBy("order")
    files = files.withColumn("first_order", F.first("order").over(first))
    files = files.withColumn("first_path", F.first("path").over(first))
    later = files.where(F.col("order") != F.col("first_order"))
    dups = later.select(
        "order", F.lit(0).alias("idx"), "path", F.lit(None).cast("int").alias("line"),
        F.lit("decode").alias("stage"), F.lit("duplicate-content").alias("reason"),
        F.concat(F.lit("same bytes as "), "first_path").alias("detail"), F.col("file_sha256").alias("sha256"),
    )  # fmt: skip
    kept = items.join(later.select("order"), "order", "left_anti")
    return kept, dups


def _key_dedup(items: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Records whose case/decision number came first, and a rejection for each later one."""
    by_key = Window.partitionBy("dedup").orderBy("order", "idx")
    ranked = items.where(F.col("dedup").isNotNull()).withColumn("n", F.row_number().over(by_key))
    ranked = ranked.withColumn("first_where", F.first("where").over(by_key))
    rest = items.where(F.col("dedup").isNull())
    kept = rest.unionByName(ranked.where(F.col("n") == 1).drop("n", "first_where"))
    later = ranked.where(F.col("n") > 1)
    reason = F.when(F.col("dedup").startswith("case:"), "duplicate-case-no").otherwise(
        "duplicate-decision-no"
    )
    key = F.regexp_replace("dedup", "^(case|decision):", "")
    dups = later.select(
        "order", "idx", "path", "line", F.lit("extract").alias("stage"), reason.alias("reason"),
        F.concat(key, F.lit(" already read from "), "first_where").alias("detail"), "sha256",
    )  # fmt: skip
    return kept, dups


def _write_records(records: DataFrame, out: str) -> None:
    columns = ["kind", "order", "idx", "path", "sha256", "line", "record"]
    # sorted by kind first: the writer's own sort by the partition column then keeps this order
    ordered = records.select(*columns).repartition("kind").sortWithinPartitions("kind", "order", "idx")
    ordered.write.mode("overwrite").partitionBy("kind").parquet(out)


def _keyed(records: DataFrame) -> tuple[DataFrame, DataFrame]:
    """Mentions with their blocking keys, and groups by key with their candidate party key."""
    mentions = records.select("order", "idx", F.explode("mentions").alias("m")).select("order", "idx", "m.*")
    keyed = mentions.select("id", "uscc", F.explode("keys").alias("key"))
    grouped = keyed.groupBy("key").agg(F.count("id").alias("mentions"), F.collect_set("uscc").alias("usccs"))
    groups = grouped.rdd.map(lambda r: (r["key"], r["mentions"], candidate_key(r["key"], r["usccs"])))
    groups_df = grouped.sparkSession.createDataFrame(groups, "key string, mentions long, candidate string")
    first = mentions.select("id", F.col("keys")[0].alias("key"))
    cand = first.join(groups_df.select("key", "candidate"), "key", "left").select("id", "candidate")
    out = mentions.join(cand, "id", "left").orderBy("order", "idx", "id")
    return out, groups_df.orderBy("key")


def _summary(spark: SparkSession, out: str, items: DataFrame, inputs: Sequence[str]) -> SparkSummary:
    master = str(spark.sparkContext.master)
    summary = SparkSummary(out=out, master=master, files=items.select("order").distinct().count())
    recs = spark.read.parquet(f"{out}/records").groupBy("kind").count().collect()
    summary.records = {r["kind"]: int(r["count"]) for r in sorted(recs, key=lambda r: str(r["kind"]))}
    rej = spark.read.parquet(f"{out}/quarantine").groupBy("reason").count().collect()
    summary.rejections = {r["reason"]: int(r["count"]) for r in sorted(rej, key=lambda r: -int(r["count"]))}
    summary.mentions = spark.read.parquet(f"{out}/mentions").count()
    summary.groups = spark.read.parquet(f"{out}/groups").count()
    return summary


def _write_manifest(spark: SparkSession, out: str, summary: SparkSummary) -> None:
    """``OUT/_ipclue_extract.json``, through Hadoop's file system API (any URI the job wrote to)."""
    text = json.dumps(asdict(summary), ensure_ascii=False, indent=1)
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(f"{out}/{MANIFEST}")  # type: ignore[union-attr]
    stream = path.getFileSystem(conf).create(path, True)
    stream.write(bytearray(text.encode("utf-8")))
    stream.close()
