import "server-only";
import { db } from "@/lib/db/client";
import { throttleNetwork } from "./throttle-network";
import { ACCOUNT_SLOWDOWN, ADDRESS_THROTTLE, KNOWN_ADDRESS_MS, PAIR_THROTTLE, throttleVerdict, type AttemptHistory, type ThrottleVerdict } from "./throttle";

// Lock keys (first half of pg_advisory_xact_lock's two-int form); the second half hashes the email
// or address. A hash collision only makes two unrelated sign-ins wait for each other.
const ACCOUNT_LOCK = 7_240_003;
const ADDRESS_LOCK = 7_240_004;

export type AttemptClaim = { allowed: true; attemptId: number } | { allowed: false; verdict: Extract<ThrottleVerdict, { allowed: false }> };

// A burst of guesses queues on the account's lock and for a pool connection: each waits its turn (and
// is counted) rather than failing after Prisma's 2 s default, which would read as a server error.
const CLAIM_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

/**
 * Decides an attempt and, when allowed, records it as a failure BEFORE the password is verified:
 * under the account's (then the address's) lock, so that parallel guesses each see the ones before
 * them. `markAttemptSucceeded` turns the row into a success once the password checks out.
 * Refused attempts leave no row, so that hammering a lock does not make it last longer.
 */
export async function claimSignInAttempt(email: string, clientAddress: string | null, now: Date): Promise<AttemptClaim> {
  // Counted per IPv6 /64 (one subscriber's network), per IPv4 address.
  const ipAddress = clientAddress === null ? null : throttleNetwork(clientAddress);
  return db.$transaction(async (tx) => {
    // Always the account first, then the address: one order for everyone, so no deadlock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`;
    if (ipAddress) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ipAddress}))`;

    const windowStart = new Date(now.getTime() - Math.max(PAIR_THROTTLE.windowMs, ACCOUNT_SLOWDOWN.windowMs));
    const [accountAttempts, addressFailures, knownSuccesses] = await Promise.all([
      tx.signInAttempt.findMany({ where: { email, attemptedAt: { gt: windowStart } }, select: { ipAddress: true, succeeded: true, attemptedAt: true }, orderBy: { attemptedAt: "asc" } }),
      ipAddress
        ? tx.signInAttempt.findMany({ where: { ipAddress, succeeded: false, attemptedAt: { gt: new Date(now.getTime() - ADDRESS_THROTTLE.windowMs) } }, select: { attemptedAt: true } })
        : Promise.resolve([]),
      ipAddress ? tx.signInAttempt.count({ where: { email, ipAddress, succeeded: true, attemptedAt: { gt: new Date(now.getTime() - KNOWN_ADDRESS_MS) } } }) : Promise.resolve(0),
    ]);

    const verdict = throttleVerdict(attemptHistory(accountAttempts, addressFailures, ipAddress, knownSuccesses > 0), now);
    if (!verdict.allowed) return { allowed: false, verdict };
    const row = await tx.signInAttempt.create({ data: { email, ipAddress, succeeded: false, attemptedAt: now }, select: { id: true } });
    return { allowed: true, attemptId: row.id };
  }, CLAIM_TRANSACTION);
}

type AttemptRow = { ipAddress: string | null; succeeded: boolean; attemptedAt: Date };

/** Failures count from the last success of their scope: the owner signing in clears their typos. */
function attemptHistory(accountAttempts: AttemptRow[], addressFailures: { attemptedAt: Date }[], ipAddress: string | null, isKnownAddress: boolean): AttemptHistory {
  const failuresSinceLastSuccess = (rows: AttemptRow[]) => {
    const lastSuccess = rows.findLastIndex((row) => row.succeeded);
    return rows.slice(lastSuccess + 1).map((row) => row.attemptedAt);
  };
  return {
    pairFailures: failuresSinceLastSuccess(accountAttempts.filter((row) => row.ipAddress === ipAddress)),
    // The address count never resets on success: a guesser could otherwise clear it by signing in
    // to an account of their own between guesses.
    addressFailures: addressFailures.map((row) => row.attemptedAt),
    accountFailures: failuresSinceLastSuccess(accountAttempts),
    isKnownAddress,
  };
}

/** The password checked out: the claimed attempt becomes a success. */
export async function markAttemptSucceeded(attemptId: number): Promise<void> {
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
