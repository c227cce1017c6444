import type { Metadata } from "next";
import { UploadForm } from "@/components/imports/upload-form";
import { DataTable } from "@/components/ui/data-table";
import { requirePagePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getDisplayTimeZone } from "@/lib/settings/display-time-zone";
import { listImportBatches } from "@/lib/import/queries";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  await requirePagePermission("imports:run", "/imports");
  const timeZone = await getDisplayTimeZone();
  const batches = await listImportBatches();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Imports</h1>
        <p className="mt-1 text-sm text-slate-600">Load comments from an article page, JSON, JSONL, CSV, a Disqus export or a WordPress export. Loading a file twice adds nothing.</p>
      </div>
      <UploadForm />
      <DataTable
        caption="Past imports"
        testId="imports-table"
        headers={["#", "File", "Format", "By", "Started", "Status", "Articles", "Added", "Duplicates", "Rejected"]}
        rows={batches.map((batch) => [
          batch.id,
          batch.fileName,
          batch.format,
          batch.startedBy?.email ?? batch.via,
          formatDateTime(batch.startedAt, timeZone),
          batch.status.toLowerCase(),
          batch.articles,
          batch.added,
          batch.duplicates,
          batch.rejected > 0 ? (
            <a key="rejected" className="text-blue-700 underline" href={`/api/v1/imports/${batch.id}/problems`} aria-label={`${batch.rejected} rejected rows of import ${batch.id} (CSV)`}>
              {batch.rejected}
            </a>
          ) : (
            0
          ),
        ])}
      />
    </main>
  );
}
