// How many refused sign-ins become audit events of their own. A refusal (a throttled guess, password
// sign-in turned off, an SSO callback that failed before anyone was known) costs an anonymous
// caller one request, and each audit event is a row the append-only log keeps forever, appended
// under the one lock every decision also takes: a single address hammering the sign-in wrote
// hundreds of events a second. Past `perWindow` in a window, refusals are counted instead, and the
// next audited one carries the count, so every refusal is still accounted for.
// Pure (the clock is passed in), per process.

export interface RefusalAuditSlot {
  /** Whether this refusal gets its own audit event. */
  isAudited: boolean;
  /** Refusals counted but not audited since the last audited one (for its details). */
  unauditedBefore: number;
}

export class RefusalAuditBudget {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;
  private unaudited = 0;

  constructor(
    readonly perWindow = 60,
    readonly windowMs = 60_000,
  ) {}

  take(nowMs: number): RefusalAuditSlot {
    if (nowMs - this.windowStart >= this.windowMs) {
      this.windowStart = nowMs;
      this.used = 0;
    }
    if (this.used >= this.perWindow) {
      this.unaudited += 1;
      return { isAudited: false, unauditedBefore: 0 };
    }
    this.used += 1;
    const unauditedBefore = this.unaudited;
    this.unaudited = 0;
    return { isAudited: true, unauditedBefore };
  }
}

/** The budget every anonymous refusal of this process shares. */
export const anonymousRefusalAudit = new RefusalAuditBudget();
