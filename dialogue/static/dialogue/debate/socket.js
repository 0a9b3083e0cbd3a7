// The debate's websocket, reconnecting with backoff. On every (re)connect it asks for the
// comments after the last id it saw, so nothing is lost while it was away. The server says
// "live.resync" when its own live channel had a gap (Redis went away and came back) while this
// socket stayed open: the page asks for what it missed in the same way.

export function openSocket({ root, path, connection, text, lastId, onOpen, onEvent }) {
  const socket = { current: null };
  let attempt = 0;

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss" : "ws";
    const ws = new WebSocket(`${scheme}://${window.location.host}${path}`);
    socket.current = ws;
    const catchUp = () => ws.send(JSON.stringify({ type: "catchup", after: lastId() }));
    ws.addEventListener("open", () => {
      attempt = 0;
      connection.textContent = "";
      root.dataset.live = "true";
      catchUp();
      onOpen();
    });
    ws.addEventListener("message", (message) => {
      try {
        const event = JSON.parse(message.data);
        if (event.type === "live.resync") catchUp();
        else onEvent(event);
      } catch (error) { console.error(error); }
    });
    ws.addEventListener("close", (event) => {
      root.dataset.live = "false";
      if (event.code === 1008 || event.code === 4404) return;
      attempt += 1;
      const delay = Math.min(30000, 500 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random());
      connection.textContent = text.reconnecting;
      window.setTimeout(connect, delay);
    });
  }

  connect();
  return {
    isOpen: () => socket.current && socket.current.readyState === WebSocket.OPEN,
    send: (message) => socket.current.send(JSON.stringify(message)),
  };
}
