export default function Loading() {
  return (
    <p className="py-12 text-center text-slate-600" role="status">
      Loading…
    </p>
  );
}
