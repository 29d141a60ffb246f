"""Upload files and ingest them in the background; poll the job for progress and the report."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, Request, UploadFile

from ipclue.api.auth import Caller
from ipclue.api.deps import AuditDep, SettingsDep
from ipclue.api.jobs import Job, Jobs, safe_name
from ipclue.api.routing import ApiRoute
from ipclue.api.schemas import JobCreated, JobOut
from ipclue.errors import InvalidInput, NotFound

router = APIRouter(route_class=ApiRoute, tags=["jobs"])
MAX_FILES = 100
CHUNK = 1 << 20


def _jobs(request: Request) -> Jobs:
    jobs: Jobs = request.app.state.jobs
    return jobs


@router.post("/jobs", response_model=JobCreated, status_code=202)
def create_job(
    request: Request,
    files: Annotated[list[UploadFile], File(description="files to ingest")],
    who: Caller,
    settings: SettingsDep,
    audit: AuditDep,
) -> JobCreated:
    if not files or len(files) > MAX_FILES:
        raise InvalidInput(f"send between 1 and {MAX_FILES} files")
    names = _unique([safe_name(f.filename, i) for i, f in enumerate(files)])
    jobs = _jobs(request)
    job = jobs.create(who.name, names)
    _save(jobs, job, files, settings.max_upload_bytes)
    audit("create-job", job.id, files=names)
    jobs.start(job)
    return JobCreated(id=job.id)


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{seen[name]}-{name}")
    return out


def _save(jobs: Jobs, job: Job, files: list[UploadFile], budget: int) -> None:
    folder = jobs.folder(job.id)
    folder.mkdir(parents=True, exist_ok=True)
    for upload, name in zip(files, job.files, strict=True):
        with (folder / name).open("wb") as out:
            while chunk := upload.file.read(CHUNK):
                budget -= len(chunk)
                if budget < 0:
                    out.close()
                    jobs.discard(job)  # no partial file is left behind
                    raise InvalidInput("the upload is larger than the configured limit", status=413)
                out.write(chunk)


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(
    request: Request, job_id: Annotated[str, Path(pattern=r"^job-[0-9a-f]{16}$")], who: Caller
) -> JobOut:
    """A job of the caller's (an admin sees every job; anyone else's is 404, as if it did not exist)."""
    job = _jobs(request).get(job_id)
    if job.owner != who.name and who.role != "admin":
        raise NotFound(f"no job {job_id!r}")
    return JobOut(**job.view())
