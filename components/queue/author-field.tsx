"use client";

import { useEffect, useId, useState } from "react";
import { suggestAuthorNamesAction } from "@/lib/moderation/actions";

/**
 * The queue's author filter with a list of the stored names that start with what is typed, capitals
 * aside ("rahul": "Rahul", "Rahul Sharma"): the moderator picks the name the cards show instead of
 * guessing its spelling. A native datalist: keyboard, touch and screen readers get it from the browser.
 */
export function AuthorField({ defaultValue, className }: { defaultValue: string; className: string }) {
  const listId = useId();
  const [typed, setTyped] = useState(defaultValue);
  const [names, setNames] = useState<string[]>([]);

  useEffect(() => {
    const text = typed.trim();
    if (text === "") return;
    let isCurrent = true;
    // A short pause: one lookup per word typed, not per key.
    const timer = setTimeout(() => {
      void suggestAuthorNamesAction({ typed: text })
        .then((result) => {
          if (isCurrent && result.ok) setNames(result.data);
        })
        .catch(() => {});
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [typed]);

  return (
    <>
      <input name="author" defaultValue={defaultValue} list={listId} autoComplete="off" onChange={(event) => setTyped(event.target.value)} className={className} data-testid="author-filter" />
      <datalist id={listId} data-testid="author-suggestions">
        {(typed.trim() === "" ? [] : names).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
