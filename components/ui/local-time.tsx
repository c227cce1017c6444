import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";

/** A date as the reader reads it: in their zone (or the desk's), the zone named; the ISO UTC value in dateTime. */
export async function LocalTime({ value }: { value: Date | null | undefined }) {
  if (!value) return <>—</>;
  const timeZone = await getDisplayTimeZone();
  return (
    <time dateTime={value.toISOString()} title={`${value.toISOString()} (UTC) · shown in ${timeZone}`}>
      {formatDateTime(value, timeZone)}
    </time>
  );
}
