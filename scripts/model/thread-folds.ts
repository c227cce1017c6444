/** The trainer's thread-grouped folds: a thread is always in one fold (FNV-1a of its id). */
export const FOLDS = 5;

export function foldOfThread(thread: string): number {
  let h = 2166136261;
  for (let i = 0; i < thread.length; i++) h = Math.imul(h ^ thread.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}
