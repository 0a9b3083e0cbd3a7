// Plain Danish helpers on policy pages and debates. Progressive enhancement only: without
// JavaScript the glossary terms are links to their explanations, and there is no read-aloud
// button (it appears only where the browser has a voice for the page's language).

// Glossary: each marked term becomes a button that opens its explanation in place.
function enhanceGlossary(root = document) {
  root.querySelectorAll("a.term[data-term]").forEach((link, index) => {
    const note = document.getElementById(link.dataset.term);
    const explanation = note?.nextElementSibling?.querySelector("[data-term-explanation]");
    if (!explanation) return;
    const wrapper = document.createElement("span");
    wrapper.className = "term-disclosure";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "term";
    button.id = link.id;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    const panel = document.createElement("span");
    panel.className = "term__note";
    panel.id = `${link.dataset.term}-note-${index}`;
    panel.hidden = true;
    panel.textContent = explanation.textContent.trim();
    button.setAttribute("aria-controls", panel.id);
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    });
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        button.click();
        button.focus();
      }
    });
    button.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") button.click();
    });
    wrapper.append(button, " ", panel);
    link.replaceWith(wrapper);
  });
}

// Read aloud: the text of the page's [data-read-aloud-text] parts, one utterance per block.
const BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td, th";

export function readableText(root = document) {
  const parts = [...root.querySelectorAll("[data-read-aloud-text]")].filter(
    (el) => !el.parentElement?.closest("[data-read-aloud-text]"),
  );
  const chunks = [];
  for (const part of parts) {
    const blocks = part.matches(BLOCKS) ? [part] : [...part.querySelectorAll(BLOCKS)];
    for (const block of blocks) {
      if (block.closest("[data-read-aloud-skip], [data-read-aloud], [hidden], template")) continue;
      // A paragraph inside a list item is read with the list item.
      const outer = block.parentElement?.closest(BLOCKS);
      if (outer && blocks.includes(outer)) continue;
      const clone = block.cloneNode(true);
      clone.querySelectorAll(".term__note, [data-read-aloud-skip]").forEach((el) => el.remove());
      const text = clone.textContent.replace(/\s+/g, " ").trim();
      if (text) chunks.push(text);
    }
  }
  return chunks;
}

function voiceFor(lang) {
  const wanted = lang.toLowerCase();
  return speechSynthesis
    .getVoices()
    .find((voice) => (voice.lang || "").toLowerCase().replace("_", "-").split("-")[0] === wanted);
}

function buildReader(holder, voice) {
  const lang = holder.dataset.lang;
  const make = (label, action) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary read-aloud__button";
    button.textContent = label;
    button.dataset.action = action;
    return button;
  };
  const read = make(holder.dataset.labelRead, "read");
  const pause = make(holder.dataset.labelPause, "pause");
  const stop = make(holder.dataset.labelStop, "stop");
  pause.hidden = true;
  stop.hidden = true;
  holder.setAttribute("role", "group");
  holder.setAttribute("aria-label", holder.dataset.labelGroup);
  holder.append(read, pause, stop);

  const idle = () => {
    read.hidden = false;
    pause.hidden = true;
    stop.hidden = true;
    pause.textContent = holder.dataset.labelPause;
  };
  read.addEventListener("click", () => {
    speechSynthesis.cancel();
    const chunks = readableText(document);
    chunks.forEach((text, index) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = voice.lang || lang;
      utterance.voice = voice;
      if (index === chunks.length - 1) utterance.onend = idle;
      speechSynthesis.speak(utterance);
    });
    read.hidden = true;
    pause.hidden = false;
    stop.hidden = false;
    pause.focus();
  });
  pause.addEventListener("click", () => {
    if (speechSynthesis.paused) {
      speechSynthesis.resume();
      pause.textContent = holder.dataset.labelPause;
    } else {
      speechSynthesis.pause();
      pause.textContent = holder.dataset.labelResume;
    }
  });
  stop.addEventListener("click", () => {
    speechSynthesis.cancel();
    idle();
    read.focus();
  });
  window.addEventListener("pagehide", () => speechSynthesis.cancel());
  holder.hidden = false;
}

function enhanceReadAloud() {
  const holder = document.querySelector("[data-read-aloud]");
  if (!holder || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  const lang = (holder.dataset.lang || document.documentElement.lang || "").split("-")[0];
  if (!lang) return;
  let done = false;
  const tryVoices = () => {
    if (done) return;
    const voice = voiceFor(lang);
    if (voice) {
      done = true;
      buildReader(holder, voice);
    }
  };
  tryVoices();
  // Chrome loads its voices after the page; they arrive with "voiceschanged".
  speechSynthesis.addEventListener?.("voiceschanged", tryVoices);
}

enhanceGlossary();
enhanceReadAloud();
