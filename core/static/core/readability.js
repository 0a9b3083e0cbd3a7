// LIX the same way as core/readability.py (tests/core/test_readability.py keeps them equal).
const BLOCK_TAG = /<\s*(?:br|\/p|\/li|\/h[1-6]|\/div|\/blockquote|\/tr)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_END = /[.!?:]+(?=\s|$)|\n+/u;
const LONG_WORD = 6;
export const EASY_MAX = 35;
export const MEDIUM_MAX = 45;

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function unescape(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(value) {
  return unescape(value.replace(BLOCK_TAG, "\n").replace(ANY_TAG, " "));
}

export function lix(text) {
  const words = text.match(WORD) || [];
  if (!words.length) return { words: 0, sentences: 0, longWords: 0, score: 0 };
  const hasWord = (part) => /[\p{L}\p{N}]/u.test(part);
  const sentences = Math.max(text.split(SENTENCE_END).filter((part) => part && hasWord(part)).length, 1);
  const longWords = words.filter((word) => [...word].length > LONG_WORD).length;
  const score = words.length / sentences + (100 * longWords) / words.length;
  return { words: words.length, sentences, longWords, score };
}

export function lixHtml(value) {
  return lix(htmlToText(value));
}

export function verdict(score) {
  if (score <= EASY_MAX) return "easy";
  if (score < MEDIUM_MAX) return "medium";
  return "hard";
}
