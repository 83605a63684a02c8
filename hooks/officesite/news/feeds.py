"""News feeds of one language: RSS 2.0 and Atom 1.0. Plain Python, no MkDocs.

Both list the latest posts with absolute URLs, each with its cover photo as an enclosure
(RSS `<enclosure>`, Atom `<link rel="enclosure">`) when it has one. Dates are the posts'
publication days in Thailand's time zone. The XML is built with ElementTree, so text and
attributes are always escaped.
"""

import datetime
import xml.etree.ElementTree as ET
from email.utils import format_datetime

from officesite.news.posts import THAILAND

FEED_SIZE = 20
RSS_FILE = "rss.xml"
ATOM_FILE = "atom.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"


# Publication time of a post: the start of its day in Thailand.
def published_at(date: datetime.date) -> datetime.datetime:
    return datetime.datetime(date.year, date.month, date.day, tzinfo=THAILAND)


# RSS 2.0 document for the given channel and (post, absolute URL, category name, enclosure or
# None) entries; an enclosure is {url, length, type} (officesite.news.photos.enclosure).
def rss_feed(title: str, description: str, home_url: str, feed_url: str, lang: str, entries) -> bytes:
    ET.register_namespace("atom", ATOM_NS)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", home_url)
    _text(channel, "description", description)
    _text(channel, "language", lang)
    ET.SubElement(channel, f"{{{ATOM_NS}}}link", {"href": feed_url, "rel": "self", "type": "application/rss+xml"})
    if entries:
        _text(channel, "lastBuildDate", format_datetime(published_at(entries[0][0].date)))
    for post, url, category, enclosure in entries[:FEED_SIZE]:
        item = ET.SubElement(channel, "item")
        _text(item, "title", post.title)
        _text(item, "link", url)
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        _text(item, "pubDate", format_datetime(published_at(post.date)))
        _text(item, "description", post.description)
        if category:
            _text(item, "category", category)
        if enclosure:
            ET.SubElement(item, "enclosure", {"url": enclosure["url"], "length": str(enclosure["length"]), "type": enclosure["type"]})
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


# Atom 1.0 document for the same channel and entries.
def atom_feed(title: str, description: str, home_url: str, feed_url: str, lang: str, entries, author: str) -> bytes:
    ET.register_namespace("", ATOM_NS)
    atom = lambda tag: f"{{{ATOM_NS}}}{tag}"  # noqa: E731
    feed = ET.Element(atom("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    _text(feed, atom("title"), title)
    _text(feed, atom("subtitle"), description)
    ET.SubElement(feed, atom("link"), {"href": home_url, "rel": "alternate", "type": "text/html"})
    ET.SubElement(feed, atom("link"), {"href": feed_url, "rel": "self", "type": "application/atom+xml"})
    _text(feed, atom("id"), feed_url)
    updated = published_at(entries[0][0].date) if entries else published_at(datetime.date(2018, 1, 1))
    _text(feed, atom("updated"), updated.isoformat())
    _text(ET.SubElement(feed, atom("author")), atom("name"), author)
    for post, url, category, enclosure in entries[:FEED_SIZE]:
        entry = ET.SubElement(feed, atom("entry"))
        _text(entry, atom("title"), post.title)
        ET.SubElement(entry, atom("link"), {"href": url, "rel": "alternate", "type": "text/html"})
        if enclosure:
            ET.SubElement(entry, atom("link"), {"href": enclosure["url"], "rel": "enclosure", "type": enclosure["type"], "length": str(enclosure["length"])})
        _text(entry, atom("id"), url)
        _text(entry, atom("published"), published_at(post.date).isoformat())
        _text(entry, atom("updated"), published_at(post.date).isoformat())
        _text(entry, atom("summary"), post.description)
        if category:
            ET.SubElement(entry, atom("category"), {"term": category})
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _text(parent, tag, text):
    ET.SubElement(parent, tag).text = text
