// Screen reader announcements through the page's aria-live region.

export function makeAnnouncer(region) {
  return function announce(text) {
    region.textContent = "";
    window.setTimeout(() => { region.textContent = text; }, 50);
  };
}

export function uuid() {
  if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
    (c ^ (window.crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
}
