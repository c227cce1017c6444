// The events Moddesk sends to webhook endpoints. Payloads follow the Standard Webhooks shape:
// {type, timestamp, data}; the webhook-id header is unique per event and endpoint, so a receiver
// that sees one twice (a retry after a lost answer) can drop it.

export const WEBHOOK_EVENTS = ["comment.decided", "comment.flagged", "import.completed", "rule.changed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by "Send test event", to one endpoint whatever it subscribed to; a receiver changes nothing. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  "comment.decided": "a comment was approved, hidden (by a moderator or an auto-hide rule), undone or reverted",
  "comment.flagged": "a new comment arrived with rule flags",
  "import.completed": "an import or ingest batch finished",
  "rule.changed": "a rule was created, edited, enabled, disabled or deleted",
};

export interface WebhookEventInput {
  type: WebhookEvent;
  /** Events with the same key reach each endpoint in the order they happened (a comment's decisions). */
  orderingKey: string;
  data: Record<string, unknown>;
  /**
   * When set, data.comment gets the comment's id and its status after the event (data.decision.toStatus)
   * now, and its source, external id and article (fixed for a comment's life) when it is delivered.
   */
  commentId?: number;
}
