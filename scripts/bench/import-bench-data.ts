// Generated, seeded comment corpus for the import bench: realistic news-comment text (a newsroom
// vocabulary with a little abuse sprinkled in so the default rules fire), many articles, ~10% replies.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { mulberry32 } from "@/lib/seeded-random";


const VOCABULARY = `the government should explain why the budget failed again and the opposition keeps asking
questions about inflation petrol prices taxes farmers electricity load shedding cricket team selectors
captain match series wickets innings army intelligence agency report security internet privacy cables
data surveillance court judge law bill parliament election vote corruption minister provinces water
schools hospitals doctors students teachers economy exports imports growth jobs youth women rights
media channel anchor journalist news article headline really good bad great sad honest truth people
country nation region neighbours peace talks border trade relations history future karachi lahore delhi
mumbai islamabad kashmir’s pakistan’s india’s aur bhi hai nahi yeh woh kya sab log hum bohat acha bura
sahi galat 2015 10% 5 100 1947 this that with from have has had were was will would could must about
policy reform system process problem solution decision project plan program service budget deficit
loan debt bank market prices salary pension fuel power gas supply demand shortage crisis growth rate
think believe agree disagree understand explain suggest argue claim report say said tell told ask
india pakistan usa china afghanistan america bangladesh`.split(/\s+/);
const SPICE = ["idiot", "stupid", "chutiya", "kutte", "terrorist", "dirty", "enemy", "fool"];
const PUNCTUATION = [" ", " ", " ", " ", " ", ", ", ". ", "? ", "! ", "… ", " – "];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function sentence(random: () => number, words: number): string {
  let text = "";
  for (let w = 0; w < words; w++) {
    let word = random() < 0.006 ? pick(random, SPICE) : pick(random, VOCABULARY);
    if (w === 0 || random() < 0.03) word = word.charAt(0).toUpperCase() + word.slice(1);
    text += word + (w + 1 < words ? pick(random, PUNCTUATION) : ".");
  }
  return text;
}

export interface BenchCorpusInfo {
  comments: number;
  articles: number;
  replies: number;
  bytes: number;
}

const COMMENTS_PER_ARTICLE = 40;
const AUTHORS = 5_000;

/** One comment of the corpus as the JSONL line Moddesk imports; the COPY floor uses the same values. */
export interface BenchComment {
  id: string;
  parentId?: string;
  articleId: string;
  articleTitle: string;
  author: string;
  body: string;
  postedAt: string;
}

export function* benchComments(count: number, seed = 20150723): Generator<BenchComment> {
  const random = mulberry32(seed);
  const start = Date.UTC(2015, 6, 23, 0, 0, 0);
  const titles = Array.from({ length: 64 }, () => sentence(random, 8));
  for (let index = 0; index < count; index++) {
    const article = Math.floor(index / COMMENTS_PER_ARTICLE);
    const firstOfArticle = article * COMMENTS_PER_ARTICLE;
    // A reply points at an earlier comment of the same article.
    const isReply = index > firstOfArticle && random() < 0.1;
    const parent = isReply ? firstOfArticle + Math.floor(random() * (index - firstOfArticle)) : -1;
    yield {
      id: `b-${index}`,
      ...(isReply ? { parentId: `b-${parent}` } : {}),
      articleId: `bench-${article}`,
      articleTitle: `${pick(random, titles)} (${article})`,
      author: `reader${Math.floor(random() * AUTHORS)}`,
      body: sentence(random, 8 + Math.floor(random() * 50)),
      postedAt: new Date(start + index * 1000).toISOString(),
    };
  }
}

/** Writes the corpus as a JSONL import file; the first comment of an article names its title. */
export async function writeBenchJsonl(filePath: string, count: number): Promise<BenchCorpusInfo> {
  const out = createWriteStream(filePath);
  const info: BenchCorpusInfo = { comments: 0, articles: 0, replies: 0, bytes: 0 };
  let lastArticle = "";
  for (const comment of benchComments(count)) {
    const isNewArticle = comment.articleId !== lastArticle;
    lastArticle = comment.articleId;
    const line = `${JSON.stringify({
      id: comment.id,
      ...(comment.parentId ? { parentId: comment.parentId } : {}),
      article: isNewArticle ? { id: comment.articleId, title: comment.articleTitle } : { id: comment.articleId },
      author: comment.author,
      body: comment.body,
      postedAt: comment.postedAt,
    })}\n`;
    info.comments++;
    if (isNewArticle) info.articles++;
    if (comment.parentId) info.replies++;
    info.bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return info;
}
