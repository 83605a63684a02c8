"""The pixels of a published photo: upright, in sRGB, opaque, at the published sizes.

Browsers take untagged pictures as sRGB, so every output is converted to sRGB and carries no
profile. Transparency is laid on white in every format, AVIF and WebP included, rather than
kept where the format could: a browser picks any one of the formats, and all must show the
same picture; the site's dark and yellow-on-black display modes would show a transparent
picture's dark parts on black, where nobody sees them; and photos have no transparency to
keep (a transparent PNG is a graphic, and white is the page of the normal mode).
"""

import io
import math

from PIL import Image, ImageCms, ImageOps

from officesite.photos.settings import BACKGROUND, OPEN_GRAPH_SIZE, WIDTHS

SRGB = ImageCms.createProfile("sRGB")
# The colour space an embedded profile must describe for a picture mode.
PROFILE_SPACES = {"L": "GRAY", "RGB": "RGB", "RGBA": "RGB", "CMYK": "CMYK"}


# The published widths of a picture `width` pixels wide: never more than the picture has.
def published_widths(width: int) -> list[int]:
    return [published for published in WIDTHS if published <= width]


# The height of a published width, keeping the upright picture's proportions.
def height_at(width: int, upright_size: tuple[int, int]) -> int:
    return max(1, round(width * upright_size[1] / upright_size[0]))


# The smallest upright size the outputs need: the largest published width, and enough to
# crop the Open Graph picture without enlarging.
def needed_size(upright_size: tuple[int, int]) -> tuple[int, int]:
    width, height = upright_size
    scale = max(published_widths(width)[-1] / width, min(1.0, max(OPEN_GRAPH_SIZE[0] / width, OPEN_GRAPH_SIZE[1] / height)))
    return math.ceil(width * scale), math.ceil(height * scale)


# Ask a JPEG to decode at 1/2, 1/4 or 1/8 of its size when that still gives `upright_size`:
# a 12-megapixel photo then decodes four times faster, in a quarter of the memory.
def draft_for(image: Image.Image, upright_size: tuple[int, int], turned: bool) -> None:
    stored = tuple(reversed(upright_size)) if turned else upright_size
    image.draft(image.mode, stored)


# The picture turned as its EXIF orientation says.
def upright(image: Image.Image) -> Image.Image:
    return ImageOps.exif_transpose(image)


# The picture in 8-bit sRGB, RGB or RGBA, its embedded colour profile applied.
def in_srgb(image: Image.Image) -> Image.Image:
    profile = image.info.get("icc_profile")
    if image.mode == "I" or image.mode.startswith("I;16"):  # 16-bit PNG: keep the top 8 bits
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode not in PROFILE_SPACES:
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    if profile:
        image = from_profile(image, profile) or image
    return image if image.mode in ("RGB", "RGBA") else image.convert("RGB")


# The picture converted from its embedded ICC profile to sRGB, or None when the profile is
# unreadable or does not fit the picture: then it is read as sRGB, as browsers read it.
def from_profile(image: Image.Image, icc: bytes) -> Image.Image | None:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if profile.profile.xcolor_space.strip() != PROFILE_SPACES[image.mode]:
            return None
        return ImageCms.profileToProfile(
            image, profile, SRGB,
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
            outputMode="RGBA" if image.mode == "RGBA" else "RGB",
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return None


# An opaque RGB picture: transparent parts laid on BACKGROUND (see the module's comment).
def flattened(image: Image.Image) -> Image.Image:
    if image.mode != "RGBA":
        return image
    opaque = Image.new("RGB", image.size, BACKGROUND)
    opaque.paste(image, mask=image.getchannel("A"))
    return opaque


# The picture at width × height. Lanczos, after a box reduction to 3× the size when the
# picture is much larger (as good to the eye, several times faster).
def resized(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image.copy()
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


# The Open Graph picture: cropped to fill OPEN_GRAPH_SIZE, centred. Platforms show it
# full-bleed in a 1.91:1 frame, where letterbox bars look like a broken picture and shrink
# the subject; event photos mostly have it in the middle. A picture too small to fill the
# size gives the largest crop of the same proportions, never an enlargement.
def open_graph(image: Image.Image) -> Image.Image:
    width, height = OPEN_GRAPH_SIZE
    if image.width < width or image.height < height:
        scale = min(image.width / width, image.height / height)
        width, height = max(1, math.floor(width * scale)), max(1, math.floor(height * scale))
    return ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS, centering=(0.5, 0.5))
