"""The importer's command line pieces: its own time from its log, class sharing for the JVMs (pure)."""

from __future__ import annotations

from pathlib import Path

from ipclue.dbms.managed import class_sharing, keep_archive
from ipclue.graph.bulk import importer_seconds


def test_importer_seconds_read_the_import_done_line() -> None:
    assert importer_seconds("Post processing COMPLETED in 2s 248ms\n\nIMPORT DONE in 23s 830ms. \n") == 23.83
    assert importer_seconds("IMPORT DONE in 1m 2s 5ms.") == 62.005
    assert importer_seconds("IMPORT DONE in 1h 0m 0s 830ms.") == 3600.83
    assert importer_seconds("Import failed") is None


def test_the_first_run_writes_the_class_archive_and_later_runs_map_it(tmp_path: Path) -> None:
    archive = tmp_path / "cds" / "x.jsa"
    flags, pending = class_sharing(archive)
    assert pending is not None and flags == [f"-XX:ArchiveClassesAtExit={pending}"]
    keep_archive(archive, pending)  # the JVM wrote nothing (it failed): no archive
    assert not archive.exists()
    pending.write_bytes(b"classes")
    keep_archive(archive, pending)
    assert archive.read_bytes() == b"classes" and not pending.exists()
    assert class_sharing(archive) == ([f"-XX:SharedArchiveFile={archive}"], None)
