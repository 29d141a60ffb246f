"""The Spark job: input files → Parquet records by kind, the quarantine, mention keys and groups.

Run-wide steps done as ``extractors.dispatch.extract_paths`` does them, so that the output equals
``ipclue extract --jsonl``: files in the local walk's order (inputs as given, then as walked),
an empty file rejected first, a file with the same bytes as an earlier one rejected whole
(``duplicate-content``), then a repeated case or decision number rejected (the first one wins).

Output under OUT: ``records/kind=<type>/`` (order, idx, path, sha256, line, record JSON),
``quarantine/`` (path, line, stage, reason, detail, sha256), ``mentions/`` (mention id, kind, name,
blocking keys, candidate party), ``groups/`` (key, mentions, candidate party) and ``_ipclue_extract.json``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F

from ipclue.spark.keys import candidate_key
from ipclue.spark.listing import files_frame
from ipclue.spark.parquet import MANIFEST
from ipclue.spark.worker import ITEM, extract_batches

_QUARANTINE = ["order", "idx", "path", "line", "stage", "reason", "detail", "sha256"]
STAGED = "_items"  # OUT/_items: the extracted rows, written once, read by every later step, then removed


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
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")  # files per batch into a worker
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(spark: SparkSession, inputs: Sequence[str], out: str) -> SparkSummary:
    """Extract every input into ``out`` (overwritten); the same records as ``ipclue extract``."""
    start = time.perf_counter()
    staged = f"{out}/{STAGED}"
    files_frame(spark, inputs).mapInArrow(extract_batches, ITEM).write.mode("overwrite").parquet(staged)
    items = spark.read.schema(ITEM).parquet(staged)
    later_files, dup_files = _content_dedup(items)
    kept = items.join(later_files, "order", "left_anti")
    later_keys, dup_keys = _key_dedup(kept)
    kept = kept.join(later_keys, ["order", "idx"], "left_anti")
    records = kept.where(F.col("kind") != "rejection")
    quarantine = kept.where(F.col("kind") == "rejection").select(*_QUARANTINE).unionByName(dup_files)
    quarantine = quarantine.unionByName(dup_keys).orderBy("order", "idx")
    _write_records(records, f"{out}/records")
    quarantine.write.mode("overwrite").parquet(f"{out}/quarantine")
    _write_keyed(records, out)
    summary = _summary(spark, out, items)
    summary.seconds = round(time.perf_counter() - start, 2)
    for frame in (later_files, later_keys):
        frame.unpersist()
    _remove(spark, staged)
    _write_manifest(spark, out, summary)
    return summary


def _content_dedup(items: DataFrame) -> tuple[DataFrame, DataFrame]:
    """The files whose bytes an earlier file had (``order``; computed once, kept), and one
    ``duplicate-content`` rejection for each."""
    files = items.where(~F.col("empty")).select("order", "file_sha256", "path").dropDuplicates(["order"])
    first = Window.partitionBy("file_sha256").orderBy("order")
    files = files.withColumn("first_order", F.first("order").over(first))
    files = files.withColumn("first_path", F.first("path").over(first))
    later = files.where(F.col("order") != F.col("first_order")).drop("first_order")
    later = later.persist(StorageLevel.MEMORY_AND_DISK)
    dups = later.select(
        "order", F.lit(0).alias("idx"), "path", F.lit(None).cast("int").alias("line"),
        F.lit("decode").alias("stage"), F.lit("duplicate-content").alias("reason"),
        F.concat(F.lit("same bytes as "), "first_path").alias("detail"), F.col("file_sha256").alias("sha256"),
    )  # fmt: skip
    return later.select("order"), dups


def _key_dedup(items: DataFrame) -> tuple[DataFrame, DataFrame]:
    """The records whose case/decision number came earlier (``order, idx``; computed once, kept), and
    a rejection for each."""
    by_key = Window.partitionBy("dedup").orderBy("order", "idx")
    keyed = items.where(F.col("dedup").isNotNull()).select("order", "idx", "path", "line", "sha256", "dedup",
                                                            "where")  # fmt: skip
    ranked = keyed.withColumn("n", F.row_number().over(by_key))
    ranked = ranked.withColumn("first_where", F.first("where").over(by_key))
    later = ranked.where(F.col("n") > 1).persist(StorageLevel.MEMORY_AND_DISK)
    reason = F.when(F.col("dedup").startswith("case:"), "duplicate-case-no").otherwise(
        "duplicate-decision-no"
    )
    key = F.regexp_replace("dedup", "^(case|decision):", "")
    dups = later.select(
        "order", "idx", "path", "line", F.lit("extract").alias("stage"), reason.alias("reason"),
        F.concat(key, F.lit(" already read from "), "first_where").alias("detail"), "sha256",
    )  # fmt: skip
    return later.select("order", "idx"), dups


def _write_records(records: DataFrame, out: str) -> None:
    """``records/kind=<type>/``: each file sorted by (order, idx). No shuffle: the staged rows are in
    the walk's order already, so each task sorts its own rows and writes them (``parquet`` merges)."""
    columns = ["kind", "order", "idx", "path", "sha256", "line", "record"]
    # sorted by kind first: the writer's own sort by the partition column then keeps this order
    ordered = records.select(*columns).sortWithinPartitions("kind", "order", "idx")
    ordered.write.mode("overwrite").partitionBy("kind").parquet(out)


def _write_keyed(records: DataFrame, out: str) -> None:
    """``groups/`` (key, mentions, candidate party; sorted by key), then ``mentions/`` with the
    candidate of their first key, sorted by (order, idx, id)."""
    mentions = records.select("order", "idx", F.explode("mentions").alias("m")).select("order", "idx", "m.*")
    keyed = mentions.select("id", "uscc", F.explode("keys").alias("key"))
    grouped = keyed.groupBy("key").agg(F.count("id").alias("mentions"), F.collect_set("uscc").alias("usccs"))
    groups = grouped.rdd.map(lambda r: (r["key"], r["mentions"], candidate_key(r["key"], r["usccs"])))
    spark = records.sparkSession
    groups_df = spark.createDataFrame(groups, "key string, mentions long, candidate string")
    groups_df.orderBy("key").write.mode("overwrite").parquet(f"{out}/groups")
    written = spark.read.parquet(f"{out}/groups").select("key", "candidate")
    first = mentions.select("id", F.col("keys")[0].alias("key"))
    cand = first.join(written, "key", "left").select("id", "candidate")
    keyed_out = mentions.join(cand, "id", "left").orderBy("order", "idx", "id")
    keyed_out.write.mode("overwrite").parquet(f"{out}/mentions")


def _remove(spark: SparkSession, uri: str) -> None:
    """Delete ``uri`` (recursively) through Hadoop's file system API."""
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    assert jvm is not None, "a SparkContext without a JVM gateway"
    path = jvm.org.apache.hadoop.fs.Path(uri)
    path.getFileSystem(conf).delete(path, True)


def _summary(spark: SparkSession, out: str, items: DataFrame) -> SparkSummary:
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
