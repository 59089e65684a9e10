"use client";

import { useOptimistic, useState, useTransition } from "react";

type Result = { ok: true } | { ok: false; message: string };

/**
 * State the server confirms, shown optimistically while a request is in flight. A refusal simply ends the
 * transition without a new confirmed state, which rolls the prediction back, and leaves its message in `error`.
 * Fresh server-rendered props (a refresh) replace whatever was confirmed locally.
 */
export function useOptimisticMutation<S, A>(initial: S, predict: (state: S, action: A) => S) {
  const [confirmed, setConfirmed] = useState(initial);
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setConfirmed(initial);
  }
  const [shown, showOptimistic] = useOptimistic(confirmed, predict);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function mutate<R extends Result>(action: A, request: () => Promise<R>, confirm: (current: S, result: Extract<R, { ok: true }>) => S) {
    setError(null);
    startTransition(async () => {
      showOptimistic(action);
      const result = await request();
      if (result.ok) setConfirmed((current) => confirm(current, result as Extract<R, { ok: true }>));
      else setError(result.message);
    });
  }

  // `receive`: a newer state from elsewhere (a live update); a prediction in flight is applied on top of it.
  return { shown, pending, error, mutate, receive: setConfirmed };
}
