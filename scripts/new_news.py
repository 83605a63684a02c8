#!/usr/bin/env python3
"""Start a news post in every language of the site, with its photos.

    python scripts/new_news.py --date 2026-01-31 --slug some-slug --title-th "…" --title-en "…" [--draft]
        [--photo FILE --alt-th "…" --alt-en "…"]… [--photo FILE --decorative]…

Writes one file per language of mkdocs.yml, docs/news/<year>/<slug>.<code>.md (every
language names its file, as the web editor does), with valid front matter and a placeholder
text to replace (from ui_strings.yml), copies each --photo into the post's photo folder
docs/news/<year>/<slug>/ (the first is the cover, the others the gallery, in order) with the
descriptions that follow it, then prints the paths of what it wrote. There is one
--title-<code> and one --alt-<code> option per language. Never overwrites, and never writes
what the build would refuse: the options, the photos (read and processed as the build does,
into its cache: the next build reuses them) and the files it would write are checked with the
build's own rules (officesite.news.posts, officesite.photos). On any problem it writes
nothing, prints one line naming it and exits with 2.
"""

import argparse
import datetime
import shutil
import sys
from pathlib import Path

import yaml
from officesite.languages import languages_of_mkdocs_yml
from officesite.metadata.fields import Context
from officesite.metadata.problems import MetadataError
from officesite.metadata.shown import shown_path
from officesite.metadata.shown import printable
from officesite.news.photos import PHOTO_CACHE
from officesite.news.posts import NEWS_FOLDER, NewsError, build_date, load_news
from officesite.photos.batch import process_photos
from officesite.schema import NEWS_POST, PHOTO
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages

ROOT = Path(__file__).resolve().parent.parent



# The text of one language's file, with the placeholders of that language's strings and, in
# the default language's, the photos ({src, alt or decorative}: the first the cover).
def post_text(title: str, date: datetime.date, ui: dict, draft: bool = False, photos=()) -> str:
    meta = {"title": title, "date": date, "description": ui["news_new_description"]}
    if photos:
        meta |= {"cover": photos[0]} | ({"gallery": list(photos[1:])} if len(photos) > 1 else {})
    meta |= {"draft": True} if draft else {}
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{ui['news_new_text']}\n"


# The option that gives a language's title, and its attribute name.
def title_option(lang: str) -> tuple[str, str]:
    return f"--title-{lang}", f"title_{lang.replace('-', '_')}"


# The option that describes the last photo in a language.
def alt_option(lang: str) -> str:
    return f"--alt-{lang}"


class PhotoOption(argparse.Action):
    """--photo starts a photo; --alt-<code> and --decorative describe the last one given.
    Collects [{"file", "alt": {lang: text}, "decorative"}] in `photos`, and the first option
    given out of place in `photo_misplaced`."""

    def __call__(self, parser, namespace, value, option_string=None):
        photos = namespace.photos = list(namespace.photos or [])
        if option_string == "--photo":
            photos.append({"file": value, "alt": {}, "decorative": False})
        elif not photos:
            namespace.photo_misplaced = namespace.photo_misplaced or f"{option_string}: expected after the --photo it describes, got it before any --photo"
        elif option_string == "--decorative":
            photos[-1]["decorative"] = True
        elif self.const in photos[-1]["alt"]:
            namespace.photo_misplaced = namespace.photo_misplaced or f"{option_string}: expected once for each --photo, got it twice for {printable(photos[-1]['file'])}"
        else:
            photos[-1]["alt"][self.const] = value


# The first problem with the options, as "--option: expected …, got …", or None: each is
# checked with its field's declaration (officesite.schema: NEWS_POST, PHOTO).
def option_problem(args, languages) -> str | None:
    context = Context(languages)
    checks = [("--date", NEWS_POST.field("date").type, args.date), ("--slug", NEWS_POST.file_name, args.slug)]
    checks += [(option, NEWS_POST.field("title").type, getattr(args, name)) for option, name in map(title_option, languages.codes)]
    for option, value_type, value in checks:
        problems = value_type.check(value, context)[1]
        if problems:
            return f"{option}: {problems[0][1]}"
    if args.photo_misplaced:
        return args.photo_misplaced
    for photo in args.photos or ():
        described = {"src": "photo.jpg", "alt": photo["alt"] or None, "decorative": photo["decorative"]}
        problems = PHOTO.check(described, context)[1]
        if problems:
            path, message = problems[0]
            lang = path.partition(".")[2]
            option = alt_option(lang) if lang else f"--photo {printable(photo['file'])}"
            return f"{option}: {message}".replace("decorative: true", "--decorative")
    return None


# The first photo the build would refuse, as "--photo FILE: expected …, got …", or None. The
# photos are processed into the build's cache (`cache_dir`), as the build would.
def photo_problem(photos, cache_dir: Path) -> str | None:
    files = [Path(photo["file"]) for photo in photos]
    refused = {error.path: error.problem for error in process_photos(files, cache_dir).problems}
    return next((f"--photo {printable(str(file))}: {refused[file]}" for file in files if file in refused), None)


