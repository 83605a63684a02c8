"""News photos: a post's cover and gallery, checked, processed and published once per build.

A post names its photos in its default language's file (officesite.schema: NEWS_POST's
`cover` and `gallery`), each a file in the post's photo folder, `docs/news/<year>/<slug>/`,
with its description in every language. When a build starts, the photos of every post, held
back or not (an author hears of a bad photo before the publishing day, and its photos are in
the cache by then), go through officesite.photos once for every language: each source checked,
cached ones read, new ones processed in parallel into `.cache/photos/`, and what no post uses
any more is deleted from the cache. A bad file is one line naming the post's file, the field and
the photo. Only the published posts' photos are linked
into site/, once, into the post's folder of the default language (every language's pages
show the same files); the originals are never copied (`is_original`).
"""

import os
from dataclasses import dataclass
from pathlib import Path

from officesite.metadata.problems import MetadataError
from officesite.metadata.shown import printable, shown_path
from officesite.news.posts import NEWS_FOLDER, YEAR_FOLDER
from officesite.photos.batch import process_photos
from officesite.photos.cache import prune_cache
from officesite.photos.markup import fallback_file, picture_data
from officesite.photos.publish import PublishedPhoto, published_photo
from officesite.photos.settings import OPEN_GRAPH_FORMAT

# The cache of processed photos, in the project's folder (git-ignored).
PHOTO_CACHE = Path(".cache") / "photos"

# How wide the layout shows each kind of photo, as `sizes` attributes: the browser picks a
# file from them before layout. Lengths in px, since sizes read `em` as 16 px whatever the page
# sets (Material's rem is 20 px below 100em). Measured in Chromium at 390, 800, 1000, 1280 and
# 1920 px wide at the normal text size, from docs/assets/stylesheets/photos.css and Material's
# columns: the text column is the screen less 2 × 16 px of margins, less the 242 px table of
# contents from 60em, and at most about 760 px with both sidebars from 76.25em; the gallery
# has 2 columns then 3 from 45em, 12 px apart; a card's cover is 30 % of the column, then 160 px.
# (Larger text hides the table of contents: a cover is then up to a third wider than said.)
COVER_SIZES = "(min-width: 76.25em) 760px, (min-width: 60em) calc(100vw - 274px), calc(100vw - 32px)"
GALLERY_SIZES = "(min-width: 76.25em) 245px, (min-width: 60em) calc((100vw - 298px) / 3), (min-width: 45em) calc((100vw - 56px) / 3), calc(50vw - 22px)"
CARD_SIZES = "(min-width: 45em) 160px, calc(30vw - 10px)"
# The home page's news cards (overrides/partials/news-card.html): the cover spans the card, one
# card a row on a phone, two in the content column from 45em.
HOME_CARD_SIZES = "(min-width: 76.25em) 380px, (min-width: 60em) calc(50vw - 150px), (min-width: 45em) calc(50vw - 30px), calc(100vw - 32px)"


@dataclass(frozen=True)
class PostPhoto:
    """A photo of a post as its pages show it."""

    field: str  # where the post names it: "cover", "gallery[2]"
    alt: dict | None  # language -> description; None for a photo marked decorative
    published: PublishedPhoto


@dataclass(frozen=True)
class PostPhotos:
    cover: PostPhoto | None
    gallery: tuple[PostPhoto, ...]


@dataclass(frozen=True)
class NewsPhotos:
    posts: dict  # slug -> PostPhotos, every post with photos, held back or not
    published: tuple[PublishedPhoto, ...]  # the photos of the published posts: what site/ gets
    made: int  # new photos processed by this build
    reused: int  # photos found in the cache
    removed: int = 0  # cache entries no post uses any more, deleted

    def of(self, post) -> PostPhotos | None:
        return self.posts.get(post.slug)

    def cover_of(self, post) -> PostPhoto | None:
        photos = self.posts.get(post.slug)
        return photos and photos.cover


class NewsPhotosError(MetadataError):
    """Photos that cannot be published; `problems` holds one line per photo."""


# The photos of every post in `news` (officesite.news.posts.News), processed into `cache_dir`;
# NewsPhotosError listing every bad file, and every photo folder without its post.
def news_photos(news, docs_dir: Path, cache_dir: Path, display_root: Path) -> NewsPhotos:
    docs_dir = Path(docs_dir)
    named = {slug: _named_photos(post, docs_dir) for slug, post in news.originals.items()}
    batch = process_photos([source for photos in named.values() for _, _, source in photos], cache_dir)
    refused = {error.path: error.problem for error in batch.problems}
    problems = [
        f"{news.originals[slug].source}: {field}.src: {printable(photo['src'])}: {refused[source]}"
        for slug, photos in named.items() for field, photo, source in photos if source in refused
    ]
    problems += _folders_without_post(docs_dir / NEWS_FOLDER, news.originals, display_root)
    if problems:
        raise NewsPhotosError(problems)
    posts = {slug: _post_photos(news.originals[slug], photos, batch.photos) for slug, photos in named.items() if photos}
    published_slugs = {post.slug for posts in news.posts.values() for post in posts}
    published = tuple(photo.published for slug, photos in posts.items() if slug in published_slugs for photo in _every(photos))
    removed = prune_cache(cache_dir, {photo.digest for photo in batch.photos.values()})
    return NewsPhotos(posts, published, batch.made, batch.reused, removed)


