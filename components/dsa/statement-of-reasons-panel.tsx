import type { CommentStatementOfReasons } from "@/lib/dsa/comment-statement-of-reasons";

/** The notice a hidden comment's author can be sent, as text (never HTML), with the filed statement. */
export function StatementOfReasonsPanel({ found }: { found: CommentStatementOfReasons }) {
  const base = `/api/v1/comments/${found.commentId}/statement-of-reasons`;
  return (
    <section aria-label="Statement of reasons" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Statement of reasons (DSA)</h2>
      <p className="mt-1 text-sm text-slate-600">
        What the author of this comment is owed under Article 17 of the Digital Services Act. Your site can show or email it; Moddesk does not contact commenters itself.
      </p>
      <div data-testid="commenter-notice" className="comment-text mt-3 whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-sm">
        {found.notice}
      </div>
      <p className="mt-2 flex flex-wrap gap-4 text-sm">
        <a className="underline" href={`${base}?format=text`}>
          Notice as text
        </a>
        <a className="underline" href={base}>
          Statement for the Transparency Database (JSON)
        </a>
      </p>
    </section>
  );
}
