"""News photos through a real build of a copy of the site: what a phone, a drawing program
and a printer's workflow save becomes small, upright pictures without metadata, in the
markup of both languages, the link previews, the JSON-LD, the feeds and the news cards; the
originals and a draft's photos stay out of the site; the second build takes every photo from
the cache; and every bad file stops the build with its one line.

One copy with good photos is built twice for the module, one with bad photos once.
"""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from conftest import build_site, copy_project
from officesite.photos.settings import OPEN_GRAPH_SIZE
from photo_samples import PRIVATE_TRACES, mark_top_left, natural_photo, phone_jpeg
from site_files import DEFAULT, LANGUAGES, BuiltSite

pytestmark = pytest.mark.build

POST = "clean-river-day"
FOLDER = f"news/2026/{POST}"
PAGES = {lang: LANGUAGES.path(f"{FOLDER}/", lang) for lang in LANGUAGES.codes}
ALT = {lang: f"Volunteers on the river bank ({lang}) <&>" for lang in LANGUAGES.codes}
ATOM = "{http://www.w3.org/2005/Atom}"


def yaml_alt(alt: dict) -> str:
    return json.dumps(alt, ensure_ascii=False)  # JSON is YAML


# A post in every language; `photos` in the default language's file only, `shared` in every one.
def write_post(news: Path, slug: str, photos: str, date="2026-01-10", shared="") -> None:
    for lang in LANGUAGES.codes:
        extra = (photos if lang == LANGUAGES.default else "") + shared
        text = f"---\ntitle: Photos {slug} ({lang})\ndate: {date}\ndescription: A post with photos\n{extra}---\n\nText ({lang}).\n"
        (news / "2026" / LANGUAGES.file_name(slug, lang)).write_text(text, encoding="utf-8")


# The photos of the good copy: a phone's JPEG stored turned (EXIF orientation 6, GPS, serial,
# XMP, IPTC, a comment), a PNG with transparency, a CMYK JPEG and a decorative banner.
def write_good_photos(folder: Path) -> dict:
    folder.mkdir(parents=True)
    phone_jpeg(folder / "IMG_0001.jpg", mark_top_left(natural_photo(2000, 1500)), orientation=6)
    transparent = Image.new("RGBA", (900, 600), (20, 90, 160, 255))
    transparent.paste((0, 0, 0, 0), (0, 0, 450, 600))
    transparent.save(folder / "map.png")
    natural_photo(800, 600, seed=3).convert("CMYK").save(folder / "printed.jpg", quality=90)
    natural_photo(700, 300, seed=4).save(folder / "banner.jpg", quality=90)
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("photos") / "project")
    news = project / "docs" / "news"
    (news / "2026").mkdir()
    sources = write_good_photos(news / "2026" / POST)
    alt = yaml_alt(ALT)
    write_post(news, POST, f"cover: {{src: IMG_0001.jpg, alt: {alt}}}\ngallery:\n  - {{src: map.png, alt: {alt}}}\n  - {{src: printed.jpg, alt: {alt}}}\n  - {{src: banner.jpg, decorative: true}}\n")
    (news / "2026" / "draft-post").mkdir()
    phone_jpeg(news / "2026" / "draft-post" / "secret.jpg", natural_photo(600, 450, seed=5), orientation=1)
    write_post(news, "draft-post", "cover: {src: secret.jpg, decorative: true}\n", date="2026-01-05", shared="draft: true\n")
    sources["secret.jpg"] = (news / "2026" / "draft-post" / "secret.jpg").read_bytes()
    return project, sources


@pytest.fixture(scope="module")
def builds(project):
    project, _ = project
    first = build_site(project, project.parent / "site")
    second = build_site(project, project.parent / "site-again")
    return first, second


@pytest.fixture(scope="module")
def site(builds, project) -> BuiltSite:
    first, _ = builds
    assert first.returncode == 0, first.stderr
    return BuiltSite(project[0].parent / "site")


def published_files(site) -> list[Path]:
    return sorted((site.root / FOLDER).glob(f"{POST}-*"))


def soup(site, lang):
    return site.soup(PAGES[lang])


# -----------------------------------------------------------------------------
# The published files
# -----------------------------------------------------------------------------


def test_the_first_build_processes_each_photo_once_for_every_language_and_the_second_takes_them_from_the_cache(builds):
    first, second = builds
    assert "News photos: 5 processed, 0 from the cache (.cache/photos/), 4 published" in first.stderr
    assert second.returncode == 0 and "News photos: 0 processed, 5 from the cache (.cache/photos/), 4 published" in second.stderr


