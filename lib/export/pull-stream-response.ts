// A download answered from an async generator of chunks, pull-based: the next chunk is produced
// only when the client has taken the previous one, and a client that goes away cancels the stream,
// which ends the generator (its finally blocks record the export as aborted).

/** `headers` may be a function: called once the first chunk is in, for what the generator learns by then (an export's cursor). */
export async function pullStreamResponse<Summary>(chunks: AsyncGenerator<Uint8Array, Summary>, headers: Record<string, string> | (() => Record<string, string>), abortedSummary: Summary): Promise<Response> {
  // Started before answering: a database that cannot be reached is an error status, not a 200
  // with an empty file.
  const first = await chunks.next();
  let pending: Uint8Array | null = first.done ? null : first.value;
  // A client can go away while a pull waits on the database: the chunk read meanwhile is dropped,
  // not enqueued into the closed stream (which throws, and was logged as a failed export).
  let isCancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            if (pending !== null) {
              const chunk = pending;
              pending = null;
              if (chunk.length > 0) return controller.enqueue(chunk);
            }
            const step = await chunks.next();
            if (isCancelled) return;
            if (step.done) return controller.close();
            pending = step.value;
          }
        } catch (error) {
          if (isCancelled) return;
          // Headers are gone: erroring the body makes the client see a failed (not a short) download.
          console.error("[export] failed mid-stream", error);
          controller.error(error);
        }
      },
      async cancel() {
        isCancelled = true;
        await chunks.return(abortedSummary);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, { headers: { "cache-control": "no-store", "x-content-type-options": "nosniff", ...(typeof headers === "function" ? headers() : headers) } });
}
