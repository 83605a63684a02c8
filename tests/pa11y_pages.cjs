// HTML_CodeSniffer through pa11y (npm, pinned in package.json) on a list of pages, in one
// browser: Debian's Chromium, since Puppeteer's own download cannot work here
// (PUPPETEER_SKIP_DOWNLOAD=1 in scripts/setup.sh). Reads page URLs, one a line, on stdin;
// writes {url: [issue, …]} as JSON on stdout. Used by tests/test_gate_pa11y.py.
"use strict";

const fs = require("node:fs");
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function main() {
  const urls = fs.readFileSync(0, "utf-8").split("\n").filter(Boolean);
  const browser = await puppeteer.launch({executablePath: CHROMIUM, args: ARGS});
  const found = {};
  try {
    for (const url of urls) {
      const result = await pa11y(url, {
        browser,
        runners: ["htmlcs"],
        standard: "WCAG2AA",
        includeWarnings: false,
        chromeLaunchConfig: {executablePath: CHROMIUM, args: ARGS},
      });
      found[url] = result.issues.map(({code, selector, message}) => ({code, selector, message}));
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
