import { DataTable } from "@/components/ui/data-table";
import { formatShare } from "@/lib/insights/format-figures";
import type { ArticleInsights } from "@/lib/insights/article-insights";

// Article titles come from imports: rendered as text, like every imported string.
export function ArticleTable({ insights }: { insights: ArticleInsights }) {
  return (
    <div>
      <DataTable
        caption="Articles attracting the most hidden comments"
        testId="article-table"
        headers={["Article", "Comments", "Flagged", "Hidden"]}
        rows={insights.top.map((article) => [
          <span key="title" className="font-medium">
            {article.title}
          </span>,
          article.comments,
          `${formatShare(article.shareFlagged)} (${article.flagged})`,
          `${formatShare(article.shareHidden)} (${article.hidden})`,
        ])}
      />
      <p className="mt-2 text-xs text-slate-500">
        {insights.top.length} of {insights.articles} articles with comments in this range, most hidden comments first.
      </p>
    </div>
  );
}
