import type { Server } from "node:http";

// Stopping a server a test started, within a bound: http.Server.close() waits for the connections
// still open (a browser's keep-alive, a request in flight), and the test is done with them.
// (Child processes: scripts/lib/stop-process.ts.) Used by e2e/ and test/.

/** Stops listening and drops every open connection, rather than waiting for clients to hang up. */
export function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
