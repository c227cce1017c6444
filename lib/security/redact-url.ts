// An outbound address as the audit log and the pages show it: the credentials some receivers take
// in the URL itself are replaced by "***", the rest (scheme, host, port, path) stays so that the
// log still says where decisions went. Delivery keeps the stored address as it was entered.
// Pure: unit-tested without a database.
//
// What counts as a credential:
// - userinfo (`https://user:pass@host`): both parts (an API key is often the user name);
// - a query parameter whose name holds token, secret, key, sig(nature), pass(word), pwd, auth,
//   credential, session, jwt or hmac (`?token=`, `api_key`, `X-Amz-Signature`, Azure's `sig`);
// - a path segment that looks generated: 20 or more URL-safe characters, at least 4 of them
//   letters and 4 digits (Slack's and Discord's webhook addresses carry their secret in the path;
//   a readable name such as `moddesk-receiver-2` stays);
// - a fragment (never sent, but a place people paste tokens).

export const REDACTED = "***";

const SECRET_PARAMETER = /token|secret|key|sig|pass|pwd|auth|credential|session|jwt|hmac/i;
const GENERATED_SEGMENT = /^(?=(?:[^a-z]*[a-z]){4})(?=(?:\D*\d){4})[\w.~%-]{20,}$/i;

/** Whether a query parameter of this name is taken to carry a credential. */
export function isSecretParameter(name: string): boolean {
  return SECRET_PARAMETER.test(name);
}

/** The address with its credentials replaced; text that is not an absolute URL comes back unchanged. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  let isChanged = false;
  if (url.username !== "" || url.password !== "") {
    url.username = REDACTED;
    url.password = "";
    isChanged = true;
  }
  const names = [...new Set(url.searchParams.keys())].filter(isSecretParameter);
  for (const name of names) {
    const count = url.searchParams.getAll(name).length;
    url.searchParams.delete(name);
    for (let index = 0; index < count; index++) url.searchParams.append(name, REDACTED);
    isChanged = true;
  }
  const segments = url.pathname.split("/");
  if (segments.some((segment) => GENERATED_SEGMENT.test(segment))) {
    url.pathname = segments.map((segment) => (GENERATED_SEGMENT.test(segment) ? REDACTED : segment)).join("/");
    isChanged = true;
  }
  if (url.hash !== "") {
    url.hash = REDACTED;
    isChanged = true;
  }
  // Unchanged addresses are returned as entered, not re-serialized (no added slash, no punycode).
  return isChanged ? url.toString() : raw;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>`]+/gi;

/** Every http(s) address inside a text (an error message) redacted; the rest of the text as it was. */
export function redactUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => {
    // A sentence's closing punctuation is not part of the address.
    const trailing = /[.,;:!?)\]]+$/.exec(match)?.[0] ?? "";
    return redactUrl(match.slice(0, match.length - trailing.length)) + trailing;
  });
}

/** A rule's stored config (any JSON) with its address fields redacted; anything but an object unchanged. */
export function redactConfigUrls(config: unknown): unknown {
  return typeof config === "object" && config !== null && !Array.isArray(config) ? redactUrlFields(config as Record<string, unknown>) : config;
}

/** A settings object with every string that is an http(s) address redacted (connector settings in the audit log). */
export function redactUrlFields<T extends Record<string, unknown>>(settings: T): T {
  const copy: Record<string, unknown> = { ...settings };
  for (const [name, value] of Object.entries(copy)) if (typeof value === "string" && /^https?:\/\//i.test(value.trim())) copy[name] = redactUrl(value.trim());
  return copy as T;
}

// Fields of an audit event that hold an outbound address (`url`, `siteUrl`, `endpoint`) or a text
// that may quote one (an `error`, a `detail`). Other texts (a moderator's note, a rule's terms)
// stay as written: a note's article link keeps its slug and anchor.
const ADDRESS_FIELD = /(?:url|endpoint)$/i;
const MESSAGE_FIELD = /^(?:error|detail|lastError|message)$/i;

/**
 * An audit event's details as they are stored: at any depth, an address field's value (or every
 * string in it) without its credentials, and addresses inside error texts likewise. The audit log is
 * append-only, so this runs where every event is written, not at each caller.
 */
export function redactAuditDetails(details: Record<string, unknown>): Record<string, unknown> {
  return redactNested(details, "none") as Record<string, unknown>;
}

type Redaction = "none" | "address" | "message";

function redactNested(value: unknown, redaction: Redaction): unknown {
  if (typeof value === "string") {
    if (redaction === "address") return /^\s*https?:\/\//i.test(value) ? redactUrl(value.trim()) : redactUrlsIn(value);
    return redaction === "message" ? redactUrlsIn(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => redactNested(item, redaction));
  // Only plain objects are walked: a Date (or anything else with its own toJSON) is stored as it serializes.
  if (typeof value !== "object" || value === null || !isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    const inner: Redaction = redaction !== "none" ? redaction : ADDRESS_FIELD.test(name) ? "address" : MESSAGE_FIELD.test(name) ? "message" : "none";
    copy[name] = redactNested(field, inner);
  }
  return copy;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
