"""Many photos at once: each source checked and hashed, cached entries read, and the new
ones made in parallel, one worker process per core.

Of a new photo's CPU time (1.7 s for 12 megapixels) half is the AVIF encoder, the only step
that can use threads: one process per core keeps every core busy for the whole photo, where
one process with a threaded AVIF encoder would use a second core half the time. Processes
rather than threads, so no step depends on Pillow releasing the GIL. On the shared 2-core
machine the three ways measured within the ±50 % that runs varied (README, "News photos").
Workers are forked: "spawn" and "forkserver" import the caller's main module again in each
worker, which runs a script without a main guard a second time; a worker only uses Pillow
and files, none of the state that forking a process with threads could leave locked.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from officesite.photos.cache import SourceDigests, cached_photo, entry_folder
from officesite.photos.job import make_entry
from officesite.photos.photo import Photo
from officesite.photos.source import PhotoError, checked_file


@dataclass
class PhotoBatch:
    """What process_photos found: photos by source path as given, and one error per bad file."""

    photos: dict[Path, Photo] = field(default_factory=dict)
    problems: list[PhotoError] = field(default_factory=list)
    made: int = 0  # new photos processed in this call (files of the same content count once)
    reused: int = 0  # sources whose photo was in the cache already


# The photos at `sources`, processed into the cache under `cache_dir` when not there yet.
# `workers`: processes for new photos (default: one per core available).
def process_photos(sources, cache_dir: Path, workers: int | None = None) -> PhotoBatch:
    batch, digests = PhotoBatch(), SourceDigests(cache_dir)
    digest_of: dict[Path, str] = {}
    for source in dict.fromkeys(Path(source) for source in sources):
        try:
            digest_of[source] = digests.digest(source, checked_file(source))
        except PhotoError as error:
            batch.problems.append(error)
    digests.save()
    new: dict[str, Path] = {}  # digest -> the first source of that content
    for source, digest in digest_of.items():
        photo = cached_photo(entry_folder(cache_dir, digest))
        if photo is None:
            new.setdefault(digest, source)
        else:
            batch.photos[source] = photo
            batch.reused += 1
    problems = make_entries(new, cache_dir, workers)
    batch.made = len(new) - len(problems)
    for source, digest in digest_of.items():
        if digest in problems:
            batch.problems.append(PhotoError(source, problems[digest]))
        elif source not in batch.photos:
            batch.photos[source] = cached_photo(entry_folder(cache_dir, digest))
    return batch


# Make the entries of new photos ({digest: source}); return their problems by digest.
def make_entries(new: dict[str, Path], cache_dir: Path, workers: int | None) -> dict[str, str]:
    if not new:
        return {}
    cores = len(os.sched_getaffinity(0))
    workers = max(1, min(workers or cores, len(new)))
    threads = max(1, cores // workers)
    jobs = [(source, entry_folder(cache_dir, digest), digest, threads) for digest, source in new.items()]
    if workers == 1:
        outcomes = list(map(_make_entry, jobs))
    else:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            outcomes = list(pool.map(_make_entry, jobs))
    return {digest: problem for digest, problem in zip(new, outcomes) if problem}


# A worker's job: an entry made (None), or the problem that refused its photo.
def _make_entry(job) -> str | None:
    try:
        make_entry(*job)
    except PhotoError as error:
        return error.problem
    return None
