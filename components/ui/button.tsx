import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-700 hover:bg-slate-100 disabled:text-slate-400",
  /** Confirms an act that cannot be undone (revoking a token). */
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants }) {
  return (
    <button
      {...props}
      className={`inline-flex items-center justify-center gap-1 rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${variants[variant]} ${className}`}
    />
  );
}

/** Small text-like actions under arguments and theses (Reply, Edit, Flag, Moderate, log links). */
export const quietActionClass = "rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900";
