// `npm run screenshots`: the pictures of the README and docs/screens.md, taken from a real desk.
// Starts a throwaway desk (scripts/screenshots/serve-demo.ts), walks Chromium through the main
// screens (scripts/screenshots/tour.ts) and writes palette PNGs (a few tens of KB each) to
// docs/screens/, then the gallery page. Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
// sharp is installed with Next (its image optimiser); only this script uses it directly.
import sharp from "sharp";
import { projectRoot } from "@/lib/env";
import { fail, say } from "./lib/output";
import { serveDemoDesk } from "./screenshots/serve-demo";
import { takeTour, type Screen } from "./screenshots/tour";

const SCREENS_DIR = path.join(projectRoot, "docs/screens");
const GALLERY = path.join(projectRoot, "docs/screens.md");

/** A UI screenshot has few colours: a 96-colour palette keeps text sharp at a fraction of the size. */
async function compress(png: Buffer): Promise<Buffer> {
  return sharp(png).png({ palette: true, colours: 96, dither: 0.4, compressionLevel: 9, effort: 10 }).toBuffer();
}

function gallery(screens: Screen[]): string {
  const lines = [
    "# Moddesk, screen by screen",
    "",
    "Taken by `npm run screenshots` from a fresh desk: the demo thread that `npm start` loads, decided through the UI by a moderator. Run it again after a UI change and commit the pictures.",
    "",
  ];
  for (const screen of screens) lines.push(`- **${screen.name}**: ${screen.caption}`, "", `  ![${screen.caption}](screens/${screen.name}.png)`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

async function main(): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const desk = await serveDemoDesk(say);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"] });
  const screens: Screen[] = [];
  let total = 0;
  try {
    await takeTour(browser, desk, async (page, screen) => {
      // No caret, no half-finished transitions in a picture.
      await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }" });
      const png = await compress(await page.screenshot({ type: "png" }));
      writeFileSync(path.join(SCREENS_DIR, `${screen.name}.png`), png);
      total += png.length;
      screens.push(screen);
      say(`docs/screens/${screen.name}.png  ${Math.round(png.length / 1024)} KB`);
    });
  } finally {
    await browser.close();
    await desk.stop();
  }
  writeFileSync(GALLERY, gallery(screens));
  say(`${screens.length} screens, ${Math.round(total / 1024)} KB in all; gallery: docs/screens.md`);
}

main().catch((error: unknown) => fail(error));