def test_published_files_have_no_metadata_are_upright_and_have_their_declared_sizes(site):
    files = published_files(site)
    # 3 formats at each width up to the photo's own (2000: 4 widths, 900 and 800: 2, 700: 1), and an Open Graph picture
    assert len(files) == (3 * 4 + 1) + 2 * (3 * 2 + 1) + (3 + 1)
    for path in files:
        data = path.read_bytes()
        assert not [trace for trace in (*PRIVATE_TRACES, b"Exif\0\0") if trace in data], path.name
        with Image.open(path) as picture:
            assert not picture.getexif() and "icc_profile" not in picture.info, path.name  # no EXIF, so no GPS
            if path.stem.endswith("open-graph"):
                continue
            width = int(path.stem.rsplit("-", 1)[1])
            assert picture.width == width, path.name
            if path.stem.startswith(f"{POST}-1-"):
                assert picture.size == (width, width * 3 // 4)
                red, green, blue = picture.convert("RGB").getpixel((width // 40, width // 40))
                assert red > 200 and green < 60 and blue < 60, path.name  # the marker is at the top left: upright
    with Image.open(next(path for path in files if path.stem.startswith(f"{POST}-1-") and path.stem.endswith("open-graph"))) as card:
        assert (card.format, card.size) == ("JPEG", OPEN_GRAPH_SIZE)


def test_no_original_and_no_photo_of_a_held_back_post_is_in_the_site(site, project):
    _, sources = project
    originals = set(sources.values())
    assert [path for path in site.root.rglob("*") if path.is_file() and path.read_bytes() in originals] == []
    assert [path for path in site.root.rglob("*") if path.name in sources] == []
    assert not (site.root / "news/2026/draft-post").exists()


# -----------------------------------------------------------------------------
# The markup, in every language
# -----------------------------------------------------------------------------


def test_the_cover_is_a_picture_with_sizes_srcset_and_its_description_loaded_at_once(site):
    for lang in LANGUAGES.codes:
        img = soup(site, lang).select_one(".site-news-post__cover img")
        assert (img["alt"], img["width"], img["height"]) == (ALT[lang], "800", "600")
        assert (img["fetchpriority"], img["loading"], img["decoding"]) == ("high", "eager", "auto")
        assert img["srcset"].count("w, ") == 3 and img["sizes"]
        for source in soup(site, lang).select(".site-news-post__cover source"):
            for candidate in source["srcset"].split(", "):
                url, width = candidate.split()
                with Image.open(site.file_for(site.resolve(PAGES[lang], url)[0])) as picture:
                    assert f"{picture.width}w" == width


def test_the_gallery_links_each_described_photo_to_its_largest_jpeg_and_loads_lazily(site):
    for lang in LANGUAGES.codes:
        items = soup(site, lang).select(".site-gallery__item")
        assert [item.img["alt"] for item in items] == [ALT[lang], ALT[lang], ""]
        assert all((img["loading"], img["decoding"]) == ("lazy", "async") and img.get("width") and img.get("height") for img in (item.img for item in items))
        links = [item.a["href"] if item.a else None for item in items]
        assert links[2] is None  # decorative: no link to a photo with nothing to say
        for link, width in zip(links[:2], (800, 800)):  # 900 and 800 px wide: their largest published width
            with Image.open(site.file_for(site.resolve(PAGES[lang], link)[0])) as picture:
                assert (picture.format, picture.width) == ("JPEG", width)


def test_link_previews_and_json_ld_name_the_covers_absolute_addresses(site):
    for lang in LANGUAGES.codes:
        page = soup(site, lang)
        meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.select("meta[content]")}
        card = meta["og:image"]
        assert card.startswith(site.site_url + FOLDER + "/") and card.endswith("-open-graph.jpg") and meta["twitter:image"] == card
        assert (meta["og:image:width"], meta["og:image:height"], meta["og:image:type"]) == ("1200", "630", "image/jpeg")
        assert meta["og:image:alt"] == meta["twitter:image:alt"] == ALT[lang] and meta["twitter:card"] == "summary_large_image"
        data = json.loads(page.select_one('script[type="application/ld+json"]').string)
        assert data["image"][-1] == card and data["image"][0].endswith("-1600.jpg")
        assert all(site.file_for(url.removeprefix(site.site_url)) for url in data["image"])


def test_the_feeds_enclose_the_cover(site):
    for lang in LANGUAGES.codes:
        rss = ET.parse(site.root / LANGUAGES.path("news/rss.xml", lang)).getroot()
        item = next(item for item in rss.iter("item") if item.findtext("link").endswith(f"{FOLDER}/"))
        enclosure = item.find("enclosure")
        path = site.file_for(enclosure.get("url").removeprefix(site.site_url))
        assert (enclosure.get("type"), int(enclosure.get("length"))) == ("image/jpeg", path.stat().st_size)
        atom = ET.parse(site.root / LANGUAGES.path("news/atom.xml", lang)).getroot()
        entry = next(entry for entry in atom.iter(f"{ATOM}entry") if entry.findtext(f"{ATOM}id").endswith(f"{FOLDER}/"))
        link = entry.find(f"{ATOM}link[@rel='enclosure']")
        assert (link.get("href"), link.get("length"), link.get("type")) == (enclosure.get("url"), enclosure.get("length"), "image/jpeg")


def test_news_cards_show_the_cover_at_card_size_on_the_index_and_archives_and_across_the_home_page_cards(site):
    for lang in LANGUAGES.codes:
        for listing in ("news/", "news/archive/2026/"):
            card = site.soup(LANGUAGES.path(listing, lang)).select_one(".site-news-entry--cover")
            img = card.select_one(".site-news-entry__cover img")
            assert (img["alt"], img["loading"]) == ("", "lazy") and "160px" in img["sizes"], listing
        img = site.soup(LANGUAGES.path("", lang)).select_one(".site-card--news picture img.site-card__image")
        assert (img["alt"], img["loading"]) == ("", "lazy") and "380px" in img["sizes"]


# -----------------------------------------------------------------------------
# Bad photos
# -----------------------------------------------------------------------------

BAD = "bad-photos"


def write_bad_photos(folder: Path) -> None:
    folder.mkdir(parents=True)
    natural_photo(300, 200).save(folder / "tiny.jpg", quality=90)
    whole = (folder / "tiny.jpg").read_bytes()
    phone_jpeg(folder / "cut.jpg", natural_photo(1200, 900), orientation=1)
    (folder / "cut.jpg").write_bytes((folder / "cut.jpg").read_bytes()[: len(whole) * 2])
    (folder / "notes.jpg").write_text("Photos to pick for the post\n", encoding="utf-8")
    (folder / "IMG_0002.HEIC").write_bytes(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64))
    with open(folder / "huge.jpg", "wb") as huge:
        huge.truncate(31 * 1024 * 1024)  # sparse: no disk used


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("bad-photos") / "project")
    news = project / "docs" / "news"
    (news / "2026").mkdir()
    write_bad_photos(news / "2026" / BAD)
    files = ("tiny.jpg", "cut.jpg", "notes.jpg", "IMG_0002.HEIC", "huge.jpg")
    write_post(news, BAD, "gallery:\n" + "".join(f"  - {{src: {name}, decorative: true}}\n" for name in files))
    (news / "2026" / "renamed-post").mkdir()
    return build_site(project, project.parent / "site")


