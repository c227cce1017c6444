// How every bench and the load test time calls and read percentiles, so a p95 means the same
// thing in each section of BENCHMARKS.md.

/** The sample at floor(p% of n) of the sorted samples (0 when there are none). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `work`, adds its wall time in milliseconds to `samples`, and returns its result. */
export async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}

/** The middle sample (the mean of the two middle ones for an even count; 0 when there are none). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * What `percentile(samples, 95)` is for `n` samples, said as such: floor(0.95 n) is the last index
 * up to n = 20, so there the "p95" is the slowest sample and is called the max; from 21 up, a p95.
 */
export function tailLabel(n: number): string {
  return Math.floor(0.95 * n) < n - 1 ? "p95" : `max of ${n}`;
}
