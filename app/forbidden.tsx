import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-semibold">This area is for admins</h1>
      <p className="mt-3 text-slate-600">Your role does not give access to this page. Ask an admin if you need it.</p>
      <Link href="/queue" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
        Back to the queue
      </Link>
    </main>
  );
}
