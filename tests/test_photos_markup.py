"""A processed photo as the site publishes and shows it: its files' names and URLs, their
links into site/, and the <picture> that overrides/partials/picture.html prints."""

import os

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from mkdocs.utils.templates import url_filter

from conftest import ROOT
from officesite.photos.batch import process_photos
from officesite.photos.markup import picture_data, srcset
from officesite.photos.publish import publish, published_photo
from officesite.security.escaping import autoescape_for, project_templates
from photo_samples import encoded, natural_photo

SIZES = "(min-width: 60em) 40rem, 100vw"


@pytest.fixture(scope="module")
def photo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    (folder / "IMG_0001.jpg").write_bytes(encoded(natural_photo(900, 600), "JPEG", quality=90))
    batch = process_photos([folder / "IMG_0001.jpg"], tmp_path_factory.mktemp("cache"), workers=1)
    return batch.photos[folder / "IMG_0001.jpg"]


@pytest.fixture(scope="module")
def published(photo):
    return published_photo(photo, "news/2026/clean-river-day", "cover")


def test_files_are_named_after_the_post_with_a_token_of_content_and_settings(photo, published):
    token = published.open_graph.url.split("-")[-3]
    assert len(token) == 10
    assert [file.url for file in published.files()] == [
        f"news/2026/clean-river-day/cover-{token}-{width}.{extension}"
        for extension in ("avif", "webp", "jpg") for width in (480, 800)
    ] + [f"news/2026/clean-river-day/cover-{token}-open-graph.jpg"]
    assert list(published.sources) == ["image/avif", "image/webp", "image/jpeg"]
    assert (published.width, published.height, published.aspect_ratio) == (900, 600, 1.5)


def test_a_folder_with_thai_or_spaces_is_percent_encoded_and_a_bad_name_refused(photo):
    url = published_photo(photo, "/ข่าว/clean day/", "cover").open_graph.url
    assert url.startswith("%E0%B8%82") and "clean%20day/cover-" in url
    for name in ("cover photo", "a,b", "../x", "", "ปก"):
        with pytest.raises(ValueError, match="expected a file name of letters, digits"):
            published_photo(photo, "news", name)


def test_publishing_links_the_variants_into_the_site_and_nothing_else(published, tmp_path):
    assert publish(published, tmp_path / "site") == 7
    published_files = sorted(path.relative_to(tmp_path / "site").as_posix() for path in (tmp_path / "site").rglob("*") if path.is_file())
    assert published_files == sorted(file.url for file in published.files())
    for file in published.files():
        target = tmp_path / "site" / file.url
        assert os.path.samefile(target, file.cache_file)  # a hard link: no copy made
    assert publish(published, tmp_path / "site", open_graph=False) == 6  # again: replaced, no error


def test_picture_data_has_a_source_per_better_format_and_a_jpeg_img_at_800(published):
    data = picture_data(published, SIZES)
    assert [source["type"] for source in data["sources"]] == ["image/avif", "image/webp"]
    assert [candidate["width"] for candidate in data["sources"][0]["candidates"]] == [480, 800]
    assert data["img"]["src"].endswith("-800.jpg") and (data["img"]["width"], data["img"]["height"]) == (800, 533)
    assert data["sizes"] == SIZES
    assert srcset(data["img"]["candidates"], lambda url: "/" + url) == ", ".join(f"/{file.url} {file.width}w" for file in published.sources["image/jpeg"])
    with pytest.raises(ValueError, match="expected a sizes attribute"):
        picture_data(published, " ")


# The partial rendered as the site renders it: autoescaped, MkDocs' url filter, a page two
# folders deep.
def render_picture(**context) -> BeautifulSoup:
    environment = Environment(loader=FileSystemLoader(ROOT / "overrides"), autoescape=autoescape_for(project_templates(ROOT / "overrides")))
    environment.filters["url"] = url_filter
    html = environment.get_template("partials/picture.html").render(page=None, base_url="../..", **context)
    return BeautifulSoup(html, "html.parser")


def test_the_partial_prints_sources_img_and_page_relative_urls(published):
    data = picture_data(published, SIZES)
    soup = render_picture(picture=data, picture_alt="ชาวบ้านเก็บขยะริมแม่น้ำ")
    sources, img = soup.select("picture > source"), soup.select_one("picture > img")
    assert [(source["type"], source["srcset"], source["sizes"]) for source in sources] == [
        (source["type"], srcset(source["candidates"], lambda url: "../../" + url), SIZES) for source in data["sources"]
    ]
    assert img["src"] == "../../" + data["img"]["src"] and img["srcset"] == srcset(data["img"]["candidates"], lambda url: "../../" + url)
    assert (img["width"], img["height"], img["alt"], img["sizes"]) == ("800", "533", "ชาวบ้านเก็บขยะริมแม่น้ำ", SIZES)
    assert (img["loading"], img["decoding"], img.get("fetchpriority")) == ("lazy", "async", None)


def test_a_photo_in_the_first_screen_loads_at_once_with_high_priority(published):
    img = render_picture(picture=picture_data(published, SIZES), picture_alt="", picture_fetchpriority="high", picture_class="site-cover").img
    assert (img["loading"], img["decoding"], img["fetchpriority"], img["class"], img["alt"]) == ("eager", "auto", "high", ["site-cover"], "")


def test_alt_text_and_sizes_are_printed_as_text(published):
    hostile = '"><script>alert(1)</script>'
    soup = render_picture(picture=picture_data(published, hostile), picture_alt=hostile)
    assert soup.find("script") is None
    assert soup.img["alt"] == hostile and soup.img["sizes"] == hostile
