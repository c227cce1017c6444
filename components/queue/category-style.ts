// One colour, one symbol and one label per flag category: distinct hues, and never colour alone.

export const CATEGORY_STYLE: Record<string, { label: string; symbol: string; className: string }> = {
  ABUSIVE: { label: "abusive", symbol: "⚠", className: "bg-rose-100 text-rose-900 ring-1 ring-rose-300" },
  NATIONALIST: { label: "nationalist", symbol: "⚑", className: "bg-orange-100 text-orange-900 ring-1 ring-orange-300" },
  SPAM: { label: "spam", symbol: "✉", className: "bg-sky-100 text-sky-900 ring-1 ring-sky-300" },
  OFF_TOPIC: { label: "off-topic", symbol: "↷", className: "bg-violet-100 text-violet-900 ring-1 ring-violet-300" },
};

const FALLBACK = { label: "other", symbol: "•", className: "bg-slate-100 text-slate-800 ring-1 ring-slate-300" };

export function categoryStyle(category: string): { label: string; symbol: string; className: string } {
  return CATEGORY_STYLE[category] ?? { ...FALLBACK, label: category.toLowerCase().replaceAll("_", "-") };
}
