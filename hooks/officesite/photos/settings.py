"""What the photo pipeline publishes, declared once: widths, formats, encoder settings and
the limits a source photo must meet. The cache key is derived from all of it."""

import functools
import hashlib
import json
from dataclasses import asdict, dataclass, field

import PIL
from PIL import Image, features

# Widths published (pixels), never more than the source's own: 480 fits a phone at 1×,
# 800 a phone at 2× or a card, 1200 and 1600 the article column on large and dense screens.
WIDTHS = (480, 800, 1200, 1600)
# The <img> fallback and its width/height attributes: the published width nearest this.
DEFAULT_WIDTH = 800
# Open Graph / Twitter card picture: the size the platforms recommend (1.91:1).
OPEN_GRAPH_SIZE = (1200, 630)
# A source photo file may be this large: a phone's 48-megapixel JPEG is about 15 MB.
MAX_FILE_BYTES = 30 * 1024 * 1024
# Pillow refuses larger pictures as decompression bombs; a 48-megapixel phone photo fits.
MAX_PIXELS = Image.MAX_IMAGE_PIXELS
# The formats Pillow may open ("JPEG" also opens the MPO JPEGs some phones write).
SOURCE_FORMATS = ("JPEG", "PNG", "WEBP")
# Transparent parts are laid on white: see pixels.flattened.
BACKGROUND = (255, 255, 255)


@dataclass(frozen=True)
class OutputFormat:
    """A published format: its name in file names and Pillow's, and its encoder settings."""

    extension: str
    pillow_name: str
    mime_type: str
    options: dict = field(default_factory=dict)


# Best first: a browser takes the first <source> it supports; JPEG is the <img> fallback.
# Settings chosen by eye and PSNR on a real photo with fine print and on generated phone
# photos (scripts/photo_bench.py, tests/test_photos_outputs.py; figures in the README): AVIF
# at 60 keeps about the detail of JPEG at 75 in 30–50% fewer bytes (at 50 it smears fine
# print); WebP at 75 likewise. AVIF at speed 8 encodes 4× faster than 6 for 1% more bytes;
# WebP method 4 is cwebp's default (6 costs 3× the time for 5%). JPEG: progressive (an
# outline shows early on a slow network), optimised Huffman tables, chroma at half
# resolution (4:2:0), as photos allow.
AVIF = OutputFormat("avif", "AVIF", "image/avif", {"quality": 60, "speed": 8, "subsampling": "4:2:0"})
WEBP = OutputFormat("webp", "WEBP", "image/webp", {"quality": 75, "method": 4})
JPEG = OutputFormat("jpg", "JPEG", "image/jpeg", {"quality": 75, "progressive": True, "optimize": True, "subsampling": "4:2:0"})
FORMATS = (AVIF, WEBP, JPEG)
FALLBACK = JPEG
OPEN_GRAPH_FORMAT = JPEG

# Raise when the code changes what it makes from the same source and settings.
PIPELINE_VERSION = 1


# The settings as data, with the versions of Pillow and its codecs: a change of any of them
# changes what is made, so it changes the cache key.
def settings_record() -> dict:
    return {
        "pipeline": PIPELINE_VERSION,
        "widths": WIDTHS,
        "default_width": DEFAULT_WIDTH,
        "open_graph": OPEN_GRAPH_SIZE,
        "background": BACKGROUND,
        "formats": [asdict(output) for output in FORMATS],
        "pillow": PIL.__version__,
        "codecs": {name: features.version(name) for name in ("avif", "webp", "jpg")},
    }


# A short key naming the settings: the cache keeps one folder per key. Asked for every
# photo of every build, it never changes while the process runs.
@functools.cache
def settings_key() -> str:
    record = json.dumps(settings_record(), sort_keys=True)
    return hashlib.sha256(record.encode()).hexdigest()[:12]
