"""A picture as the bytes of a published file, with nothing in it but the picture.

Pillow writes metadata it finds in `image.info` (JPEG: the comment; AVIF: the ICC profile),
and what it is given: here it is given nothing, and the picture's info is emptied first.
What a camera writes (EXIF with GPS position and serial numbers, XMP, IPTC, comments) is
private under the PDPA; the tests read every output back to check none of it is left.
"""

import io

from PIL import Image

from officesite.photos.settings import AVIF, OutputFormat


# The picture encoded in `output` with its settings; `threads` for the AVIF encoder.
def encoded(image: Image.Image, output: OutputFormat, threads: int = 1) -> bytes:
    bare = image.copy()
    bare.info = {}
    options = dict(output.options)
    if output is AVIF:
        options["max_threads"] = threads
    buffer = io.BytesIO()
    bare.save(buffer, output.pillow_name, **options)
    return buffer.getvalue()
