import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import type { Account, DemoDesk } from "./serve-demo";

// The walk through the main screens that the README's pictures come from. Every decision is made
// through the UI, as a moderator would, so the audit log, insights and DSA pages have something to show.

export interface Screen {
  /** File name in docs/screens/, without .png. */
  name: string;
  /** The gallery's line (docs/screens.md). */
  caption: string;
}

export type Capture = (page: Page, screen: Screen) => Promise<void>;

const DESKTOP: BrowserContextOptions = { viewport: { width: 1200, height: 760 }, deviceScaleFactor: 1 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1.5, isMobile: true, hasTouch: true };

async function signIn(browser: Browser, desk: DemoDesk, account: Account, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext({ ...options, timezoneId: "Asia/Karachi" })).newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`${desk.url}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Attached, not visible: on a phone the account sits in the folded Menu.
  await page.getByTestId("current-user").waitFor({ state: "attached" });
  return page;
}

async function openQueue(page: Page, desk: DemoDesk, query = "tab=pending"): Promise<void> {
  await page.goto(`${desk.url}/queue?${query}`);
  await page.locator('[data-testid="queue-board"][data-hydrated="true"]').waitFor();
}

const cardsWith = (page: Page, selector: string): Locator => page.locator(`[data-testid="comment-card"]:has(${selector})`);

async function commentIds(cards: Locator): Promise<number[]> {
  return (await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-comment-id")))).map(Number);
}

export async function takeTour(browser: Browser, desk: DemoDesk, capture: Capture): Promise<void> {
  const moderator = await signIn(browser, desk, desk.moderator, DESKTOP);
  await openQueue(moderator, desk);
  await capture(moderator, { name: "queue", caption: "The queue: flagged comments first, the flagged words marked, why each was flagged, Approve and Hide… on every card." });

  const cards = moderator.getByTestId("comment-card");
  await cards.nth(0).getByText("Select", { exact: true }).click();
  await cards.nth(1).getByText("Select", { exact: true }).click();
  await moderator.getByTestId("selection-bar").waitFor();
  await capture(moderator, { name: "bulk-selection", caption: "Bulk with the mouse: the selection bar approves or hides the ticked comments, all on the page or all matching the filter." });

  // A morning's work: the flagged comments hidden with a reason, two calm ones approved.
  const flagged = await commentIds(cardsWith(moderator, '[data-testid="flag-mark"]'));
  const calm = await commentIds(moderator.locator('[data-testid="comment-card"]:not(:has([data-testid="flag-mark"]))'));
  for (const [index, id] of flagged.slice(0, 3).entries()) {
    await moderator.goto(`${desk.url}/comments/${id}`);
    const card = moderator.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`);
    await moderator.locator('[data-testid="decidable-list"][data-hydrated="true"]').waitFor();
    await card.getByRole("button", { name: "Hide…" }).click();
    await card.getByRole("button", { name: index === 0 ? /abusive/ : /nationalist/ }).click();
    await moderator.getByTestId("decision-row").first().waitFor();
  }
  for (const id of calm.slice(0, 2)) {
    await moderator.goto(`${desk.url}/comments/${id}`);
    await moderator.locator('[data-testid="decidable-list"][data-hydrated="true"]').waitFor();
    await moderator.locator(`[data-testid="comment-card"][data-comment-id="${id}"]`).getByRole("button", { name: "Approve" }).click();
    await moderator.getByTestId("decision-row").first().waitFor();
  }
  await moderator.goto(`${desk.url}/comments/${flagged[0]}`);
  await moderator.getByTestId("decision-row").first().waitFor();
  await capture(moderator, { name: "comment-page", caption: "A comment's own page: its thread, why it was flagged, its decisions, Approve / Hide… in place, and what \"Hidden\" means for readers." });

  const articleHref = (await moderator.getByTestId("comment-article").first().getAttribute("href")) ?? "";
  const articleId = /\/articles\/(\d+)/.exec(articleHref)?.[1] ?? "";
  const phone = await signIn(browser, desk, desk.moderator, PHONE);
  // One filter set (the article), as when arriving from the article's page: the button counts it.
  await openQueue(phone, desk, `tab=pending&article=${articleId}`);
  await capture(phone, { name: "phone-queue", caption: "On a phone (390×844): the menu and the filters behind buttons, the first comment on the first screen." });
  await phone.getByRole("button", { name: /^Filters/ }).click();
  await phone.getByLabel("Search").waitFor();
  await capture(phone, { name: "phone-filters", caption: "The Filters button opens the filter panel and says how many filters are active." });

  const admin = await signIn(browser, desk, desk.admin, DESKTOP);
  await admin.goto(`${desk.url}/rules/new`);
  await admin.getByLabel("Name").fill("Arms deals");
  await admin.getByRole("textbox", { name: /^Terms/ }).fill("gunships");
  await admin.getByRole("button", { name: "Create rule" }).click();
  await admin.getByTestId("rule-recheck").getByText(/^Re-checked/).waitFor({ timeout: 60_000 });
  await capture(admin, { name: "rule-takes-effect", caption: "A rule saved takes effect at once: the pending comments are re-checked by a job the page follows." });

  await admin.goto(`${desk.url}/audit?action=comment.hide`);
  await admin.getByRole("heading", { name: "Audit log" }).waitFor();
  await capture(admin, { name: "audit-log", caption: "The audit log in words (\"… hid a comment (abusive)\", names not ids), filtered to hides, with a Verify the chain button for admins." });

  await admin.goto(`${desk.url}/users`);
  await admin.getByRole("heading", { name: "Users" }).waitFor();
  await capture(admin, { name: "users", caption: "Accounts: roles, disable and enable, password resets, all audited." });

  // The demo thread is from 2015: all time shows it beside today's decisions.
  await admin.goto(`${desk.url}/insights?range=all`);
  await admin.getByRole("heading", { name: "Insights" }).waitFor();
  await admin.waitForLoadState("networkidle");
  await capture(admin, { name: "insights", caption: "Insights over all time: the queue, flags by category, time to decision and hides by reason (decisions by the day they were made)." });

  await admin.goto(`${desk.url}/dsa`);
  await admin.getByRole("heading", { name: "Statements of reasons (DSA)" }).waitFor();
  await capture(admin, { name: "dsa", caption: "Statements of reasons for every hide, for authors and the EU Transparency Database." });
}
