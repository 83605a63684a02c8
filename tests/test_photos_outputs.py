"""What the pipeline publishes from what phones and editors write: upright pictures in sRGB
on white, at the declared sizes, within the size budgets, with no metadata at all.

One batch of generated photos is processed once for the module (the costly part: AVIF):
a phone's 4000×3000 JPEG stored turned (EXIF orientation 6) with GPS, a camera serial, XMP,
a comment and a Display P3 profile; a PNG with transparency; a CMYK JPEG; a JPEG in Adobe RGB.
"""

import io
import struct

import pytest
from PIL import Image, JpegImagePlugin

from officesite.photos.batch import process_photos
from officesite.photos.settings import FORMATS, OPEN_GRAPH_SIZE, WIDTHS
from photo_samples import (
    ADOBE_RGB_GAMMA,
    ADOBE_RGB_PRIMARIES,
    DISPLAY_P3_PRIMARIES,
    PRIVATE_TRACES,
    adobe_rgb_to_srgb,
    mark_top_left,
    natural_photo,
    phone_jpeg,
    rgb_icc_profile,
)

ADOBE_RGB = rgb_icc_profile("Adobe RGB (1998) test", ADOBE_RGB_PRIMARIES, gamma=ADOBE_RGB_GAMMA)
DISPLAY_P3 = rgb_icc_profile("Display P3 test", DISPLAY_P3_PRIMARIES)  # what iPhones embed
ADOBE_COLOURS = ((30, 200, 60), (100, 150, 100))  # a saturated green outside sRGB, a muted one
CMYK_PATCHES = {(255, 0, 0, 0): (0, 255, 255), (0, 255, 0, 0): (255, 0, 255), (0, 0, 255, 0): (255, 255, 0), (0, 0, 0, 255): (0, 0, 0), (0, 0, 0, 0): (255, 255, 255)}
# A typical phone photo's published files (issue 17): at most this many bytes by width.
BUDGET = {1600: 250 * 1024, 480: 80 * 1024}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    # Detail drawn at 2000 pixels and enlarged: a phone photo's 12 megapixels hold little more.
    upright = mark_top_left(natural_photo(2000, 1500).resize((4000, 3000), Image.Resampling.BICUBIC))
    phone_jpeg(folder / "phone.jpg", upright, orientation=6, icc_profile=DISPLAY_P3)
    picture = Image.new("RGBA", (1000, 750), (20, 90, 160, 255))
    picture.paste((0, 0, 0, 0), (0, 0, 500, 750))  # left half: fully transparent black
    picture.save(folder / "transparent.png")
    cmyk = Image.new("CMYK", (800, 600))
    for index, patch in enumerate(CMYK_PATCHES):
        cmyk.paste(patch, (index * 160, 0, index * 160 + 160, 600))
    cmyk.save(folder / "cmyk.jpg", quality=95)
    adobe = Image.new("RGB", (800, 600), ADOBE_COLOURS[0])
    adobe.paste(ADOBE_COLOURS[1], (400, 0, 800, 600))
    adobe.save(folder / "adobe-rgb.jpg", quality=95, icc_profile=ADOBE_RGB)
    sources = {name: folder / name for name in ("phone.jpg", "transparent.png", "cmyk.jpg", "adobe-rgb.jpg")}
    result = process_photos(sources.values(), tmp_path_factory.mktemp("cache"), workers=2)
    assert result.problems == [] and result.made == 4
    return {name: result.photos[path] for name, path in sources.items()}, sources, result


@pytest.fixture(scope="module")
def photos(batch):
    return batch[0]


def every_file(photos):
    return [variant for photo in photos.values() for variant in (*photo.variants, photo.open_graph)]


def opened(variant) -> Image.Image:
    image = Image.open(variant.file)
    image.load()
    return image


