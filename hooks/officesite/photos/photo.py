"""A processed photo as the rest of the site sees it: its published variants in the cache."""

from dataclasses import dataclass
from pathlib import Path

from officesite.photos.settings import OutputFormat


@dataclass(frozen=True)
class Variant:
    """One published file: a format at a width, and where it lies in the cache."""

    format: str  # OutputFormat.extension: "avif", "webp", "jpg"
    width: int
    height: int
    file: Path
    size: int  # bytes


@dataclass(frozen=True)
class Photo:
    """A source photo's outputs: every format at every published width, and its Open Graph crop."""

    digest: str  # SHA-256 of the source file's content
    width: int  # the upright source picture's size
    height: int
    variants: tuple[Variant, ...]  # by format (FORMATS' order), then width, ascending
    open_graph: Variant

    # The variants of one format, narrowest first.
    def of_format(self, output: OutputFormat) -> list[Variant]:
        return [variant for variant in self.variants if variant.format == output.extension]

    # The picture's proportions, width / height, as the source has them.
    @property
    def aspect_ratio(self) -> float:
        return self.width / self.height


# The photo a cache entry's manifest describes, its file names made paths in `folder`.
def photo_from_manifest(manifest: dict, folder: Path) -> Photo:
    def variant(record):
        return Variant(record["format"], record["width"], record["height"], folder / record["file"], record["size"])
    variants = tuple(variant(record) for record in manifest["variants"])
    return Photo(manifest["digest"], manifest["width"], manifest["height"], variants, variant(manifest["open_graph"]))