REFUSALS = [
    f"docs/news/2026/{BAD}.{DEFAULT}.md: gallery[0].src: tiny.jpg: expected a picture at least 480 pixels wide, got 300×200 (use the original photo, not a small copy)",
    f"docs/news/2026/{BAD}.{DEFAULT}.md: gallery[1].src: cut.jpg: expected a complete JPEG file, got a damaged or cut-off one (",
    f"docs/news/2026/{BAD}.{DEFAULT}.md: gallery[2].src: notes.jpg: expected a JPEG, PNG or WebP photo, got a text file",
    f"docs/news/2026/{BAD}.{DEFAULT}.md: gallery[3].src: IMG_0002.HEIC: expected a JPEG, PNG or WebP photo, got a HEIC/HEIF photo, which Pillow cannot read here (re-save it as JPEG; on an iPhone: Settings › Camera › Formats › Most Compatible)",
    f"docs/news/2026/{BAD}.{DEFAULT}.md: gallery[4].src: huge.jpg: expected a file of at most 30 MB, got 31 MB (export the photo smaller, or at a lower quality)",
    "docs/news/2026/renamed-post/: folder: expected the photo folder of a post whose slug is renamed-post, got no post of that name (name the folder after its post's slug)",
]


@pytest.mark.parametrize("line", REFUSALS, ids=["tiny", "truncated", "text named .jpg", "HEIC", "over 30 MB", "folder without its post"])
def test_each_bad_photo_stops_the_build_with_its_one_line(refused, line):
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert f"News photos have {len(REFUSALS)} problem(s):" in refused.stderr
    assert len([found for found in refused.stderr.splitlines() if found.startswith(line)]) == 1, refused.stderr
