// What the server tells the script about the page, read once from the data- attributes of
// the debate element: limits and statuses come from the Python constants, words from gettext.

export function readConfig(root) {
  const data = root.dataset;
  const STATUS = JSON.parse(data.statuses || "{}");
  return {
    STATUS,
    WITHHELD: (data.withheld || "").split(" ").filter(Boolean),
    maxLength: Number(data.maxLength) || 0,
    userId: data.user ? Number(data.user) : null,
    sort: data.sort,
    socketPath: data.socket,
    listUrl: data.listUrl,
    text: {
      newComment: data.newComment || "New comment from",
      followingOne: data.followingOne || "following now",
      followingMany: data.followingMany || "following now",
      pending: data.pendingMessage || "Your comment awaits moderation.",
      sent: data.sentMessage || "Your comment is published.",
      reconnecting: data.reconnecting || "Connection lost. Trying again…",
      empty: data.emptyMessage || "Write something before you send.",
      reported: data.reportedMessage || "Thank you. The moderators will look at the comment.",
      reason: data.reasonMessage || "Choose a reason.",
    },
  };
}
