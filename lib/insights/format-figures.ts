// How insight figures read on the page: durations in the largest sensible unit, shares as percent.

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${round1(seconds / 3600)} h`;
  return `${round1(seconds / 86_400)} d`;
}

export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return "—";
  return `${Math.round(share * 100)}%`;
}

const round1 = (value: number) => String(Math.round(value * 10) / 10);
