// The site's search: the dialog of overrides/partials/search.html, and the matching it runs.
//
// Every query is answered: the box is read on every `input` event (typing, pasting, an input
// method's composition, dictation, autofill), when search opens and when the index arrives,
// so text that entered the box before the index did is searched as soon as it can be.
//
// Matching (hooks/officesite/search/ builds the index): a page matches when its text, in the
// flat form (`flat`: lower case, no whitespace or invisible characters), contains the flat
// query; or, failing that, when it contains every word of the query: a Latin word by its stem
// at the start of a word ("meetings" finds "meeting"), any other word anywhere. The index
// lists, for each character and pair of characters, the pages holding it; the pages holding
// all of a query's pairs are the candidates, and each candidate's text is checked here before
// it is shown. Candidates are checked in order (title first, then the page order of the index)
// until a screenful is found; more are checked as the reader scrolls.
(function (global) {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // Matching: plain functions, also run by the tests in Node
  // ---------------------------------------------------------------------------------------

  // The characters matching ignores: hooks/officesite/search/text.py IGNORED_CLASS, verbatim.
  const IGNORED = /[\t\n\v\f\r \x85\xa0\xad\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/g;
  const IGNORED_ONE = new RegExp(`^${IGNORED.source}$`);
  const LATIN_WORD = /^[a-z]+$/;
  const NUMBER = /^[\d.,]+$/;
  const WORD_CHARACTER = /[\p{L}\p{N}]/u;
  const MAX_GRAMS = 12; // per query: enough to narrow the candidates, few files to load
  const SCREENFUL = 10;

  function flat(text) {
    return text.normalize("NFC").toLowerCase().replace(IGNORED, "");
  }

  // A text's flat form, with where each of its code units comes from in the text. Most texts
  // keep their length in lower case: one pass over code units; others character by character.
  function flatWithOrigins(text) {
    const lower = text.toLowerCase();
    const keep = lower.length === text.length;
    const units = [];
    const origins = [];
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i);
      const width = code > 0xffff ? 2 : 1;
      if (!isIgnored(code)) {
        const piece = keep ? lower.slice(i, i + width) : String.fromCodePoint(code).toLowerCase();
        units.push(piece);
        for (let unit = 0; unit < piece.length; unit++) origins.push(i);
      }
      i += width;
    }
    origins.push(text.length);
    return {flatText: units.join(""), origins};
  }

  // IGNORED for one code point, without a regular expression per character (tested equal).
  function isIgnored(code) {
    if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (code < 0x85) return false;
    return (
      code === 0x85 || code === 0xa0 || code === 0xad || code === 0x1680 || code === 0x180e || (code >= 0x2000 && code <= 0x200d) ||
      code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x2060 || code === 0x3000 || code === 0xfeff
    );
  }

  // A light English stemmer: strips one suffix, so the stem is always a prefix of the word
  // and is looked for at the start of a word ("managing" -> "manag", found in "management").
  const SUFFIXES = ["ations", "ation", "ments", "ment", "ings", "ing", "edly", "ies", "ied", "es", "ed", "ly", "s", "e", "y"];
  function stem(word) {
    for (const suffix of SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
    }
    return word;
  }

  // What a query asks for: the flat phrase, and its words. A number is read with the word
  // before it ("หมวด 7", "PMQA 4.0", "category 7"): "หมวด 8" asks for หมวด8, not for หมวด and 8.
  function parseQuery(query) {
    const phrase = flat(query);
    const words = [];
    for (const word of query.normalize("NFC").split(IGNORED).map(flat).filter(Boolean)) {
      if (NUMBER.test(word) && words.length) words.push(words.pop() + word);
      else words.push(word);
    }
    return {
      phrase,
      words: words.map((word) => (LATIN_WORD.test(word) ? {text: stem(word), wordStart: true} : {text: word, wordStart: false})),
    };
  }

  // The index keys that narrow the pages holding a flat string: pairs covering every character.
  function gramsOf(text) {
    const characters = Array.from(text);
    if (characters.length < 2) return characters;
    const pairs = [];
    for (let i = 0; i < characters.length - 1; i += 2) pairs.push(characters[i] + characters[i + 1]);
    if (characters.length % 2) pairs.push(characters[characters.length - 2] + characters[characters.length - 1]);
    return pairs;
  }

  // At most `limit` of a list, spread evenly over it.
  function spread(list, limit) {
    if (list.length <= limit) return list;
    return Array.from({length: limit}, (_, i) => list[Math.round((i * (list.length - 1)) / (limit - 1))]);
  }

  // FNV-1a over UTF-16 code units: hooks/officesite/search/index.py gram_hash.
  function gramHash(gram) {
    let value = 0x811c9dc5;
    for (let i = 0; i < gram.length; i++) {
      value ^= gram.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value;
  }

  // Ascending page numbers from their differences.
  function pagesOf(differences) {
    const pages = [];
    let page = 0;
    for (const difference of differences || []) pages.push((page += difference));
    return pages;
  }

  // The pages in every one of some ascending lists (walked side by side: no sets to build).
  function intersect(lists) {
    if (!lists.length) return [];
    const [shortest, ...others] = [...lists].sort((a, b) => a.length - b.length);
    let pages = shortest;
    for (const list of others) {
      const kept = [];
      let at = 0;
      for (const page of pages) {
        while (at < list.length && list[at] < page) at++;
        if (at === list.length) break;
        if (list[at] === page) kept.push(page);
      }
      pages = kept;
    }
    return pages;
  }

  // Every place a flat needle occurs in a flat text (at most `limit`).
  function occurrences(flatText, needle, limit = 50) {
    const found = [];
    for (let at = flatText.indexOf(needle); at >= 0 && found.length < limit; at = flatText.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  // Whether a flat position starts a word of the original text (no letter or digit before it).
  function startsWord(text, origins, at) {
    const origin = origins[at];
    return origin === 0 || !WORD_CHARACTER.test(text[origin - 1]);
  }

  // The ranges [start, end) of a text where a query matches it: the phrase, or else its words.
  function marksIn(text, query, withOrigins = flatWithOrigins(text)) {
    const {flatText, origins} = withOrigins;
    const toText = (at, length) => [origins[at], origins[at + length - 1] + 1];
    const phraseAt = query.phrase ? occurrences(flatText, query.phrase) : [];
    const wordsAt = query.words.map((word) =>
      occurrences(flatText, word.text).filter((at) => !word.wordStart || startsWord(text, origins, at)),
    );
    const marks = phraseAt.length
      ? phraseAt.map((at) => toText(at, query.phrase.length))
      : wordsAt.flatMap((found, i) => found.map((at) => toText(at, query.words[i].text.length)));
    return {phraseAt, wordsAt, marks: marks.sort((a, b) => a[0] - b[0])};
  }

  // How a checked page matches a query, or null: {tier, hits, span, marks}; marks in page.text.
  function matchPage(page, query) {
    if (!page.flatText) Object.assign(page, flatWithOrigins(page.text));
    const {phraseAt, wordsAt, marks} = marksIn(page.text, query, page);
    const allWords = wordsAt.length > 0 && wordsAt.every((found) => found.length > 0);
    if (!phraseAt.length && !allWords) return null;
    const flatTitle = flat(page.title);
    const inTitle = flatTitle.includes(query.phrase) || (allWords && query.words.every((word) => flatTitle.includes(word.text)));
    const firsts = wordsAt.map((found) => found[0] ?? 0);
    return {
      tier: inTitle ? 3 : phraseAt.length ? 2 : 1,
      hits: phraseAt.length || wordsAt.reduce((sum, found) => sum + found.length, 0),
      span: phraseAt.length ? 0 : Math.max(...firsts) - Math.min(...firsts),
      marks,
    };
  }

  function byRank(a, b) {
    return b.match.tier - a.match.tier || b.match.hits - a.match.hits || a.match.span - b.match.span || a.number - b.number;
  }

  // One language's index, under its root URL (`…/search/`), loaded a file at a time.
  class SearchIndex {
    constructor(root, fetchJson) {
      this.root = root;
      this.fetchJson = fetchJson;
      this.files = new Map();
      this.manifest = null;
    }

    load(name) {
      if (!this.files.has(name)) {
        const version = this.manifest ? `?v=${this.manifest.id}` : "";
        const loading = this.fetchJson(`${this.root}search/${name}${version}`);
        loading.catch(() => this.files.delete(name)); // a failed file is asked for again next time
        this.files.set(name, loading);
      }
      return this.files.get(name);
    }

    async ready() {
      this.manifest = this.manifest || (await this.load("index.json"));
      return this;
    }

    // The pages holding each gram, in texts and titles (decoded once per gram).
    async postings(grams) {
      const {gram_files: count} = this.manifest;
      const files = await Promise.all(grams.map((gram) => this.load(`grams-${gramHash(gram) % count}.json`)));
      this.decoded = this.decoded || new Map();
      return grams.map((gram, i) => {
        if (!this.decoded.has(gram)) this.decoded.set(gram, {text: pagesOf(files[i].text[gram]), title: pagesOf(files[i].title[gram])});
        return this.decoded.get(gram);
      });
    }

    async page(number) {
      const size = this.manifest.pages_per_file;
      const file = await this.load(`pages-${Math.floor(number / size)}.json`);
      const record = file[number % size];
      if (!record.page) {
        const [location, title, text, sections] = record;
        record.page = {number, location, title, text, sections};
      }
      return record.page;
    }

    // The search of a query: its candidates in the order they are checked.
    // The search of a query: its candidates in the order they are checked; null when
    // `wanted()` says, once the files have arrived, that the query is no longer asked.
    async search(query, wanted = () => true) {
      await this.ready();
      const parsed = parseQuery(query);
      if (!parsed.phrase) return new Search(this, parsed, []);
      const strings = [parsed.phrase, ...parsed.words.map((word) => word.text)];
      const grams = strings.map((text) => spread(gramsOf(text), MAX_GRAMS));
      const unique = [...new Set(grams.flat())];
      const found = await this.postings(unique);
      if (!wanted()) return null;
      const postings = new Map(found.map((pages, i) => [unique[i], pages]));
      const pages = (list, field) => intersect(list.map((gram) => postings.get(gram)[field]));
      // Checked in this order: the phrase's grams in the title, in the text, every word's in the text.
      const rank = new Uint8Array(this.manifest.pages);
      const words = grams.length > 1 ? intersect(grams.slice(1).map((list) => pages(list, "text"))) : [];
      for (const page of words) rank[page] = 1;
      for (const page of pages(grams[0], "text")) rank[page] = 2;
      for (const page of pages(grams[0], "title")) rank[page] = 3; // a title is part of its page's text
      const candidates = [];
      for (const wanted of [3, 2, 1]) rank.forEach((value, page) => value === wanted && candidates.push(page));
      return new Search(this, parsed, candidates);
    }
  }

  // The results of one query, checked a screenful at a time.
  class Search {
    constructor(index, query, candidates) {
      this.index = index;
      this.query = query;
      this.unchecked = candidates;
      this.checked = []; // matching pages not yet handed out, best first
      this.total = candidates.length; // an upper bound until every candidate is checked
    }

    get done() {
      return this.dropped || (!this.unchecked.length && !this.checked.length);
    }

    // The next results, best first: at least `count` of them unless there are fewer (or the
    // search was dropped for a newer one).
    async next(count = SCREENFUL) {
      while (this.checked.length < count && this.unchecked.length && !this.dropped) {
        const size = this.index.manifest.pages_per_file;
        const files = new Set();
        let take = 0;
        // A screenful and a half of candidates at a time, from at most four files.
        while (take < this.unchecked.length && take < count * 1.5 && (files.size < 4 || files.has(Math.floor(this.unchecked[take] / size)))) {
          files.add(Math.floor(this.unchecked[take] / size));
          take++;
        }
        const batch = this.unchecked.splice(0, take);
        const pages = await Promise.all(batch.map((number) => this.index.page(number)));
        const found = pages.map((page) => ({...page, match: matchPage(page, this.query)})).filter((result) => result.match);
        this.total -= batch.length - found.length;
        this.checked.push(...found.sort(byRank));
      }
      return this.checked.splice(0, count);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Showing results
  // ---------------------------------------------------------------------------------------

  const SNIPPET_BEFORE = 60;
  const SNIPPET_LENGTH = 220;

  // A text's part [start, end) as nodes, the marked ranges in <mark>: text, never markup.
  function markedNodes(text, start, end, marks) {
    const nodes = [];
    let at = start;
    for (const [from, to] of marks) {
      if (to <= at || from >= end) continue;
      if (from > at) nodes.push(document.createTextNode(text.slice(at, from)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(Math.max(from, at), Math.min(to, end));
      nodes.push(mark);
      at = Math.min(to, end);
    }
    if (at < end) nodes.push(document.createTextNode(text.slice(at, end)));
    return nodes;
  }

  // Where a snippet around the first mark starts and ends: at spaces when there are some near.
  function snippetRange(text, first) {
    let start = Math.max(0, first - SNIPPET_BEFORE);
    if (start > 0) {
      const space = text.indexOf(" ", start);
      if (space >= 0 && space < first) start = space + 1;
    }
    let end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > first) end = space;
    }
    return [start, end];
  }

  // The section of the page the first mark is in: its heading's id, or "" for the page's top.
  function sectionOf(page, at) {
    let anchor = "";
    for (const [start, id] of page.sections) {
      if (start > at) break;
      anchor = start > 0 ? id : "";
    }
    return anchor;
  }

  function resultItem(result, query, root) {
    const {match, text, title} = result;
    // The snippet shows the first match after the page's title (its text starts with it), or
    // the text after the title when only the title matched.
    const body = text.startsWith(title) ? title.length : 0;
    const inBody = match.marks.find(([start]) => start >= body);
    const first = inBody ? inBody[0] : body;
    const anchor = sectionOf(result, first);
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(result.location + (anchor ? `#${encodeURIComponent(anchor)}` : ""), root).href;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const heading = document.createElement("h1");
    heading.append(...markedNodes(title, 0, title.length, marksIn(title, query).marks));
    const [start, end] = snippetRange(text, first);
    const teaser = document.createElement("p");
    if (start > 0) teaser.append("… ");
    teaser.append(...markedNodes(text, start, end, match.marks));
    if (end < text.length) teaser.append(" …");
    article.append(heading, teaser);
    link.append(article);
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    item.append(link);
    return item;
  }

  // ---------------------------------------------------------------------------------------
  // The dialog
  // ---------------------------------------------------------------------------------------

  const SHORTCUTS = new Set(["/", "s", "f"]);

  function setUp(dialog) {
    const toggle = document.getElementById("__search");
    const button = document.querySelector("[data-site-search-button]");
    const label = document.querySelector('.md-header__button[for="__search"]');
    const input = dialog.querySelector(".md-search__input");
    const form = dialog.querySelector("form");
    const meta = dialog.querySelector(".md-search-result__meta");
    const list = dialog.querySelector(".md-search-result__list");
    const scroller = dialog.querySelector(".md-search__scrollwrap");
    const root = new URL(dialog.dataset.searchRoot, document.baseURI);
    const strings = dialog.dataset;
    const index = new SearchIndex(root.href, (url) =>
      fetch(url, {credentials: "same-origin"}).then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json();
      }),
    );
    let current = null; // the search whose results are shown
    let asked = 0; // the number of the latest query asked
    let askedFor = null; // its text
    let returnFocus = null;

    function say(text) {
      if (meta.textContent !== text) meta.textContent = text;
    }

    function count(total) {
      if (total === 0) return strings.textNone;
      if (total === 1) return strings.textOne;
      return strings.textOther.replace("#", total.toLocaleString(document.documentElement.lang || undefined));
    }

    async function showMore() {
      const search = current;
      if (!search || search.done || search.busy) return;
      search.busy = true;
      let results = [];
      try {
        results = await search.next();
        if (search !== current) return;
        list.append(...results.map((result) => resultItem(result, search.query, root)));
        say(count(search.total));
      } finally {
        search.busy = false;
      }
      // Fill the list while its end is in view, as long as results keep coming.
      if (results.length && search === current && !search.done && scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 200) showMore();
    }

    // Search the box's current text; only the latest query's results are ever shown.
    async function run() {
      const query = input.value;
      if (query === askedFor) return; // already shown, or on its way
      askedFor = query;
      const number = ++asked;
      if (current) current.dropped = true; // its pages are not checked any more
      delete list.dataset.query;
      if (!flat(query)) {
        current = null;
        list.replaceChildren();
        list.dataset.query = query;
        say(strings.textPlaceholder);
        return;
      }
      if (!index.manifest) say(strings.textInitializer);
      try {
        const search = await index.search(query, () => number === asked);
        if (number !== asked) return;
        current = search;
        list.replaceChildren();
        scroller.scrollTop = 0;
        say(count(search.total));
        await showMore();
        if (number === asked) list.dataset.query = query; // which query the list shows (tests wait for it)
      } catch {
        // The index could not be read (offline?): nothing found, and the next event asks again.
        if (number === asked) {
          askedFor = null;
          say(strings.textNone);
        }
      }
    }

    function setToggle(open) {
      if (toggle.checked !== open) toggle.click(); // a click, so Material's scroll lock follows
    }

    // Opens search; `from` is where focus goes back to when it closes.
    function open(from = document.activeElement) {
      if (!toggle.checked) returnFocus = from;
      setToggle(true);
      input.focus();
      input.select();
    }

    // Closes search, focus back where it was. Straight from the box to there: a control
    // focused from the box shows its focus ring (:focus-visible), one focused after a blur not.
    function close() {
      setToggle(false);
      if (returnFocus && returnFocus !== document.body && returnFocus.isConnected) returnFocus.focus();
      else input.blur();
      returnFocus = null;
    }

    toggle.addEventListener("change", () => {
      if (button) button.setAttribute("aria-expanded", String(toggle.checked));
      if (toggle.checked) {
        index.ready().catch(() => {});
        run();
        input.focus();
      }
    });
    // The header's search button, in place of Material's label, which can be neither focused
    // nor named: a tap on a phone leaves focus nowhere, so closing search had nothing to
    // return it to. Focus goes to the box within the tap, which mobile keyboards need, and
    // back to the button when search closes.
    if (button && label) {
      label.hidden = true;
      button.hidden = false;
      button.addEventListener("click", () => open(button));
    }
    // Focus in the box opens search (a click in the header's box on a wide screen, Tab to it):
    // after the event that focused it, and only if the box still has focus (Escape may have
    // come first).
    input.addEventListener("focus", () => setTimeout(() => document.activeElement === input && setToggle(true)));
    input.addEventListener("input", run);
    input.addEventListener("compositionend", run);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const first = list.querySelector("a");
      if (first) first.click(); // the best result
    });
    form.addEventListener("reset", () => setTimeout(() => (run(), input.focus())));
    scroller.addEventListener("scroll", () => {
      if (scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 200) showMore();
    });
    // Leaving by a result keeps the query in the page's history entry: back on this page, the
    // box holds it again, also when the browser reloads the page instead of restoring it.
    function remember() {
      history.replaceState({...history.state, siteSearchQuery: input.value}, "");
    }
    list.addEventListener("click", (event) => {
      if (event.target.closest("a")) {
        remember();
        setToggle(false);
        input.blur(); // back on this page (from the cache), keys are shortcuts again
      }
    });
    dialog.addEventListener("focusout", (event) => {
      if (event.relatedTarget && !dialog.contains(event.relatedTarget)) setToggle(false);
    });

    document.addEventListener("keydown", (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      const active = document.activeElement;
      if (!toggle.checked) {
        const typing =
          active &&
          (active.isContentEditable ||
            /^(SELECT|TEXTAREA)$/.test(active.tagName) ||
            (active.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset|range|color|file|image)$/.test(active.type)));
        if (SHORTCUTS.has(event.key) && !typing) {
          event.preventDefault();
          open();
        }
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const stops = [input, ...list.querySelectorAll("a")];
        const at = Math.max(0, stops.indexOf(active));
        const next = stops[(at + (event.key === "ArrowDown" ? 1 : stops.length - 1)) % stops.length];
        event.preventDefault();
        next.focus();
        if (next !== input) next.scrollIntoView({block: "nearest"});
      } else if (event.key.length === 1 && active !== input && dialog.contains(active)) {
        input.focus(); // typing on a result goes on in the box
      }
    });

    // A box already holding text (restored by the browser, set before this script ran)
    // with search open is searched at once.
    const saved = history.state && history.state.siteSearchQuery;
    if (typeof saved === "string" && !input.value) input.value = saved;
    // A link to `?q=…` (the 404 page's "search this website") opens search with that query.
    const linked = new URLSearchParams(location.search).get("q");
    if (linked !== null) {
      if (!input.value) input.value = linked;
      open();
    }
    if (toggle.checked) run();
    window.addEventListener("pageshow", (event) => {
      if (event.persisted && toggle.checked) run();
    });
    dialog.classList.add("site-search--ready");
  }

  global.siteSearch = {flat, flatWithOrigins, isIgnored, IGNORED_ONE, parseQuery, gramsOf, gramHash, stem, matchPage, SearchIndex};
  if (typeof module === "object" && module.exports) module.exports = global.siteSearch;
  if (typeof document !== "undefined") {
    const dialog = document.querySelector("[data-site-search]");
    if (dialog) setUp(dialog);
  }
})(typeof window !== "undefined" ? window : globalThis);
