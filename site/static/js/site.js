// Site-wide behaviour that every page may use. Pages work without it.
// Forms marked data-confirm ask before they submit (for example deleting an account).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A page that comes back with a form's errors opens on its error summary
// (core/forms/error_summary.html, role=alert): focus goes there, so a screen reader reads it and
// a keyboard user goes on from its links to the fields. Without JavaScript the summary is still
// the first thing in the form, and its links still lead to the fields.
const summary = document.querySelector("[data-error-summary]");
if (summary && !summary.hidden) {
  if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
  summary.focus();
}

// A link in the summary puts focus in the field itself, not only the page's scroll position.
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#']");
  if (!link) return;
  const field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!field) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`) || field.closest("fieldset");
  field.focus();
  (label || field).scrollIntoView({ block: "center" });
});

// The site menu is a <details> so it opens without JavaScript; here the button also says
// whether it is open (aria-expanded), and Escape closes it and returns to the button.
for (const menu of document.querySelectorAll("details.site-menu")) {
  const toggle = menu.querySelector("summary");
  if (!toggle) continue;
  const sync = () => toggle.setAttribute("aria-expanded", String(menu.open));
  sync();
  menu.addEventListener("toggle", sync);
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && menu.open && toggle.checkVisibility()) {
      menu.open = false;
      toggle.focus();
    }
  });
}
