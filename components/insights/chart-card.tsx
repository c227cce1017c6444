// A titled panel for one figure; says so plainly when there is nothing to draw.

export function ChartCard({ title, testId, isEmpty, emptyText = "Nothing in this range.", children, aside }: { title: string; testId: string; isEmpty?: boolean; emptyText?: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId} aria-label={title}>
      <header className="flex items-baseline justify-between gap-3">
        <h2 className="text-sm font-semibold text-slate-700">{title}</h2>
        {aside}
      </header>
      <div className="mt-3">{isEmpty ? <p className="py-8 text-center text-sm text-slate-500">{emptyText}</p> : children}</div>
    </section>
  );
}
