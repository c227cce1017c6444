import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";

export { expect } from "@playwright/test";

// Playwright's `test` with `openPage`: a page in a browser context of its own (a second person
// signed in, a phone-sized screen), closed when the test ends, passed or failed. A context opened
// with browser.newContext() and never closed stays open in the worker's Chromium for the rest of the
// run: its pages keep polling and their keep-alive connections hold whichever server they talk to
// (a spec's own server then waits on them when it stops), and every later test starts a trace on it.

export const test = base.extend<{ openPage: (options?: BrowserContextOptions) => Promise<Page> }>({
  openPage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
