"""Reading a source photo, and refusing one the pipeline cannot publish well.

Every refusal is a PhotoError: the photo's path and one line "expected …, got …" that tells
the author what to do. The caller adds the post file and the field that named the photo.
"""

import codecs
import contextlib
import math
import os
import re
import struct
import warnings
import zlib
from pathlib import Path

from PIL import Image

from officesite.metadata.shown import printable
from officesite.photos.settings import MAX_FILE_BYTES, MAX_PIXELS, SOURCE_FORMATS, WIDTHS

ACCEPTED = "a JPEG, PNG or WebP photo"
# File signatures of pictures Pillow is not allowed to open here, to say what the file is.
# HEIC is what iPhones save by default; Pillow reads it only with a plugin this site leaves out.
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
OTHER_PICTURES = {
    b"GIF8": "a GIF picture (save it as PNG or JPEG)",
    b"BM": "a BMP picture (save it as PNG or JPEG)",
    b"II*\0": "a TIFF picture (save it as JPEG)",
    b"MM\0*": "a TIFF picture (save it as JPEG)",
    b"%PDF": "a PDF document (export the photo from it as JPEG)",
}
# Pillow's errors for files that are cut short or damaged once decoding starts.
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


class PhotoError(Exception):
    """A source photo that cannot be published: `path` and `problem` ("expected …, got …")."""

    def __init__(self, path, problem: str):
        super().__init__(f"{printable(str(path))}: {problem}")
        self.path = path
        self.problem = problem


# The file's status (size, time of change) after checking it is a file of an acceptable size.
def checked_file(path: Path) -> os.stat_result:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise PhotoError(path, "expected a photo file, got nothing at this path (check the file name and folder)") from None
    except OSError as error:
        raise PhotoError(path, f"expected a photo file that can be read, got an error: {printable(error.strerror or str(error))}") from None
    if not os.path.isfile(path):
        raise PhotoError(path, "expected a photo file, got a folder")
    if stat.st_size == 0:
        raise PhotoError(path, f"expected {ACCEPTED}, got an empty file")
    if stat.st_size > MAX_FILE_BYTES:
        raise PhotoError(path, f"expected a file of at most {megabytes(MAX_FILE_BYTES)}, got {megabytes(stat.st_size)} (export the photo smaller, or at a lower quality)")
    return stat


# A size in MB, rounded up to a tenth: a file just over the limit shows over it.
def megabytes(size: int) -> str:
    return f"{math.ceil(size / 1024 / 1024 * 10) / 10:g} MB"


# The photo opened lazily (header read, pixels not yet), after the checks that need only the
# header: an accepted format, at most MAX_PIXELS, at least the smallest published width once
# upright. Use as a context manager; the caller may draft() it, then load it with loaded().
@contextlib.contextmanager
def opened_photo(path: Path):
    with warnings.catch_warnings():
        # Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that: both are refusals here.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path, formats=SOURCE_FORMATS)
        except Image.UnidentifiedImageError:
            raise PhotoError(path, f"expected {ACCEPTED}, got {kind_of_file(path)}") from None
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise PhotoError(path, f"expected a picture of at most {MAX_PIXELS // 1_000_000} megapixels, got {bomb_size(error)} (save it at a smaller size)") from None
        except DECODING_ERRORS as error:
            raise PhotoError(path, f"expected {ACCEPTED}, got a damaged file ({pillow_message(error)})") from None
    with image:
        try:
            width, height = upright_size(image)  # a PNG's EXIF may follow its pixels: this reads them
        except DECODING_ERRORS as error:
            raise damaged(path, image, error) from None
        if width * height > MAX_PIXELS:  # still refused if some code switched Pillow's check off
            raise PhotoError(path, f"expected a picture of at most {MAX_PIXELS // 1_000_000} megapixels, got {width}×{height} (save it at a smaller size)")
        if width < WIDTHS[0]:
            raise PhotoError(path, f"expected a picture at least {WIDTHS[0]} pixels wide, got {width}×{height} (use the original photo, not a small copy)")
        yield image


# The picture's pixels, read; a file cut short or damaged is refused.
def loaded(image: Image.Image, path: Path) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except DECODING_ERRORS as error:
        raise damaged(path, image, error) from None
    return image


def damaged(path: Path, image: Image.Image, error: Exception) -> PhotoError:
    return PhotoError(path, f"expected a complete {image.format} file, got a damaged or cut-off one ({pillow_message(error)}); copy the photo again from the phone")


# Width and height as the photo is seen, its EXIF orientation applied (5–8 turn it a quarter).
def upright_size(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    orientation = image.getexif().get(0x0112)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


# What a file Pillow cannot open here is, from its first bytes.
def kind_of_file(path: Path) -> str:
    with open(path, "rb") as file:
        head = file.read(512)
    if head[4:8] == b"ftyp" and head[8:12] in HEIF_BRANDS:
        return "a HEIC/HEIF photo, which Pillow cannot read here (re-save it as JPEG; on an iPhone: Settings › Camera › Formats › Most Compatible)"
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return "an AVIF picture (save it as JPEG)"
    for signature, kind in OTHER_PICTURES.items():
        if head.startswith(signature):
            return kind
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)  # a character cut at byte 512 is fine
    except UnicodeDecodeError:
        return "a file that is not a picture"
    return "a text file" if b"\0" not in head else "a file that is not a picture"


# How large Pillow found a picture it refused: "N megapixels", from its message.
def bomb_size(error: Exception) -> str:
    match = re.search(r"Image size \((\d+) pixels\)", str(error))
    return f"{int(match.group(1)) // 1_000_000} megapixels" if match else "a larger one"


# Pillow's message on one line.
def pillow_message(error: Exception) -> str:
    return printable(str(error) or type(error).__name__)
