// A comment from a live event, built from the page's <template>: the server renders it from
// the same include as every comment on the page, for a placeholder comment with id 0.

import { formatDate, readDateFormat } from "../../js/dates.js";

const PLACEHOLDER_ID = /\b(comment|reply)-0\b/g;
const PLACEHOLDER_PATH = /\/0\//;
const ID_ATTRIBUTES = ["id", "for", "aria-labelledby", "aria-describedby"];

export function makeRenderer(template, config) {
  const { STATUS, WITHHELD, userId } = config;

  function renumber(node, id) {
    for (const el of [node, ...node.querySelectorAll("*")]) {
      for (const attr of ID_ATTRIBUTES) {
        const value = el.getAttribute(attr);
        if (value) el.setAttribute(attr, value.replace(PLACEHOLDER_ID, `$1-${id}`));
      }
    }
    for (const el of node.querySelectorAll("form[action], a[href]")) {
      const attr = el.tagName === "FORM" ? "action" : "href";
      el.setAttribute(attr, el.getAttribute(attr).replace(PLACEHOLDER_PATH, `/${id}/`));
    }
  }

  function setCounts(node, agree, disagree) {
    const a = node.querySelector(':scope > article [data-count="agree"]');
    const d = node.querySelector(':scope > article [data-count="disagree"]');
    if (a) a.textContent = agree;
    if (d) d.textContent = disagree;
  }

  function update(node, comment) {
    const removed = WITHHELD.includes(comment.status);
    const byModerators = comment.status === STATUS.HIDDEN || comment.status === STATUS.REMOVED;
    const body = node.querySelector(":scope > article [data-body]");
    if (body) {
      body.innerHTML = comment.body_html; // sanitised on the server
      body.hidden = removed;
    }
    const flag = (sel, on) => { const el = node.querySelector(`:scope > article ${sel}`); if (el) el.hidden = !on; };
    flag("[data-deleted]", comment.status === STATUS.DELETED);
    flag("[data-held]", comment.status === STATUS.HELD);
    flag("[data-hidden]", byModerators && !comment.hidden_reason);
    node.querySelectorAll(":scope > article [data-hidden-reason]").forEach((el) => {
      el.hidden = !(byModerators && el.dataset.hiddenReason === comment.hidden_reason);
    });
    flag("[data-pending]", comment.status === STATUS.PENDING);
    flag("[data-edited]", comment.edited && !removed);
    const actions = node.querySelector(":scope > article [data-actions]");
    if (actions) actions.hidden = comment.status !== STATUS.PUBLISHED;
    setCounts(node, comment.agree, comment.disagree);
  }

  function render(comment) {
    const node = template.content.firstElementChild.cloneNode(true);
    renumber(node, comment.id);
    node.dataset.comment = comment.id;
    node.dataset.depth = comment.depth;
    node.className = `comment comment--depth-${comment.depth}`;
    if (comment.status !== STATUS.PUBLISHED) node.classList.add(`comment--${comment.status}`);
    node.querySelector("[data-author]").textContent = comment.author.name;
    node.querySelectorAll("[data-author-name]").forEach((el) => { el.textContent = comment.author.name; });
    const badges = node.querySelector("[data-badges]");
    badges.replaceChildren();
    for (const badge of comment.author.badges) {
      const span = document.createElement("span");
      span.className = `badge badge--${badge.kind}`;
      span.textContent = badge.label;
      badges.append(span);
    }
    const time = node.querySelector("[data-time]");
    time.setAttribute("datetime", comment.created_at);
    const spec = readDateFormat();
    time.textContent = spec ? formatDate(comment.created_at, spec) : comment.created_at;
    const replyForm = node.querySelector("[data-reply] form");
    if (replyForm) {
      replyForm.querySelector("[data-parent]").value = comment.id;
      replyForm.querySelector("[data-client-id]").value = ""; // each reply gets its own on send
    }
    if (userId && comment.author.id === userId) {
      node.querySelectorAll("[data-own]").forEach((el) => { el.hidden = false; });
      node.querySelectorAll("[data-report]").forEach((el) => el.remove());
    }
    update(node, comment);
    return node;
  }

  // A moderation or deletion event: the node is rebuilt from the template (a server-rendered
  // node has only the variant it was rendered in), keeping the replies already on the page.
  function replace(node, comment) {
    const fresh = render(comment);
    const replies = node.querySelector(":scope > [data-replies]");
    if (replies) fresh.querySelector(":scope > [data-replies]").replaceWith(replies);
    const folded = node.querySelector(":scope > .comment__folded");
    if (folded) fresh.append(folded);
    node.replaceWith(fresh);
  }

  return { render, replace, update, setCounts };
}
