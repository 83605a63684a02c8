"""A source photo the pipeline cannot publish well is refused with one line naming the file:
missing, not a picture, too large a file or picture, too small, cut short or damaged."""

import os
import re

import pytest
from PIL import Image

from officesite.photos import cache, source
from officesite.photos.batch import process_photos
from officesite.photos.settings import MAX_FILE_BYTES
from officesite.photos.source import PhotoError
from photo_samples import encoded, natural_photo, png_header_only, stored_for_orientation

SMALL = natural_photo(640, 480)


# The one line each bad file gives, by file name, from one batch holding them all.
@pytest.fixture(scope="module")
def problems(tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("bad")
    jpeg = encoded(SMALL, "JPEG", quality=90)
    (folder / "notes.jpg").write_text("Minutes of the meeting, not a photo\n", encoding="utf-8")
    (folder / "thai-notes.jpg").write_text("บันทึกการประชุม " * 40, encoding="utf-8")
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "album.jpg").mkdir()
    (folder / "cut.jpg").write_bytes(jpeg[: len(jpeg) * 6 // 10])
    damaged = bytearray(encoded(SMALL, "PNG"))
    damaged[len(damaged) // 2:len(damaged) // 2 + 50] = bytes(50)
    (folder / "damaged.png").write_bytes(damaged)
    (folder / "iphone.heic").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(200))
    (folder / "animation.gif").write_bytes(encoded(SMALL, "GIF"))
    (folder / "thumbnail.jpg").write_bytes(encoded(SMALL.resize((300, 225)), "JPEG"))
    turned = stored_for_orientation(SMALL.resize((640, 400)).transpose(Image.Transpose.ROTATE_90), 6)
    exif = Image.Exif()
    exif[0x0112] = 6
    turned.save(folder / "narrow-upright.jpg", exif=exif)  # 640 wide as stored, 400 once upright
    png_header_only(folder / "huge.png", 10_000, 9_000)  # above Pillow's limit: its warning
    png_header_only(folder / "bomb.png", 20_000, 20_000)  # above twice the limit: its error
    with open(folder / "raw-export.jpg", "wb") as file:  # sparse: large without using the disk
        file.write(jpeg[:1024])
        file.truncate(MAX_FILE_BYTES + 1024 * 1024)
    (folder / "line\nbreak.jpg").write_text("not a photo", encoding="utf-8")
    names = [path.name for path in folder.iterdir()] + ["missing.jpg"]
    batch = process_photos([folder / name for name in names], tmp_path_factory.mktemp("cache"), workers=1)
    assert batch.photos == {} and batch.made == 0
    return {error.path.name: str(error).removeprefix(f"{folder}/") for error in batch.problems}


EXPECTED = {
    "notes.jpg": "notes.jpg: expected a JPEG, PNG or WebP photo, got a text file",
    "thai-notes.jpg": "thai-notes.jpg: expected a JPEG, PNG or WebP photo, got a text file",
    "empty.jpg": "empty.jpg: expected a JPEG, PNG or WebP photo, got an empty file",
    "album.jpg": "album.jpg: expected a photo file, got a folder",
    "missing.jpg": "missing.jpg: expected a photo file, got nothing at this path (check the file name and folder)",
    "cut.jpg": "cut.jpg: expected a complete JPEG file, got a damaged or cut-off one (image file is truncated (N bytes not processed)); copy the photo again from the phone",
    "damaged.png": "damaged.png: expected a complete PNG file, got a damaged or cut-off one (unrecognized data stream contents when reading image file); copy the photo again from the phone",
    "iphone.heic": "iphone.heic: expected a JPEG, PNG or WebP photo, got a HEIC/HEIF photo, which Pillow cannot read here (re-save it as JPEG; on an iPhone: Settings › Camera › Formats › Most Compatible)",
    "animation.gif": "animation.gif: expected a JPEG, PNG or WebP photo, got a GIF picture (save it as PNG or JPEG)",
    "thumbnail.jpg": "thumbnail.jpg: expected a picture at least 480 pixels wide, got 300×225 (use the original photo, not a small copy)",
    "narrow-upright.jpg": "narrow-upright.jpg: expected a picture at least 480 pixels wide, got 400×640 (use the original photo, not a small copy)",
    "huge.png": "huge.png: expected a picture of at most 89 megapixels, got 90 megapixels (save it at a smaller size)",
    "bomb.png": "bomb.png: expected a picture of at most 89 megapixels, got 400 megapixels (save it at a smaller size)",
    "raw-export.jpg": "raw-export.jpg: expected a file of at most 30 MB, got 31 MB (export the photo smaller, or at a lower quality)",
    "line\nbreak.jpg": "line\\nbreak.jpg: expected a JPEG, PNG or WebP photo, got a text file",
}


@pytest.mark.parametrize("name", EXPECTED)
def test_a_bad_photo_gives_one_line_naming_its_file(problems, name):
    assert re.sub(r"\(\d+ bytes", "(N bytes", problems[name]) == EXPECTED[name]


def test_every_bad_photo_of_a_batch_is_reported_together(problems):
    assert sorted(problems) == sorted(EXPECTED)


def test_a_photo_error_keeps_the_path_and_the_problem_apart_for_the_caller(tmp_path):
    batch = process_photos([tmp_path / "gone.jpg"], tmp_path / "cache", workers=1)
    (error,) = batch.problems
    assert isinstance(error, PhotoError) and error.path == tmp_path / "gone.jpg"
    assert error.problem.startswith("expected a photo file, got nothing")


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "big.jpg"
    with open(path, "wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)
    for module in (cache, source):
        monkeypatch.setattr(module, "open", lambda *args, **kwargs: pytest.fail("the file was opened"), raising=False)
    monkeypatch.setattr(Image, "open", lambda *args, **kwargs: pytest.fail("the file was opened"))
    batch = process_photos([path], tmp_path / "cache", workers=1)
    assert [error.problem for error in batch.problems] == ["expected a file of at most 30 MB, got 30.1 MB (export the photo smaller, or at a lower quality)"]
    assert os.path.getsize(path) == MAX_FILE_BYTES + 1
