#!/usr/bin/env python3
"""Start a news post in every language of the site.

    python scripts/new_news.py --date 2026-01-31 --slug some-slug --title-th "…" --title-en "…" [--draft]

Writes one file per language of mkdocs.yml, docs/news/<year>/<slug>.md (the default language)
and docs/news/<year>/<slug>.<code>.md (the others), with valid front matter and a placeholder
text to replace (from ui_strings.yml), then prints their paths. There is one --title-<code>
option per language. Never overwrites, and never writes what the build would refuse: the
options and then the files it would write are checked with the build's own rules
(officesite.news.posts). On any problem it writes nothing, prints one line naming it and
exits with 2.
"""

import argparse
import datetime
import sys
from pathlib import Path

import yaml
from officesite.languages import languages_of_mkdocs_yml
from officesite.metadata.fields import Context
from officesite.metadata.problems import MetadataError
from officesite.metadata.shown import shown_path
from officesite.news.posts import NEWS_FOLDER, NewsError, build_date, load_news
from officesite.schema import NEWS_POST
from officesite.strings import UI_STRINGS_FILE, load_ui_strings, strings_of_languages

ROOT = Path(__file__).resolve().parent.parent



# The text of one language's file, with the placeholders of that language's strings.
def post_text(title: str, date: datetime.date, ui: dict, draft: bool = False) -> str:
    meta = {"title": title, "date": date, "description": ui["news_new_description"]} | ({"draft": True} if draft else {})
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{ui['news_new_text']}\n"


# The option that gives a language's title, and its attribute name.
def title_option(lang: str) -> tuple[str, str]:
    return f"--title-{lang}", f"title_{lang.replace('-', '_')}"


# The first problem with the options, as "--option: expected …, got …", or None: each is
# checked with its field's declaration (officesite.schema: NEWS_POST).
def option_problem(args, languages) -> str | None:
    context = Context(languages)
    checks = [("--date", NEWS_POST.field("date").type, args.date), ("--slug", NEWS_POST.file_name, args.slug)]
    checks += [(option, NEWS_POST.field("title").type, getattr(args, name)) for option, name in map(title_option, languages.codes)]
    for option, value_type, value in checks:
        problems = value_type.check(value, context)[1]
        if problems:
            return f"{option}: {problems[0][1]}"
    return None


# The first problem the build would find in the files to write ({path under news/: text}), or None.
def build_problem(news_dir: Path, slug: str, texts: dict, display_root: Path, languages) -> str | None:
    for relative in texts:
        if (news_dir / relative).exists():
            return f'--slug: expected a slug no post has, got "{slug}", which {shown_path(news_dir / relative, display_root)} has (never overwritten)'
    try:
        load_news(news_dir, languages, display_root=display_root, pending=texts)
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
    args = parser.parse_args(argv)
    news_dir = docs / NEWS_FOLDER
    try:
        strings = strings_of_languages(load_ui_strings(UI_STRINGS_FILE, languages), languages)[0]
    except MetadataError as error:
        print(f"new_news: not written: {error.problems[0]}", file=sys.stderr)
        return 2

    problem = option_problem(args, languages)
    texts = {}
    if problem is None:
        date = NEWS_POST.field("date").type.check(args.date, Context(languages))[0]
        for lang in languages.codes:
            title = getattr(args, title_option(lang)[1])
            texts[f"{date.year}/{languages.file_name(args.slug, lang)}"] = post_text(title.strip(), date, strings[lang], args.draft)
        problem = build_problem(news_dir, args.slug, texts, docs.parent, languages)
    if problem:
        print(f"new_news: not written: {problem}", file=sys.stderr)
        return 2

    (news_dir / str(date.year)).mkdir(parents=True, exist_ok=True)
    for relative, text in texts.items():
        (news_dir / relative).write_text(text, encoding="utf-8")
        print(news_dir / relative)
    if args.draft:
        print("new_news: a draft: published once `draft: true` is removed", file=sys.stderr)
    elif date > build_date():
        print(f"new_news: scheduled: published by the first build on or after {date.isoformat()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
