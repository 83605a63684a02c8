"""Published photos: their files' URLs in the site, and the files linked there from the cache.

Only the variants are published, never the source. A file's name holds a token of the
source's content and the settings, so a changed photo or setting gets new URLs: the files
can be served as immutable. The URLs are paths from the site's root, percent-encoded as
the news module writes them; templates pass them through MkDocs' `url` filter.
"""

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from officesite.photos.photo import Photo
from officesite.photos.settings import FALLBACK, FORMATS, OPEN_GRAPH_FORMAT, settings_key

# A name is part of a file name and of a srcset: no spaces, commas or slashes.
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class PublishedFile:
    """A variant as the site serves it."""

    url: str  # from the site's root, percent-encoded: "news/2026/clean-river-day/cover-1a2b3c4d5e-800.avif"
    width: int
    height: int
    mime_type: str
    cache_file: Path
    size: int  # bytes: a feed's enclosure gives it


@dataclass(frozen=True)
class PublishedPhoto:
    """A photo's published files: by MIME type in FORMATS' order (best first), narrowest first."""

    width: int  # the source picture's upright size: its intrinsic aspect ratio
    height: int
    sources: dict[str, tuple[PublishedFile, ...]]
    open_graph: PublishedFile

    @property
    def aspect_ratio(self) -> float:
        return self.width / self.height

    # The widest file of the fallback format (JPEG): what a link to the large photo opens.
    @property
    def largest(self) -> PublishedFile:
        return self.sources[FALLBACK.mime_type][-1]

    # Every file to publish, the Open Graph picture last.
    def files(self, open_graph: bool = True) -> list[PublishedFile]:
        every = [file for files in self.sources.values() for file in files]
        return every + [self.open_graph] if open_graph else every


# Where a photo's files are published: in `folder` (a path from the site's root), named
# `<name>-<token>-<width>.<extension>` and `<name>-<token>-open-graph.jpg`.
def published_photo(photo: Photo, folder: str, name: str) -> PublishedPhoto:
    if not NAME.fullmatch(name):
        raise ValueError(f"expected a file name of letters, digits, '-' and '_', got {name!r}")
    token = hashlib.sha256(f"{settings_key()}/{photo.digest}".encode()).hexdigest()[:10]
    prefix = f"{folder.strip('/')}/{name}-{token}" if folder.strip("/") else f"{name}-{token}"

    def published(variant, label: str, mime_type: str) -> PublishedFile:
        return PublishedFile(quote(f"{prefix}-{label}.{variant.format}", safe="/"), variant.width, variant.height, mime_type, variant.file, variant.size)

    sources = {output.mime_type: tuple(published(v, str(v.width), output.mime_type) for v in photo.of_format(output)) for output in FORMATS}
    return PublishedPhoto(photo.width, photo.height, sources, published(photo.open_graph, "open-graph", OPEN_GRAPH_FORMAT.mime_type))


# Put a published photo's files into the built site: hard links to the cache (no copy, no
# disk), or copies where the site lies on another file system. Returns the number of files.
def publish(photo: PublishedPhoto, site_dir: Path, open_graph: bool = True) -> int:
    files = photo.files(open_graph)
    for file in files:
        target = Path(site_dir) / unquote(file.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(file.cache_file, target)
        except OSError:
            shutil.copyfile(file.cache_file, target)
    return len(files)
