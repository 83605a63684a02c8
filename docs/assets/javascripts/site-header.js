// The header's menu button and Material's drawer.
// Material opens its drawer with a checkbox (#__drawer) toggled by a <label>, which the
// keyboard can neither reach nor operate, and moves the closed drawer off-screen, where its
// links still take focus. Here a real button opens and closes it, the closed drawer is inert
// (out of the tab order and the accessibility tree), and so is the rest of the page while it
// is open (the drawer and its overlay cover it: a modal), focus moves into the open drawer and
// back to the button, and Escape closes it. Without this script Material's label still works.
(function () {
  "use strict";

  // Below this width Material's navigation is a drawer (its own breakpoint, 76.25em).
  const DRAWER_MEDIA = "(max-width: 76.234375em)";
  const FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]), [tabindex]:not([tabindex='-1'])";
  // What the open drawer covers: the page around it.
  const COVERED = "[data-md-component=skip], .site-display, .md-header, .md-content, .md-sidebar--secondary, .md-top, .md-footer";

  class Drawer {
    constructor(toggle, sidebar, button, label) {
      this.toggle = toggle;
      this.sidebar = sidebar;
      this.button = button;
      this.media = matchMedia(DRAWER_MEDIA);
      label.hidden = true;
      button.hidden = false;
      button.addEventListener("click", () => this.setOpen(!this.toggle.checked, true));
      toggle.addEventListener("change", () => this.update());
      this.media.addEventListener("change", () => this.update());
      document.addEventListener("keydown", (event) => {
        if (event.key === "Escape" && this.isDrawer() && this.toggle.checked) {
          this.setOpen(false, true);
        }
      });
      this.update();
    }

    isDrawer() {
      return this.media.matches;
    }

    // Material watches the checkbox's change event: toggle it the way a click does.
    setOpen(open, moveFocus) {
      if (this.toggle.checked !== open) this.toggle.click();
      if (!moveFocus) return;
      if (open) {
        const first = this.sidebar.querySelector(FOCUSABLE);
        if (first) first.focus();
      } else {
        this.button.focus();
      }
    }

    update() {
      const drawer = this.isDrawer();
      const open = drawer && this.toggle.checked;
      const focusInside = this.sidebar.contains(document.activeElement);
      this.sidebar.inert = drawer && !open;
      for (const covered of document.querySelectorAll(COVERED)) covered.inert = open;
      this.button.setAttribute("aria-expanded", String(open));
      // Focus inside a drawer being closed (by its title or the overlay) goes back to the button.
      if (drawer && !open && focusInside) this.button.focus();
    }
  }

  const toggle = document.getElementById("__drawer");
  const sidebar = document.querySelector(".md-sidebar--primary");
  const button = document.querySelector("[data-site-drawer-button]");
  const label = document.querySelector(".site-drawer-label");
  if (toggle && sidebar && button && label) new Drawer(toggle, sidebar, button, label);
})();
