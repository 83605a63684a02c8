"""One photo, from its source file to its cache entry: what a worker process does."""

from pathlib import Path

from officesite.photos.cache import store_entry
from officesite.photos.encode import encoded
from officesite.photos.pixels import draft_for, flattened, height_at, in_srgb, needed_size, open_graph, published_widths, resized, upright
from officesite.photos.settings import FORMATS, OPEN_GRAPH_FORMAT
from officesite.photos.source import loaded, opened_photo, upright_size

OPEN_GRAPH_FILE = "open-graph"


# Read, check and process the photo at `source`; store every output in the entry `folder`.
# Raises PhotoError for a photo that cannot be published.
def make_entry(source: Path, folder: Path, digest: str, threads: int = 1) -> None:
    with opened_photo(source) as image:
        size = upright_size(image)
        draft_for(image, needed_size(size), turned=size != image.size)
        picture = flattened(in_srgb(upright(loaded(image, source))))
    files, variants = {}, []
    for width in published_widths(size[0]):
        smaller = resized(picture, (width, height_at(width, size)))
        for output in FORMATS:
            files[f"{width}.{output.extension}"] = encoded(smaller, output, threads)
    for output in FORMATS:  # listed by format, then width
        for width in published_widths(size[0]):
            name = f"{width}.{output.extension}"
            variants.append({"format": output.extension, "width": width, "height": height_at(width, size), "file": name, "size": len(files[name])})
    cover = open_graph(picture)
    name = f"{OPEN_GRAPH_FILE}.{OPEN_GRAPH_FORMAT.extension}"
    files[name] = encoded(cover, OPEN_GRAPH_FORMAT)
    card = {"format": OPEN_GRAPH_FORMAT.extension, "width": cover.width, "height": cover.height, "file": name, "size": len(files[name])}
    store_entry(folder, files, {"digest": digest, "width": size[0], "height": size[1], "variants": variants, "open_graph": card})
