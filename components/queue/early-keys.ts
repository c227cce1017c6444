// Keys typed while the queue is still loading: a tiny script (public/early-keys.js, run before React hydrates)
// buffers them, and the board replays them once its own key handler is in place. Without it, an
// editor who starts pressing j/a at once found the first keys did nothing.

/** Served from public/: loaded by the queue page before its own scripts, with the request's CSP nonce. */
export const EARLY_KEYS_SRC = "/early-keys.js";

declare global {
  interface Window {
    __moddeskTakeEarlyKeys?: () => string[];
  }
}

/** The keys typed before hydration, once; later calls return nothing. */
export function takeEarlyKeys(): string[] {
  const take = window.__moddeskTakeEarlyKeys;
  window.__moddeskTakeEarlyKeys = undefined;
  return take ? take() : [];
}
