import path from "node:path";
import { projectRoot } from "@/lib/env";

/** The sample thread shipped as Moddesk's demo data: a real Express Tribune article and its comments. */
export const DEMO_THREAD_FILE = path.join(projectRoot, "data/demo/tribune-2015-07-23-isi-surveillance.txt");
export const DEMO_ADMIN_EMAIL = "admin@moddesk.local";
/** The Tribune is in Pakistan (UTC+5); the page prints local times without a zone. */
export const DEMO_UTC_OFFSET_MINUTES = 5 * 60;
