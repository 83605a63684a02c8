// PMQA 4.0 scoring calculator: binds the form rendered from the criteria metadata
// (overrides/calculator.html), scores it with PmqaScoring (pmqa-scoring.js), and keeps the
// answers in localStorage in the import/export format, shared by both languages.
// Every text written into the page goes through textContent or SVG attributes: data from
// storage or an imported file can never become markup.
(function () {
  "use strict";

  const STORAGE_KEY = "reo13.pmqa-assessment";
  const MAX_IMPORT_BYTES = 1000000;
  const SVG = "http://www.w3.org/2000/svg";

  class Calculator {
    constructor(root, scoring) {
      this.root = root;
      this.scoring = scoring;
      this.data = JSON.parse(root.querySelector("[data-pmqa-data]").textContent);
      this.strings = this.data.strings;
      this.levelNames = Object.fromEntries(this.data.levels.map((level) => [level.id, level.name]));
      this.levelPoints = this.data.scoring.levels;
      this.numberFormat = new Intl.NumberFormat(this.data.lang, {
        minimumFractionDigits: this.data.display_decimals,
        maximumFractionDigits: this.data.display_decimals,
      });
      this.form = root.querySelector("[data-pmqa-form]");
      this.form.addEventListener("change", () => this.onAnswersChanged());
      // The results follow every answer already; the form's submit button takes the reader to them.
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        const results = root.querySelector("#calculator-results");
        results.tabIndex = -1;
        results.focus();
      });
      root.querySelector("[data-pmqa-import]").addEventListener("change", (event) => this.importFile(event.target));
      root.addEventListener("click", (event) => this.onAction(event));
      window.addEventListener("storage", (event) => {
        if (event.key === STORAGE_KEY) this.restore();
      });
      this.restore();
      this.fillReportDate();
    }

    // ---- Answers ------------------------------------------------------------

    answers() {
      const levels = {};
      for (const input of this.form.querySelectorAll("input[type=radio]:checked")) {
        if (input.value !== this.data.scoring.not_reached.id) levels[input.dataset.item] = input.value;
      }
      return levels;
    }

    setAnswers(levels) {
      for (const input of this.form.querySelectorAll("input[type=radio]")) {
        const chosen = Object.prototype.hasOwnProperty.call(levels, input.dataset.item) ? levels[input.dataset.item] : this.data.scoring.not_reached.id;
        input.checked = input.value === chosen;
      }
    }

    assessment() {
      return {format: this.scoring.ASSESSMENT_FORMAT, version: this.scoring.ASSESSMENT_VERSION, levels: this.answers()};
    }

    onAnswersChanged() {
      this.save();
      this.render({announce: true});
    }

    // ---- Storage ------------------------------------------------------------

    save() {
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(this.assessment()));
      } catch (error) {
        // Storage full or disabled: the calculator still works for this visit.
      }
    }

    // Stored answers are read leniently: what is valid is kept, anything else is dropped.
    restore() {
      let stored = null;
      try {
        stored = JSON.parse(localStorage.getItem(STORAGE_KEY));
      } catch (error) {
        stored = null;
      }
      const levels = {};
      if (stored && typeof stored === "object" && stored.levels && typeof stored.levels === "object") {
        for (const [itemId, levelId] of Object.entries(stored.levels)) {
          try {
            Object.assign(levels, this.scoring.readAssessment({format: this.scoring.ASSESSMENT_FORMAT, version: this.scoring.ASSESSMENT_VERSION, levels: {[itemId]: levelId}}, this.data.scoring));
          } catch (error) {
            // an unknown item or level: dropped
          }
        }
      }
      this.setAnswers(levels);
      this.render({announce: false});
    }

    // ---- Results ------------------------------------------------------------

    render({announce}) {
      const result = this.scoring.scoreAssessment(this.data.scoring, this.answers());
      const overall = finite(result.overall);
      this.setOutput(this.root.querySelector('[data-pmqa="overall"]'), overall, this.format(overall));
      this.setOutput(this.root.querySelector('[data-pmqa="level"]'), result.level, this.levelNames[result.level]);
      for (const category of this.data.categories) {
        const score = finite(result.categories[String(category.number)]);
        const number = category.number;
        this.setOutput(this.root.querySelector(`[data-pmqa="category-${number}"]`), score, this.format(score));
        this.root.querySelector(`[data-pmqa-inline="${number}"]`).textContent = this.format(score);
        this.root.querySelector(`[data-pmqa-category-level="${number}"]`).textContent = this.levelNames[this.scoring.levelReached(this.data.scoring, score)];
        const next = this.levelPoints.find((level) => score < level.points - this.scoring.TOLERANCE);
        const gap = this.root.querySelector(`[data-pmqa-gap="${number}"]`);
        gap.textContent = next ? `${this.format(next.points - score)} (${this.levelNames[next.id]})` : this.strings.gap_none;
        gap.dataset.value = next ? String(next.points - score) : "0";
      }
      this.drawChart(result);
      if (announce) this.announce(this.format(overall), this.levelNames[result.level]);
    }

    setOutput(element, value, text) {
      element.dataset.value = String(value);
      element.textContent = text;
    }

    format(value) {
      return this.numberFormat.format(finite(value));
    }

    // One polite announcement after the reader stops changing answers.
    announce(score, level) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => {
        this.root.querySelector("[data-pmqa-announce]").textContent = this.strings.announce.replace("{score}", score).replace("{level}", level);
      }, 400);
    }

    // Horizontal bars on a 0..max scale, a dashed line at each level's points, in the
    // viewBox the template gave the chart (its size never changes: no layout shift).
    drawChart(result) {
      const svg = this.root.querySelector("[data-pmqa-chart]");
      const {width, height} = svg.viewBox.baseVal;
      const max = Math.max(...this.levelPoints.map((level) => level.points));
      const rowHeight = (height - 30) / this.data.categories.length;
      const labelWidth = 110;
      const barWidth = width - labelWidth - 20;
      svg.replaceChildren();
      const x = (points) => labelWidth + (barWidth * Math.min(finite(points), max)) / max;
      this.data.categories.forEach((category, index) => {
        const y = index * rowHeight + 6;
        svg.append(
          svgElement("text", {x: labelWidth - 8, y: y + 15, "text-anchor": "end", class: "site-chart__label"}, category.label),
          svgElement("rect", {x: labelWidth, y, width: Math.max(0, x(result.categories[String(category.number)]) - labelWidth), height: rowHeight * 0.6, class: "site-chart__bar"}),
        );
      });
      for (const level of this.levelPoints) {
        const lineX = x(level.points);
        svg.append(
          svgElement("line", {x1: lineX, x2: lineX, y1: 0, y2: height - 24, class: "site-chart__threshold"}),
          svgElement("text", {x: lineX, y: height - 8, "text-anchor": "middle", class: "site-chart__label"}, String(level.points)),
        );
      }
    }

    fillReportDate() {
      const now = new Date();
      this.root.querySelector("[data-pmqa-report-date]").textContent = new Intl.DateTimeFormat(this.data.lang === "th" ? "th-TH" : this.data.lang, {dateStyle: "long"}).format(now);
    }

    // ---- Actions ------------------------------------------------------------

    onAction(event) {
      const button = event.target.closest("[data-pmqa-action]");
      if (!button) return;
      const action = button.dataset.pmqaAction;
      if (action === "export") this.exportFile();
      if (action === "print") window.print();
      if (action === "reset" && window.confirm(this.strings.reset_confirm)) {
        this.setAnswers({});
        this.onAnswersChanged();
      }
    }

    exportFile() {
      const data = {...this.assessment(), exported: new Date().toISOString()};
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: "application/json"}));
      const link = document.createElement("a");
      link.href = url;
      link.download = `pmqa-assessment-${data.exported.slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    // A file replaces the answers only if all of it is valid; otherwise nothing changes.
    async importFile(input) {
      const file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      let levels;
      try {
        if (file.size > MAX_IMPORT_BYTES) throw new this.scoring.AssessmentError(this.strings.import_too_large);
        let data;
        try {
          data = JSON.parse(await file.text());
        } catch (error) {
          throw new this.scoring.AssessmentError(this.strings.import_not_json);
        }
        levels = this.scoring.readAssessment(data, this.data.scoring);
      } catch (error) {
        const reason = error instanceof this.scoring.AssessmentError ? error.message : this.strings.import_not_json;
        this.showMessage(this.strings.import_rejected.replace("{reason}", reason), true);
        return;
      }
      this.setAnswers(levels);
      this.onAnswersChanged();
      this.showMessage(this.strings.imported, false);
    }

    showMessage(text, isError) {
      const message = this.root.querySelector("[data-pmqa-message]");
      message.textContent = text;
      message.classList.toggle("site-calculator__message--error", isError);
    }
  }

  function finite(value) {
    return Number.isFinite(value) ? value : 0;
  }

  function svgElement(name, attributes, text) {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    if (text !== undefined) element.textContent = text;
    return element;
  }

  const root = document.querySelector("[data-pmqa-calculator]");
  if (root && window.PmqaScoring) window.pmqaCalculator = new Calculator(root, window.PmqaScoring);
})();