def test_each_format_is_published_at_each_width_up_to_the_source_width(photos):
    assert (photos["phone.jpg"].width, photos["phone.jpg"].height) == (4000, 3000)  # stored 3000×4000, turned
    for name, widths in (("phone.jpg", list(WIDTHS)), ("transparent.png", [480, 800]), ("cmyk.jpg", [480, 800])):
        for output in FORMATS:
            assert [variant.width for variant in photos[name].of_format(output)] == widths


def test_every_file_has_the_declared_format_size_and_bytes(photos):
    formats = {output.extension: output.pillow_name for output in FORMATS}
    for variant in every_file(photos):
        image = opened(variant)
        assert (image.format, image.size, variant.file.stat().st_size) == (formats[variant.format], (variant.width, variant.height), variant.size)
        assert image.mode == "RGB"


def test_a_phone_photo_stored_turned_is_published_upright(photos):
    # Stored 3000×4000 with orientation 6; the marker is in the top-left corner once upright.
    for output in FORMATS:
        for variant in photos["phone.jpg"].of_format(output):
            image = opened(variant).convert("RGB")
            assert variant.height == variant.width * 3 // 4
            assert is_red(image.getpixel((5, 5))), f"{variant.file.name}: top-left is not the marker"
            for corner in ((image.width - 5, 5), (5, image.height - 5), (image.width - 5, image.height - 5)):
                assert not is_red(image.getpixel(corner)), f"{variant.file.name}: marker at {corner}"


def is_red(pixel) -> bool:
    red, green, blue = pixel
    return red > 200 and green < 60 and blue < 60


def test_no_file_holds_exif_gps_xmp_a_comment_or_a_colour_profile(photos):
    for variant in every_file(photos):
        data = variant.file.read_bytes()
        image = opened(variant)
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(image.info), variant.file
        assert len(image.getexif()) == 0, variant.file
        assert [trace for trace in PRIVATE_TRACES if trace in data] == [], variant.file
        assert metadata_parts(variant.format, data) == [], variant.file


# The parts of a file that hold anything but the picture, read from its container.
def metadata_parts(extension: str, data: bytes) -> list[str]:
    if extension == "jpg":
        return [f"marker {marker:#x}" for marker in jpeg_markers(data) if 0xE1 <= marker <= 0xEF or marker == 0xFE]
    if extension == "webp":
        return [chunk for chunk in riff_chunks(data) if chunk not in ("VP8 ", "VP8L", "VP8X", "ALPH")]
    return [part for part in avif_parts(data) if part not in ("item av01", "colr nclx")]


# The markers of a JPEG's header segments, up to its first scan.
def jpeg_markers(data: bytes) -> list[int]:
    markers, at = [], 2
    while at < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the picture's data follows
            break
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
    return markers


def riff_chunks(data: bytes) -> list[str]:
    chunks, at = [], 12
    while at + 8 <= len(data):
        kind, size = data[at:at + 4].decode("latin-1"), struct.unpack("<I", data[at + 4:at + 8])[0]
        chunks.append(kind)
        if kind == "VP8X" and data[at + 8] & 0b00101100:  # flags: ICC profile, EXIF, XMP
            chunks.append("VP8X metadata flags")
        at += 8 + size + size % 2
    return chunks


# An AVIF's items (by type) and colour boxes (by kind), from its ISO-BMFF boxes.
def avif_parts(data: bytes) -> list[str]:
    parts = []

    def walk(start: int, end: int) -> None:
        at = start
        while at + 8 <= end:
            size, kind = struct.unpack(">I", data[at:at + 4])[0], data[at + 4:at + 8].decode("latin-1")
            size = size or end - at
            body = at + 8
            if kind == "meta":
                walk(body + 4, at + size)
            elif kind in ("iprp", "ipco"):
                walk(body, at + size)
            elif kind == "iinf":
                walk(body + 4 + (2 if data[body] == 0 else 4), at + size)
            elif kind == "infe":
                id_size = 2 if data[body] == 2 else 4
                parts.append("item " + data[body + 4 + id_size + 2:body + 4 + id_size + 6].decode("latin-1"))
            elif kind == "colr":
                parts.append("colr " + data[body:body + 4].decode("latin-1"))
            at += size

    walk(0, len(data))
    return parts


