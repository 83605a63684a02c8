"""The cache of processed photos, outside site/: an unchanged photo costs nothing next build.

    .cache/photos/
      sources.json               path -> [size, mtime_ns, sha256]: a photo whose size and
                                 time of change are unchanged is not read again to hash it
      <settings key>/            one folder per settings (settings.settings_key())
        <sha[:2]>/<sha>/         one entry per source content, wherever the file lies
          photo.json             the manifest: sizes and files (photo.photo_from_manifest)
          480.avif 480.webp 480.jpg … 1600.jpg open-graph.jpg

An entry is written in a temporary folder and renamed into place when complete, so a build
that stops halfway, or two builds at once, never leave half an entry. Changing a setting, or
Pillow, changes the key: the old folder is then unused, and prune_cache() deletes it.
"""

import hashlib
import json
import os
import shutil
import time
from pathlib import Path

from officesite.photos.photo import Photo, photo_from_manifest
from officesite.photos.settings import settings_key

MANIFEST = "photo.json"
SOURCES = "sources.json"
TEMPORARY = ".tmp-"
# An entry being stored is a temporary folder younger than this; an older one is a stopped
# build's leftover. Every build prunes: it must not delete what another build is storing.
LEFTOVER_SECONDS = 3600


# The folder of the entry for a source of this content, with the current settings.
def entry_folder(cache_dir: Path, digest: str) -> Path:
    return Path(cache_dir) / settings_key() / digest[:2] / digest


# The photo cached in `folder`, or None when there is none (or it lost a file).
def cached_photo(folder: Path) -> Photo | None:
    try:
        present = set(os.listdir(folder))
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    photo = photo_from_manifest(manifest, folder)
    if not all(variant.file.name in present for variant in (*photo.variants, photo.open_graph)):
        return None
    return photo


# Store an entry's files and manifest in `folder`, whole or not at all.
def store_entry(folder: Path, files: dict[str, bytes], manifest: dict) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = folder.parent / f"{TEMPORARY}{folder.name}-{os.getpid()}"
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    try:
        for name, data in files.items():
            (temporary / name).write_bytes(data)
        (temporary / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    shutil.rmtree(folder, ignore_errors=True)  # an entry that lost a file
    try:
        os.rename(temporary, folder)
    except OSError:  # another build stored the same entry meanwhile
        shutil.rmtree(temporary, ignore_errors=True)


class SourceDigests:
    """SHA-256 of source files, remembered by path, size and time of change between builds."""

    def __init__(self, cache_dir: Path):
        self.file = Path(cache_dir) / SOURCES
        try:
            self.known = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    # The digest of the file at `path` whose status is `stat`.
    def digest(self, path: Path, stat: os.stat_result) -> str:
        key = os.path.abspath(path)
        known = self.known.get(key)
        if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
            return known[2]
        with open(path, "rb") as file:
            digest = hashlib.file_digest(file, "sha256").hexdigest()
        self.known[key] = [stat.st_size, stat.st_mtime_ns, digest]
        self.changed = True
        return digest

    def save(self) -> None:
        if not self.changed:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_name(f"{TEMPORARY}{SOURCES}-{os.getpid()}")
        temporary.write_text(json.dumps(self.known), encoding="utf-8")
        os.replace(temporary, self.file)
        self.changed = False


# Delete what the current settings no longer use: other settings' folders, leftovers of
# stopped builds and, given the digests of the photos in use, every other entry.
def prune_cache(cache_dir: Path, digests_in_use: set[str] | None = None, now: float | None = None) -> int:
    cache_dir, removed = Path(cache_dir), 0
    if not cache_dir.is_dir():
        return 0
    current = cache_dir / settings_key()
    for folder in cache_dir.iterdir():
        if folder.is_dir() and folder != current:
            shutil.rmtree(folder)
            removed += 1
    now = time.time() if now is None else now
    for folder in current.glob("*/*") if current.is_dir() else ():
        if folder.name.startswith(TEMPORARY):
            unused = now - folder.stat().st_mtime > LEFTOVER_SECONDS
        else:
            unused = digests_in_use is not None and folder.name not in digests_in_use
        if unused:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
