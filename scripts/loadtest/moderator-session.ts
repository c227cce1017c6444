// One simulated moderator: signs in over HTTP, then decides comments through the real API.

export interface DecisionOutcome {
  status: number;
  latencyMs: number;
  commentId: number;
  decisionId?: number;
}

export class ModeratorSession {
  private cookie = "";

  constructor(
    readonly baseUrl: string,
    readonly email: string,
  ) {}

  /** A GET with this session's cookie, on this session's server or another instance's. */
  async get(url: string): Promise<Response> {
    // Named as coming from the queue page of that server, as a browser's poll does: a cookie's GET
    // that says nothing about where it came from is refused (lib/http/request-guards.ts).
    return fetch(url, { headers: { cookie: this.cookie, referer: new URL("/queue", url).href } });
  }

  async signIn(password: string): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/v1/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.baseUrl },
      body: JSON.stringify({ email: this.email, password }),
    });
    if (!response.ok) throw new Error(`sign-in of ${this.email} failed: ${response.status} ${await response.text()}`);
    this.cookie = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  }

  async decide(commentId: number, action: "APPROVE" | "HIDE", baseUrl = this.baseUrl): Promise<DecisionOutcome> {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/comments/${commentId}/decisions`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, cookie: this.cookie },
      body: JSON.stringify({ action, expectedVersion: 0, expectedStatus: "PENDING", ...(action === "HIDE" ? { reason: "ABUSIVE" } : {}) }),
    });
    const body = (await response.json()) as { decisionId?: number };
    return { status: response.status, latencyMs: performance.now() - started, commentId, decisionId: body.decisionId };
  }

  async upload(fileName: string, content: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/v1/imports?fileName=${encodeURIComponent(fileName)}`, { method: "POST", headers: { "content-type": "application/octet-stream", origin: this.baseUrl, cookie: this.cookie }, body: content });
    const text = await response.text();
    if (!response.ok) throw new Error(`import failed: ${response.status} ${text}`);
    return text.trim().split("\n").at(-1) ?? "";
  }
}
