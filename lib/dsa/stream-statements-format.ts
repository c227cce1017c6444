export const STATEMENT_FORMATS = ["json", "jsonl"] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
