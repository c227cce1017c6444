import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support/fixtures";
import { seedArticle } from "./support/seed";

// A community editor at 9 a.m. with a phone in hand: 390×844, the navigation behind a menu, the
// filters behind one button, the first comment on the first screen, thumb-sized controls.

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectTapSize(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, "the control is laid out").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("the queue on a phone: menu button, collapsed filters, first comment visible, 44 px targets", async ({ page }, testInfo) => {
  const thread = await seedArticle([{ author: "Amina", body: "The first comment a phone should show without scrolling." }, { author: "Bilal", body: "A second one." }], { titlePrefix: "Phone" });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  await expect(page.getByTestId("queue-board")).toHaveAttribute("data-hydrated", "true");

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Filters (1 active)" })).toBeVisible();
  await expect(page.getByLabel("Search")).toBeHidden();
  const firstCard = page.getByTestId("comment-card").first();
  await expect(firstCard).toContainText("The first comment a phone should show");
  await expect(firstCard).toBeInViewport();
  // Decided without scrolling: the legend waits below the list, the selection buttons share a row.
  await expect(firstCard.getByRole("button", { name: "Approve" })).toBeInViewport();
  await expect(menu).toBeInViewport();
  await expectNoSidewaysScroll(page);
  const screenshot = testInfo.outputPath("phone-queue.png");
  await page.screenshot({ path: screenshot });
  await testInfo.attach("phone-queue", { path: screenshot, contentType: "image/png" });

  for (const control of [menu, page.getByRole("button", { name: "Filters (1 active)" }), firstCard.getByRole("button", { name: "Approve" }), firstCard.getByRole("button", { name: "Hide…" }), firstCard.getByText("Select", { exact: true })]) {
    await expectTapSize(control);
  }

  await page.getByRole("button", { name: "Filters (1 active)" }).click();
  await expect(page.getByLabel("Search")).toBeVisible();
  await expectTapSize(page.getByLabel("Category"));
  await expectTapSize(page.getByRole("button", { name: "Filter", exact: true }));

  await menu.click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  await expectTapSize(nav.getByRole("link", { name: "Audit log" }));
  await page.screenshot({ path: testInfo.outputPath("phone-menu.png") });
  await nav.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
});

test("the audit log on a phone is a list of cards, not a table scrolled sideways", async ({ page }, testInfo) => {
  await signIn(page, "admin");
  await page.goto("/audit");
  const firstRow = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(firstRow).toBeVisible();
  expect(await firstRow.evaluate((row) => getComputedStyle(row).display)).toBe("block");
  await expect(page.getByTestId("audit-table").locator(":scope > thead")).toBeHidden();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("phone-audit.png") });
});

test("the queue's Next page link is thumb-sized on a phone", async ({ page }) => {
  const thread = await seedArticle(Array.from({ length: 51 }, (_, index) => ({ author: `Paged${index}`, body: `Comment ${index} of a long page.` })), { titlePrefix: "Paged" });
  await signIn(page, "moderator");
  await page.goto(`/queue?tab=pending&article=${thread.articleId}`);
  const next = page.getByRole("link", { name: "Next page" });
  await expect(next).toBeVisible();
  await expectTapSize(next);
});
