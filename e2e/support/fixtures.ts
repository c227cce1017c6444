import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { CREDENTIALS_FILE, type E2eCredentials } from "./state";

export function credentials(): E2eCredentials {
  return JSON.parse(readFileSync(CREDENTIALS_FILE, "utf8")) as E2eCredentials;
}

export type Account = "admin" | "moderator" | "moderator2";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, account: Account): Promise<void> {
  const { email, password } = credentials()[account];
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(email);
}
