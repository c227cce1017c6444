// What a re-run is doing, in words (the Rules page and a rule's page both say it).

export interface RerunSummary {
  status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
  pendingOnly: boolean;
  total: number;
  processed: number;
  flagged: number;
  autoHidden: number;
}

const count = (value: number) => value.toLocaleString("en-US");

export function isRerunActive(rerun: Pick<RerunSummary, "status">): boolean {
  return rerun.status === "QUEUED" || rerun.status === "RUNNING";
}

export function rerunLabel(rerun: RerunSummary): string {
  const what = rerun.pendingOnly ? `${count(rerun.total)} pending comment${rerun.total === 1 ? "" : "s"}` : `${count(rerun.total)} stored comment${rerun.total === 1 ? "" : "s"}`;
  switch (rerun.status) {
    case "QUEUED":
    case "RUNNING":
      return `Re-checking ${what}… (${count(rerun.processed)} done)`;
    case "COMPLETED":
      return `Re-checked ${what}: ${count(rerun.flagged)} flagged, ${count(rerun.autoHidden)} auto-hidden.`;
    case "FAILED":
      return `Re-checking ${what} failed after ${count(rerun.processed)}.`;
  }
}
