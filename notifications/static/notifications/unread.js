// The header's count of unread notices, kept current over the account socket (/ws/me/).
// Without JavaScript the count is right at every page load; with it, a reply shows at once.
const link = document.querySelector("[data-unread-link]");
if (link) {
  const count = link.querySelector("[data-unread-count]");
  const live = document.getElementById("unread-announcer");
  const words = {
    one: link.dataset.wordOne,
    other: link.dataset.wordOther,
    announce: link.dataset.wordAnnounce,
  };
  let shown = Number(link.dataset.unread || 0);
  let delay = 1000;

  const render = (n) => {
    link.dataset.unread = String(n);
    count.hidden = n === 0;
    count.querySelector("[data-unread-number]").textContent = String(n);
    count.querySelector("[data-unread-label]").textContent =
      " " + (n === 1 ? words.one : words.other);
    if (n > shown && live) {
      live.textContent = (words.announce || "").replace("%s", String(n));
    }
    shown = n;
  };

  const connect = () => {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const socket = new WebSocket(`${scheme}://${location.host}/ws/me/`);
    socket.addEventListener("open", () => { delay = 1000; });
    socket.addEventListener("message", (event) => {
      let data;
      try { data = JSON.parse(event.data); } catch { return; }
      if (data.type === "notifications.unread" && Number.isInteger(data.count)) render(data.count);
    });
    socket.addEventListener("close", (event) => {
      if (event.code === 4401 || event.code === 1008) return; // logged out or blocked
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  };
  connect();
}
