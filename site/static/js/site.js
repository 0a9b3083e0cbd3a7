// Site-wide behaviour that every page may use. Pages work without it.
// Forms marked data-confirm ask before they submit (for example deleting an account).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
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
