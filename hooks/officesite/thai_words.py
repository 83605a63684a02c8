"""Thai text split into words, with pythainlp's newmm and its dictionary.

Thai is written without spaces between words. The site's search does not need words (it
matches any string, officesite.search), but line breaking does: officesite.thai_breaks marks
where a Thai line may break, between the words found here.
"""

import re
from bisect import bisect_right
from functools import lru_cache

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Compound dictionary words are split further, into dictionary words of at least this many
# code points: shorter pieces are mostly syllables, not words ("สำ" + "นักงาน").
MIN_PIECE = 4


# A Thai run split into newmm's words, compounds kept whole.
@lru_cache(maxsize=65536)
def newmm_words(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize  # imported on first use

    return tuple(word for word in word_tokenize(run, engine="newmm", custom_dict=_newmm_dictionary(), keep_whitespace=False) if word)


class PrefixDictionary:
    """pythainlp's dictionary for newmm, which only asks it for the words that start at a
    position (`prefixes`). pythainlp's own Trie takes ~1.3 s to build from its 62,000 words,
    on every build, and a set of every prefix of every word ~0.25 s; the words, sorted, answer
    the same question (is there a longer word that starts so?) by bisection, sorted in ~0.03 s."""

    def __init__(self, words):
        self.words = frozenset(words)
        self.sorted = sorted(self.words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        found = []
        for stop in range(start + 1, len(text) + 1):
            candidate = text[start:stop]
            if candidate in self.words:
                found.append(candidate)
            if not self._extended(candidate):
                break
        return found

    # Whether a longer word starts with `candidate`: the first word sorted after it does.
    def _extended(self, candidate: str) -> bool:
        after = bisect_right(self.sorted, candidate)
        return after < len(self.sorted) and self.sorted[after].startswith(candidate)


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
