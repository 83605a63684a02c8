// Thai words marked at build time (officesite.thai_breaks) never break inside: they do not
// wrap (site.css). A word wider than its whole line (a narrow column at the largest text
// size, e.g. a nested list on a 320 px screen) would then stick out of the page; such a word
// is let go (.site-word--free) and breaks like any other text, as overflow-wrap would do.
// Measured again when the layout's width or the text size changes.
(function () {
  "use strict";

  const FREE = "site-word--free";

  // The width a word's lines have: that of its nearest block (or flex, grid…) box.
  function lineWidth(word, cache) {
    let box = word.parentElement;
    while (box && getComputedStyle(box).display.startsWith("inline")) box = box.parentElement;
    if (!box) return Infinity;
    if (!cache.has(box)) {
      const style = getComputedStyle(box);
      cache.set(box, box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
    }
    return cache.get(box);
  }

  function fit() {
    const words = document.querySelectorAll(".site-word");
    for (const word of words) word.classList.remove(FREE);
    const cache = new Map();
    const tooWide = Array.from(words).filter((word) => word.offsetWidth > 0 && word.getBoundingClientRect().width > lineWidth(word, cache) + 0.5);
    for (const word of tooWide) word.classList.add(FREE);
  }

  let scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      fit();
    });
  }

  fit();
  // The body's box changes with the screen's width and with the text size.
  new ResizeObserver(schedule).observe(document.body);
})();
