import type { QueueItem } from "./queue-item";

/** Consecutive comments of one article share a heading: the thread reads as a thread. */
export function runsByArticle(items: QueueItem[]): { articleId: number; title: string; start: number; items: QueueItem[] }[] {
  const runs: { articleId: number; title: string; start: number; items: QueueItem[] }[] = [];
  items.forEach((item, index) => {
    const last = runs.at(-1);
    if (last?.articleId === item.article.id) last.items.push(item);
    else runs.push({ articleId: item.article.id, title: item.article.title, start: index, items: [item] });
  });
  return runs;
}
