// Dates written by the script look like the ones the server writes: the same Django format
// (DATETIME_FORMAT of the page's language, from config/formats) and month names, in
// Copenhagen time whatever the browser's own time zone. The page carries both in
// <script type="application/json" id="date-format"> (core/dates.py).

const CODES = {
  d: (p) => String(p.day).padStart(2, "0"),
  j: (p) => String(p.day),
  m: (p) => String(p.month).padStart(2, "0"),
  n: (p) => String(p.month),
  y: (p) => String(p.year).slice(-2),
  Y: (p) => String(p.year),
  H: (p) => String(p.hour).padStart(2, "0"),
  G: (p) => String(p.hour),
  i: (p) => String(p.minute).padStart(2, "0"),
  s: (p) => String(p.second).padStart(2, "0"),
};
const MONTH_CODES = ["F", "E", "M", "N", "b"];

export function readDateFormat(doc = globalThis.document) {
  const node = doc && doc.getElementById("date-format");
  return node ? JSON.parse(node.textContent) : null;
}

// The wall-clock parts of an instant in `timeZone`.
export function wallClock(instant, timeZone) {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
    hour: "numeric", minute: "numeric", second: "numeric",
  }).formatToParts(instant);
  const value = (type) => Number(parts.find((part) => part.type === type).value);
  return {
    year: value("year"), month: value("month"), day: value("day"),
    hour: value("hour") % 24, minute: value("minute"), second: value("second"),
  };
}

// Django's date-format characters used by config/formats; a backslash escapes the next one.
export function formatDate(iso, spec, kind = "datetime") {
  const pattern = kind === "date" ? spec.date : spec.datetime;
  const p = wallClock(new Date(iso), spec.timeZone);
  let out = "";
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === "\\") { i += 1; out += pattern[i] ?? ""; continue; }
    if (CODES[ch]) { out += CODES[ch](p); continue; }
    if (MONTH_CODES.includes(ch)) { out += spec.months[ch][p.month - 1]; continue; }
    out += ch;
  }
  return out;
}
