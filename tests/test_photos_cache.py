"""The photo cache: an unchanged photo costs nothing on the next build, whatever its path;
a changed photo or setting is made again; an entry is whole or absent."""

import hashlib
import os
import shutil
import time

import pytest

from officesite.photos import cache
from officesite.photos.batch import process_photos
from officesite.photos.cache import LEFTOVER_SECONDS, TEMPORARY, prune_cache
from photo_samples import encoded, natural_photo

PICTURE = natural_photo(600, 450)  # one published width: quick to make


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "photos" / "river.jpg"
    path.parent.mkdir()
    path.write_bytes(encoded(PICTURE, "JPEG", quality=90))
    return path


@pytest.fixture
def digests_computed(monkeypatch):
    computed, file_digest = [], hashlib.file_digest

    def counting(file, algorithm):
        computed.append(file.name)
        return file_digest(file, algorithm)

    monkeypatch.setattr(cache.hashlib, "file_digest", counting)
    return computed


def test_an_unchanged_photo_is_neither_made_nor_read_again(photo, tmp_path, digests_computed):
    first = process_photos([photo], tmp_path / "cache", workers=1)
    assert (first.made, first.reused, len(digests_computed)) == (1, 0, 1)
    second = process_photos([photo], tmp_path / "cache", workers=1)
    assert (second.made, second.reused, len(digests_computed)) == (0, 1, 1)
    assert second.photos == first.photos


def test_a_touched_photo_is_hashed_again_but_not_made_again(photo, tmp_path, digests_computed):
    process_photos([photo], tmp_path / "cache", workers=1)
    os.utime(photo, ns=(1, 1))
    again = process_photos([photo], tmp_path / "cache", workers=1)
    assert (again.made, again.reused, len(digests_computed)) == (0, 1, 2)


def test_the_same_photo_under_two_names_is_made_once(photo, tmp_path):
    copy = shutil.copy(photo, photo.with_name("copy of river.jpg"))
    batch = process_photos([photo, copy, photo], tmp_path / "cache", workers=2)
    assert (batch.made, batch.reused, len(batch.photos)) == (1, 0, 2)
    assert batch.photos[photo] == batch.photos[copy]


def test_a_changed_photo_is_made_again(photo, tmp_path):
    first = process_photos([photo], tmp_path / "cache", workers=1)
    photo.write_bytes(encoded(PICTURE.rotate(180), "JPEG", quality=90))
    second = process_photos([photo], tmp_path / "cache", workers=1)
    assert second.made == 1 and second.photos[photo].digest != first.photos[photo].digest


def test_a_bad_photo_replaced_by_a_good_one_is_made(photo, tmp_path):
    good = photo.read_bytes()
    photo.write_bytes(good[:2000])
    assert process_photos([photo], tmp_path / "cache", workers=1).problems != []
    photo.write_bytes(good)
    batch = process_photos([photo], tmp_path / "cache", workers=1)
    assert (batch.made, batch.problems) == (1, [])


def test_new_settings_make_new_entries_and_pruning_drops_the_old(photo, tmp_path, monkeypatch):
    old = process_photos([photo], tmp_path / "cache", workers=1).photos[photo]
    monkeypatch.setattr(cache, "settings_key", lambda: "changed-settings")
    new = process_photos([photo], tmp_path / "cache", workers=1)
    assert new.made == 1 and new.photos[photo].variants[0].file.parents[2].name == "changed-settings"
    assert prune_cache(tmp_path / "cache") == 1
    assert not old.variants[0].file.exists() and new.photos[photo].variants[0].file.exists()


def test_pruning_keeps_the_photos_in_use_and_drops_the_rest(photo, tmp_path):
    other = photo.with_name("other.jpg")
    other.write_bytes(encoded(PICTURE.rotate(180), "JPEG"))
    photos = process_photos([photo, other], tmp_path / "cache", workers=1).photos
    assert prune_cache(tmp_path / "cache", {photos[photo].digest}) == 1
    assert process_photos([photo, other], tmp_path / "cache", workers=1).made == 1


def test_pruning_leaves_an_entry_another_build_is_storing_and_drops_a_stopped_builds_leftover(photo, tmp_path):
    made = process_photos([photo], tmp_path / "cache", workers=1).photos[photo]
    storing = made.variants[0].file.parent.parent / f"{TEMPORARY}{'0' * 64}-4711"
    storing.mkdir()
    assert prune_cache(tmp_path / "cache", {made.digest}) == 0 and storing.is_dir()
    assert prune_cache(tmp_path / "cache", {made.digest}, now=time.time() + LEFTOVER_SECONDS + 1) == 1 and not storing.exists()


def test_an_entry_that_lost_a_file_is_made_again(photo, tmp_path):
    made = process_photos([photo], tmp_path / "cache", workers=1).photos[photo]
    made.variants[0].file.unlink()
    again = process_photos([photo], tmp_path / "cache", workers=1)
    assert again.made == 1 and made.variants[0].file.exists()


def test_a_build_stopped_while_storing_leaves_no_entry(photo, tmp_path, monkeypatch):
    def stop(self, data):
        raise KeyboardInterrupt

    monkeypatch.setattr(cache.Path, "write_bytes", stop)
    with pytest.raises(KeyboardInterrupt):
        process_photos([photo], tmp_path / "cache", workers=1)
    monkeypatch.undo()
    assert [path.name for path in (tmp_path / "cache").rglob("*") if path.is_file()] == ["sources.json"]
    assert process_photos([photo], tmp_path / "cache", workers=1).made == 1
