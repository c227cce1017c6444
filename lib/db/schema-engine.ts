import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { pgConfigFromUrl } from "./connection-url";

// Prisma's WebAssembly schema engine, driven through the pg driver adapter. The stock CLI wants a
// native engine that cannot be downloaded on our machines; this one ships inside an npm package.

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const CHAR_MARK = "\u0000char";

let wasmReady = false;

function loadWasm(): void {
  if (wasmReady) return;
  // The package's entry imports the .wasm as an ES module, which Node 20 cannot do without a flag,
  // so we instantiate it ourselves with the package's own JS glue.
  const require = createRequire(import.meta.url);
  const wasmPath = require.resolve("@prisma/schema-engine-wasm").replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports });
  const exports = instance.exports as unknown as { __wbindgen_start?: () => void };
  (wasmBindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(instance.exports);
  exports.__wbindgen_start?.();
  const registry = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message: string) => console.error(`schema engine panic: ${message}`) };
  wasmReady = true;
}

type Queryable = Pick<SqlDriverAdapter, "queryRaw"> & { performIO?: (query: SqlQuery) => Promise<{ fields: { dataTypeID: number; name: string }[] }> };

/**
 * adapter-pg rejects Postgres' internal one-byte `"char"` type (pg_catalog uses it for relkind,
 * contype...), which the schema describer reads to detect drift. We report such columns as
 * Character, the type the engine expects, by marking them on the way up.
 */
function acceptCharColumns<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable & { startTransaction?: (...args: unknown[]) => Promise<object> };
  const performIO = target.performIO?.bind(target);
  if (performIO) {
    target.performIO = async (query) => {
      const result = await performIO(query);
      for (const field of result.fields) {
        if (field.dataTypeID !== PG_CHAR_OID) continue;
        field.dataTypeID = PG_TEXT_OID;
        field.name += CHAR_MARK;
      }
      return result;
    };
  }
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query): Promise<SqlResultSet> => {
    const result = await queryRaw(query);
    result.columnNames = result.columnNames.map((name, index) => {
      if (!name.endsWith(CHAR_MARK)) return name;
      (result.columnTypes as number[])[index] = CHARACTER_COLUMN_TYPE;
      return name.slice(0, -CHAR_MARK.length);
    });
    return result;
  };
  const startTransaction = target.startTransaction?.bind(target);
  if (startTransaction) target.startTransaction = async (...args: unknown[]) => acceptCharColumns(await startTransaction(...args));
  return queryable;
}

/**
 * adapter-pg's executeScript splits a migration on every ";", which cuts PL/pgSQL function bodies
 * (and comments) apart. Postgres runs a multi-statement script itself, atomically, in one simple query.
 */
function runScriptsWhole<T extends { executeScript(script: string): Promise<void>; underlyingDriver(): { query(sql: string): Promise<unknown> } }>(adapter: T): T {
  const reportError = (adapter as unknown as { onError: (error: unknown) => never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}

function migrationAwareFactory(databaseUrl: string, opened: { dispose(): Promise<void> }[]): SqlMigrationAwareDriverAdapterFactory {
  const config = pgConfigFromUrl(databaseUrl);
  const main = new PrismaPg(config);
  return {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: async () => {
      const adapter = acceptCharColumns(runScriptsWhole(await main.connect()));
      opened.push(adapter);
      return adapter;
    },
    // adapter-pg's own shadow database is dropped while its pool still holds a connection, and a
    // connection string would override the shadow database name; both are avoided here.
    connectToShadowDb: async () => {
      const admin = await main.connect();
      const name = `moddesk_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
      await admin.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = await new PrismaPg({ ...config, database: name }).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.dispose();
      };
      return acceptCharColumns(runScriptsWhole(shadow));
    },
  };
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and ends its connection pools (an idle pool would keep the database busy). */
  close: () => Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string, schemaPath: string, schema: string): Promise<OpenSchemaEngine> {
  loadWasm();
  const opened: { dispose(): Promise<void> }[] = [];
  const factory = bindMigrationAwareSqlAdapterFactory(migrationAwareFactory(databaseUrl, opened));
  const engine = (await wasmBindings.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, factory)) as unknown as SchemaEngine;
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}
