#!/usr/bin/env python3
"""Start a news post in both languages.

    python scripts/new_news.py --date 2026-01-31 --slug some-slug --title-th "…" --title-en "…" [--draft]

Writes docs/news/<year>/<slug>.md (Thai) and docs/news/<year>/<slug>.en.md (English) with valid
front matter and a placeholder text to replace, then prints their paths. Never overwrites, and
never writes what the build would refuse: the options and then the files it would write are
checked with the build's own rules (hooks/news_posts.py). On any problem it writes nothing,
prints one line naming it and exits with 2.
"""

import argparse
import datetime
import sys
from pathlib import Path

import yaml
from officesite.metadata import shown_path, text_problem
from officesite.news.posts import (
    NEWS_FOLDER,
    NewsError,
    build_date,
    load_news,
    read_date,
    slug_problem,
)

ROOT = Path(__file__).resolve().parent.parent

LANGUAGES = ("th", "en")
PLACEHOLDERS = {
    "th": ("สรุปข่าวในหนึ่งหรือสองประโยค", "เนื้อหาข่าว: แทนที่ข้อความนี้ด้วยเนื้อหาข่าวฉบับภาษาไทย"),
    "en": ("A one- or two-sentence summary of the news.", "News text: replace this paragraph with the English text."),
}


# The text of one language's file.
def post_text(title: str, date: datetime.date, lang: str, draft: bool = False) -> str:
    description, body = PLACEHOLDERS[lang]
    meta = {"title": title, "date": date, "description": description} | ({"draft": True} if draft else {})
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{body}\n"


# The first problem with the options, as "--option: expected …, got …", or None.
def option_problem(args) -> str | None:
    date, problem = read_date(args.date)
    if problem:
        return f"--date: {problem}"
    problem = slug_problem(args.slug)
    if problem:
        return f"--slug: {problem}"
    for option, title in (("--title-th", args.title_th), ("--title-en", args.title_en)):
        if text_problem(title):
            return f"{option}: {text_problem(title)}"
    return None


# The first problem the build would find in the files to write ({path under news/: text}), or None.
def build_problem(news_dir: Path, slug: str, texts: dict, display_root: Path) -> str | None:
    for relative in texts:
        if (news_dir / relative).exists():
            return f'--slug: "{slug}" is already used by {shown_path(news_dir / relative, display_root)} (never overwritten)'
    try:
        load_news(news_dir, LANGUAGES, display_root=display_root, pending=texts)
    except NewsError as error:
        # Problems of other posts are the build's to report; only the new files matter here.
        ours = [shown_path(news_dir / relative, display_root) + ":" for relative in texts]
        return next((problem for prefix in ours for problem in error.problems if problem.startswith(prefix)), None)
    return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Start a news post in Thai and English.")
    parser.add_argument("--date", required=True, help="publication date, YYYY-MM-DD (Gregorian: 2018, not 2561)")
    parser.add_argument("--slug", required=True, help="ASCII name for the URL, e.g. pmqa-workshop")
    parser.add_argument("--title-th", required=True, help="Thai title")
    parser.add_argument("--title-en", required=True, help="English title")
    parser.add_argument("--draft", action="store_true", help="write `draft: true`: not published until removed")
    parser.add_argument("--docs", default=str(ROOT / "docs"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    news_dir = docs / NEWS_FOLDER

    problem = option_problem(args)
    date = read_date(args.date)[0]
    texts = {}
    if problem is None:
        for lang, title in zip(LANGUAGES, (args.title_th, args.title_en)):
            suffix = "" if lang == LANGUAGES[0] else f".{lang}"
            texts[f"{date.year}/{args.slug}{suffix}.md"] = post_text(title.strip(), date, lang, args.draft)
        problem = build_problem(news_dir, args.slug, texts, docs.parent)
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
