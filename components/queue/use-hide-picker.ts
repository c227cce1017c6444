"use client";

import { useCallback, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import type { KeyboardState } from "@/lib/moderation/queue-keyboard";

/**
 * Which card's Hide… picker is open, shared by the queue and the lists outside it. Opening it with
 * the mouse ends a hide the keys had started (h): its digits belong to the picker now, so a digit
 * hides that card once, not the focused one as well.
 */
export function useHidePicker(keysRef: RefObject<KeyboardState>, setKeys: Dispatch<SetStateAction<KeyboardState>>) {
  const [hidePickerFor, setHidePickerFor] = useState<number | null>(null);
  const openHidePicker = useCallback(
    (commentId: number) => {
      keysRef.current = { ...keysRef.current, isChoosingReason: false };
      setKeys(keysRef.current);
      setHidePickerFor(commentId);
    },
    [keysRef, setKeys],
  );
  const closeHidePicker = useCallback(() => setHidePickerFor(null), []);
  return { hidePickerFor, openHidePicker, closeHidePicker };
}
