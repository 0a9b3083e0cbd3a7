// Live debate page. Everything here is an improvement on plain forms: without these modules
// the page posts, replies, reacts, reports and paginates over HTTP.
import { makeAnnouncer, uuid } from "./debate/announce.js";
import { readConfig } from "./debate/config.js";
import { makeForms } from "./debate/forms.js";
import { makeRenderer } from "./debate/render.js";
import { openSocket } from "./debate/socket.js";

const root = document.querySelector("[data-debate]");

if (root) {
  const config = readConfig(root);
  const { userId, sort, text } = config;
  const list = root.querySelector("[data-comment-list]");
  const viewers = root.querySelector("[data-viewers]");
  const announce = makeAnnouncer(root.querySelector("[data-announcer]"));
  const { render, replace, update, setCounts } = makeRenderer(document.getElementById("comment-template"), config);
  const { counter, formDone, reportDone, formError, sending, isSending, keepFocusOnClose } = makeForms(config, announce);
  const pending = new Map(); // client_id -> form awaiting its ack
  const reports = new Map(); // comment id -> report form awaiting its answer
  let lastId = 0;

  document.querySelectorAll("[data-comment]").forEach((el) => {
    lastId = Math.max(lastId, Number(el.dataset.comment) || 0);
  });

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
      announce(`${text.newComment} ${comment.author.name}`);
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
        viewers.textContent = `· ${event.count} ${event.count === 1 ? text.followingOne : text.followingMany}`;
        break;
      case "catchup": event.comments.forEach((c) => insert(c, { quiet: true })); break;
      case "comment.ack": {
        const form = pending.get(event.client_id);
        pending.delete(event.client_id);
        insert(event.comment, { quiet: true }); // first, so the comment is there to take focus
        if (form) formDone(form, event.comment);
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

  function send(form, clientId) {
    const data = new FormData(form);
    socket.send({
      type: "comment.post",
      client_id: clientId,
      body: data.get("body"),
      parent: data.get("parent") || null,
    });
  }

  const socket = openSocket({
    root,
    path: config.socketPath,
    connection: root.querySelector("[data-connection]"),
    text,
    lastId: () => lastId,
    onOpen: () => { for (const [clientId, form] of pending) send(form, clientId); }, // retry: the same id never duplicates
    onEvent: handle,
  });

  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const live = socket.isOpen();
    if (isSending(form)) { event.preventDefault(); return; } // its button is aria-disabled
    if (form.matches("[data-comment-form]") && live) {
      event.preventDefault();
      const textarea = form.querySelector("textarea");
      if (!textarea.value.trim()) { formError(form, text.empty); return; }
      const idField = form.querySelector("[data-client-id]");
      if (!idField.value) idField.value = uuid();
      pending.set(idField.value, form);
      sending(form, true);
      send(form, idField.value);
    } else if (form.matches("[data-reactions]") && live) {
      event.preventDefault();
      const button = event.submitter;
      const node = form.closest("[data-comment]");
      socket.send({ type: "reaction.set", id: Number(node.dataset.comment), value: button.value });
      const wasPressed = button.getAttribute("aria-pressed") === "true";
      form.querySelectorAll("[data-reaction]").forEach((b) => b.setAttribute("aria-pressed", "false"));
      button.setAttribute("aria-pressed", wasPressed ? "false" : "true");
    } else if (form.matches("[data-report-form]") && live) {
      event.preventDefault();
      const data = new FormData(form);
      if (!data.get("reason")) { formError(form, text.reason); return; }
      const id = Number(form.closest("[data-comment]").dataset.comment);
      reports.set(id, form);
      sending(form, true);
      socket.send({ type: "comment.report", id, reason: data.get("reason"), text: data.get("text") || "" });
    } else if (form.matches("[data-comment-form]")) {
      const idField = form.querySelector("[data-client-id]");
      if (!idField.value) idField.value = uuid(); // a double submit over HTTP is also idempotent
    }
  });

  keepFocusOnClose(root);

  root.addEventListener("input", (event) => {
    if (event.target.matches("[data-body-input]")) counter(event.target);
  });

  root.addEventListener("click", async (event) => {
    const link = event.target.closest("[data-more-link]");
    if (!link) return;
    event.preventDefault();
    const url = `${config.listUrl}?sort=${encodeURIComponent(sort)}&after=${encodeURIComponent(link.dataset.after)}`;
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
}
