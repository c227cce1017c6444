"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-3 text-slate-600">Moddesk could not finish this request. It has been logged. Try again in a moment.</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
        Try again
      </button>
    </main>
  );
}
