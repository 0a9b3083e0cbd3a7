// The comment and report forms while the socket carries them: errors, success, the counter.

export function makeForms(config, announce) {
  function counter(textarea) {
    const help = textarea.form && textarea.form.querySelector("[data-counter]");
    if (!help) return;
    const left = config.maxLength - textarea.value.length;
    help.textContent = `${textarea.value.length} / ${config.maxLength}`;
    help.classList.toggle("field__help--warn", left < 100);
  }

  function closeDetails(form) {
    const details = form.closest("details");
    if (details) details.open = false;
  }

  function formDone(form, comment) {
    const textarea = form.querySelector("textarea");
    textarea.value = "";
    form.querySelector("[data-client-id]").value = "";
    counter(textarea);
    form.querySelector("[data-form-error]").hidden = true;
    form.querySelector("button[type=submit]").disabled = false;
    closeDetails(form);
    announce(comment.status === config.STATUS.PENDING ? config.text.pending : config.text.sent);
  }

  function reportDone(form) {
    form.reset();
    form.querySelector("[data-form-error]").hidden = true;
    form.querySelector("button[type=submit]").disabled = false;
    closeDetails(form);
    announce(config.text.reported);
  }

  function formError(form, message) {
    const box = form.querySelector("[data-form-error]");
    box.textContent = message;
    box.hidden = false;
    form.querySelector("button[type=submit]").disabled = false;
    form.querySelector("textarea").focus();
  }

  return { counter, formDone, reportDone, formError };
}
