import type { DecisionOutcome, ModeratorSession } from "./moderator-session";

/**
 * Every session decides comments of `pool` for `seconds`, one request at a time each. Overlapping:
 * each moderator walks the pool from a starting point a few comments after the previous one's,
 * so they keep running into comments a neighbour just decided (conflicts on purpose). Disjoint:
 * moderator i takes every N-th comment from i, so none ever meets another.
 */
export async function decideFor(sessions: readonly ModeratorSession[], pool: readonly number[], seconds: number, isDisjoint: boolean): Promise<DecisionOutcome[]> {
  const outcomes: DecisionOutcome[] = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (session, index) => {
      let cursor = isDisjoint ? index : index * 3;
      const stride = isDisjoint ? sessions.length : 1;
      while (Date.now() < deadline && cursor < pool.length) {
        const commentId = pool[cursor] ?? 0;
        cursor += stride;
        outcomes.push(await session.decide(commentId, cursor % 3 === 0 ? "HIDE" : "APPROVE"));
      }
    }),
  );
  return outcomes;
}
