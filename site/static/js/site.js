// Site-wide behaviour that every page may use. Pages work without it.
// Forms marked data-confirm ask before they submit (for example deleting an account).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
