// Loaded with `node --import` in front of `next start` (scripts/start.ts, e2e/support/serve.ts).
// Next gives route handlers and server actions the request's headers but not its socket, and it
// fills X-Forwarded-For with the socket's address only when the client did not send one. So every
// incoming request gets the TCP peer's address in a header of our own, overwriting whatever a
// client put there; lib/auth/client-address.ts reads it and trusts X-Forwarded-For only from
// TRUSTED_PROXIES.
import http from "node:http";
import https from "node:https";

const HEADER = "x-moddesk-peer-address";

function stamp(request) {
  request.headers[HEADER] = request.socket?.remoteAddress ?? "";
  const raw = request.rawHeaders;
  for (let index = raw.length - 2; index >= 0; index -= 2) {
    if (String(raw[index]).toLowerCase() === HEADER) raw.splice(index, 2);
  }
}

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithPeerAddress(event, ...args) {
    if (event === "request" && args[0]) stamp(args[0]);
    return emit.call(this, event, ...args);
  };
}