# The name of each photo in the post's photo folder: its own file name, made unique.
def photo_names(photos) -> list[str]:
    names: list[str] = []
    for photo in photos:
        name = Path(photo["file"]).name.lstrip(".") or "photo.jpg"
        stem, suffix, number = Path(name).stem, Path(name).suffix, 1
        while name in names:
            number += 1
            name = f"{stem}-{number}{suffix}"
        names.append(name)
    return names


# The photo as the post's front matter names it.
def photo_meta(name: str, photo: dict, languages) -> dict:
    if photo["decorative"]:
        return {"src": name, "decorative": True}
    return {"src": name, "alt": {lang: photo["alt"][lang].strip() for lang in languages.codes}}


# The first problem the build would find in the files to write ({path under news/: text}) and
# the photos to copy (paths under news/), or None.
def build_problem(news_dir: Path, slug: str, texts: dict, display_root: Path, languages, photos=()) -> str | None:
    for relative in [*texts, *photos]:
        if (news_dir / relative).exists():
            return f'--slug: expected a slug no post has, got "{slug}", which {shown_path(news_dir / relative, display_root)} has (never overwritten)'
    try:
        load_news(news_dir, languages, display_root=display_root, pending=texts, pending_photos=photos)
    except NewsError as error:
        # Problems of other posts are the build's to report; only the new files matter here.
        ours = [shown_path(news_dir / relative, display_root) + ":" for relative in texts]
        return next((problem for prefix in ours for problem in error.problems if problem.startswith(prefix)), None)
    return None


def main(argv=None) -> int:
    docs_option = argparse.ArgumentParser(add_help=False)
    docs_option.add_argument("--docs", default=str(ROOT / "docs"), help=argparse.SUPPRESS)
    docs = Path(docs_option.parse_known_args(argv)[0].docs)
    languages = languages_of_mkdocs_yml(docs.parent / "mkdocs.yml")
    parser = argparse.ArgumentParser(description="Start a news post in every language of the site.", parents=[docs_option])
    parser.add_argument("--date", required=True, help="publication date, YYYY-MM-DD (Gregorian: 2018, not 2561)")
    parser.add_argument("--slug", required=True, help="ASCII name for the URL, e.g. pmqa-workshop")
    for lang in languages.codes:
        parser.add_argument(title_option(lang)[0], required=True, help=f"title in {languages.english_name(lang)}")
    parser.add_argument("--draft", action="store_true", help="write `draft: true`: not published until removed")
    photos = parser.add_argument_group("photos", "each --photo, then its description in every language or --decorative; the first photo is the cover")
    photos.add_argument("--photo", action=PhotoOption, metavar="FILE", help="a JPEG, PNG or WebP photo, copied into docs/news/<year>/<slug>/")
    for lang in languages.codes:
        photos.add_argument(alt_option(lang), action=PhotoOption, const=lang, metavar="TEXT", help=f"what the photo shows, in {languages.english_name(lang)}")
    photos.add_argument("--decorative", action=PhotoOption, nargs=0, help="the photo shows nothing a reader needs: no description")
    parser.set_defaults(photos=[], photo_misplaced=None)
    args = parser.parse_args(argv)
    news_dir = docs / NEWS_FOLDER
    try:
        strings = strings_of_languages(load_ui_strings(UI_STRINGS_FILE, languages), languages)[0]
    except MetadataError as error:
        print(f"new_news: not written: {error.problems[0]}", file=sys.stderr)
        return 2

    problem = option_problem(args, languages) or (args.photos and photo_problem(args.photos, docs.parent / PHOTO_CACHE))
    texts, copies = {}, {}
    if not problem:
        date = NEWS_POST.field("date").type.check(args.date, Context(languages))[0]
        names = photo_names(args.photos)
        photos = [photo_meta(name, photo, languages) for name, photo in zip(names, args.photos)]
        copies = {f"{date.year}/{args.slug}/{name}": Path(photo["file"]) for name, photo in zip(names, args.photos)}
        for lang in languages.codes:
            title = getattr(args, title_option(lang)[1])
            texts[f"{date.year}/{languages.file_name(args.slug, lang)}"] = post_text(title.strip(), date, strings[lang], args.draft, photos if lang == languages.default else ())
        problem = build_problem(news_dir, args.slug, texts, docs.parent, languages, copies)
    if problem:
        print(f"new_news: not written: {problem}", file=sys.stderr)
        return 2

    (news_dir / str(date.year)).mkdir(parents=True, exist_ok=True)
    for relative, text in texts.items():
        (news_dir / relative).write_text(text, encoding="utf-8")
        print(news_dir / relative)
    for relative, source in copies.items():
        (news_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, news_dir / relative)
        print(news_dir / relative)
    if args.draft:
        print("new_news: a draft: published once `draft: true` is removed", file=sys.stderr)
    elif date > build_date():
        print(f"new_news: scheduled: published by the first build on or after {date.isoformat()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
