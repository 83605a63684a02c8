// The PMQA 4.0 scoring rule and the assessment file format in JavaScript: the twin of
// hooks/officesite/criteria/scoring.py, held to the same vectors (tests/golden/pmqa-scoring.json).
// Every number comes from the criteria metadata embedded in the calculator page; the rule in
// words is docs/pmqa/snippets/scoring-rules.md. Errors carry a code, the field, the item and
// the refused value: the page words them in the reader's language (pmqa-calculator.js).
(function (global) {
  "use strict";

  const ASSESSMENT_FORMAT = "pmqa-assessment";
  const ASSESSMENT_VERSION = 2;
  const VERSION_FIELDS = {
    1: ["format", "version", "levels", "exported"],
    2: ["format", "version", "period", "assessor", "levels", "notes", "evidence", "exported"],
  };
  // What the page lets a reader type (UTF-16 code units, as maxlength counts): a file that
  // holds more did not come from the page. Evidence counts as written, one entry per line.
  const LIMITS = {notes: 4000, evidence: 4000, period: 200, assessor: 200};
  // Characters XML 1.0 refuses (officesite.metadata.NOT_XML_CHARACTER), lone surrogates included.
  const NOT_TEXT = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
  // Weighted means of decimal weights are not exact in binary floating point: a score this
  // close under a level's points counts as reaching it.
  const TOLERANCE = 1e-9;

  class AssessmentError extends Error {
    constructor(code, {field = "", item = "", value} = {}) {
      super(code);
      Object.assign(this, {code, field, item, value});
    }
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Check an assessment (parsed JSON) against the criteria; return it whole, every part present:
  // {period, assessor, levels: {item: level}, notes: {item: text}, evidence: {item: [text]}}.
  function readAssessment(data, scoring) {
    if (!isObject(data) || data.format !== ASSESSMENT_FORMAT) {
      throw new AssessmentError("not_assessment", {field: "format", value: isObject(data) ? data.format : undefined});
    }
    if (!has(VERSION_FIELDS, String(data.version)) || typeof data.version !== "number") {
      throw new AssessmentError("version", {field: "version", value: data.version});
    }
    const known = VERSION_FIELDS[data.version];
    const extra = Object.keys(data).filter((key) => !known.includes(key)).sort();
    if (extra.length) throw new AssessmentError("unknown_field", {field: extra[0], value: extra[0]});
    const itemIds = scoring.categories.flatMap((category) => category.items);
    const levelIds = [scoring.not_reached.id, ...scoring.levels.map((level) => level.id)];
    const levels = perItem(data, "levels", itemIds);
    for (const [item, level] of Object.entries(levels)) {
      if (!levelIds.includes(level)) throw new AssessmentError("unknown_level", {field: "levels", item, value: level});
    }
    const notes = perItem(data, "notes", itemIds);
    for (const [item, note] of Object.entries(notes)) checkText(note, "notes", item, true);
    const evidence = perItem(data, "evidence", itemIds);
    for (const [item, entries] of Object.entries(evidence)) {
      if (!Array.isArray(entries)) throw new AssessmentError("not_list", {field: "evidence", item});
      for (const entry of entries) checkText(entry, "evidence", item, false);
      checkText(entries.join("\n"), "evidence", item, true);
    }
    const read = {levels: {...levels}, notes: {}, evidence: {}};
    for (const field of ["period", "assessor"]) {
      const text = has(data, field) ? data[field] : "";
      checkText(text, field, "", false);
      read[field] = text.trim();
    }
    for (const [item, note] of Object.entries(notes)) if (note.trim()) read.notes[item] = note;
    for (const [item, entries] of Object.entries(evidence)) {
      const kept = entries.map((entry) => entry.trim()).filter(Boolean);
      if (kept.length) read.evidence[item] = kept;
    }
    return read;
  }

  // The {item id: value} mapping of a part of an assessment; every key an item of the criteria.
  function perItem(data, field, itemIds) {
    const values = has(data, field) ? data[field] : {};
    if (!isObject(values)) throw new AssessmentError("not_mapping", {field});
    for (const item of Object.keys(values)) {
      if (!itemIds.includes(item)) throw new AssessmentError("unknown_item", {field, value: item});
    }
    return values;
  }

  function checkText(value, field, item, lines) {
    if (typeof value !== "string") throw new AssessmentError("not_text", {field, item});
    if (NOT_TEXT.test(value) || (!lines && /[\n\r]/.test(value))) throw new AssessmentError("control", {field, item});
    if (value.length > LIMITS[field]) throw new AssessmentError("too_long", {field, item, value: LIMITS[field]});
  }

  // Text as the page keeps it: without the characters a file may not hold.
  function cleanText(text) {
    return text.replace(new RegExp(NOT_TEXT.source, "gu"), "");
  }

  // Score {item id: level id}: {categories: {"1": …}, overall, level}, unrounded.
  function scoreAssessment(scoring, levels) {
    const points = {[scoring.not_reached.id]: scoring.not_reached.points};
    for (const level of scoring.levels) points[level.id] = level.points;
    const categories = {};
    let weightedSum = 0;
    let weightSum = 0;
    for (const category of scoring.categories) {
      let total = 0; // summed left to right, as the Python twin does
      for (const item of category.items) {
        total += points[has(levels, item) ? levels[item] : scoring.not_reached.id];
      }
      const score = total / category.items.length;
      categories[String(category.number)] = score;
      weightedSum += category.weight * score;
      weightSum += category.weight;
    }
    const overall = weightedSum / weightSum;
    return {categories, overall, level: levelReached(scoring, overall)};
  }

  // The id of the highest level whose points a score reaches.
  function levelReached(scoring, score) {
    let reached = scoring.not_reached.id;
    for (const level of scoring.levels) {
      if (score >= level.points - TOLERANCE) reached = level.id;
    }
    return reached;
  }

  // The lowest level a score does not reach and the points it lacks: {level, gap}; null at the
  // highest level. The same test as levelReached: one rule for both.
  function nextLevel(scoring, score) {
    for (const level of scoring.levels) {
      if (!(score >= level.points - TOLERANCE)) return {level: level.id, gap: level.points - score};
    }
    return null;
  }

  global.PmqaScoring = {
    ASSESSMENT_FORMAT, ASSESSMENT_VERSION, LIMITS, TOLERANCE, AssessmentError,
    readAssessment, cleanText, scoreAssessment, levelReached, nextLevel,
  };
})(typeof window === "undefined" ? globalThis : window);
