import { randomBytes } from "node:crypto";
import { signIn } from "./support/fixtures";
import { expect, test } from "./support/test";

// An admin connects a Disqus forum on the Connectors page: a bad short name is refused with the
// field named, the credentials are stored and never sent back, and the forum gets its own sync
// panel beside WordPress's. (Requests to Disqus itself: lib/connectors/disqus/*.test.ts.)

test("an admin connects a Disqus forum; its secret and token never come back to the browser", async ({ page }) => {
  const secret = `disqus-secret-${randomBytes(6).toString("hex")}`;
  const token = `disqus-token-${randomBytes(6).toString("hex")}`;
  await signIn(page, "admin");
  await page.goto("/connectors");
  const form = page.getByRole("form", { name: "Disqus settings" });
  await form.getByLabel("Forum short name").fill("harbour gazette!");
  await form.getByLabel(/API key/).fill("public-application-key");
  await form.getByLabel(/API secret/).fill(secret);
  await form.getByLabel(/Access token/).fill(token);
  await form.getByLabel(/marks the post on Disqus as/).selectOption("spam");
  await form.getByRole("button", { name: "Save Disqus settings" }).click();
  await expect(form.getByText(/forum: forum is the Disqus short name/)).toBeVisible();

  await form.getByLabel("Forum short name").fill("harbour-gazette");
  await form.getByRole("button", { name: "Save Disqus settings" }).click();
  await expect(form.getByText("Disqus settings saved.")).toBeVisible();
  await expect(form.getByLabel(/API secret/)).toHaveValue("");

  await page.reload();
  const html = await page.content();
  expect(html).not.toContain(secret);
  expect(html).not.toContain(token);
  const saved = page.getByRole("form", { name: "Disqus settings" });
  await expect(saved.getByLabel("Forum short name")).toHaveValue("harbour-gazette");
  await expect(saved.getByLabel(/marks the post on Disqus as/)).toHaveValue("spam");
  await expect(saved.getByLabel(/Access token/)).toHaveAttribute("placeholder", /stored/);
  await expect(page.getByTestId("connector-disqus").getByTestId("connector-status")).toContainText("Last sync never");
});

test("on a phone (390 px) both connectors' settings fit the screen, nothing scrolls sideways", async ({ openPage }) => {
  const page = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(page, "admin");
  await page.goto("/connectors");
  await expect(page.getByRole("button", { name: "Save Disqus settings" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  for (const name of ["Save WordPress settings", "Save Disqus settings"]) {
    const box = await page.getByRole("button", { name }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
});
