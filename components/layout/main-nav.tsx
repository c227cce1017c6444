"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

export interface NavItem {
  href: string;
  label: string;
}

/**
 * The main navigation. From 768 px up it is a row of links; below that (a phone) it folds behind a
 * "Menu" button, because a row of seven links squeezed into 390 px left no room for either. The
 * account (who is signed in, Sign out) goes in that menu too: beside the button it took two more rows
 * of the first screen, above the first comment.
 */
export function MainNav({ items, account }: { items: NavItem[]; account?: React.ReactNode }) {
  const pathname = usePathname();
  const [isOpen, setIsOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  // Following a link closes the menu: the page changed under it (state adjusted during render, not in an effect).
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    setIsOpen(false);
  }
  return (
    <>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls="main-nav"
        onClick={() => setIsOpen((open) => !open)}
        className="order-last ml-auto inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 px-3 text-sm font-medium md:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
          {isOpen ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      <nav
        id="main-nav"
        aria-label="Main"
        className={`${isOpen ? "flex" : "hidden"} order-last w-full basis-full flex-col gap-1 md:order-none md:flex md:w-auto md:basis-auto md:flex-row md:overflow-x-auto`}
      >
        {items.map((item) => {
          const isActive = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={isActive ? "page" : undefined}
              className={`flex min-h-11 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap md:min-h-0 md:py-1.5 ${isActive ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              {item.label}
            </Link>
          );
        })}
        {account ? <div className="mt-2 border-t border-slate-200 pt-2 md:hidden">{account}</div> : null}
      </nav>
    </>
  );
}
