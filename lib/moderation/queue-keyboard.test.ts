import { describe, expect, it } from "vitest";
import { focusAfterDecision, initialKeyboardState, pressKey, type KeyboardState } from "./queue-keyboard";

function press(state: KeyboardState, ...keys: string[]) {
  let current = state;
  const commands = [];
  for (const key of keys) {
    const result = pressKey(current, key);
    current = result.state;
    if (result.command) commands.push(result.command);
  }
  return { state: current, commands };
}

describe("queue keyboard", () => {
  it("moves focus with j and k within the list", () => {
    const start = initialKeyboardState(3);
    expect(press(start, "j", "j", "j", "j").state.focus).toBe(2);
    expect(press(start, "k").state.focus).toBe(0);
    expect(press(start, "j", "k").state.focus).toBe(0);
  });

  it("n asks for a note on the focused comment, and does nothing on an empty queue", () => {
    expect(press(initialKeyboardState(3), "j", "n").commands).toEqual([{ type: "focusCard" }, { type: "note" }]);
    expect(press(initialKeyboardState(0), "n").commands).toEqual([]);
  });

  it("c opens or closes the focused comment's context, and does nothing on an empty queue; h then c cancels the hide", () => {
    expect(press(initialKeyboardState(3), "j", "c").commands).toEqual([{ type: "focusCard" }, { type: "context" }]);
    expect(press(initialKeyboardState(0), "c").commands).toEqual([]);
    expect(press(initialKeyboardState(3), "h", "c").commands).toEqual([]);
  });

  it("approves with a and hides with h then a digit naming the reason", () => {
    const start = initialKeyboardState(3);
    expect(press(start, "a").commands).toEqual([{ type: "approve" }]);
    expect(press(start, "h", "3").commands).toEqual([{ type: "hide", reason: "ABUSIVE" }]);
    expect(press(start, "h", "5").commands).toEqual([{ type: "hide", reason: "OTHER" }]);
  });

  it("cancels a pending hide on any key that is not a reason digit, or on Escape", () => {
    const start = initialKeyboardState(3);
    for (const key of ["6", "0", "a", "Escape"]) {
      const result = press(start, "h", key);
      expect(result.commands).toEqual([]);
      expect(result.state.isChoosingReason).toBe(false);
    }
  });

  it("selects, undoes, focuses search, and opens and closes the help", () => {
    const start = initialKeyboardState(2);
    expect(press(start, "x", "u", "/").commands).toEqual([{ type: "toggleSelect" }, { type: "undo" }, { type: "focusSearch" }]);
    expect(press(start, "?").state.isHelpOpen).toBe(true);
    expect(press(start, "?", "Escape").state.isHelpOpen).toBe(false);
    // Closing it gives focus back to the comment, so the next key acts there.
    expect(press(start, "?", "Escape").commands).toEqual([{ type: "focusCard" }]);
    expect(press(start, "?", "?").commands).toEqual([{ type: "focusCard" }]);
    expect(press(start, "Escape").commands).toEqual([]);
    expect(press(start, "?", "a").commands).toEqual([]);
  });

  it("does nothing to an empty queue but leaves unknown keys to the browser", () => {
    const empty = initialKeyboardState(0);
    expect(press(empty, "a", "h", "1", "x").commands).toEqual([]);
    expect(pressKey(empty, "Tab").handled).toBe(false);
  });

  it("gives focus to the next comment after a decision, and keeps it on the last", () => {
    expect(focusAfterDecision(["PENDING", "PENDING", "PENDING"], [0], "PENDING")).toBe(1);
    expect(focusAfterDecision(["PENDING", "PENDING", "PENDING"], [2], "PENDING")).toBe(2);
  });

  it("skips the comments a colleague decided meanwhile, to the next one still pending", () => {
    expect(focusAfterDecision(["PENDING", "APPROVED", "HIDDEN", "PENDING"], [0], "PENDING")).toBe(3);
    // Nothing pending after it: the next one, as before.
    expect(focusAfterDecision(["PENDING", "APPROVED", "HIDDEN"], [0], "PENDING")).toBe(1);
  });

  it("after a selection, moves past its last comment, skipping the selected and the decided", () => {
    expect(focusAfterDecision(["PENDING", "PENDING", "PENDING", "APPROVED", "PENDING"], [0, 2], "PENDING")).toBe(4);
    expect(focusAfterDecision(["PENDING", "PENDING", "PENDING"], [2, 0], "PENDING")).toBe(2);
  });

  it("on the Approved tab, moves to the next comment still approved", () => {
    expect(focusAfterDecision(["APPROVED", "PENDING", "APPROVED"], [0], "APPROVED")).toBe(2);
    expect(focusAfterDecision([], [], "PENDING")).toBe(0);
  });
});