# The one line a build prints about its photos.
def photos_line(photos: NewsPhotos) -> str:
    removed = f", {photos.removed} unused removed from the cache" if photos.removed else ""
    return f"News photos: {photos.made} processed, {photos.reused} from the cache ({PHOTO_CACHE.as_posix()}/), {len(photos.published)} published{removed}"


# A post's folder of photos, under docs/ and in the site: "news/2026/clean-river-day".
def photo_folder(post) -> str:
    return f"{NEWS_FOLDER}/{post.date.year}/{post.slug}"


# Whether a file under docs/ lies in a post's photo folder (news/<year>/<folder>/…): an
# original, which MkDocs must not copy into the site.
def is_original(src_uri: str) -> bool:
    parts = src_uri.split("/")
    return len(parts) >= 4 and parts[0] == NEWS_FOLDER and bool(YEAR_FOLDER.fullmatch(parts[1]))


# The photos a post names: (field, photo as checked, source file), cover first.
def _named_photos(post, docs_dir: Path) -> list[tuple[str, dict, Path]]:
    folder = docs_dir / photo_folder(post)
    named = [("cover", post.cover)] if post.cover else []
    named += [(f"gallery[{index}]", photo) for index, photo in enumerate(post.gallery)]
    return [(field, photo, folder / photo["src"]) for field, photo in named]


def _post_photos(post, named, processed: dict) -> PostPhotos:
    shown = [
        PostPhoto(field, photo["alt"], published_photo(processed[source], photo_folder(post), f"{post.slug}-{number}"))
        for number, (field, photo, source) in enumerate(named, start=1)
    ]
    has_cover = bool(post.cover)
    return PostPhotos(shown[0] if has_cover else None, tuple(shown[1:] if has_cover else shown))


def _every(photos: PostPhotos) -> list[PostPhoto]:
    return ([photos.cover] if photos.cover else []) + list(photos.gallery)


# A folder in a year folder is a post's photo folder: one without its post (a slug renamed,
# a post removed) would silently publish nothing.
def _folders_without_post(news_dir: Path, posts: dict, display_root: Path) -> list[str]:
    lines = []
    for year in sorted(os.listdir(news_dir)) if news_dir.is_dir() else ():
        if not YEAR_FOLDER.fullmatch(year) or not (news_dir / year).is_dir():
            continue
        for entry in sorted(os.scandir(news_dir / year), key=lambda entry: entry.name):
            post = posts.get(entry.name)
            if entry.is_dir() and not entry.name.endswith(".md") and not entry.name.startswith(".") and (post is None or post.date.year != int(year)):
                where = shown_path(entry.path, display_root)
                lines.append(f"{where}/: folder: expected the photo folder of a post whose slug is {printable(entry.name)}, got no post of that name (name the folder after its post's slug)")
    return lines


# -----------------------------------------------------------------------------
# What templates, feeds and link previews are given
# -----------------------------------------------------------------------------


# A photo as a template shows it at `sizes` in `lang`: the <picture>, its description ("" for a
# decorative photo) and the large file a link opens.
def photo_view(photo: PostPhoto, lang: str, sizes: str) -> dict:
    large = photo.published.largest
    return {
        "picture": picture_data(photo.published, sizes),
        "alt": photo.alt[lang] if photo.alt else "",
        "decorative": photo.alt is None,
        "large": {"url": large.url, "width": large.width, "height": large.height},
    }


# The cover as link previews show it (Open Graph, Twitter): its absolute address, size and type.
def open_graph_image(photo: PostPhoto, languages, lang: str) -> dict:
    card = photo.published.open_graph
    return {"url": languages.absolute(card.url), "width": card.width, "height": card.height, "type": OPEN_GRAPH_FORMAT.mime_type, "alt": photo.alt[lang] if photo.alt else ""}


# The cover as a feed encloses it: the <img>'s own JPEG, its absolute address, length and type.
def enclosure(photo: PostPhoto, languages) -> dict:
    file = fallback_file(photo.published)
    return {"url": languages.absolute(file.url), "length": file.size, "type": file.mime_type}


# The cover's absolute addresses for schema.org `image`: the largest JPEG and the 1.91:1 crop.
def json_ld_images(photo: PostPhoto, languages) -> list[str]:
    return [languages.absolute(photo.published.largest.url), languages.absolute(photo.published.open_graph.url)]
