// Thai search queries, split into the words of the search index's own vocabulary.
// Loaded by Material's search worker (see hooks/theme_patches.py) and by the tests in
// Node. The index's Thai words come from pythainlp's newmm at build time
// (hooks/search_index.py); the browser has neither newmm nor its dictionary, so the query is
// matched against the words the index holds. Where the two could disagree:
// - a compound the reader types whole ("สิ่งแวดล้อม") is split like the index split it;
// - the last word may be unfinished ("สิ่งแวด"): a prefix of an indexed word stays whole;
// - a run with no indexed word in it falls back to Intl.Segmenter('th') words.
// Each Thai word becomes a required prefix term ("+word*"), so the pieces of one typed word
// must all match, as they would in the original text.
(function (global) {
  "use strict";

  const THAI_RUN = /[\u0E00-\u0E7F]+/g;
  const THAI_WORD = /^[\u0E00-\u0E7F]+$/;
  const sortedWords = new WeakMap();

  // The index's Thai words, sorted, for prefix look-ups (computed once per index).
  function thaiWords(vocabulary) {
    let words = sortedWords.get(vocabulary);
    if (!words) {
      words = Object.keys(vocabulary).filter((word) => THAI_WORD.test(word)).sort();
      sortedWords.set(vocabulary, words);
    }
    return words;
  }

  function startsAnIndexedWord(prefix, words) {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (words[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low < words.length && words[low].startsWith(prefix);
  }

  function fallbackWord(text) {
    if (typeof Intl !== "undefined" && Intl.Segmenter) {
      for (const {segment} of new Intl.Segmenter("th", {granularity: "word"}).segment(text)) return segment;
    }
    return text;
  }

  // A run of Thai letters as words of the vocabulary.
  function splitThaiRun(run, vocabulary) {
    const words = thaiWords(vocabulary);
    const has = (word) => Object.prototype.hasOwnProperty.call(vocabulary, word);
    const result = [];
    let start = 0;
    while (start < run.length) {
      const rest = run.slice(start);
      if (startsAnIndexedWord(rest, words)) {
        result.push(rest); // the last word, whole or still being typed
        break;
      }
      let end = run.length;
      while (end > start && !has(run.slice(start, end))) end--;
      const word = end > start ? run.slice(start, end) : fallbackWord(rest);
      result.push(word);
      start += word.length;
    }
    return result;
  }

  // A query with every Thai run replaced by required prefix terms of the index's words.
  function siteThaiQuery(query, vocabulary) {
    const split = query.replace(THAI_RUN, (run) => ` ${splitThaiRun(run, vocabulary).map((word) => `+${word}*`).join(" ")} `);
    return split.replace(/\s+/g, " ").trim();
  }

  global.siteThaiQuery = siteThaiQuery;
  global.splitThaiRun = splitThaiRun;
  if (typeof module === "object" && module.exports) module.exports = {siteThaiQuery, splitThaiRun};
})(typeof self !== "undefined" ? self : globalThis);
