"use client";

import { useSyncExternalStore } from "react";

/** Hydration is the only "change" the flag follows, so there is nothing to subscribe to. */
const subscribeToNothing = () => () => {};

/**
 * False in the server render, true once hydrated (without a setState in an effect): the lists mark
 * themselves with it, and tests wait for it before typing keys.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(subscribeToNothing, () => true, () => false);
}
