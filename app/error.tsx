"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center" role="alert">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-slate-700">Nothing you wrote was lost on our side. Try again in a moment.</p>
      <button type="button" onClick={reset} className="rounded-md bg-blue-700 px-3 py-1.5 text-white">
        Try again
      </button>
    </div>
  );
}
