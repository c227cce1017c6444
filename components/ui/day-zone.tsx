// The zone a date input's day is read in, named beside its label: "(day, Asia/Karachi)", or on a
// phone just the zone's last part ("(Karachi)") so the label fits a half-width column.

function shortZone(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");
}

export function DayZone({ timeZone, included = false }: { timeZone: string; included?: boolean }) {
  return (
    <span className="font-normal text-slate-600" title={`Days run from midnight to midnight in ${timeZone}`}>
      <span className="max-md:hidden">
        (day, {timeZone}
        {included ? ", included" : ""})
      </span>
      <span className="md:hidden">
        ({shortZone(timeZone)}
        {included ? ", incl." : ""})
      </span>
    </span>
  );
}
