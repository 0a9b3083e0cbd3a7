// Live sessions: the participant's phone, the presenter screen and the moderator view. Every
// page works without this script (plain forms, a reload shows the news); with it, the page
// talks over one websocket. Each (re)connect starts with the whole state from the server, so a
// phone that was away catches up on questions, votes and the poll; nothing depends on the
// events it saw before. Live news is announced politely and never moves focus.

const root = document.querySelector("[data-live]");
const stringsNode = document.getElementById("live-strings");
const T = stringsNode ? JSON.parse(stringsNode.textContent) : {};
const fmt = (template, count) => (template || "%(count)s").replace("%(count)s", String(count));

function uuid() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) =>
    (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16));
}

function openSocket(path, { onOpen, onEvent, status }) {
  const state = { ws: null, attempt: 0 };
  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${location.host}${path}`);
    state.ws = ws;
    ws.addEventListener("open", () => { state.attempt = 0; if (status) status.textContent = ""; root.dataset.connected = "true"; onOpen(); });
    ws.addEventListener("message", (message) => {
      let event;
      try { event = JSON.parse(message.data); } catch { return; }
      if (event.type === "live.resync") { ws.send(JSON.stringify({ type: "state" })); return; }
      onEvent(event);
    });
    ws.addEventListener("close", (event) => {
      root.dataset.connected = "false";
      if (event.code === 4404 || event.code === 1008) return;
      state.attempt += 1;
      const delay = Math.min(15000, 500 * 2 ** Math.min(state.attempt, 5)) * (0.5 + Math.random());
      if (status) status.textContent = T.reconnecting || "";
      setTimeout(connect, delay);
    });
  }
  connect();
  return {
    send(data) {
      if (state.ws && state.ws.readyState === WebSocket.OPEN) { state.ws.send(JSON.stringify(data)); return true; }
      return false;
    },
  };
}

// Results, drawn the same way on the phone, the screen and the moderator view ---------------

const results = new Map(); // poll id -> the newest version drawn

function drawResults(holder, poll, data) {
  if (!holder || !data) return;
  const seen = results.get(data.poll);
  if (seen !== undefined && data.version < seen) return; // an older count arrived late
  results.set(data.poll, data.version);
  holder.replaceChildren();
  const box = document.createElement("div");
  box.className = "live-results";
  box.dataset.results = "";
  box.dataset.poll = String(data.poll);
  box.dataset.version = String(data.version);
  const voters = document.createElement("p");
  voters.className = "live-results__voters";
  voters.dataset.voters = "";
  voters.textContent = fmt(T.voters, data.voters);
  box.append(voters);
  if (data.visible && data.counts && poll) {
    const list = document.createElement("ul");
    list.className = "live-results__list";
    for (const option of poll.options) {
      const count = data.counts[String(option.id)] || 0;
      const pct = data.voters ? Math.round((100 * count) / data.voters) : 0;
      const item = document.createElement("li");
      item.dataset.option = String(option.id);
      const label = document.createElement("span");
      label.className = "live-results__label";
      label.textContent = option.label;
      const bar = document.createElement("meter");
      bar.className = "live-results__bar";
      bar.setAttribute("aria-hidden", "true");
      bar.min = 0; bar.max = 100; bar.value = pct;
      const figure = document.createElement("span");
      figure.className = "live-results__figure";
      figure.dataset.figure = "";
      figure.textContent = `${fmt(T.votes, count)} (${pct} %)`;
      item.append(label, " ", bar, " ", figure);
      list.append(item);
    }
    box.append(list);
  } else {
    const hidden = document.createElement("p");
    hidden.textContent = T.hiddenResults || "";
    box.append(hidden);
  }
  holder.append(box);
}

// The participant's phone ------------------------------------------------------------------

function participant() {
  const status = root.querySelector("[data-live-status]");
  const list = root.querySelector("[data-questions]");
  const mineList = root.querySelector("[data-mine]");
  const empty = root.querySelector("[data-no-questions]");
  const announcer = root.querySelector("[data-announce]");
  const template = document.querySelector("[data-question-template]");
  const pollBody = root.querySelector("[data-poll-body]");
  const askForm = root.querySelector("[data-ask-form]");
  const order = list ? list.dataset.order : "votes";
  const pendingAsks = new Map(); // client id -> body, resent after a reconnect
  let current = { poll: null, upvoted: new Set(), mine: new Set(), ballot: [] };

  const say = (text) => { if (announcer) { announcer.textContent = ""; setTimeout(() => { announcer.textContent = text; }, 50); } };

  function questionNode(q) {
    const node = template.content.firstElementChild.cloneNode(true);
    node.id = `q-${q.id}`;
    node.dataset.question = String(q.id);
    node.querySelector("[data-body]").textContent = q.body;
    const form = node.querySelector("[data-upvote-form]");
    if (form) {
      form.action = (root.dataset.upvoteUrl || "").replace("/0/", `/${q.id}/`);
      form.hidden = current.mine.has(q.id);
      const label = form.querySelector("[data-vote-label]");
      if (label) label.textContent = `: ${q.body.slice(0, 60)}`;
    }
    updateQuestion(node, q);
    return node;
  }

  function updateQuestion(node, q) {
    node.dataset.votes = String(q.votes);
    if (q.created_at) node.dataset.created = q.created_at;
    node.querySelector("[data-vote-count]").textContent = fmt(T.votes, q.votes);
    const answered = node.querySelector("[data-answered]");
    if (answered) answered.hidden = q.status !== "answered";
    node.classList.toggle("live-question--answered", q.status === "answered");
    const button = node.querySelector("[data-upvote-form] button");
    if (button) {
      const on = current.upvoted.has(q.id);
      button.setAttribute("aria-pressed", String(on));
      button.classList.toggle("button--pressed", on);
    }
  }

  function sortList() {
    if (!list) return;
    const nodes = [...list.children];
    nodes.sort((a, b) => order === "new"
      ? (b.dataset.created || "").localeCompare(a.dataset.created || "") || Number(b.dataset.question) - Number(a.dataset.question)
      : Number(b.dataset.votes) - Number(a.dataset.votes) || (a.dataset.created || "").localeCompare(b.dataset.created || ""));
    // Reordering moves nodes; the one holding focus keeps it (it is moved, not redrawn).
    const active = document.activeElement;
    list.append(...nodes);
    if (active && list.contains(active)) active.focus();
    if (empty) empty.hidden = nodes.length > 0;
  }

  function upsert(q) {
    if (!list) return null;
    if (q.status !== "visible" && q.status !== "answered") { remove(q.id); return null; }
    let node = list.querySelector(`[data-question="${q.id}"]`);
    if (node) updateQuestion(node, q);
    else { node = questionNode(q); list.append(node); }
    const waiting = mineList && mineList.querySelector(`[data-question="${q.id}"]`);
    if (waiting) waiting.remove();
    if (mineList) mineList.hidden = !mineList.children.length;
    return node;
  }

  function remove(id) {
    const node = list && list.querySelector(`[data-question="${id}"]`);
    if (node) { if (node.contains(document.activeElement)) list.closest("section").focus(); node.remove(); }
  }

  function addMine(q) {
    if (!mineList || mineList.querySelector(`[data-question="${q.id}"]`)) return;
    const item = document.createElement("li");
    item.className = "live-question live-question--pending";
    item.dataset.question = String(q.id);
    item.id = `q-${q.id}`;
    const body = document.createElement("p");
    body.className = "live-question__body";
    body.textContent = q.body;
    const meta = document.createElement("p");
    meta.className = "live-question__meta";
    meta.textContent = T.waiting || "";
    item.append(body, meta);
    mineList.prepend(item);
    mineList.hidden = false;
  }

  function drawPoll(poll, data, ballot) {
    current.poll = poll;
    if (!pollBody) return;
    if (!poll) {
      pollBody.replaceChildren(Object.assign(document.createElement("p"), { textContent: T.noPoll || "" }));
      return;
    }
    const form = pollBody.querySelector(`[data-vote-form][data-poll="${poll.id}"]`);
    const open = poll.state === "open";
    if (!form || !open) {
      // A new poll, or the open one closed: draw it afresh (focus is on the section then).
      pollBody.replaceChildren();
      if (open) {
        const f = document.createElement("form");
        f.method = "post";
        f.dataset.voteForm = "";
        f.dataset.poll = String(poll.id);
        f.action = (root.dataset.voteUrl || "").replace("/0/", `/${poll.id}/`);
        const token = document.querySelector("[name=csrfmiddlewaretoken]");
        if (token) f.append(token.cloneNode());
        const fieldset = document.createElement("fieldset");
        const legend = document.createElement("legend");
        legend.className = "live-poll__question";
        legend.textContent = poll.question;
        fieldset.append(legend);
        for (const option of poll.options) {
          const row = document.createElement("div");
          row.className = "live-poll__option";
          const input = document.createElement("input");
          input.type = poll.kind === "multiple" ? "checkbox" : "radio";
          input.name = "option";
          input.value = String(option.id);
          input.id = `option-${option.id}`;
          input.checked = (ballot || []).includes(option.id);
          const label = document.createElement("label");
          label.htmlFor = input.id;
          label.textContent = option.label;
          row.append(input, " ", label);
          fieldset.append(row);
        }
        const button = document.createElement("button");
        button.type = "submit";
        button.className = "button";
        button.textContent = root.dataset.voteLabel || "Vote";
        const ack = document.createElement("p");
        ack.className = "live-poll__ack";
        ack.setAttribute("role", "status");
        ack.dataset.voteAck = "";
        if ((ballot || []).length) ack.textContent = T.counted || "";
        f.append(fieldset, button, ack);
        if (root.dataset.canVote === "1") pollBody.append(f);
        else { f.querySelectorAll("input").forEach((i) => { i.disabled = true; }); button.remove(); pollBody.append(f); }
      } else {
        const closed = document.createElement("p");
        closed.textContent = `${T.pollClosed || ""} ${poll.question}`;
        pollBody.append(closed);
      }
      const live = document.createElement("div");
      live.setAttribute("aria-live", "polite");
      live.dataset.resultsLive = "";
      pollBody.append(live);
    }
    drawResults(pollBody.querySelector("[data-results-live]"), poll, data);
  }

  function applyState(state) {
    current.upvoted = new Set(state.upvoted);
    current.mine = new Set(state.mine.map((q) => q.id));
    if (list) {
      const seen = new Set();
      for (const q of state.questions) { upsert(q); seen.add(q.id); }
      for (const node of [...list.children]) if (!seen.has(Number(node.dataset.question))) node.remove();
      sortList();
    }
    for (const q of state.mine) if (q.status === "pending") addMine(q);
    results.clear();
    drawPoll(state.poll || state.last_poll, state.results || state.last_results, state.ballot);
    if (state.session.state === "closed") ended();
  }

  function ended() {
    root.dataset.state = "closed";
    if (askForm) askForm.hidden = true;
    for (const form of root.querySelectorAll("[data-upvote-form], [data-vote-form]")) form.hidden = true;
    if (status) status.textContent = T.ended || "";
  }

  function formError(form, message) {
    const box = form && form.querySelector("[data-form-error]");
    if (box) { box.textContent = message; box.hidden = false; }
    else if (status) status.textContent = message;
  }

  function sendAsk(clientId, body) { socket.send({ type: "question.ask", client_id: clientId, body }); }

  const socket = openSocket(root.dataset.socket, {
    status,
    onOpen() { for (const [id, body] of pendingAsks) sendAsk(id, body); },
    onEvent(event) {
      switch (event.type) {
        case "state": applyState(event); break;
        case "question.new": {
          const node = upsert(event.question);
          if (node) { sortList(); say(`${T.newQuestion || ""} ${event.question.body}`); }
          break;
        }
        case "question.update": upsert(event.question); sortList(); break;
        case "question.removed": remove(event.id); break;
        case "question.votes": {
          const node = list && list.querySelector(`[data-question="${event.id}"]`);
          if (node) { node.dataset.votes = String(event.votes); node.querySelector("[data-vote-count]").textContent = fmt(T.votes, event.votes); if (order === "votes") sortList(); }
          break;
        }
        case "poll.state":
          if (current.poll && current.poll.id === event.poll.id && event.poll.state === "open") drawPoll(event.poll, event.results, null);
          else { results.delete(event.poll.id); drawPoll(event.poll, event.results, []); }
          break;
        case "poll.results":
          if (current.poll && current.poll.id === event.results.poll) drawResults(pollBody.querySelector("[data-results-live]"), current.poll, event.results);
          break;
        case "session.state": if (event.state === "closed") ended(); else if (event.state === "open" && root.dataset.state !== "open") location.reload(); break;
        case "question.ack": {
          pendingAsks.delete(event.client_id);
          if (askForm) { askForm.querySelector("textarea").value = ""; askForm.querySelector("[data-form-error]").hidden = true; }
          current.mine.add(event.question.id);
          if (event.question.status === "pending") { addMine(event.question); if (status) status.textContent = T.pending || ""; }
          else {
            const node = upsert(event.question);
            sortList();
            if (node) { const form = node.querySelector("[data-upvote-form]"); if (form) form.hidden = true; node.setAttribute("tabindex", "-1"); node.focus(); }
            if (status) status.textContent = T.sent || "";
          }
          break;
        }
        case "question.upvoted": {
          if (event.voted) current.upvoted.add(event.id); else current.upvoted.delete(event.id);
          const node = list && list.querySelector(`[data-question="${event.id}"]`);
          const button = node && node.querySelector("[data-upvote-form] button");
          if (button) { button.setAttribute("aria-pressed", String(event.voted)); button.classList.toggle("button--pressed", event.voted); }
          break;
        }
        case "poll.voted": {
          const ack = pollBody.querySelector("[data-vote-ack]");
          if (ack) ack.textContent = T.counted || "";
          break;
        }
        case "error":
          if (event.client_id && pendingAsks.has(event.client_id)) { pendingAsks.delete(event.client_id); formError(askForm, event.message); }
          else if (status) status.textContent = event.message;
          break;
        case "presence": break;
        default: break;
      }
    },
  });

  root.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.matches("[data-ask-form]")) {
      const body = form.querySelector("textarea").value;
      if (!body.trim()) { event.preventDefault(); formError(form, T.empty || ""); form.querySelector("textarea").focus(); return; }
      const clientId = uuid();
      if (!socket.send({ type: "question.ask", client_id: clientId, body })) { form.querySelector("[data-client-id]").value = clientId; return; }
      event.preventDefault();
      pendingAsks.set(clientId, body);
    } else if (form.matches("[data-upvote-form]")) {
      const id = Number(form.closest("[data-question]").dataset.question);
      if (socket.send({ type: "question.upvote", id, undo: current.upvoted.has(id) })) event.preventDefault();
    } else if (form.matches("[data-vote-form]")) {
      const options = [...form.querySelectorAll("input[name=option]:checked")].map((i) => Number(i.value));
      if (!options.length) { event.preventDefault(); const ack = form.querySelector("[data-vote-ack]"); if (ack) ack.textContent = T.chooseOne || ""; return; }
      if (socket.send({ type: "poll.vote", poll: Number(form.dataset.poll), options, client_id: uuid() })) event.preventDefault();
    }
  });
}

// The presenter screen ----------------------------------------------------------------------

function screen() {
  const question = root.querySelector("[data-screen-question]");
  const votes = root.querySelector("[data-screen-votes]");
  const pollTitle = root.querySelector("[data-screen-poll-title]");
  const pollHolder = root.querySelector("[data-screen-results]");
  const status = root.querySelector("[data-live-status]");
  let poll = null;
  let onScreen = null;

  function drawQuestion(q) {
    onScreen = q ? q.id : null;
    question.textContent = q ? q.body : "";
    votes.textContent = q ? fmt(T.votes, q.votes) : "";
    root.querySelector("[data-screen-question-box]").hidden = !q;
  }
  function drawPoll(p, data) {
    poll = p;
    pollTitle.textContent = p ? p.question : "";
    root.querySelector("[data-screen-poll-box]").hidden = !p;
    pollHolder.replaceChildren();
    if (p) drawResults(pollHolder, p, data);
  }
  openSocket(root.dataset.socket, {
    status,
    onOpen() {},
    onEvent(event) {
      switch (event.type) {
        case "state": {
          results.clear();
          const q = event.questions.find((item) => item.id === event.session.on_screen);
          drawQuestion(q || null);
          drawPoll(event.poll || event.last_poll, event.results || event.last_results);
          if (event.session.state === "closed" && status) status.textContent = T.ended || "";
          break;
        }
        case "screen": drawQuestion(event.question); break;
        case "question.votes": if (event.id === onScreen) votes.textContent = fmt(T.votes, event.votes); break;
        case "question.removed": if (event.id === onScreen) drawQuestion(null); break;
        case "poll.state": results.delete(event.poll.id); drawPoll(event.poll, event.results); break;
        case "poll.results": if (poll && poll.id === event.results.poll) drawResults(pollHolder, poll, event.results); break;
        case "session.state": if (status) status.textContent = event.state === "closed" ? T.ended || "" : ""; break;
        default: break;
      }
    },
  });
}

// The moderator view: new and changed questions redraw the lists from the server ----------

function moderator() {
  const region = root.querySelector("[data-mod-live]");
  const announcer = root.querySelector("[data-announce]");
  let timer = null;
  async function refresh() {
    timer = null;
    // Not while the moderator is typing a reason or choosing a question to merge into.
    const active = document.activeElement;
    if (active && region.contains(active) && active.matches("input, textarea, select")) { timer = setTimeout(refresh, 2000); return; }
    const response = await fetch(location.pathname, { headers: { "X-Requested-With": "fetch" } });
    if (!response.ok) return;
    const html = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = html.querySelector("[data-mod-live]");
    if (!fresh) return;
    const focusedId = active && region.contains(active) ? active.id : "";
    region.replaceChildren(...fresh.childNodes);
    if (focusedId) { const again = document.getElementById(focusedId); if (again) again.focus(); }
  }
  openSocket(root.dataset.socket, {
    status: root.querySelector("[data-live-status]"),
    onOpen() {},
    onEvent(event) {
      if (event.type === "question.new" && event.question.status === "pending" && announcer) announcer.textContent = `${T.newQuestion || ""} ${event.question.body}`;
      if (["question.new", "question.update", "question.removed", "question.votes", "poll.results", "poll.state", "screen"].includes(event.type) && !timer) timer = setTimeout(refresh, 400);
    },
  });
}

if (root) {
  if (root.dataset.live === "participant") participant();
  else if (root.dataset.live === "screen") screen();
  else if (root.dataset.live === "moderator") moderator();
}
