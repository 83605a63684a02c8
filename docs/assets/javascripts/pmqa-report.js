// The self-assessment report and its spreadsheet in JavaScript: the twin of
// hooks/officesite/criteria/report.py (scripts/score.py --report, --csv). The labels are the
// same interface strings, the CSV columns come from the page's data, and a test checks that
// this CSV and Python's are the same bytes. Everything is written with textContent.
(function (global) {
  "use strict";

  const CSV_BOM = "\ufeff"; // Excel reads a CSV file without it in the system's code page, not UTF-8
  // A spreadsheet runs a cell that starts with one of these as a formula: text cells get a quote first.
  const FORMULA_START = /^[=+\-@\t\r]/;
  const ARROWS = {1: "▲", "-1": "▼", 0: ""};

  // A number with a fixed number of decimals (toFixed: half away from zero), never "-0.0".
  function fixed(value, decimals) {
    const text = value.toFixed(decimals);
    return Number(text) === 0 ? text.replace("-", "") : text;
  }

  // A change as shown: [sign, number], sign 1, -1 or 0 as its rounded value is above, below or at zero.
  function changeOf(value, decimals) {
    const shown = fixed(Math.abs(value), decimals);
    return [Number(shown) === 0 ? 0 : value > 0 ? 1 : -1, shown];
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  }

  // Everything the report shows (report_data in report.py); `baseline` is an earlier assessment or null.
  function reportData(page, scoring, assessment, date, baseline) {
    const names = Object.fromEntries(page.levels.map((level) => [level.id, level.name]));
    const points = Object.fromEntries(page.levels.map((level) => [level.id, level.points]));
    const result = scoring.scoreAssessment(page.scoring, assessment.levels);
    const before = baseline ? scoring.scoreAssessment(page.scoring, baseline.levels) : null;
    const score = (value, earlier) => {
      const next = scoring.nextLevel(page.scoring, value);
      return {
        score: value,
        level: names[scoring.levelReached(page.scoring, value)],
        next: next && {name: names[next.level], gap: next.gap},
        change: earlier === null ? null : value - earlier,
      };
    };
    const notReached = page.scoring.not_reached.id;
    const categories = page.categories.map((category) => {
      const key = String(category.number);
      const items = category.items.map((item) => ({
        id: item.id,
        title: item.title,
        level: Object.hasOwn(assessment.levels, item.id) ? names[assessment.levels[item.id]] : page.strings.calculator_unanswered,
        points: points[Object.hasOwn(assessment.levels, item.id) ? assessment.levels[item.id] : notReached],
        note: assessment.notes[item.id] || "",
        evidence: assessment.evidence[item.id] || [],
      }));
      return {number: category.number, title: category.title, heading: category.heading, items, ...score(result.categories[key], before ? before.categories[key] : null)};
    });
    return {
      office: page.office,
      period: assessment.period,
      assessor: assessment.assessor,
      date,
      baseline_period: baseline ? baseline.period : null,
      answered: Object.keys(assessment.levels).length,
      total: categories.reduce((sum, category) => sum + category.items.length, 0),
      overall: score(result.overall, before ? before.overall : null),
      categories,
      decimals: page.display_decimals,
    };
  }

  // ---- Spreadsheet (report_csv) ---------------------------------------------------------

  function csvText(report, strings, columns) {
    const d = report.decimals;
    const rows = [columns.items.map((key) => strings[key])];
    for (const category of report.categories) {
      for (const item of category.items) {
        rows.push([String(category.number), item.id, text(item.title), text(item.level), String(item.points), text(item.note), text(item.evidence.join("\n"))]);
      }
    }
    rows.push([]);
    const withChange = report.baseline_period !== null;
    rows.push([...columns.summary.map((key) => strings[key]), ...(withChange ? [strings[columns.change]] : [])]);
    const summary = [...report.categories.map((c) => [String(c.number), c.title, c]), [strings.calculator_overall, "", report.overall]];
    for (const [first, title, shown] of summary) {
      const next = shown.next;
      const row = [text(first), text(title), fixed(shown.score, d), text(shown.level), next ? text(next.name) : "", next ? fixed(next.gap, d) : ""];
      if (withChange) {
        const [sign, number] = changeOf(shown.change, d);
        row.push(sign < 0 ? `-${number}` : number);
      }
      rows.push(row);
    }
    rows.push([]);
    for (const [key, value] of details(report, strings)) rows.push([text(strings[key]), text(value)]);
    return CSV_BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
  }

  // Quoted as Python's csv module quotes: only a cell with a comma, a quote or a line break.
  function csvCell(value) {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }

  function text(value) {
    return FORMULA_START.test(value) ? `'${value}` : value;
  }

  // The report's details, label key and value (_details in report.py).
  function details(report, strings) {
    const rows = [
      ["calculator_office", report.office],
      ["calculator_period", report.period],
      ["calculator_assessor", report.assessor],
      ["calculator_report_date", report.date],
    ];
    if (report.baseline_period !== null) rows.push(["calculator_baseline", report.baseline_period]);
    return rows.map(([key, value]) => [key, value || strings.calculator_not_given]);
  }

  function gapText(shown, strings, decimals) {
    const next = shown.next;
    return next ? format(strings.calculator_gap_value, {gap: fixed(next.gap, decimals), level: next.name}) : strings.calculator_gap_none;
  }

  // ---- The printed report (report_html) ---------------------------------------------------

  // Fill `root` with the report: details, results, the categories' table, the chart, the items.
  function renderReport(root, report, strings, drawChart) {
    const d = report.decimals;
    const withChange = report.baseline_period !== null;
    const changeText = (shown) => {
      const [sign, number] = changeOf(shown.change, d);
      return `${ARROWS[sign]} ${number}`.trim();
    };
    const parts = [el("h1", {}, strings.calculator_report_title)];
    const facts = el("dl", {class: "site-report__details"});
    for (const [key, value] of details(report, strings)) facts.append(el("div", {}, el("dt", {}, strings[key]), el("dd", {}, value)));
    parts.push(facts, el("h2", {}, strings.calculator_results));
    const overall = report.overall;
    const summary = el("dl", {class: "site-report__details"},
      pair(strings.calculator_overall, fixed(overall.score, d)),
      pair(strings.calculator_overall_level, overall.level),
      pair(strings.calculator_gap, gapText(overall, strings, d)));
    if (withChange) summary.append(pair(strings.calculator_change, changeText(overall)));
    parts.push(summary, el("p", {}, format(strings.calculator_answered, {answered: report.answered, total: report.total})));
    const header = [strings.criteria_category, strings.calculator_score, strings.calculator_level, strings.calculator_gap, ...(withChange ? [strings.calculator_change] : [])];
    const body = el("tbody", {});
    for (const c of report.categories) {
      body.append(el("tr", {}, el("th", {scope: "row"}, c.heading), el("td", {}, fixed(c.score, d)), el("td", {}, c.level), el("td", {}, gapText(c, strings, d)), ...(withChange ? [el("td", {}, changeText(c))] : [])));
    }
    parts.push(el("table", {class: "site-report__table"}, el("thead", {}, el("tr", {}, ...header.map((h) => el("th", {scope: "col"}, h)))), body));
    const chart = el("div", {class: "site-report__chart"});
    drawChart(chart);
    parts.push(chart);
    for (const c of report.categories) {
      const section = el("section", {class: "site-report__category"}, el("h2", {}, c.heading));
      for (const item of c.items) {
        const facts = el("dl", {}, pair(strings.criteria_level, `${item.level} (${item.points})`));
        if (item.note) facts.append(pair(strings.calculator_note, item.note));
        if (item.evidence.length) facts.append(el("div", {}, el("dt", {}, strings.calculator_evidence), el("dd", {}, el("ul", {}, ...item.evidence.map((entry) => el("li", {}, entry))))));
        section.append(el("section", {class: "site-report__item"}, el("h3", {}, `${item.id} ${item.title}`), facts));
      }
      parts.push(section);
    }
    root.replaceChildren(...parts);
  }

  function pair(term, value) {
    return el("div", {}, el("dt", {}, term), el("dd", {}, value));
  }

  // An element with attributes and children (text or elements).
  function el(name, attributes, ...children) {
    const element = document.createElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.append(...children);
    return element;
  }

  global.PmqaReport = {fixed, changeOf, format, reportData, csvText, renderReport, gapText, el};
})(typeof window === "undefined" ? globalThis : window);
