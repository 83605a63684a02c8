"""The pixel steps on their own, for the inputs the output tests do not make: every EXIF
turn, grey and 16-bit and palette pictures, broken or mismatched colour profiles, panoramas."""

import io

import pytest
from PIL import Image

from officesite.photos.pixels import flattened, in_srgb, needed_size, open_graph, published_widths, upright
from photo_samples import ADOBE_RGB_PRIMARIES, mark_top_left, rgb_icc_profile, stored_for_orientation


@pytest.mark.parametrize("orientation", [1, 3, 6, 8])
def test_every_exif_turn_gives_the_upright_picture(orientation):
    upright_picture = mark_top_left(Image.new("RGB", (120, 90), (0, 128, 0)))
    stored = stored_for_orientation(upright_picture, orientation)
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    stored.save(buffer, "PNG", exif=exif)
    turned = upright(Image.open(buffer))
    assert turned.size == (120, 90) and turned.getpixel((2, 2)) == (255, 0, 0) and turned.getpixel((117, 87)) == (0, 128, 0)


def test_a_16_bit_grey_png_keeps_its_tones():
    grey = Image.new("I;16", (4, 1))
    for x, value in enumerate((0, 16384, 32768, 65535)):
        grey.putpixel((x, 0), value)
    assert [in_srgb(grey).getpixel((x, 0)) for x in range(4)] == [(0, 0, 0), (64, 64, 64), (128, 128, 128), (255, 255, 255)]


def test_a_palette_png_with_a_transparent_colour_is_laid_on_white():
    palette = Image.new("P", (2, 1))
    palette.putpalette([0, 0, 0, 200, 30, 30])
    palette.putpixel((1, 0), 1)
    palette.info["transparency"] = 0
    opaque = flattened(in_srgb(palette))
    assert [opaque.getpixel((x, 0)) for x in range(2)] == [(255, 255, 255), (200, 30, 30)]


def test_half_transparent_pixels_are_blended_with_white():
    assert flattened(Image.new("RGBA", (1, 1), (0, 0, 0, 128))).getpixel((0, 0)) == (127, 127, 127)


def test_a_grey_jpeg_becomes_rgb():
    assert in_srgb(Image.new("L", (1, 1), 90)).getpixel((0, 0)) == (90, 90, 90)


@pytest.mark.parametrize("profile", [b"not a profile", rgb_icc_profile("Adobe RGB on a grey picture", ADOBE_RGB_PRIMARIES)])
def test_a_broken_or_mismatched_profile_is_read_as_srgb_as_browsers_do(profile):
    grey = Image.new("L", (1, 1), 90)
    grey.info["icc_profile"] = profile
    assert in_srgb(grey).getpixel((0, 0)) == (90, 90, 90)


def test_widths_stop_at_the_source_width():
    assert published_widths(4000) == [480, 800, 1200, 1600]
    assert published_widths(1200) == [480, 800, 1200]
    assert published_widths(1199) == [480, 800]


@pytest.mark.parametrize(("upright_size", "needed"), [
    ((4000, 3000), (1600, 1200)),  # the largest width decides
    ((3000, 4000), (1600, 2134)),
    ((8000, 2000), (2520, 630)),  # a panorama: the Open Graph crop needs 630 pixels of height
    ((900, 600), (900, 600)),  # smaller than every need: all of it
])
def test_a_jpeg_is_decoded_only_as_large_as_the_outputs_need(upright_size, needed):
    assert needed_size(upright_size) == needed


@pytest.mark.parametrize(("size", "crop"), [((2000, 1500), (1200, 630)), ((1500, 2000), (1200, 630)), ((1000, 750), (1000, 525)), ((600, 1000), (600, 315))])
def test_the_open_graph_picture_is_a_centred_crop_never_enlarged(size, crop):
    rows = Image.linear_gradient("L").resize(size)  # each row's value tells where it was
    cover = open_graph(rows)
    assert cover.size == crop
    kept = size[0] * crop[1] / crop[0]  # the source rows the crop keeps, centred
    top, bottom = (size[1] - kept) / 2, (size[1] + kept) / 2
    assert abs(cover.getpixel((0, 0)) - 255 * top / size[1]) <= 3
    assert abs(cover.getpixel((0, crop[1] - 1)) - 255 * bottom / size[1]) <= 3
