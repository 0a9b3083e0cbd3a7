// Live debate page. Everything here is an improvement on plain forms: without this module
// the page posts, replies, reacts and paginates over HTTP.
const root = document.querySelector("[data-debate]");
const MAX_LENGTH = 2000;

if (root) {
  const list = root.querySelector("[data-comment-list]");
  const announcer = root.querySelector("[data-announcer]");
  const connection = root.querySelector("[data-connection]");
  const viewers = root.querySelector("[data-viewers]");
  const template = document.getElementById("comment-template");
  const userId = root.dataset.user ? Number(root.dataset.user) : null;
  const sort = root.dataset.sort;
  const pending = new Map(); // client_id -> form awaiting its ack
  const reports = new Map(); // comment id -> report form awaiting its answer
  const WITHHELD = ["deleted", "held", "hidden", "removed"];
  let socket = null;
  let attempt = 0;
  let lastId = 0;

  const t = (key) => (root.dataset[key] ? root.dataset[key] : null);
  document.querySelectorAll("[data-comment]").forEach((el) => {
    lastId = Math.max(lastId, Number(el.dataset.comment) || 0);
  });

  function announce(text) {
    announcer.textContent = "";
    window.setTimeout(() => { announcer.textContent = text; }, 50);
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
      (c ^ (window.crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
  }

  function render(comment) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.id = `comment-${comment.id}`;
    node.dataset.comment = comment.id;
    node.dataset.depth = comment.depth;
    node.classList.add(`comment--depth-${comment.depth}`);
    node.querySelector("article").setAttribute("aria-labelledby", `comment-${comment.id}-author`);
    const author = node.querySelector("[data-author]");
    author.id = `comment-${comment.id}-author`;
    author.textContent = comment.author.name;
    const badges = node.querySelector("[data-badges]");
    for (const badge of comment.author.badges) {
      const span = document.createElement("span");
      span.className = `badge badge--${badge.kind}`;
      span.textContent = badge.label;
      badges.append(span);
    }
    const time = node.querySelector("[data-time]");
    const created = new Date(comment.created_at);
    time.setAttribute("datetime", comment.created_at);
    time.textContent = created.toLocaleString(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });
    for (const el of node.querySelectorAll("form, a[href]")) {
      const attr = el.tagName === "FORM" ? "action" : "href";
      el.setAttribute(attr, el.getAttribute(attr).replace("/0/", `/${comment.id}/`));
    }
    const replyParent = node.querySelector("[data-parent]");
    if (replyParent) replyParent.value = comment.id;
    const replyForm = node.querySelector("[data-reply] form");
    if (replyForm) {
      const textarea = replyForm.querySelector("textarea");
      textarea.id = `reply-${comment.id}-body`;
      replyForm.querySelector("label").setAttribute("for", textarea.id);
      const counter = replyForm.querySelector("[data-counter]");
      counter.id = `reply-${comment.id}-count`;
      textarea.setAttribute("aria-describedby", counter.id);
    }
    if (userId && comment.author.id === userId) {
      node.querySelectorAll("[data-own]").forEach((el) => { el.hidden = false; });
      node.querySelectorAll("[data-report]").forEach((el) => el.remove());
    }
    update(node, comment);
    return node;
  }

  // A moderation or deletion event: the node is rebuilt from the template (server-rendered
  // nodes lack the placeholders), keeping the replies already on the page.
  function replace(node, comment) {
    const fresh = render(comment);
    const replies = node.querySelector(":scope > [data-replies]");
    if (replies) fresh.querySelector(":scope > [data-replies]").replaceWith(replies);
    const folded = node.querySelector(":scope > .comment__folded");
    if (folded) fresh.append(folded);
    node.replaceWith(fresh);
  }

  function update(node, comment) {
    const removed = WITHHELD.includes(comment.status);
    const byModerators = comment.status === "hidden" || comment.status === "removed";
    const body = node.querySelector(":scope > article [data-body]");
    if (body) {
      body.innerHTML = comment.body_html; // sanitised on the server
      body.hidden = removed;
    }
    const flag = (sel, on) => { const el = node.querySelector(`:scope > article ${sel}`); if (el) el.hidden = !on; };
    flag("[data-deleted]", comment.status === "deleted");
    flag("[data-held]", comment.status === "held");
    flag("[data-hidden]", byModerators && !comment.hidden_reason);
    node.querySelectorAll(":scope > article [data-hidden-reason]").forEach((el) => {
      el.hidden = !(byModerators && el.dataset.hiddenReason === comment.hidden_reason);
    });
    flag("[data-pending]", comment.status === "pending");
    flag("[data-edited]", comment.edited && !removed);
    const actions = node.querySelector(":scope > article [data-actions], :scope > article .comment__actions");
    if (actions) actions.hidden = comment.status !== "published";
    setCounts(node, comment.agree, comment.disagree);
  }

  function setCounts(node, agree, disagree) {
    const a = node.querySelector(':scope > article [data-count="agree"]');
    const d = node.querySelector(':scope > article [data-count="disagree"]');
    if (a) a.textContent = agree;
    if (d) d.textContent = disagree;
  }

  function insert(comment, { quiet = false } = {}) {
    lastId = Math.max(lastId, comment.id);
    const existing = document.getElementById(`comment-${comment.id}`);
    if (existing) { update(existing, comment); return; }
    const node = render(comment);
    if (comment.parent) {
      const parent = document.getElementById(`comment-${comment.parent}`);
      if (!parent) return; // its thread is on another page; it will load there
      parent.querySelector(":scope > [data-replies]").append(node);
    } else if (sort === "newest") {
      list.prepend(node);
    } else if (sort === "oldest") {
      const more = list.querySelector(":scope > [data-more]");
      if (more) return; // not on the last page yet: it will come with "show more"
      list.append(node);
    } else {
      return; // "most reactions": a new comment has none, so it belongs on a later page
    }
    const empty = list.querySelector("[data-empty]");
    if (empty) empty.remove();
    if (!quiet && !(userId && comment.author.id === userId)) {
      announce(`${root.dataset.newComment || "New comment from"} ${comment.author.name}`);
    }
  }

  function handle(event) {
    switch (event.type) {
      case "comment.created": insert(event.comment); break;
      case "comment.edited": {
        const node = document.getElementById(`comment-${event.comment.id}`);
        if (node) update(node, event.comment);
        break;
      }
      case "comment.deleted":
      case "comment.hidden":
      case "comment.restored": {
        const node = document.getElementById(`comment-${event.comment.id}`);
        if (node) replace(node, event.comment);
        else if (event.type !== "comment.deleted") insert(event.comment, { quiet: true });
        break;
      }
      case "comment.reactions": {
        const node = document.getElementById(`comment-${event.id}`);
        if (node) setCounts(node, event.agree, event.disagree);
        break;
      }
      case "presence":
        viewers.hidden = false;
        viewers.textContent = `· ${event.count} ${event.count === 1 ? (root.dataset.followingOne || "following now") : (root.dataset.followingMany || "following now")}`;
        break;
      case "catchup": event.comments.forEach((c) => insert(c, { quiet: true })); break;
      case "comment.ack": {
        const form = pending.get(event.client_id);
        pending.delete(event.client_id);
        if (form) formDone(form, event.comment);
        insert(event.comment, { quiet: true });
        break;
      }
      case "ok": {
        const form = event.action === "report" ? reports.get(event.id) : null;
        if (form) { reports.delete(event.id); reportDone(form); }
        break;
      }
      case "error": {
        const form = event.client_id ? pending.get(event.client_id) : null;
        const reportForm = !form && event.id ? reports.get(event.id) : null;
        if (form) { pending.delete(event.client_id); formError(form, event.message); }
        else if (reportForm) { reports.delete(event.id); formError(reportForm, event.message); }
        else announce(event.message);
        break;
      }
      case "account.blocked": announce(event.message); break;
      default: break;
    }
  }

  function formDone(form, comment) {
    const textarea = form.querySelector("textarea");
    textarea.value = "";
    form.querySelector("[data-client-id]").value = "";
    counter(textarea);
    form.querySelector("[data-form-error]").hidden = true;
    form.querySelector("button[type=submit]").disabled = false;
    const details = form.closest("details");
    if (details) details.open = false;
    announce(comment.status === "pending" ? (root.dataset.pendingMessage || "Your comment awaits moderation.") : (root.dataset.sentMessage || "Your comment is published."));
  }

  function reportDone(form) {
    form.reset();
    form.querySelector("[data-form-error]").hidden = true;
    form.querySelector("button[type=submit]").disabled = false;
    const details = form.closest("details");
    if (details) details.open = false;
    announce(root.dataset.reportedMessage || "Thank you. The moderators will look at the comment.");
  }

  function formError(form, message) {
    const box = form.querySelector("[data-form-error]");
    box.textContent = message;
    box.hidden = false;
    form.querySelector("button[type=submit]").disabled = false;
    form.querySelector("textarea").focus();
  }

  function counter(textarea) {
    const help = textarea.parentElement.querySelector("[data-counter]");
    if (!help) return;
    const left = MAX_LENGTH - textarea.value.length;
    help.textContent = `${textarea.value.length} / ${MAX_LENGTH}`;
    help.classList.toggle("field__help--warn", left < 100);
  }

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${window.location.host}${root.dataset.socket}`);
    socket.addEventListener("open", () => {
      attempt = 0;
      connection.textContent = "";
      root.dataset.live = "true";
      socket.send(JSON.stringify({ type: "catchup", after: lastId }));
      for (const [clientId, form] of pending) send(form, clientId); // retry: the same id never duplicates
    });
    socket.addEventListener("message", (message) => {
      try { handle(JSON.parse(message.data)); } catch (error) { console.error(error); }
    });
    socket.addEventListener("close", (event) => {
      root.dataset.live = "false";
      if (event.code === 1008 || event.code === 4404) return;
      attempt += 1;
      const delay = Math.min(30000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
      connection.textContent = root.dataset.reconnecting || "Connection lost. Trying again…";
      window.setTimeout(connect, delay);
    });
  }

  function send(form, clientId) {
    const data = new FormData(form);
    socket.send(JSON.stringify({
      type: "comment.post",
      client_id: clientId,
      body: data.get("body"),
      parent: data.get("parent") || null,
    }));
  }

  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.matches("[data-comment-form]") && socket && socket.readyState === WebSocket.OPEN) {
      event.preventDefault();
      const textarea = form.querySelector("textarea");
      if (!textarea.value.trim()) { formError(form, root.dataset.emptyMessage || "Write something before you send."); return; }
      const idField = form.querySelector("[data-client-id]");
      if (!idField.value) idField.value = uuid();
      pending.set(idField.value, form);
      form.querySelector("button[type=submit]").disabled = true;
      send(form, idField.value);
    } else if (form.matches("[data-reactions]") && socket && socket.readyState === WebSocket.OPEN) {
      event.preventDefault();
      const button = event.submitter;
      const node = form.closest("[data-comment]");
      socket.send(JSON.stringify({ type: "reaction.set", id: Number(node.dataset.comment), value: button.value }));
      const wasPressed = button.getAttribute("aria-pressed") === "true";
      form.querySelectorAll("[data-reaction]").forEach((b) => b.setAttribute("aria-pressed", "false"));
      button.setAttribute("aria-pressed", wasPressed ? "false" : "true");
    } else if (form.matches("[data-report-form]") && socket && socket.readyState === WebSocket.OPEN) {
      event.preventDefault();
      const data = new FormData(form);
      if (!data.get("reason")) { formError(form, root.dataset.reasonMessage || "Choose a reason."); return; }
      const id = Number(form.closest("[data-comment]").dataset.comment);
      reports.set(id, form);
      form.querySelector("button[type=submit]").disabled = true;
      socket.send(JSON.stringify({ type: "comment.report", id, reason: data.get("reason"), text: data.get("text") || "" }));
    } else if (form.matches("[data-comment-form]")) {
      const idField = form.querySelector("[data-client-id]");
      if (!idField.value) idField.value = uuid(); // a double submit over HTTP is also idempotent
    }
  });

  root.addEventListener("input", (event) => {
    if (event.target.matches("[data-body-input]")) counter(event.target);
  });

  root.addEventListener("click", async (event) => {
    const link = event.target.closest("[data-more-link]");
    if (!link) return;
    event.preventDefault();
    const url = `${root.dataset.listUrl}?sort=${encodeURIComponent(sort)}&after=${encodeURIComponent(link.dataset.after)}`;
    const response = await fetch(url, { headers: { "X-Requested-With": "fetch" } });
    if (!response.ok) { window.location.href = link.href; return; }
    const holder = document.createElement("ol");
    holder.innerHTML = await response.text();
    const first = holder.querySelector("[data-comment]");
    link.closest("[data-more]").replaceWith(...holder.children);
    if (first) {
      const target = document.getElementById(first.id);
      target.setAttribute("tabindex", "-1");
      target.focus();
    }
  });

  connect();
}
