"""One photo, from its source file to its cache entry: what a worker process does."""

from pathlib import Path

from officesite.photos.cache import store_entry
from officesite.photos.encode import encoded
from officesite.photos.pixels import draft_for, flattened, height_at, in_srgb, needed_size, open_graph, published_widths, resized, upright
from officesite.photos.settings import FORMATS, OPEN_GRAPH_FORMAT, OutputFormat
from officesite.photos.source import loaded, opened_photo, upright_size

OPEN_GRAPH_FILE = "open-graph"


# Read, check and process the photo at `source`; store every output in the entry `folder`.
# Raises PhotoError for a photo that cannot be published.
def make_entry(source: Path, folder: Path, digest: str, threads: int = 1) -> None:
    with opened_photo(source) as image:
        size = upright_size(image)
        draft_for(image, needed_size(size), turned=size != image.size)
        picture = flattened(in_srgb(upright(loaded(image, source))))
    pictures = {width: resized(picture, (width, height_at(width, size))) for width in published_widths(size[0])}
    files, variants = {}, []
    for output in FORMATS:  # listed by format, then width
        for width, smaller in pictures.items():
            variants.append(_stored(files, f"{width}.{output.extension}", smaller, output, threads))
    card = _stored(files, f"{OPEN_GRAPH_FILE}.{OPEN_GRAPH_FORMAT.extension}", open_graph(picture), OPEN_GRAPH_FORMAT, threads)
    store_entry(folder, files, {"digest": digest, "width": size[0], "height": size[1], "variants": variants, "open_graph": card})


# Encode a picture into files[name]; its record in the manifest.
def _stored(files: dict, name: str, picture, output: OutputFormat, threads: int) -> dict:
    files[name] = encoded(picture, output, threads)
    return {"format": output.extension, "width": picture.width, "height": picture.height, "file": name, "size": len(files[name])}
