import { HIDE_REASONS, type HideReason } from "./schemas";

// The queue's keyboard as a pure reducer: the board feeds it keys and runs the command it returns,
// so every shortcut is testable without a browser.

export interface KeyboardState {
  focus: number;
  count: number;
  /** After `h`: the next digit 1-5 picks the reason. */
  isChoosingReason: boolean;
  isHelpOpen: boolean;
}

export type KeyCommand =
  | { type: "approve" }
  | { type: "hide"; reason: HideReason; note?: string }
  | { type: "toggleSelect" }
  | { type: "undo" }
  | { type: "focusSearch" }
  | { type: "note" }
  | { type: "context" }
  | { type: "focusCard" };

export const SHORTCUTS: [string, string][] = [
  ["j / k", "next / previous comment"],
  ["a", "approve (the selection, if any)"],
  ["h then 1-5", `hide with a reason: ${HIDE_REASONS.map((reason, index) => `${index + 1} ${reason.toLowerCase().replace("_", "-")}`).join(", ")}`],
  ["x", "select or unselect"],
  ["u", "undo your last decision"],
  ["n", "add an internal note to the focused comment"],
  ["c", "show or hide the context: the parent comment, the article, the author's latest comments"],
  ["/", "search"],
  ["?", "this list"],
  ["Esc", "close or cancel"],
];

export function initialKeyboardState(count: number): KeyboardState {
  return { focus: 0, count, isChoosingReason: false, isHelpOpen: false };
}

export function pressKey(state: KeyboardState, key: string): { state: KeyboardState; command: KeyCommand | null; handled: boolean } {
  const done = (next: Partial<KeyboardState>, command: KeyCommand | null = null) => ({ state: { ...state, ...next }, command, handled: true });
  // Closing the list of keys puts focus back on the comment it was opened from (it fell to <body>).
  if (key === "Escape") return done({ isHelpOpen: false, isChoosingReason: false }, state.isHelpOpen ? { type: "focusCard" } : null);
  if (state.isHelpOpen) return key === "?" ? done({ isHelpOpen: false }, { type: "focusCard" }) : { state, command: null, handled: false };
  if (state.isChoosingReason) {
    const digit = Number(key);
    const reason = Number.isInteger(digit) && digit >= 1 ? HIDE_REASONS[digit - 1] : undefined;
    // Any other key cancels, so a stray `h` never hides with a reason nobody chose.
    return reason ? done({ isChoosingReason: false }, { type: "hide", reason }) : done({ isChoosingReason: false });
  }
  switch (key) {
    case "j":
      return done({ focus: Math.min(state.focus + 1, Math.max(0, state.count - 1)) }, { type: "focusCard" });
    case "k":
      return done({ focus: Math.max(state.focus - 1, 0) }, { type: "focusCard" });
    case "a":
      return state.count > 0 ? done({}, { type: "approve" }) : done({});
    case "h":
      return state.count > 0 ? done({ isChoosingReason: true }) : done({});
    case "x":
      return state.count > 0 ? done({}, { type: "toggleSelect" }) : done({});
    case "u":
      return done({}, { type: "undo" });
    case "/":
      return done({}, { type: "focusSearch" });
    case "n":
      return state.count > 0 ? done({}, { type: "note" }) : done({});
    case "c":
      return state.count > 0 ? done({}, { type: "context" }) : done({});
    case "?":
      return done({ isHelpOpen: true });
    default:
      return { state, command: null, handled: false };
  }
}

/**
 * After a decision, the comment to focus: the first one after those just decided that is still in
 * the state they were in (on Flagged, the next pending one). One a colleague decided meanwhile is
 * skipped, so the next key or tap acts on a comment that still needs it. With none left after
 * them, the next one (the last keeps focus).
 */
export function focusAfterDecision(statuses: readonly string[], decided: readonly number[], previousStatus: string): number {
  if (statuses.length === 0 || decided.length === 0) return 0;
  const after = Math.max(...decided) + 1;
  for (let index = after; index < statuses.length; index++) {
    if (statuses[index] === previousStatus && !decided.includes(index)) return index;
  }
  return Math.min(after, statuses.length - 1);
}
