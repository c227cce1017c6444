import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { requireDatabaseUrl } from "@/lib/env";
import { pgConfigFromUrl } from "./connection-url";

// The one Prisma client. Created on first use so that importing a module never needs a database,
// and kept on globalThis so that Next's dev reloads do not open a pool per reload.

const holder = globalThis as unknown as { moddeskPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ ...pgConfigFromUrl(requireDatabaseUrl()), max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

export function getDb(): PrismaClient {
  holder.moddeskPrisma ??= createClient();
  return holder.moddeskPrisma;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
