// The PMQA 4.0 scoring rule in JavaScript: the twin of hooks/pmqa_scoring.py, held to the
// same vectors (tests/golden/pmqa-scoring.json). Every number comes from the criteria
// metadata embedded in the calculator page; see docs/pmqa/index.md for the rule in words.
(function (global) {
  "use strict";

  const ASSESSMENT_FORMAT = "pmqa-assessment";
  const ASSESSMENT_VERSION = 1;
  const ASSESSMENT_FIELDS = ["format", "version", "levels", "exported"];
  // Weighted means of decimal weights are not exact in binary floating point: a score this
  // close under a level's points counts as reaching it.
  const TOLERANCE = 1e-9;

  class AssessmentError extends Error {}

  function jsonType(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return {object: "an object", string: "a string", boolean: "a boolean", number: "a number"}[typeof value] || typeof value;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // Check an assessment (parsed JSON) against the criteria; return {item id: level id}.
  function readAssessment(data, scoring) {
    if (data === null || typeof data !== "object" || Array.isArray(data)) {
      throw new AssessmentError(`expected an object with format, version and levels, got ${jsonType(data)}`);
    }
    const extra = Object.keys(data).filter((key) => !ASSESSMENT_FIELDS.includes(key)).sort();
    if (extra.length) throw new AssessmentError(`${extra[0]}: unknown field (known: format, version, levels, exported)`);
    if (data.format !== ASSESSMENT_FORMAT) {
      throw new AssessmentError(`format: expected "${ASSESSMENT_FORMAT}", got ${JSON.stringify(data.format) ?? "nothing"}`);
    }
    if (data.version !== ASSESSMENT_VERSION) {
      throw new AssessmentError(`version: expected ${ASSESSMENT_VERSION}, got ${JSON.stringify(data.version) ?? "nothing"}`);
    }
    const levels = data.levels;
    if (levels === null || typeof levels !== "object" || Array.isArray(levels)) {
      throw new AssessmentError(`levels: expected an object of item id to level, got ${jsonType(levels)}`);
    }
    const itemIds = scoring.categories.flatMap((category) => category.items);
    const levelIds = [scoring.not_reached.id, ...scoring.levels.map((level) => level.id)];
    const read = {};
    for (const [itemId, levelId] of Object.entries(levels)) {
      if (!itemIds.includes(itemId)) {
        throw new AssessmentError(`levels: unknown item id ${JSON.stringify(itemId)} (items are ${itemIds[0]} to ${itemIds[itemIds.length - 1]})`);
      }
      if (!levelIds.includes(levelId)) {
        throw new AssessmentError(`levels[${JSON.stringify(itemId)}]: expected one of ${levelIds.join(", ")}, got ${JSON.stringify(levelId)}`);
      }
      read[itemId] = levelId;
    }
    return read;
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

  global.PmqaScoring = {
    ASSESSMENT_FORMAT, ASSESSMENT_VERSION, TOLERANCE, AssessmentError, readAssessment, scoreAssessment, levelReached,
  };
})(typeof window === "undefined" ? globalThis : window);
