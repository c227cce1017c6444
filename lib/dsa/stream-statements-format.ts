export const STATEMENT_FORMATS = ["json", "jsonl", "batches"] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/**
 * The most statements the Transparency Database takes in one call of its multi-statement endpoint
 * (`POST /api/v1/statements`: "between 1 and 100"); a larger body is refused whole with a 422.
 */
export const STATEMENTS_PER_CALL = 100;

/** One call's body for the multi-statement endpoint, from statements already serialized as JSON. */
export function multiStatementCallBody(statementTexts: readonly string[]): string {
  if (statementTexts.length < 1 || statementTexts.length > STATEMENTS_PER_CALL) {
    throw new RangeError(`a multi-statement call takes 1 to ${STATEMENTS_PER_CALL} statements, not ${statementTexts.length}`);
  }
  return `{"statements":[${statementTexts.join(",")}]}`;
}
