#!/usr/bin/env python3
"""Generate sample news posts in every language, for scale tests and the build benchmark.

    python scripts/sample_news.py --posts 1000 --docs /tmp/site-copy/docs

Writes docs/news/<year>/sample-<n>.<code>.md in every language (the languages of the copy's
mkdocs.yml): a few paragraphs of plausible office news in Thai or English (a language without
sample text of its own gets the first one's), dated one every three days backwards from
2026-06-30. The text is sample text made for testing, never office facts: never commit its output.
"""

import argparse
import datetime
import random
from pathlib import Path

from officesite.languages import languages_of_mkdocs_yml

THAI_SENTENCES = (
    "สำนักงานสิ่งแวดล้อมภาคที่ 13 (ชลบุรี) จัดประชุมเชิงปฏิบัติการเรื่องการจัดการคุณภาพน้ำร่วมกับหน่วยงานในพื้นที่",
    "เจ้าหน้าที่ส่วนควบคุมคุณภาพสิ่งแวดล้อมลงพื้นที่ตรวจวัดคุณภาพอากาศบริเวณนิคมอุตสาหกรรม",
    "ที่ประชุมได้หารือแนวทางการลดปริมาณขยะมูลฝอยและการคัดแยกขยะที่ต้นทาง",
    "ผู้เข้าร่วมได้แลกเปลี่ยนความรู้เรื่องการจัดการความรู้และการพัฒนาระบบราชการ 4.0",
    "ส่วนยุทธศาสตร์และแผนสิ่งแวดล้อมนำเสนอผลการดำเนินงานตามแผนปฏิบัติการประจำปี",
    "กิจกรรมครั้งนี้มุ่งส่งเสริมการมีส่วนร่วมของประชาชนในการดูแลทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "ส่วนอำนวยการประสานงานการฝึกอบรมบุคลากรเพื่อเพิ่มประสิทธิภาพการให้บริการประชาชน",
    "คณะทำงานติดตามความก้าวหน้าของโครงการฟื้นฟูป่าชายเลนและระบบนิเวศชายฝั่ง",
)
ENGLISH_SENTENCES = (
    "The Regional Environment Office 13 (Chonburi) held a workshop on water quality management with local agencies.",
    "Staff of the Environmental Quality Control section measured air quality around the industrial estate.",
    "The meeting discussed ways to reduce solid waste and to sort waste at its source.",
    "Participants shared knowledge on knowledge management and the development of Public Sector 4.0.",
    "The Environmental Strategy and Planning section presented the results of the annual action plan.",
    "The activity encouraged the public to take part in caring for natural resources and the environment.",
    "The General Administration section coordinated staff training to improve services to the public.",
    "The working group followed the progress of the mangrove and coastal ecosystem restoration project.",
)
# Each language's sample text: how a title starts, and sentences written in that language.
SAMPLES = {"th": ("ข่าวตัวอย่างที่", THAI_SENTENCES), "en": ("Sample news", ENGLISH_SENTENCES)}
FIRST_DATE = datetime.date(2026, 6, 30)


def paragraphs(sentences, rng, count=3) -> str:
    return "\n\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(count))


def sample_post(number: int, lang: str, rng: random.Random) -> tuple[datetime.date, str]:
    date = FIRST_DATE - datetime.timedelta(days=3 * number)
    start, sentences = SAMPLES.get(lang) or next(iter(SAMPLES.values()))
    title, description, text = f"{start} {number}: {sentences[number % 8][:60]}", sentences[(number + 1) % 8], paragraphs(sentences, rng)
    title = title.replace('"', "")
    return date, f'---\ntitle: "{title}"\ndate: {date.isoformat()}\ndescription: "{description}"\n---\n\n{text}\n'


# Write `count` sample posts per language under docs_dir; return their folder.
def write_sample_posts(docs_dir: Path, count: int, seed: int = 13) -> Path:
    rng = random.Random(seed)
    news_dir = Path(docs_dir) / "news"
    languages = languages_of_mkdocs_yml(Path(docs_dir).parent / "mkdocs.yml")
    for number in range(1, count + 1):
        for lang in languages.codes:
            date, text = sample_post(number, lang, rng)
            folder = news_dir / str(date.year)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / languages.file_name(f"sample-{number}", lang)).write_text(text, encoding="utf-8")
    return news_dir


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, required=True, help="posts per language")
    parser.add_argument("--docs", required=True, help="the docs/ folder of a copy of the site (never the real one)")
    args = parser.parse_args()
    print(write_sample_posts(Path(args.docs), args.posts))
