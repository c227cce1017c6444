// Runs one benchmark (see bench-registry.ts) and prints its result as JSON on the last line.
import { parseArgs } from "node:util";
import { BENCHES, SCALE_BENCH } from "./bench-registry";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { quick: { type: "boolean" }, "database-url": { type: "string" }, sizes: { type: "string" } } });
const entry = [...BENCHES, SCALE_BENCH].find((bench) => bench.name === positionals[0]);
if (!entry) throw new Error(`unknown bench '${positionals[0]}'; known: ${BENCHES.map((bench) => bench.name).join(", ")}`);
const databaseUrl = values["database-url"] ?? "";
// Domain modules read DATABASE_URL: point them at this bench's own database (and no direct URL of a
// database of one's own: the bench's imports would land there).
if (databaseUrl) {
  process.env.DATABASE_URL = databaseUrl;
  delete process.env.DIRECT_DATABASE_URL;
}
const run = await entry.load();
const sizes = values.sizes?.split(",").map(Number);
const result = await run({ quick: values.quick ?? false, databaseUrl, sizes });
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);
