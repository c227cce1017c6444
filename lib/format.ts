// Display formats shared by pages: one place, so every page shows time the same way (UTC).

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(value: Date | null | undefined): string {
  return value ? `${dateTime.format(value)} UTC` : "—";
}
