#!/usr/bin/env python3
"""Start a news post in both languages.

    python scripts/new_news.py --date 2026-01-31 --slug some-slug --title-th "…" --title-en "…"

Writes docs/news/<year>/<slug>.md (Thai) and docs/news/<year>/<slug>.en.md (English) with valid
front matter and a placeholder text to replace, then prints their paths. Never overwrites.
"""

import argparse
import datetime
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from news_posts import NEWS_FOLDER, SLUG  # noqa: E402  (the hooks' own rules for slugs and folders)

PLACEHOLDERS = {
    "th": ("สรุปข่าวในหนึ่งหรือสองประโยค", "เนื้อหาข่าว: แทนที่ข้อความนี้ด้วยเนื้อหาข่าวฉบับภาษาไทย"),
    "en": ("A one- or two-sentence summary of the news.", "News text: replace this paragraph with the English text."),
}


def post_text(title: str, date: datetime.date, lang: str) -> str:
    description, body = PLACEHOLDERS[lang]
    front_matter = yaml.safe_dump({"title": title, "date": date, "description": description}, allow_unicode=True, sort_keys=False)
    return f"---\n{front_matter}---\n\n{body}\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Start a news post in Thai and English.")
    parser.add_argument("--date", required=True, help="publication date, YYYY-MM-DD")
    parser.add_argument("--slug", required=True, help="ASCII name for the URL, e.g. pmqa-workshop")
    parser.add_argument("--title-th", required=True, help="Thai title")
    parser.add_argument("--title-en", required=True, help="English title")
    parser.add_argument("--docs", default=str(ROOT / "docs"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    try:
        date = datetime.date.fromisoformat(args.date)
    except ValueError:
        parser.error(f"--date: expected a date such as 2026-01-31, got {args.date!r}")
    if not SLUG.match(args.slug):
        parser.error(f"--slug: expected lower-case ASCII letters, digits and hyphens (e.g. pmqa-workshop), got {args.slug!r}")
    for option, title in (("--title-th", args.title_th), ("--title-en", args.title_en)):
        if not title.strip():
            parser.error(f"{option}: expected a title, got an empty text")

    folder = Path(args.docs) / NEWS_FOLDER / str(date.year)
    paths = {"th": folder / f"{args.slug}.md", "en": folder / f"{args.slug}.en.md"}
    news_dir = Path(args.docs) / NEWS_FOLDER
    existing = sorted(news_dir.glob(f"*/{args.slug}.md")) + sorted(news_dir.glob(f"*/{args.slug}.*.md"))
    if existing:
        print(f"new_news: not written: the slug {args.slug!r} is already used by {', '.join(map(str, existing))}", file=sys.stderr)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    for lang, title in (("th", args.title_th), ("en", args.title_en)):
        paths[lang].write_text(post_text(title.strip(), date, lang), encoding="utf-8")
        print(paths[lang])
    return 0


if __name__ == "__main__":
    sys.exit(main())
