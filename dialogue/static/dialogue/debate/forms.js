// The comment and report forms while the socket carries them: errors, success, the counter,
// and where focus goes, so it never falls to <body> (issue 13):
// - a posted comment or reply gets focus (it has tabindex="-1"), or, where it is not on this
//   page (another sort order or page), the reply's <summary> or the comment box;
// - an error keeps focus in the form, on the field to fix; the error box is role=alert;
// - a sent report returns focus to its <summary>, and the thanks is announced politely.
// While a form is sending its button is aria-disabled, not disabled: a disabled button would
// lose focus, and focus would fall to <body>.

export function makeForms(config, announce) {
  function counter(textarea) {
    const help = textarea.form && textarea.form.querySelector("[data-counter]");
    if (!help) return;
    const left = config.maxLength - textarea.value.length;
    help.textContent = `${textarea.value.length} / ${config.maxLength}`;
    help.classList.toggle("field__help--warn", left < 100);
  }

  function sending(form, on) {
    const button = form.querySelector("button[type=submit]");
    if (on) {
      form.dataset.sending = "true";
      button.setAttribute("aria-disabled", "true");
    } else {
      delete form.dataset.sending;
      button.removeAttribute("aria-disabled");
    }
  }

  function isSending(form) {
    return form.dataset.sending === "true";
  }

  // Closes the <details> a form sits in; returns its <summary>, where focus may go.
  function closeDetails(form) {
    const details = form.closest("details");
    if (!details) return null;
    const summary = details.querySelector(":scope > summary");
    if (details.contains(document.activeElement) && summary) summary.focus();
    details.open = false;
    return summary;
  }

  function focusComment(id) {
    const node = document.getElementById(`comment-${id}`);
    if (!node) return false;
    node.setAttribute("tabindex", "-1");
    node.focus();
    return true;
  }

  function formDone(form, comment) {
    const textarea = form.querySelector("textarea");
    textarea.value = "";
    textarea.removeAttribute("aria-invalid");
    form.querySelector("[data-client-id]").value = "";
    counter(textarea);
    form.querySelector("[data-form-error]").hidden = true;
    sending(form, false);
    const summary = closeDetails(form);
    if (!focusComment(comment.id)) (summary || textarea).focus();
    announce(comment.status === config.STATUS.PENDING ? config.text.pending : config.text.sent);
  }

  function reportDone(form) {
    form.reset();
    form.querySelector("[data-form-error]").hidden = true;
    sending(form, false);
    const summary = closeDetails(form);
    if (summary) summary.focus();
    announce(config.text.reported);
  }

  function formError(form, message) {
    const box = form.querySelector("[data-form-error]");
    box.textContent = message;
    box.hidden = false;
    sending(form, false);
    const unchosen = form.querySelector("input[type=radio]") && !form.querySelector("input[type=radio]:checked");
    const field = unchosen ? form.querySelector("input[type=radio]") : form.querySelector("textarea");
    if (field.tagName === "TEXTAREA") field.setAttribute("aria-invalid", "true");
    field.focus();
  }

  // A <details> closed by other means (a moderation event re-rendering, Escape in some
  // browsers) while focus was inside it: focus goes to its <summary>, not to <body>.
  function keepFocusOnClose(root) {
    root.addEventListener("toggle", (event) => {
      const details = event.target;
      if (!(details instanceof HTMLDetailsElement) || details.open) return;
      const summary = details.querySelector(":scope > summary");
      const active = document.activeElement;
      if (summary && (active === document.body || (details.contains(active) && active !== summary))) {
        summary.focus();
      }
    }, true);
  }

  return { counter, formDone, reportDone, formError, sending, isSending, keepFocusOnClose };
}
