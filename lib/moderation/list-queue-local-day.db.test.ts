import { describe, expect, it } from "vitest";
import { listQueue } from "./list-queue";
import { makeArticle, makeComment } from "./test-factories";

// The queue's From and To are the reader's days: in Karachi (GMT+5), 23 July 2015 begins at 19:00
// UTC on the 22nd, so a comment posted then is on the 23rd there and on the 22nd in UTC.

describe("the queue's posted-date filter in the reader's zone", () => {
  it("splits comments at the reader's midnight", async () => {
    const articleId = await makeArticle();
    const lateOn22 = await makeComment(articleId, { body: "23:30 in Karachi on the 22nd", postedAt: new Date("2015-07-22T18:30:00Z") });
    const earlyOn23 = await makeComment(articleId, { body: "00:30 in Karachi on the 23rd", postedAt: new Date("2015-07-22T19:30:00Z") });
    const idsOn = async (day: string, tz?: string) => (await listQueue({ tab: "all", filters: { article: articleId, from: day, to: day, tz }, limit: 10 })).items.map((item) => item.id).sort((a, b) => a - b);
    expect(await idsOn("2015-07-22", "Asia/Karachi")).toEqual([lateOn22.id]);
    expect(await idsOn("2015-07-23", "Asia/Karachi")).toEqual([earlyOn23.id]);
    expect(await idsOn("2015-07-22")).toEqual([lateOn22.id, earlyOn23.id]);
  });
});
