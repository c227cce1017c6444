// Comment HTML (Disqus messages, WordPress content) as the plain text a moderator reads.

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ",
  hellip: "…", mdash: "—", ndash: "–", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”",
  laquo: "«", raquo: "»", copy: "©", reg: "®", trade: "™", deg: "°", middot: "·", bull: "•",
  eacute: "é", egrave: "è", agrave: "à", aacute: "á", ccedil: "ç", uuml: "ü", ouml: "ö", auml: "ä",
  szlig: "ß", ntilde: "ñ", iacute: "í", oacute: "ó", uacute: "ú", euro: "€", pound: "£", times: "×",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, (entity, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

export interface HtmlToTextOptions {
  /**
   * "collapse": source line breaks are plain whitespace, as in HTML (Disqus).
   * "keep": source line breaks are the author's (WordPress stores comments as typed, adding <p> on display).
   */
  lineBreaks: "collapse" | "keep";
}

const BLOCK_END = /<\/(?:p|div|blockquote|li|ul|ol|h[1-6]|pre|table|tr)\s*>/gi;
const BLOCK_START = /<(?:p|div|blockquote|ul|ol|h[1-6]|pre|table)(?:\s[^>]*)?>/gi;

export function htmlToText(html: string, options: HtmlToTextOptions): string {
  let text = html.replace(/\r\n?/g, "\n");
  if (options.lineBreaks === "collapse") text = text.replace(/\s+/g, " ");
  text = text
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(BLOCK_END, "\n\n")
    .replace(BLOCK_START, "\n\n")
    .replace(/<li(?:\s[^>]*)?>/gi, "\n• ")
    .replace(/<\/?[a-z][a-z0-9:-]*(?:\s[^>]*)?\/?>/gi, "");
  text = decodeEntities(text);
  return text
    .split("\n")
    .map((line) => {
      const trimmedEnd = line.replace(/[ \t\u00a0]+$/, "");
      return options.lineBreaks === "collapse" ? trimmedEnd.replace(/^[ \t]+/, "") : trimmedEnd;
    })
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
