"""A search index per language, with Thai text split into words.

Material's search splits text on its `separator` only, and Thai is written without spaces
between words: a Thai run became one token that no query could find. Once static-i18n has
written its merged index (after every language is built), this hook
- segments every Thai run of titles and texts into words with pythainlp's newmm, joined by
  U+200B ZERO WIDTH SPACE, which the search `separator` in mkdocs.yml splits on (invisible
  in result snippets);
- writes one index per language, so Thai pages search Thai pages and English pages English
  ones: search/search_index.json (default language) and en/search/search_index.json, whose
  locations are relative to /en/ (each page's search base, see `search_base`).
Queries meet the index in the browser: Material's search worker splits a Thai query into
the words of the index's own vocabulary, each matched as a prefix (hooks/theme_patches.py).
"""

import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path

INDEX_PATH = "search/search_index.json"
# lunr's built-in language, which needs no script of its own: the Thai in the index is split
# into words here, so no lunr language support (and its Thai segmenter) is loaded for it.
LUNR_BUILT_IN = "en"
WORD_JOINER = "\u200b"
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


# The base a page's search resolves index and result locations against: its language's root.
def search_base(base_url: str, lang: str, languages) -> str:
    prefix = languages.prefix(lang)
    return posixpath.join(base_url, prefix) if prefix else base_url


# Replace static-i18n's merged index under a built site by one index per language.
def write_language_indexes(site_dir: Path, languages) -> None:
    merged = json.loads((site_dir / INDEX_PATH).read_text(encoding="utf-8"))
    for lang, index in split_index(merged, languages).items():
        target = site_dir / languages.prefix(lang) / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# One index per language from static-i18n's merged one, Thai segmented into words.
def split_index(merged: dict, languages) -> dict[str, dict]:
    config = {**merged["config"], "lang": [LUNR_BUILT_IN]}
    indexes = {lang: {"config": config, "docs": []} for lang in languages.built}
    for doc in merged["docs"]:
        lang = languages.of_path(doc["location"])
        doc = {**doc, "location": doc["location"].removeprefix(languages.prefix(lang))}
        for field in ("title", "text"):
            if field in doc:
                doc[field] = segment_thai(doc[field])
        if "tags" in doc:
            doc["tags"] = [segment_thai(tag) for tag in doc["tags"]]
        indexes[lang]["docs"].append(doc)
    return indexes


# Text with each Thai run split into words joined by U+200B; everything else untouched.
def segment_thai(text: str) -> str:
    return THAI_RUN.sub(lambda run: WORD_JOINER.join(_thai_words(run.group())), text)


# Compound dictionary words are split further, into dictionary words of at least this many
# code points, so a word inside a compound is found too: newmm keeps "คุณภาพสิ่งแวดล้อม" whole,
# the index holds "คุณภาพ", "สิ่ง", "แวดล้อม". Shorter pieces are mostly syllables, not words
# ("สำ" + "นักงาน"), and would only add noise.
MIN_PIECE = 4


@lru_cache(maxsize=65536)
def _thai_words(run: str) -> tuple[str, ...]:
    return tuple(piece for word in newmm_words(run) for piece in split_compound(word))


# A Thai run split into newmm's words, compounds kept whole; also where Thai lines may break
# (officesite.thai_breaks), so both read the same dictionary, loaded once.
@lru_cache(maxsize=65536)
def newmm_words(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize  # imported on first use

    return tuple(word for word in word_tokenize(run, engine="newmm", custom_dict=_newmm_dictionary(), keep_whitespace=False) if word)


class PrefixDictionary:
    """pythainlp's dictionary for newmm, which only asks it for the words that start at a
    position (`prefixes`). pythainlp's own Trie takes ~1.3 s to build from its 62,000 words,
    on every build; a set of the words and one of their prefixes answer the same question
    and build in a fraction of that."""

    def __init__(self, words):
        self.words = frozenset(words)
        self.starts = frozenset(word[:length] for word in self.words for length in range(1, len(word)))

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = []
        for stop in range(start + 1, len(text) + 1):
            candidate = text[start:stop]
            if candidate in self.words:
                found.append(candidate)
            if candidate not in self.starts:
                break
        return found


@lru_cache(maxsize=1)
def _newmm_dictionary() -> PrefixDictionary:
    return PrefixDictionary(_dictionary())


# The finest split of a word into dictionary words of MIN_PIECE code points or more.
@lru_cache(maxsize=65536)
def split_compound(word: str) -> tuple[str, ...]:
    pieces = _fewest_pieces(word, _dictionary())
    if pieces is None:
        return (word,)
    return tuple(finer for piece in pieces for finer in split_compound(piece))


# The split of `word` into the fewest (two or more) dictionary words, or None.
def _fewest_pieces(word: str, dictionary) -> list[str] | None:
    best: list[list[str] | None] = [None] * (len(word) + 1)
    best[0] = []
    for start in range(len(word)):
        if best[start] is None:
            continue
        for end in range(start + MIN_PIECE, len(word) + 1):
            piece = word[start:end]
            if (start, end) != (0, len(word)) and piece in dictionary:
                if best[end] is None or len(best[start]) + 1 < len(best[end]):
                    best[end] = best[start] + [piece]
    return best[len(word)]


@lru_cache(maxsize=1)
def _dictionary() -> frozenset:
    from pythainlp.corpus import thai_words

    return thai_words()
