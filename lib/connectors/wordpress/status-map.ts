import type { CommentStatusHint } from "@/lib/import/types";
import type { PushRequest } from "../connector";
import type { WordpressConfig } from "./config";

// WordPress comment statuses as the REST API names them: approved, hold, spam, trash.
//
// "approved" becomes PENDING, on purpose: most sites publish comments at once, and a published
// comment is exactly what the desk has to review (post-moderation). A comment the desk approves is
// then pushed as "approved", which leaves it as it is. Spam and trash are already off the site:
// they arrive HIDDEN. "hold" waits for a decision in both systems: PENDING. "post-trashed" is what
// the REST API says (prepare_status_response passes comment_approved through) for a comment whose
// post was moved to the trash: off the site with its post, so HIDDEN, not a new item for the queue.
const HINTS: Record<string, CommentStatusHint> = { approved: "PENDING", hold: "PENDING", spam: "HIDDEN", trash: "HIDDEN", "post-trashed": "HIDDEN" };

export function wordpressStatusHint(siteStatus: string): CommentStatusHint {
  return HINTS[siteStatus] ?? "PENDING";
}

/**
 * The site status for a decision. The outbox gives an undo the status the site had before the
 * undone decision was pushed (lib/connectors/drain-push-outbox.ts); "hold" here is for a caller
 * that knows nothing more: the comment goes back to waiting, on the site as in Moddesk.
 */
export function wordpressSiteStatus(config: Pick<WordpressConfig, "hideStatus">, decision: PushRequest["decision"]): string {
  switch (decision) {
    case "APPROVE":
      return "approved";
    case "HIDE":
      return config.hideStatus;
    case "UNDO":
      return "hold";
  }
}
