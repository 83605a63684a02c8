// Display settings toolbar: its buttons choose the text size and the contrast mode.
// The state lives on <html> (data-font-size, data-contrast) and in localStorage; the inline
// head script (overrides/partials/display-settings-head.html) owns both and applies them
// before first paint. This script only binds the buttons, follows other tabs, and opens and
// closes the panel the groups fold into on narrow screens (display-settings.css).
(function () {
  "use strict";

  class DisplaySettings {
    constructor(root, display) {
      this.root = root;
      this.display = display;
      this.buttons = Array.from(root.querySelectorAll("button[data-setting]"));
      this.toggle = root.querySelector("[data-display-toggle]");
      this.panel = root.querySelector("[data-display-panel]");
      this.toggle.addEventListener("click", () => this.setOpen(!this.isOpen()));
      // Escape closes the panel and gives focus back to its button (a disclosure's keys).
      root.addEventListener("keydown", (event) => {
        if (event.key !== "Escape" || !this.isOpen()) return;
        this.setOpen(false);
        this.toggle.focus();
      });
      root.addEventListener("click", (event) => this.onClick(event));
      window.addEventListener("storage", (event) => this.onStorage(event));
      this.render();
    }

    isOpen() {
      return this.toggle.getAttribute("aria-expanded") === "true";
    }

    setOpen(open) {
      this.toggle.setAttribute("aria-expanded", String(open));
      this.panel.toggleAttribute("data-open", open);
    }

    onClick(event) {
      const button = event.target.closest("button[data-setting]");
      if (!button) return;
      this.display.choose(button.dataset.setting, button.dataset.value);
      this.render();
    }

    // Another tab changed the settings: follow it.
    onStorage(event) {
      if (event.key !== null && event.key !== this.display.key) return;
      this.display.apply();
      this.render();
    }

    render() {
      const html = document.documentElement;
      for (const button of this.buttons) {
        const current = html.getAttribute(this.display.attributes[button.dataset.setting]);
        button.setAttribute("aria-pressed", String(current === button.dataset.value));
      }
    }
  }

  const root = document.querySelector("[data-display-settings]");
  if (root && window.siteDisplay) new DisplaySettings(root, window.siteDisplay);
})();
