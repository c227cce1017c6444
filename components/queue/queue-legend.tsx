import { CATEGORY_STYLE } from "./category-style";

/**
 * What the marks on a card mean, and what a decision does for readers: a moderator should never
 * wonder whether an abusive comment is still up after they hid it.
 */
export function QueueLegend() {
  return (
    <details className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm" data-testid="queue-legend">
      <summary className="cursor-pointer font-medium text-slate-700">What do held, priority, the colours and “Hidden” mean?</summary>
      <dl className="mt-2 space-y-2 text-slate-700">
        <div>
          <dt className="font-semibold">held</dt>
          <dd>A rule with the action “Hold” matched: the comment waits for a person and comes first in the queue.</dd>
        </div>
        <div>
          <dt className="font-semibold">priority N</dt>
          <dd>How urgent a comment is, from its flags: the strongest flag’s severity weighted by how sure the match was, more for each extra category, +10 when held. 0: no rule matched.</dd>
        </div>
        <div>
          <dt className="font-semibold">Categories</dt>
          <dd className="mt-1 flex flex-wrap gap-2">
            {Object.entries(CATEGORY_STYLE).map(([category, style]) => (
              <span key={category} className={`rounded px-2 py-0.5 text-xs ${style.className}`}>
                <span aria-hidden="true">{style.symbol} </span>
                {style.label}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">Hidden</dt>
          <dd data-testid="hidden-meaning">
            <HiddenMeaning />
          </dd>
        </div>
      </dl>
    </details>
  );
}

/** The one sentence on what a decision does on the live site (also on each comment's page). */
export function HiddenMeaning() {
  return (
    <>
      Hiding here does not by itself remove a comment from your site: Moddesk cannot write to your CMS. Readers stop seeing it when your site applies the decision: from a
      signed webhook sent within seconds (set up on the Webhooks page), by reading <code>GET /api/v1/decisions</code> with an API token (usually every minute),
      following <code>/api/v1/queue/changes</code>, or from an export. Ask your
      admin which one your desk uses and how often it runs. See <code>docs/moderating.md</code>.
    </>
  );
}
