// A live LIX score under the summary and body fields of the Wagtail page editor, computed
// like core/readability.py. The fields to watch and the words come from the server
// (home/wagtail_hooks.py, in the editor's language).
import { lix, verdict } from "./readability.js";

const configElement = document.getElementById("lix-config");
const config = configElement ? JSON.parse(configElement.textContent) : null;

// The page's own field of that name, not one inside an inline panel (an indicator's "note").
function sectionFor(name) {
  const field = [...document.querySelectorAll(`[data-contentpath="${name}"]`)].find(
    (el) => !el.closest("[data-contentpath-disabled], [data-inline-panel-child]"),
  );
  if (field) return field.closest("section[data-panel]") || field.parentElement;
  const input = document.querySelector(`[name="${name}"]`);
  return input?.closest("section[data-panel]") || null;
}

// Text as the reader will meet it: text inputs and text areas by their value, rich text
// (Draftail) by its visible text, one line per block.
export function fieldText(section) {
  const parts = [];
  section
    .querySelectorAll('textarea, input[type="text"], input:not([type]), [contenteditable="true"]')
    .forEach((el) => {
      if (el.closest("[data-lix-score]")) return;
      const text = el.isContentEditable ? el.innerText : el.value;
      if (text && text.trim()) parts.push(text.trim());
    });
  return parts.join("\n");
}

function render(output, text) {
  const result = lix(text);
  if (!result.words) {
    if (!output.hidden) output.hidden = true;
    return;
  }
  const key = verdict(result.score);
  if (output.hidden) output.hidden = false;
  output.dataset.verdict = key;
  output.dataset.score = String(result.score);
  const label = config.labels.lix
    .replace("%(score)s", String(Math.round(result.score)))
    .replace("%(verdict)s", config.labels[key]);
  const span = output.querySelector("[data-lix-text]");
  // Only a real change touches the page, so the mutation observer settles.
  if (span.textContent !== label) span.textContent = label;
}

function setUp() {
  if (!config) return;
  const watched = [];
  for (const name of config.fields) {
    const section = sectionFor(name);
    if (!section || section.querySelector("[data-lix-score]")) continue;
    const output = document.createElement("p");
    output.className = "help lix-score";
    output.dataset.lixScore = name;
    output.innerHTML = '<span data-lix-text></span> <span class="lix-score__help"></span>';
    output.querySelector(".lix-score__help").textContent = config.labels.help;
    const content = section.querySelector(".w-panel__content") || section;
    content.append(output);
    watched.push([section, output]);
  }
  const update = () => watched.forEach(([section, output]) => render(output, fieldText(section)));
  let timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  };
  document.addEventListener("input", later, true);
  document.addEventListener("keyup", later, true);
  document.addEventListener("focusout", later, true);
  update();
  // Draftail and StreamField draw their editors after the page loads.
  setTimeout(update, 800);
  new MutationObserver(later).observe(document.querySelector("form") || document.body, {
    childList: true,
    subtree: true,
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
else setUp();