def test_the_container_checks_see_metadata_where_it_is(tmp_path):
    # The checks above are only worth something if they find metadata that is there.
    picture = Image.new("RGB", (64, 48), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0110] = "Model"
    for output in FORMATS:
        buffer = io.BytesIO()
        picture.save(buffer, output.pillow_name, exif=exif, icc_profile=ADOBE_RGB, xmp=b"<x:xmpmeta/>")
        assert metadata_parts(output.extension, buffer.getvalue()) != [], output.extension


def test_transparent_parts_are_laid_on_white_in_every_format(photos):
    for variant in photos["transparent.png"].variants:
        image = opened(variant)
        assert near(image.getpixel((variant.width // 4, variant.height // 2)), (255, 255, 255)), variant.file.name
        assert near(image.getpixel((variant.width * 3 // 4, variant.height // 2)), (20, 90, 160)), variant.file.name


def test_a_cmyk_jpeg_keeps_its_colours(photos):
    for variant in photos["cmyk.jpg"].variants:
        image = opened(variant)
        for index, expected in enumerate(CMYK_PATCHES.values()):
            x = round((index * 160 + 80) * variant.width / 800)
            assert near(image.getpixel((x, variant.height // 2)), expected), (variant.file.name, index)


def test_a_photo_in_adobe_rgb_is_converted_to_srgb(photos):
    for variant in photos["adobe-rgb.jpg"].variants:
        image = opened(variant)
        for x, colour in ((variant.width // 4, ADOBE_COLOURS[0]), (variant.width * 3 // 4, ADOBE_COLOURS[1])):
            assert near(image.getpixel((x, variant.height // 2)), adobe_rgb_to_srgb(colour)), (variant.file.name, colour)
    # the conversion is what changed them: read as sRGB they would be far from there
    assert not near(adobe_rgb_to_srgb(ADOBE_COLOURS[0]), ADOBE_COLOURS[0])


def near(pixel, expected, tolerance: int = 8) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, expected))


def test_the_open_graph_picture_fills_1200_by_630_or_the_largest_such_crop(photos):
    assert (photos["phone.jpg"].open_graph.width, photos["phone.jpg"].open_graph.height) == OPEN_GRAPH_SIZE
    assert (photos["cmyk.jpg"].open_graph.width, photos["cmyk.jpg"].open_graph.height) == (800, 420)
    cover = opened(photos["phone.jpg"].open_graph)
    assert cover.format == "JPEG" and not is_red(cover.getpixel((5, 5)))  # centred: the corner is cropped off


def test_jpegs_are_progressive_with_chroma_at_half_resolution(photos):
    for variant in every_file(photos):
        if variant.format == "jpg":
            image = opened(variant)
            assert image.info.get("progressive") and JpegImagePlugin.get_sampling(image) == 2, variant.file.name


def test_a_typical_phone_photo_is_within_the_budget_in_every_format(photos):
    sizes = {(variant.format, variant.width): variant.size for variant in photos["phone.jpg"].variants}
    over = {key: size for key, size in sizes.items() if key[1] in BUDGET and size > BUDGET[key[1]]}
    assert over == {}
    # AVIF, then WebP, are the smaller: the order of the <source>s is worth keeping
    assert sizes[("avif", 1600)] < sizes[("jpg", 1600)] and sizes[("webp", 1600)] < sizes[("jpg", 1600)]


def test_the_second_run_takes_every_photo_from_the_cache(batch, tmp_path):
    photos, sources, first = batch
    cache_dir = next(iter(photos.values())).variants[0].file.parents[3]
    times = {variant.file: variant.file.stat().st_mtime_ns for variant in every_file(photos)}
    again = process_photos(sources.values(), cache_dir, workers=2)
    assert (again.made, again.reused, again.problems) == (0, 4, [])
    assert {name: again.photos[path] for name, path in sources.items()} == photos
    assert {file: file.stat().st_mtime_ns for file in times} == times
