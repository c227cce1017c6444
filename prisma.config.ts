import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations are run by lib/db/migrate.ts with Prisma's
// WebAssembly schema engine (the native engine cannot be downloaded on our machines).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
