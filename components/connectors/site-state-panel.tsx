import { CONNECTOR_LABELS } from "@/lib/connectors/registry";
import { getCommentSiteState } from "@/lib/connectors/queries";
import { formatDateTime } from "@/lib/format";

/** Where the comment stands on the site it came from: its status there and Moddesk's pushes, conflicts included. */
export async function SiteStatePanel({ commentId, timeZone }: { commentId: number; timeZone: string }) {
  const state = await getCommentSiteState(commentId);
  if (!state) return null;
  const site = CONNECTOR_LABELS[state.kind];
  return (
    <section aria-label={`On ${site}`} data-testid="site-state" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">On {site}</h2>
      <p className="mt-1 text-slate-700">
        Comment {state.externalId} there, <strong>{state.siteStatus}</strong> as Moddesk last saw it.
      </p>
      <ul className="mt-2 space-y-1">
        {state.pushes.map((push) => (
          <li key={push.id} data-testid="site-push">
            {push.decision.toLowerCase()}: <strong>{push.status.toLowerCase()}</strong>
            {push.status === "CONFLICT" ? ` (${push.conflictDetail ?? "changed on the site"}; an admin resolves it on the Connectors page)` : ""}
            {push.status === "APPLIED" && push.appliedAt ? ` ${formatDateTime(push.appliedAt, timeZone)}` : ""}
            {push.status !== "APPLIED" && push.lastError ? <span className="comment-text"> ({push.lastError})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
