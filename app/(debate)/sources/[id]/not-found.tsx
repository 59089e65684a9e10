import Link from "next/link";

export default function SourceNotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-bold">Source not found</h1>
      <p>No source lives at this address. It may have been mistyped.</p>
      <Link href="/sources/new" className="text-blue-700 underline">
        Add a source
      </Link>
    </div>
  );
}
