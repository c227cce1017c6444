import { flagCategoriesLiteral } from "@/lib/detect/flag-categories";
import type { CopyTextWriter } from "./copy-text-writer";
import type { StagedComment } from "./write-comment-chunk";

/**
 * The columns a comment's COPY row shares whichever table it goes to (comment, or the staging table
 * of a re-import): author, body with its search vector, time, state and flag categories, in that order.
 */
export function writeCommentText(out: CopyTextWriter, c: StagedComment): void {
  out.text(c.authorName);
  out.text(c.authorExternalId);
  out.text(c.body);
  out.searchVector(c.body);
  out.plain(c.postedAt.toISOString());
  out.plain(c.status);
  out.plain(String(c.priority));
  out.plain(c.isHeld ? "t" : "f");
  out.plain(flagCategoriesLiteral(c.flags));
}
