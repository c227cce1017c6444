/** SQLSTATE 57P01: the server closed the connection because it is being stopped on purpose. */
const ADMIN_SHUTDOWN = "57P01";

/**
 * Whether a connection error is PostgreSQL stopping on purpose (Ctrl-C on `npm start` reaches the
 * embedded server too). Not worth a line on the terminal: the next query reconnects or the app is stopping.
 */
export function isAdminShutdown(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === ADMIN_SHUTDOWN;
}
