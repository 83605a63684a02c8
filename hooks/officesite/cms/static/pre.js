// Runs before Decap's bundle: Decap then waits for CMS.init(), which cms.js calls once the
// preview is registered (no inline script: the admin page's CSP allows files only).
window.CMS_MANUAL_INIT = true;
