// PMQA 4.0 self-assessment workbench: binds the form rendered from the criteria metadata
// (overrides/calculator.html), scores it with PmqaScoring (pmqa-scoring.js), fills the results,
// the summary bar and the printable report (pmqa-report.js), and keeps the assessment (levels,
// notes, evidence, period, assessor) in localStorage in the file format, shared by both
// languages. Every text written into the page goes through textContent: data from storage or
// an imported file can never become markup. Every message comes from the page's strings.
(function () {
  "use strict";

  const STORAGE_KEY = "reo13.pmqa-assessment";
  const BASELINE_KEY = "reo13.pmqa-baseline";
  const MAX_IMPORT_BYTES = 1000000;
  const SHOWN_LENGTH = 12; // characters of a refused value a message repeats
  const FILE_NAME_LENGTH = 60;

  class Calculator {
    constructor(root, scoring, report) {
      this.root = root;
      this.scoring = scoring;
      this.report = report;
      this.data = JSON.parse(root.querySelector("[data-pmqa-data]").textContent);
      this.strings = this.data.strings;
      this.levelNames = Object.fromEntries(this.data.levels.map((level) => [level.id, level.name]));
      this.numberFormat = new Intl.NumberFormat(this.data.locale, {
        minimumFractionDigits: this.data.display_decimals,
        maximumFractionDigits: this.data.display_decimals,
      });
      this.countFormat = new Intl.NumberFormat(this.data.locale);
      // The site's date form (officesite.dates): day, month name, year in the reader's calendar.
      this.dateFormat = new Intl.DateTimeFormat(this.data.locale, {day: "numeric", month: "long", year: "numeric"});
      this.form = root.querySelector("[data-pmqa-form]");
      this.notes = fieldsBy(root, "data-pmqa-note");
      this.evidence = fieldsBy(root, "data-pmqa-evidence");
      this.details = fieldsBy(root, "data-pmqa-field");
      // The results follow every answer already; the form's submit button takes the reader to them.
      this.form.addEventListener("submit", (event) => {
        event.preventDefault();
        root.querySelector("#calculator-results").focus();
      });
      root.addEventListener("change", (event) => this.onChange(event));
      root.addEventListener("input", (event) => this.onInput(event));
      root.addEventListener("click", (event) => this.onAction(event));
      window.addEventListener("storage", (event) => {
        if (event.key === STORAGE_KEY || event.key === BASELINE_KEY) this.restore();
      });
      root.addEventListener("focusin", (event) => this.keepClearOfBar(event.target));
      window.addEventListener("beforeprint", () => this.beforePrint());
      window.addEventListener("afterprint", () => this.afterPrint());
      this.followBarHeight();
      this.restore();
    }

    // ---- The assessment on the page -------------------------------------------------------

    assessment() {
      const clean = (text) => this.scoring.cleanText(text);
      const read = {period: "", assessor: "", levels: {}, notes: {}, evidence: {}};
      for (const input of this.form.querySelectorAll("input[type=radio]:checked")) read.levels[input.dataset.item] = input.value;
      for (const [item, field] of this.notes) if (clean(field.value).trim()) read.notes[item] = clean(field.value);
      for (const [item, field] of this.evidence) {
        const entries = clean(field.value).split("\n").map((entry) => entry.trim()).filter(Boolean);
        if (entries.length) read.evidence[item] = entries;
      }
      for (const [name, field] of this.details) read[name] = clean(field.value).replace(/[\r\n]+/g, " ").trim();
      return read;
    }

    setAssessment(read) {
      for (const input of this.form.querySelectorAll("input[type=radio]")) input.checked = read.levels[input.dataset.item] === input.value;
      for (const [item, field] of this.notes) field.value = read.notes[item] || "";
      for (const [item, field] of this.evidence) field.value = (read.evidence[item] || []).join("\n");
      for (const [name, field] of this.details) field.value = read[name] || "";
      // Notes and evidence already written show open; an empty item's stay closed.
      for (const details of this.root.querySelectorAll("[data-pmqa-annotate]")) {
        const item = details.dataset.pmqaAnnotate;
        details.open = Boolean(read.notes[item] || read.evidence[item]);
      }
    }

    fileData(read = this.assessment()) {
      return {format: this.scoring.ASSESSMENT_FORMAT, version: this.scoring.ASSESSMENT_VERSION, ...read};
    }

    onChange(event) {
      const target = event.target;
      if (target.matches("input[type=radio]")) this.changed({announce: true});
      else if (target.matches('input[type=file][data-pmqa-action="import"]')) this.importFile(target, false);
      else if (target.matches('input[type=file][data-pmqa-action="import-baseline"]')) this.importFile(target, true);
    }

    // Text changes no score: it is kept at once, and reaches the report when it prints.
    onInput(event) {
      if (event.target.matches("textarea, input[type=text]")) this.save();
    }

    changed({announce}) {
      this.save();
      this.render({announce});
    }

    // ---- Storage: nothing lost silently ---------------------------------------------------

    save() {
      this.store(STORAGE_KEY, JSON.stringify(this.fileData()));
    }

    // Quota exceeded, storage turned off, a private window: the page says so at once and offers
    // the file; what is on the page stays.
    store(key, value) {
      try {
        if (value === null) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
        this.showStorageWarning(false);
      } catch (error) {
        this.showStorageWarning(true);
      }
    }

    load(key) {
      try {
        return localStorage.getItem(key);
      } catch (error) {
        this.showStorageWarning(true);
        return null;
      }
    }

    showStorageWarning(shown) {
      this.root.querySelector("[data-pmqa-storage-warning]").hidden = !shown;
    }

    restore() {
      this.setAssessment(this.salvage(this.load(STORAGE_KEY)));
      const baseline = this.load(BASELINE_KEY);
      this.baseline = baseline === null ? null : this.salvage(baseline);
      this.render({announce: false});
    }

    // Stored text read leniently: whatever part of it is valid is kept, anything else dropped.
    salvage(text) {
      const read = {period: "", assessor: "", levels: {}, notes: {}, evidence: {}};
      let stored;
      try {
        stored = JSON.parse(text);
      } catch (error) {
        return read;
      }
      if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return read;
      const one = (part) => {
        try {
          return this.scoring.readAssessment({format: this.scoring.ASSESSMENT_FORMAT, version: this.scoring.ASSESSMENT_VERSION, ...part}, this.data.scoring);
        } catch (error) {
          return null; // an unknown item or level, a value of the wrong kind: dropped
        }
      };
      for (const name of ["period", "assessor"]) read[name] = (one({[name]: stored[name]}) || read)[name];
      for (const part of ["levels", "notes", "evidence"]) {
        const values = stored[part];
        if (values === null || typeof values !== "object" || Array.isArray(values)) continue;
        for (const [item, value] of Object.entries(values)) Object.assign(read[part], (one({[part]: {[item]: value}}) || read)[part]);
      }
      return read;
    }

    // ---- Results ----------------------------------------------------------------------------

    render({announce}) {
      const read = this.assessment();
      const report = this.reportData(read);
      const overall = report.overall;
      this.setOutput('[data-pmqa="overall"]', overall.score, this.format(overall.score));
      const levelId = this.scoring.levelReached(this.data.scoring, overall.score);
      this.setOutput('[data-pmqa="level"]', levelId, overall.level);
      this.setGap("overall", overall);
      this.setChange("overall", overall);
      report.categories.forEach((category) => {
        const number = category.number;
        this.setOutput(`[data-pmqa="category-${number}"]`, category.score, this.format(category.score));
        this.text(`[data-pmqa-category-level="${number}"]`, category.level);
        this.text(`[data-pmqa-inline="${number}"]`, this.format(category.score));
        this.text(`[data-pmqa-inline-level="${number}"]`, category.level);
        this.setGap(String(number), category);
        this.setChange(String(number), category);
      });
      for (const row of this.root.querySelectorAll("[data-pmqa-change-row]")) row.hidden = !this.baseline;
      const baselineNote = this.root.querySelector("[data-pmqa-baseline]");
      baselineNote.hidden = !this.baseline;
      baselineNote.textContent = this.baseline ? `${this.strings.calculator_baseline}: ${this.baseline.period || this.strings.calculator_not_given}` : "";
      this.root.querySelector('[data-pmqa-action="clear-baseline"]').hidden = !this.baseline;
      this.text("[data-pmqa-bar-score]", this.format(overall.score));
      this.text("[data-pmqa-bar-level]", overall.level);
      this.text("[data-pmqa-answered]", this.report.format(this.strings.calculator_answered, {answered: report.answered, total: report.total}));
      this.drawChart(this.root.querySelector("[data-pmqa-chart]"), report);
      if (announce) this.announce(this.format(overall.score), overall.level);
    }

    reportData(read = this.assessment()) {
      return this.report.reportData(this.data, this.scoring, read, this.today(), this.baseline);
    }

    today() {
      const parts = Object.fromEntries(this.dateFormat.formatToParts(new Date()).map((part) => [part.type, part.value]));
      return `${parts.day} ${parts.month} ${parts.year}`;
    }

    setOutput(selector, value, text) {
      const element = this.root.querySelector(selector);
      element.dataset.value = String(value);
      element.textContent = text;
    }

    text(selector, text) {
      this.root.querySelector(selector).textContent = text;
    }

    setGap(key, shown) {
      const gap = this.root.querySelector(`[data-pmqa-gap="${key}"]`);
      const next = shown.next;
      gap.textContent = next ? this.report.format(this.strings.calculator_gap_value, {gap: this.format(next.gap), level: next.name}) : this.strings.calculator_gap_none;
      gap.dataset.value = next ? String(next.gap) : "0";
    }

    // ▲ or ▼ with the number and a word for screen readers: never colour alone.
    setChange(key, shown) {
      const element = this.root.querySelector(`[data-pmqa-change="${key}"]`);
      if (shown.change === null) {
        element.replaceChildren();
        delete element.dataset.value;
        return;
      }
      const [sign, number] = this.report.changeOf(shown.change, this.data.display_decimals);
      const word = {1: this.strings.calculator_change_up, "-1": this.strings.calculator_change_down, 0: this.strings.calculator_change_none}[sign];
      const arrow = {1: "▲ ", "-1": "▼ ", 0: ""}[sign];
      const el = this.report.el;
      element.replaceChildren(el("span", {"aria-hidden": "true"}, arrow), el("span", {class: "site-calculator__sr"}, `${word} `), this.format(Number(number)));
      element.dataset.value = String(shown.change);
    }

    format(value) {
      return this.numberFormat.format(Number.isFinite(value) ? value : 0);
    }

    // One polite announcement after the reader stops changing answers.
    announce(score, level) {
      clearTimeout(this.announceTimer);
      this.announceTimer = setTimeout(() => {
        this.text("[data-pmqa-announce]", this.report.format(this.strings.calculator_announce, {score, level}));
      }, 400);
    }

    // Bars of HTML, so that their text follows the reader's text size; the same figures are in
    // the results, so the chart is hidden from screen readers. Widths and places are set through
    // the CSSOM, which the CSP allows (a style attribute it would refuse).
    drawChart(container, report) {
      const el = this.report.el;
      const levels = this.data.scoring.levels;
      const max = Math.max(...levels.map((level) => level.points));
      const at = (element, points, property) => {
        element.style[property] = `${(100 * Math.min(Math.max(points, 0), max)) / max}%`;
        return element;
      };
      // Each track holds a dashed line at every level's points; the axis names them.
      const track = (...children) => el("span", {class: "site-chart__track"}, ...children, ...levels.map((level) => at(el("span", {class: "site-chart__threshold"}), level.points, "left")));
      const cells = report.categories.flatMap((category, index) => [
        el("span", {class: "site-chart__label"}, this.data.categories[index].label),
        track(at(el("span", {class: "site-chart__bar"}), category.score, "width")),
        el("span", {class: "site-chart__value"}, this.format(category.score)),
      ]);
      const axis = el("span", {class: "site-chart__axis"}, ...levels.map((level) => at(el("span", {class: "site-chart__mark"}, String(level.points)), level.points, "left")));
      container.replaceChildren(el("div", {class: "site-chart__plot", "aria-hidden": "true"}, ...cells, el("span", {}), axis, el("span", {})));
    }

    // The browser scrolls a focused radio into view clear of the bar (scroll-padding), but its
    // label, the answer's text, may reach further down: it is scrolled clear too.
    keepClearOfBar(target) {
      if (!this.form.contains(target)) return; // the bar sticks only over the questions
      const bar = this.root.querySelector("[data-pmqa-bar]");
      const bottom = (target.closest("label") || target).getBoundingClientRect().bottom;
      const barTop = bar.getBoundingClientRect().top;
      if (bottom > barTop && barTop < window.innerHeight) window.scrollBy(0, bottom - barTop + 4);
    }

    // The bar's height, for the scroll padding that keeps a focused control clear of it.
    followBarHeight() {
      const bar = this.root.querySelector("[data-pmqa-bar]");
      const set = () => document.documentElement.style.setProperty("--site-calculator-bar", `${bar.offsetHeight}px`);
      if (window.ResizeObserver) new ResizeObserver(set).observe(bar);
      set();
    }

    // ---- Actions ----------------------------------------------------------------------------

    onAction(event) {
      const control = event.target.closest("button[data-pmqa-action], button[data-pmqa-storage-export]");
      if (!control) return;
      const action = control.dataset.pmqaAction || "export-json"; // the storage warning's button saves the file
      if (action === "export-json") this.exportJson();
      if (action === "export-csv") this.exportCsv();
      if (action === "print") window.print();
      if (action === "clear-baseline") {
        this.baseline = null;
        this.store(BASELINE_KEY, null);
        this.render({announce: false});
        this.showMessage(this.strings.calculator_baseline_cleared, false);
      }
      if (action === "reset" && window.confirm(this.strings.calculator_reset_confirm)) {
        this.setAssessment({levels: {}, notes: {}, evidence: {}});
        this.changed({announce: true});
      }
    }

    // The report is written when it prints (window.print, the browser's menu, Save as PDF all
    // fire beforeprint): typing a note never waits for it.
    beforePrint() {
      const report = this.reportData();
      this.report.renderReport(this.root.querySelector("[data-pmqa-report]"), report, this.strings, (container) => this.drawChart(container, report));
      this.screenTitle = document.title;
      const period = this.assessment().period;
      document.title = period ? `${this.strings.calculator_report_title} ${period}` : this.strings.calculator_report_title;
    }

    afterPrint() {
      if (this.screenTitle) document.title = this.screenTitle;
    }

    exportJson() {
      const read = this.assessment();
      const data = {...this.fileData(read), exported: new Date().toISOString()};
      const name = `pmqa-assessment-${localDate()}.json`;
      download(name, JSON.stringify(data, null, 2), "application/json");
      this.showMessage(this.report.format(this.strings.calculator_exported, {file: name, count: this.countFormat.format(Object.keys(read.levels).length)}), false);
    }

    exportCsv() {
      const report = this.reportData();
      const name = `pmqa-report-${localDate()}.csv`;
      download(name, this.report.csvText(report, this.strings, this.data.csv_columns), "text/csv;charset=utf-8");
      this.showMessage(this.report.format(this.strings.calculator_exported_csv, {file: name, count: this.countFormat.format(report.total)}), false);
    }

    // A file replaces the answers (or the baseline) only if all of it is valid; else nothing changes.
    async importFile(input, asBaseline) {
      const file = input.files && input.files[0];
      input.value = "";
      if (!file) return;
      let read;
      try {
        if (file.size > MAX_IMPORT_BYTES) throw new this.scoring.AssessmentError("too_large");
        let data;
        try {
          data = JSON.parse(await file.text());
        } catch (error) {
          throw new this.scoring.AssessmentError("not_json");
        }
        read = this.scoring.readAssessment(data, this.data.scoring);
      } catch (error) {
        this.showMessage(this.report.format(this.strings.calculator_import_rejected, {reason: this.errorText(error)}), true);
        return;
      }
      const count = this.countFormat.format(Object.keys(read.levels).length);
      if (asBaseline) {
        this.baseline = read;
        this.store(BASELINE_KEY, JSON.stringify(this.fileData(read)));
        this.render({announce: false});
        this.showMessage(this.report.format(this.strings.calculator_baseline_imported, {period: read.period || this.strings.calculator_not_given, count}), false);
      } else {
        this.setAssessment(read);
        this.changed({announce: true});
        this.showMessage(this.report.format(this.strings.calculator_imported, {count, file: cut(file.name, FILE_NAME_LENGTH)}), false);
      }
    }

    // What is wrong with a file, in the reader's language, with a few characters of the value.
    errorText(error) {
      const s = this.strings;
      if (!(error instanceof this.scoring.AssessmentError)) return s.calculator_error_not_json;
      const item = cut(error.item, SHOWN_LENGTH);
      const fieldText = s[`calculator_field_${error.field}`];
      const value = error.code === "too_long" ? this.countFormat.format(error.value) : cut(error.value, SHOWN_LENGTH);
      const template = s[`calculator_error_${error.code}`] || s.calculator_error_not_assessment;
      return this.report.format(template, {item, value, field: fieldText ? this.report.format(fieldText, {item}) : ""});
    }

    showMessage(text, isError) {
      const message = this.root.querySelector("[data-pmqa-message]");
      message.textContent = text;
      message.classList.toggle("site-calculator__message--error", isError);
    }
  }

  // The fields carrying an attribute, by its value: [[value, element], …].
  function fieldsBy(root, attribute) {
    return Array.from(root.querySelectorAll(`[${attribute}]`), (field) => [field.getAttribute(attribute), field]);
  }

  // A value as a message repeats it: at most `length` characters (whole Thai syllables), with
  // control, format and separator characters shown as U+FFFD so nothing reorders the line.
  function cut(value, length) {
    if (value === undefined || value === "") return "";
    const text = (typeof value === "string" ? value : JSON.stringify(value) ?? String(value)).replace(/[\p{C}\p{Zl}\p{Zp}]/gu, "\ufffd");
    const graphemes = Array.from(new Intl.Segmenter(undefined, {granularity: "grapheme"}).segment(text.slice(0, length * 4)), (s) => s.segment);
    return graphemes.length > length ? `${graphemes.slice(0, length).join("")}…` : graphemes.join("");
  }

  // Today in the reader's time zone, as a file name writes it: 2026-01-31.
  function localDate() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const root = document.querySelector("[data-pmqa-calculator]");
  if (root && window.PmqaScoring && window.PmqaReport) window.pmqaCalculator = new Calculator(root, window.PmqaScoring, window.PmqaReport);
})();
