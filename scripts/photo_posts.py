#!/usr/bin/env python3
"""News posts with generated phone photos, for the photo budgets, Lighthouse and the build
benchmark. Never in the real docs/: a copy of the site only (scripts/site_copy.py).

    python scripts/photo_posts.py DIR     # a copy of the site in DIR with the budget posts, built into DIR/site

- write_budget_posts(): the pages issue 17 budgets: a post with a cover and 12 gallery photos,
  and five more posts with covers, so that the home page lists six covered cards;
- add_photos(): photos for the first N posts of scripts/sample_news.py (scripts/bench.py).

Photos are 4000×3000 phone JPEGs unless asked smaller (scripts/photo_bench.py's
write_phone_photos: one scene, each photo marked differently, EXIF orientation 6 with GPS);
their descriptions are sample_news.py's sentences in each language.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from officesite.languages import languages_of_mkdocs_yml
from photo_bench import write_phone_photos
from sample_news import SAMPLES
from site_copy import copy_site

BUDGET_POST = "news/2026/clean-river-day/"  # the post with a cover and a gallery
GALLERY_PHOTOS = 12
COVERED_CARDS = 6


# A description of photo `number` in every language: a sample sentence of that language.
def sample_alt(languages, number: int) -> dict:
    def sentence(lang):
        sentences = (SAMPLES.get(lang) or next(iter(SAMPLES.values())))[1]
        return sentences[number % len(sentences)][:90]
    return {lang: sentence(lang) for lang in languages.codes}


# The front matter lines of photos in a post's folder: the first the cover, the rest the gallery.
def photos_front_matter(names: list[str], languages, first_number: int = 0) -> str:
    def photo(name, number):
        alt = ", ".join(f'{lang}: "{text}"' for lang, text in sample_alt(languages, number).items())
        return f"{{src: {name}, alt: {{{alt}}}}}"
    lines = [f"cover: {photo(names[0], first_number)}\n"]
    if len(names) > 1:
        lines += ["gallery:\n"] + [f"  - {photo(name, first_number + index)}\n" for index, name in enumerate(names[1:], 1)]
    return "".join(lines)


# A post in every language, its photos (moved from `photos`) in its photo folder.
def write_photo_post(docs: Path, slug: str, date: str, photos: list[Path], languages) -> None:
    folder = docs / "news" / date[:4] / slug
    folder.mkdir(parents=True)
    names = []
    for photo in photos:
        os.replace(photo, folder / photo.name)
        names.append(photo.name)
    for number, lang in enumerate(languages.codes):
        title, sentences = SAMPLES.get(lang) or next(iter(SAMPLES.values()))
        extra = photos_front_matter(names, languages) if lang == languages.default else ""
        text = f'---\ntitle: "{title} {slug}"\ndate: {date}\ndescription: "{sentences[1]}"\n{extra}---\n\n' + "\n\n".join(sentences) + "\n"
        (docs / "news" / date[:4] / languages.file_name(slug, lang)).write_text(text, encoding="utf-8")


# The budget pages' posts in the copy's docs/: the gallery post and COVERED_CARDS - 1 more
# with a cover, newest first. Returns the gallery post's site path.
def write_budget_posts(docs: Path, work: Path) -> str:
    languages = languages_of_mkdocs_yml(Path(docs).parent / "mkdocs.yml")
    photos = write_phone_photos(Path(work) / "camera", 1 + GALLERY_PHOTOS + COVERED_CARDS - 1)
    write_photo_post(docs, "clean-river-day", "2026-01-31", photos[: 1 + GALLERY_PHOTOS], languages)
    for number, photo in enumerate(photos[1 + GALLERY_PHOTOS :], start=1):
        write_photo_post(docs, f"covered-{number}", f"2026-01-{30 - number:02d}", [photo], languages)
    return BUDGET_POST


# Photos for the first `posts` sample posts (scripts/sample_news.py: docs/news/<year>/sample-<n>.md),
# `per_post` each, `size` pixels: the first the cover, the others the gallery. Every photo is
# another picture, or with `distinct` one of that many pictures, copied (what is processed
# once, then found in the cache by content). Returns the number of photo files.
def add_photos(docs: Path, posts: int, per_post: int, work: Path, size=(4000, 3000), distinct: int | None = None) -> int:
    languages = languages_of_mkdocs_yml(Path(docs).parent / "mkdocs.yml")
    pictures = write_phone_photos(Path(work) / "camera", min(distinct or posts * per_post, posts * per_post), size)
    for number in range(1, posts + 1):
        post = next((Path(docs) / "news").glob(f"*/{languages.file_name(f'sample-{number}', languages.default)}"))
        folder = post.parent / f"sample-{number}"  # the post's photo folder: its slug
        folder.mkdir()
        names = []
        for index in range((number - 1) * per_post, number * per_post):
            names.append(f"IMG_{index:04d}.jpg")
            shutil.copyfile(pictures[index % len(pictures)], folder / names[-1])
        text = post.read_text(encoding="utf-8")
        post.write_text(text.replace("\n---\n\n", "\n" + photos_front_matter(names, languages, number) + "---\n\n", 1), encoding="utf-8")
    return posts * per_post


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="an empty folder for the copy (and its built site/)")
    args = parser.parse_args()
    project = copy_site(Path(args.folder) / "project")
    with tempfile.TemporaryDirectory() as work:
        path = write_budget_posts(project / "docs", Path(work))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(Path(args.folder) / "site")], check=True, env=env)
    print(Path(args.folder) / "site", path)
