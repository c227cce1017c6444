// Entry of the import's rules worker (lib/import/chunk-rules.ts). A worker thread does not inherit
// the tsx loader the CLI runs under, so it registers tsx for itself, then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./rules-worker-main.ts");
