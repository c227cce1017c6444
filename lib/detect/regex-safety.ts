import { RE2JS } from "re2js";

// RE2 refuses these because they need backtracking; its own parse errors ("invalid named
// capture") do not say so, so the common cases are recognised first and explained.
const NON_LINEAR_CONSTRUCTS: readonly [RegExp, string][] = [
  [/\(\?<[=!]/, "lookbehind (?<=…) / (?<!…) cannot run in linear time"],
  [/\(\?[=!]/, "lookahead (?=…) / (?!…) cannot run in linear time"],
  [/\\[1-9]|\\k</, "backreferences (\\1, \\k<name>) cannot run in linear time"],
  [/\(\?>/, "atomic groups (?>…) are not supported by RE2"],
  [/[*+?}]\+/, "possessive quantifiers (*+, ++, ?+) are not supported by RE2"],
];

/** Escapes are blanked (keeping backreference digits) so '\\(?=' or '\\++' are not misread. */
function withoutEscapes(pattern: string): string {
  return pattern.replace(/\\([^1-9k])/g, "__");
}

/**
 * Patterns compiled in this thread, by flag and source: a rule's patterns are compiled once when its
 * config is checked (schemas.ts) and again when the rule is built, and compiling took most of the
 * import's rules-worker start (docs/loading.md, "December 7"). A compiled RE2JS keeps no match
 * state, so rules may share one. Bounded: emptied when full (rule edits bring new patterns).
 */
const compiledPatterns = new Map<string, RE2JS | string>();
const MAX_COMPILED_PATTERNS = 512;

/** Compiles a pattern with RE2 (linear time), or explains why it is refused. */
export function compileLinearRegex(pattern: string, caseInsensitive: boolean): RE2JS | string {
  const key = `${caseInsensitive ? "i" : "-"}${pattern}`;
  const known = compiledPatterns.get(key);
  if (known !== undefined) return known;
  if (compiledPatterns.size >= MAX_COMPILED_PATTERNS) compiledPatterns.clear();
  const compiled = compileUncached(pattern, caseInsensitive);
  compiledPatterns.set(key, compiled);
  return compiled;
}

function compileUncached(pattern: string, caseInsensitive: boolean): RE2JS | string {
  const unescaped = withoutEscapes(pattern);
  for (const [construct, message] of NON_LINEAR_CONSTRUCTS) {
    if (construct.test(unescaped)) return `${message}; RE2 refuses it`;
  }
  try {
    return RE2JS.compile(pattern, caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    return `RE2 cannot compile the pattern: ${detail}`;
  }
}
