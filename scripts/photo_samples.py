"""Photos made with Pillow for tests and benchmarks: the project ships no real photos.

natural_photo() draws what a phone photo of an office event looks like to an encoder: a sky
and ground in gradients, soft light and colour at several scales, people and buildings as
shapes with blurred and sharp edges, a banner with text, and sensor grain. The files a phone
writes are made from it: EXIF with an orientation, GPS and a camera serial, XMP, a comment,
an embedded colour profile, CMYK, transparency, broken and hostile files.
"""

import io
import random
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

# Traces that must never reach a published file: each sample carries them (see phone_exif).
CAMERA_SERIAL = "SN-PRIVATE-4711"
CAMERA_MODEL = "Phone Camera Test Model"
OWNER_NAME = "Somchai Private Owner"
JPEG_COMMENT = b"private comment from the camera"
XMP_PACKET = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Artist="XMP Private Artist"/>'
    "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
).encode()
IPTC_BYLINE = b"IPTC Private Byline"
PRIVATE_TRACES = (CAMERA_SERIAL.encode(), CAMERA_MODEL.encode(), OWNER_NAME.encode(), JPEG_COMMENT, b"XMP Private Artist", b"xmpmeta", IPTC_BYLINE)


# A picture that compresses like a phone's photo of an outdoor office event, at width × height.
def natural_photo(width: int, height: int, seed: int = 1) -> Image.Image:
    rng = random.Random(seed)
    horizon = height * 2 // 5
    sky = Image.linear_gradient("L").resize((width, horizon))
    photo = Image.new("RGB", (width, height), (96, 118, 62))
    photo.paste(Image.merge("RGB", [sky.point(lambda v: 120 + v // 2), sky.point(lambda v: 160 + v // 3), sky.point(lambda v: 225 + v // 10)]))
    # light that changes slowly across the frame (clouds, shade) and texture (grass, leaves)
    texture = Image.blend(_noise((width, height), 48), _noise((width, height), 6), 0.45)
    photo = Image.blend(photo, ImageChops.overlay(photo, texture.convert("RGB")), 0.6)
    tint = Image.merge("RGB", [_noise((width, height), 80) for _ in range(3)])
    photo = Image.blend(photo, ImageChops.overlay(photo, tint), 0.2)
    draw = ImageDraw.Draw(photo)
    unit = width / 100
    for _ in range(8):  # buildings, tents
        left, top = rng.uniform(0, 90) * unit, rng.uniform(15, 38) * height / 100
        draw.rectangle((left, top, left + rng.uniform(5, 25) * unit, height * 0.62), fill=_colour(rng), outline=_colour(rng), width=max(1, int(unit / 4)))
    for _ in range(25):  # people: a body and a head
        x, y, size = rng.uniform(0, 100) * unit, rng.uniform(55, 90) * height / 100, rng.uniform(2, 5) * unit
        draw.rectangle((x - size / 2, y, x + size / 2, y + size * 2.5), fill=_colour(rng))
        draw.ellipse((x - size / 3, y - size * 0.8, x + size / 3, y - size * 0.05), fill=(200, 160, 130))
    banner = (10 * unit, 5 * height / 100, 90 * unit, 14 * height / 100)
    draw.rectangle(banner, fill=(20, 60, 140))
    draw.text((banner[0] + unit, banner[1] + unit), "Clean river day 2569 - Regional Environment Office 13", fill="white", font_size=max(10, int(3 * unit)))
    # A lens is never perfectly sharp; a 12-megapixel sensor's noise, averaged down when the
    # photo is made smaller than 4000 pixels wide, as when a phone's photo is resized.
    photo = photo.filter(ImageFilter.BoxBlur(radius=max(1, width // 2000)))
    grain = Image.effect_noise((width, height), max(2.0, 10 * min(1.0, width / 4000))).convert("RGB")
    return ImageChops.add(photo, grain, scale=1.0, offset=-128)


# Smooth grey noise around mid-grey whose features are about `scale` pixels wide.
def _noise(size: tuple[int, int], scale: int) -> Image.Image:
    small = (max(2, size[0] // scale), max(2, size[1] // scale))
    return Image.effect_noise(small, 40).resize(size, Image.Resampling.BICUBIC)


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(30, 230), rng.randrange(30, 230), rng.randrange(30, 230))


# A marker in the top-left corner of an upright picture: a red square on a corner a test can find.
def mark_top_left(image: Image.Image) -> Image.Image:
    marked = image.copy()
    side = max(8, min(image.size) // 8)
    ImageDraw.Draw(marked).rectangle((0, 0, side, side), fill=(255, 0, 0))
    return marked


# What a phone writes in EXIF: camera, serial, owner, date, orientation and GPS coordinates.
def phone_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0110] = CAMERA_MODEL  # Model
    exif[0x013B] = OWNER_NAME  # Artist
    exif[0x0132] = "2026:01:15 09:30:12"  # DateTime
    exif[0x0112] = orientation  # Orientation
    exif.get_ifd(0x8769)[0xA431] = CAMERA_SERIAL  # Exif IFD: BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (13.0, 21.0, 38.5)  # Chonburi, as a phone records it
    gps[3], gps[4] = "E", (100.0, 58.0, 49.2)
    return exif


# A picture as a phone stores it with an EXIF `orientation`: orientation 6 tells a viewer to
# turn the stored picture 90° clockwise, so the stored one is the upright one turned 90°
# counter-clockwise (8: the other way, 3: upside down).
def stored_for_orientation(upright: Image.Image, orientation: int) -> Image.Image:
    undo = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}[orientation]
    return upright if undo is None else upright.transpose(undo)


# A phone's JPEG: the upright picture stored turned, with EXIF (GPS, serial), XMP, IPTC, a
# comment and, if given, a colour profile.
def phone_jpeg(path: Path, upright: Image.Image, orientation: int = 6, quality: int = 92, icc_profile: bytes = b"") -> Path:
    stored = stored_for_orientation(upright, orientation)
    data = encoded(stored, "JPEG", quality=quality, exif=phone_exif(orientation), xmp=XMP_PACKET, comment=JPEG_COMMENT, icc_profile=icc_profile)
    path.write_bytes(data[:2] + iptc_segment(IPTC_BYLINE) + data[2:])
    return path


# A JPEG APP13 segment as Photoshop writes IPTC: a resource 0x0404 holding a By-line (2:80).
# Pillow reads IPTC but cannot write it.
def iptc_segment(byline: bytes) -> bytes:
    record = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(record)) + record + bytes(len(record) % 2)
    body = b"Photoshop 3.0\0" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


# An ICC profile of an RGB space given by its primaries and white (CIE xy) and one gamma:
# ImageCms only creates sRGB, LAB and XYZ profiles, so tests build others byte by byte (ICC v2,
# matrix/TRC: desc, wtpt, rXYZ gXYZ bXYZ, rTRC gTRC bTRC, cprt).
def rgb_icc_profile(name: str, primaries, white=(0.3127, 0.3290), gamma: float = 2.2) -> bytes:
    to_xyz = _rgb_to_xyz_d50(primaries, white)
    def xyz(values):
        return b"XYZ " + bytes(4) + b"".join(struct.pack(">i", round(v * 65536)) for v in values)
    curve = b"curv" + bytes(4) + struct.pack(">IH", 1, round(gamma * 256)) + bytes(2)
    desc_text = name.encode("ascii") + b"\0"
    desc = b"desc" + bytes(4) + struct.pack(">I", len(desc_text)) + desc_text + bytes(4 + 4 + 2 + 1 + 67)
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
        (b"rXYZ", xyz([row[0] for row in to_xyz])),
        (b"gXYZ", xyz([row[1] for row in to_xyz])),
        (b"bXYZ", xyz([row[2] for row in to_xyz])),
        (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve),
        (b"cprt", b"text" + bytes(4) + b"No copyright, test profile\0"),
    ]
    table_size = 4 + 12 * len(tags)
    offset, table, data = 128 + table_size, struct.pack(">I", len(tags)), b""
    for signature, body in tags:
        body += bytes(-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = 128 + table_size + len(data)
    # size, CMM, version 2.1, display class, RGB data, XYZ connection space, date; 'acsp';
    # platform, flags, maker, model, attributes, intent; the D50 illuminant; creator, reserved
    header = struct.pack(">I4sI4s4s4s", size, bytes(4), 0x02100000, b"mntr", b"RGB ", b"XYZ ") + bytes(12) + b"acsp" + bytes(28)
    header += struct.pack(">iii", round(0.9642 * 65536), 65536, round(0.8249 * 65536)) + bytes(48)
    return header + table + data


ADOBE_RGB_PRIMARIES = ((0.64, 0.33), (0.21, 0.71), (0.15, 0.06))
SRGB_PRIMARIES = ((0.64, 0.33), (0.30, 0.60), (0.15, 0.06))
DISPLAY_P3_PRIMARIES = ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))
ADOBE_RGB_GAMMA = 563 / 256


# The matrix from linear RGB to XYZ under D50 (what ICC profiles hold): primaries and white
# give XYZ under the white, then Bradford adapts D65 to D50.
def _rgb_to_xyz_d50(primaries, white):
    def column(x, y):
        return (x / y, 1.0, (1 - x - y) / y)
    columns = [column(*xy) for xy in primaries]
    white_xyz = column(*white)
    scales = _solve([[columns[j][i] for j in range(3)] for i in range(3)], white_xyz)
    matrix = [[columns[j][i] * scales[j] for j in range(3)] for i in range(3)]
    return _matmul(_bradford(white_xyz, (0.9642, 1.0, 0.8249)), matrix)


def _bradford(source, target):
    m = [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
    cone_source, cone_target = _apply(m, source), _apply(m, target)
    scale = [[cone_target[i] / cone_source[i] if i == j else 0.0 for j in range(3)] for i in range(3)]
    return _matmul(_inverse(m), _matmul(scale, m))


def _apply(m, v):
    return [sum(m[i][k] * v[k] for k in range(3)) for i in range(3)]


def _matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(3)) for j in range(3)] for i in range(3)]


def _inverse(m):
    columns = [_solve(m, [1.0 if i == j else 0.0 for i in range(3)]) for j in range(3)]
    return [[columns[j][i] for j in range(3)] for i in range(3)]


def _solve(m, v):  # Cramer's rule for 3×3
    def det(a):
        return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    d = det(m)
    return [det([[v[i] if k == j else m[i][k] for k in range(3)] for i in range(3)]) / d for j in range(3)]


# A value of a linear-light channel written with the sRGB curve (0–1).
def srgb_encode(linear: float) -> float:
    linear = min(1.0, max(0.0, linear))
    return 12.92 * linear if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055


# What an Adobe RGB colour is in sRGB, computed from the spaces' definitions (both D65).
def adobe_rgb_to_srgb(rgb) -> tuple[int, int, int]:
    linear = [(c / 255) ** ADOBE_RGB_GAMMA for c in rgb]
    adobe = _rgb_to_xyz_d65(ADOBE_RGB_PRIMARIES)
    srgb = _rgb_to_xyz_d65(SRGB_PRIMARIES)
    out = _apply(_inverse(srgb), _apply(adobe, linear))
    return tuple(round(255 * srgb_encode(c)) for c in out)


def _rgb_to_xyz_d65(primaries):
    def column(x, y):
        return (x / y, 1.0, (1 - x - y) / y)
    columns = [column(*xy) for xy in primaries]
    scales = _solve([[columns[j][i] for j in range(3)] for i in range(3)], column(0.3127, 0.3290))
    return [[columns[j][i] * scales[j] for j in range(3)] for i in range(3)]


# A PNG header that declares a picture of width × height and holds no pixels: enough for
# Pillow to refuse it as a decompression bomb before reading anything.
def png_header_only(path: Path, width: int, height: int) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b""))
    return path


# The bytes of a picture saved in a format, for tests that need a file's content.
def encoded(image: Image.Image, format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format, **options)
    return buffer.getvalue()
