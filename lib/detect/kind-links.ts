import { RE2JS } from "re2js";
import type { RuleDefinition, Span } from "./types";
import type { RuleConfigByKind } from "./schemas";
import type { CompiledRule } from "./compiled-rule";

const TLDS = "com|net|org|info|biz|io|co|pk|in|uk|us|ly|me|tv|xyz|online|site|top|club|shop|app|ru|cn|bd|ae|link|click|live|store";
// RE2, because a spammer controls the text this runs on.
const LINK = RE2JS.compile(
  `(?:https?://|www\\.)[^\\s<>"']+|\\b[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${TLDS})\\b(?:/[^\\s<>"']*)?`,
  RE2JS.CASE_INSENSITIVE,
);

// Every LINK match contains '://', 'www.' or '.<tld>', so a text without
// any of them cannot have a link: V8's native regex rules that out far faster than RE2 can
// ('i.n.d.i.a' trips the normalizer's hint but is no URL). Unicode case folding like RE2's;
// no \b, since with /iu JavaScript counts 'ſ' and 'K' as word characters and RE2 does not.
const LINK_NEEDLE = new RegExp(`://|www\\.|\\.(?:${TLDS})`, "iu");

/** All URLs and bare domains in a text, as original spans. */
export function findLinks(text: string): Span[] {
  const spans: Span[] = [];
  const matcher = LINK.matcher(text);
  while (matcher.find()) spans.push([matcher.start(), matcher.end()]);
  return spans;
}

/** LINKS: more URLs or bare domains than allowed. */
export function compileLinksRule(definition: RuleDefinition, config: RuleConfigByKind["LINKS"]): CompiledRule {
  return {
    definition,
    termDriven: false,
    evaluate(analysis) {
      // The normalizer notices 'x.y' and '://' for free; most comments never reach the regex.
      if (!analysis.normalized.linkHint || !LINK_NEEDLE.test(analysis.body)) return null;
      const spans = findLinks(analysis.body);
      if (spans.length <= config.maxLinks) return null;
      return {
        score: Math.min(1, spans.length / (config.maxLinks + 3)),
        spans,
        reason: `Contains ${spans.length} link${spans.length === 1 ? "" : "s"} (${config.maxLinks} allowed).`,
      };
    },
  };
}
