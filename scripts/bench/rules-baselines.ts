// The baselines of the rules bench: what an engineer would write before an automaton, each over
// the same normalized text the engine sees, finding term hits only (no rule kinds, no spans).
import { normalizeForMatching } from "@/lib/detect/normalize";
import type { CommentContext, RuleDefinition } from "@/lib/detect/types";

export interface BaselineRun {
  seconds: number;
  /** This process's CPU (user + system) over the run: steadier than wall time on a loaded machine. */
  cpuSeconds: number;
  bytes: number;
  comments: number;
  /** Comments with at least one term hit: the baselines should roughly agree with each other. */
  hitComments: number;
}

function termLists(rules: readonly RuleDefinition[]): string[][] {
  const lists: string[][] = [];
  for (const rule of rules) {
    const config = rule.config as { terms?: string[]; a?: string[]; b?: string[] };
    if (rule.kind === "TERMS" && config.terms) lists.push(config.terms);
    if (rule.kind === "NEAR" && config.a && config.b) lists.push(config.a, config.b);
  }
  return lists;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternative(term: string): string {
  const text = normalizeForMatching(term.replace(/\*$/, "")).text;
  return term.endsWith("*") ? `${escapeRegExp(text)}\\w*` : escapeRegExp(text);
}

/** Runs `matches` over comments until `maxBytes` of bodies are done; normalization included. */
function timeOver(corpus: readonly CommentContext[], maxBytes: number, matches: (text: string) => boolean): BaselineRun {
  let bytes = 0;
  let comments = 0;
  let hitComments = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const comment of corpus) {
    if (bytes >= maxBytes) break;
    if (matches(normalizeForMatching(comment.body).text)) hitComments++;
    bytes += Buffer.byteLength(comment.body, "utf8");
    comments++;
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes, comments, hitComments };
}

/** The first version: one RegExp per term list, each tested in turn. */
export function perRuleRegExps(rules: readonly RuleDefinition[]) {
  const regexes = termLists(rules).map((terms) => new RegExp(`\\b(?:${terms.map(alternative).join("|")})\\b`));
  return {
    count: regexes.length,
    run: (corpus: readonly CommentContext[], maxBytes: number) =>
      timeOver(corpus, maxBytes, (text) => {
        let hit = false;
        for (const regex of regexes) if (regex.test(text)) hit = true;
        return hit;
      }),
  };
}

/** One alternation of every term, scanned once with the global flag (every hit, as the engine finds them). */
export function combinedRegExp(rules: readonly RuleDefinition[]) {
  const terms = [...new Set(termLists(rules).flat())];
  const regex = new RegExp(`\\b(?:${terms.map(alternative).join("|")})\\b`, "g");
  return { terms: terms.length, run: (corpus: readonly CommentContext[], maxBytes: number) => timeOver(corpus, maxBytes, (text) => (text.match(regex)?.length ?? 0) > 0) };
}

/**
 * A Set of normalized terms looked up with every token and every bigram of the text; prefix terms
 * (`word*`) through a second Set probed with each token's prefixes. Phrases of three or more
 * words cannot be found this way: counted as `unreachable`.
 */
export function tokenSetLookup(rules: readonly RuleDefinition[]) {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  let unreachable = 0;
  let shortestPrefix = Number.POSITIVE_INFINITY;
  for (const term of new Set(termLists(rules).flat())) {
    const text = normalizeForMatching(term.replace(/\*$/, "")).text;
    if (text.split(" ").length > 2) unreachable++;
    else if (term.endsWith("*") && !text.includes(" ")) {
      prefixes.add(text);
      shortestPrefix = Math.min(shortestPrefix, text.length);
    } else exact.add(text);
  }
  const matches = (text: string) => {
    const tokens = text.split(" ");
    let hits = 0;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (exact.has(token)) hits++;
      if (i + 1 < tokens.length && exact.has(`${token} ${tokens[i + 1]}`)) hits++;
      for (let end = shortestPrefix; end <= token.length; end++) if (prefixes.has(token.slice(0, end))) hits++;
    }
    return hits > 0;
  };
  return { terms: exact.size + prefixes.size, unreachable, run: (corpus: readonly CommentContext[], maxBytes: number) => timeOver(corpus, maxBytes, matches) };
}
