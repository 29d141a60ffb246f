"""Extraction at scale: the same extractors inside a PySpark job (``ipclue extract --engine spark``).

- ``files``: one input file → its items (records and rejections), in the worker, with the keys that
  the run-wide deduplication needs; the same code path as ``extractors.dispatch``.
- ``keys``: blocking keys per mention (USCC, organisation name key, lawyer name + firm) and the
  candidate party key of a group.
- ``job``: the Spark job (read, extract, deduplicate as the local path does, key and group, write
  Parquet partitioned by record kind, the quarantine dataset and the mention keys).
- ``parquet``: reading that output back (``ipclue ingest OUT``) without Spark.
"""
