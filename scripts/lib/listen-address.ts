// Where `npm start` listens, and how it reaches itself. Loopback by default: Moddesk speaks plain
// HTTP, so it is meant to sit behind a TLS proxy on the same machine (docs/security-http.md);
// HOST=0.0.0.0 (or an interface's address) exposes it, deliberately.

const ANY_ADDRESS = new Set(["0.0.0.0", "::", "[::]"]);

export function listenArguments(host: string, port: number): string[] {
  return ["-p", String(port), "-H", host];
}

/** The address to probe the server on: a wildcard address is reached through loopback. */
export function probeHost(host: string): string {
  if (ANY_ADDRESS.has(host)) return "127.0.0.1";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/** What the start-up message names (MODDESK_URL wins when set). */
export function localUrl(host: string, port: number): string {
  return `http://${host === "127.0.0.1" || ANY_ADDRESS.has(host) ? "localhost" : probeHost(host)}:${port}`;
}
