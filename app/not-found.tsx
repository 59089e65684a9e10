import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-slate-700">There is nothing at this address: the thesis, argument or member may never have existed.</p>
      <Link href="/" className="text-blue-700 underline">Back to all theses</Link>
    </div>
  );
}
