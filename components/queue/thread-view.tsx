import type { ThreadNode } from "@/lib/moderation/get-article-thread";
import { CommentCard } from "./comment-card";

// Nesting is capped visually so a deep reply chain stays readable on a narrow screen.
const MAX_INDENT = 6;

/** The thread as readers see it, replies under their parents, each with its moderation status. */
export function ThreadView({ nodes, depth = 0 }: { nodes: ThreadNode[]; depth?: number }) {
  return (
    <ol className={`space-y-3 ${depth > 0 && depth <= MAX_INDENT ? "mt-3 ml-6 border-l border-slate-200 pl-3" : ""}`}>
      {nodes.map((node) => (
        <li key={node.item.id}>
          <CommentCard item={node.item} showArticle={false} />
          {node.replies.length > 0 ? <ThreadView nodes={node.replies} depth={depth + 1} /> : null}
        </li>
      ))}
    </ol>
  );
}
