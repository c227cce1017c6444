/** Comments a bulk run decides between two saves of its progress (and the most a stop can leave in flight). */
export const BULK_RUN_CHUNK = 50;
