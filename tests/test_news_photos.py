"""A build's news photos without MkDocs (officesite.news.photos): every post's photos processed
once, the published posts' only given to the site, the originals recognised, and the cache
left holding only what the posts use."""

import shutil

from officesite.news.photos import is_original, news_photos, photos_line
from officesite.news.posts import load_news
from photo_samples import encoded, natural_photo
from site_files import LANGUAGES

DESCRIBED = "{" + ", ".join(f"{lang}: A river" for lang in LANGUAGES.codes) + "}"


def write_post(news, slug, photo_seed, shared=""):
    folder = news / "2026" / slug
    folder.mkdir(parents=True)
    (folder / "river.jpg").write_bytes(encoded(natural_photo(500, 375, seed=photo_seed), "JPEG", quality=85))
    (news / "2026" / f"{slug}.md").write_text(f"---\ntitle: T\ndate: 2026-01-10\ndescription: D\ncover: {{src: river.jpg, alt: {DESCRIBED}}}\n{shared}---\n", encoding="utf-8")


def test_a_held_back_posts_photos_are_processed_not_published_and_unused_ones_leave_the_cache(tmp_path):
    news, cache = tmp_path / "docs" / "news", tmp_path / ".cache" / "photos"
    write_post(news, "published", 1)
    write_post(news, "draft", 2, shared="draft: true\n")
    photos = news_photos(load_news(news, LANGUAGES), tmp_path / "docs", cache, tmp_path)
    assert (photos.made, photos.reused, sorted(photos.posts)) == (2, 0, ["draft", "published"])
    assert [photo.open_graph.url.split("-")[0] for photo in photos.published] == ["news/2026/published/published"]
    assert photos_line(photos) == "News photos: 2 processed, 0 from the cache (.cache/photos/), 1 published"

    shutil.rmtree(news / "2026" / "draft")
    (news / "2026" / "draft.md").unlink()
    again = news_photos(load_news(news, LANGUAGES), tmp_path / "docs", cache, tmp_path)
    assert (again.made, again.reused, again.removed) == (0, 1, 1)
    assert photos_line(again).endswith(", 1 published, 1 unused removed from the cache")
    assert len(list(cache.glob("*/*/*/photo.json"))) == 1


def test_originals_are_the_files_in_a_year_folders_subfolders():
    assert is_original("news/2026/clean-river-day/IMG_0001.jpg") and is_original("news/2026/x/sub/a b.png")
    assert not any(is_original(path) for path in ("news/2026/x.md", "news/index.md", "assets/images/a.jpg", "news/archive/x/y.jpg"))
