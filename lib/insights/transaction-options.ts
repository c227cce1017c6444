/**
 * Transactions behind the insights page: a range over millions of comments may take longer than
 * Prisma's 5 s default (P2028 at 10M comments, npm run bench -- --scale). Slow is a figure; an error
 * page is not, so they get a minute.
 */
export const INSIGHTS_TRANSACTION = { maxWait: 10_000, timeout: 60_000 } as const;
