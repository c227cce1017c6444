import "server-only";

// The webhook outbox and the connector push outbox are drained the same way: one drain per target
// (an endpoint, a site) with due rows, started and not awaited, so the job that calls this never
// waits on a receiver, and never two drains of one target in this process at once.

export interface DrainStarter {
  /** Starts a drain for each due target not being drained already; returns the ids started. */
  startDue: () => Promise<number[]>;
}

export function drainStarter(options: { dueTargets: () => Promise<number[]>; drain: (id: number) => Promise<unknown>; label: string }): DrainStarter {
  const draining = new Set<number>();
  return {
    async startDue() {
      const started: number[] = [];
      for (const id of await options.dueTargets()) {
        if (draining.has(id)) continue;
        draining.add(id);
        started.push(id);
        void options
          .drain(id)
          .catch((error: unknown) => console.error(`[${options.label}] ${id}`, error))
          .finally(() => draining.delete(id));
      }
      return started;
    },
  };
}
