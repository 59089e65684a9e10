"use client";

import { useEffect, useRef, useState, useTransition, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { previewArgumentAction, type PreviewResult } from "@/server/actions/composer-actions";
import { markerOccurrences, openingWords, removeMarkerOccurrence } from "@/lib/citations/draft-markers";
import { citedQuoteIds } from "@/lib/validation/citation";
import { FieldMessages, describedBy, inputClass } from "@/components/ui/field";
import { Footnotes } from "@/components/citations/footnotes";
import type { ChipQuote } from "@/components/citations/use-cited-quotes";

type Tab = "write" | "preview";

/**
 * The text box of the argument and reply composers: Write and Preview tabs (WAI-ARIA tabs: arrow keys, Home and
 * End move between them), the preview rendered by the server exactly as the argument will be published, and one
 * readable entry per `[[q:…]]` marker (source and opening words) with its own remove button.
 */
export function ComposerBody({
  id,
  label,
  hint,
  errors,
  value,
  onChange,
  textareaRef,
  rows,
  autoFocus,
  quotes,
}: {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  errors?: string[];
  value: string;
  onChange: (value: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  rows: number;
  autoFocus?: boolean;
  quotes: ReadonlyMap<string, ChipQuote | null>;
}) {
  const [tab, setTab] = useState<Tab>("write");
  const [preview, setPreview] = useState<{ body: string; result: PreviewResult } | null>(null);
  const [loading, startLoading] = useTransition();
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });

  // A citation inserted while previewing (the Cite dialog stays available) is edited in the text box.
  const shownBody = useRef(value);
  useEffect(() => {
    if (tab === "preview" && value !== shownBody.current) setTab("write");
  }, [tab, value]);

  const select = (next: Tab, focus = false) => {
    setTab(next);
    if (focus) tabs.current[next]?.focus();
    if (next !== "preview") return;
    shownBody.current = value;
    if (preview?.body === value || !value.trim()) return;
    const body = value;
    startLoading(async () => {
      try {
        const result = await previewArgumentAction({ body });
        setPreview({ body, result });
      } catch {
        setPreview({ body, result: { ok: false, message: "The preview could not be loaded. Check that you are still signed in." } });
      }
    });
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const order: Tab[] = ["write", "preview"];
    const at = order.indexOf(tab);
    const to = { ArrowRight: order[(at + 1) % 2], ArrowLeft: order[(at + 1) % 2], Home: "write", End: "preview" }[event.key] as Tab | undefined;
    if (!to) return;
    event.preventDefault();
    select(to, true);
  };

  const tabId = (t: Tab) => `${id}-tab-${t}`;
  const panelId = (t: Tab) => `${id}-panel-${t}`;
  const current = preview && preview.body === value ? preview.result : null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <div role="tablist" aria-label="Composer view" className="flex gap-1 text-sm">
          {(["write", "preview"] as const).map((t) => (
            <button
              key={t}
              ref={(el) => {
                tabs.current[t] = el;
              }}
              type="button"
              role="tab"
              id={tabId(t)}
              aria-selected={tab === t}
              aria-controls={panelId(t)}
              tabIndex={tab === t ? 0 : -1}
              onClick={() => select(t)}
              onKeyDown={onTabKey}
              className={`rounded-t-md border-b-2 px-2 py-0.5 focus-visible:outline-2 focus-visible:outline-blue-600 ${
                tab === t ? "border-blue-700 font-semibold text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {t === "write" ? "Write" : "Preview"}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={panelId("write")} aria-labelledby={tabId("write")} hidden={tab !== "write"}>
        <textarea
          ref={textareaRef}
          {...describedBy(id, { hint: true, errors })}
          name="body"
          rows={rows}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
          autoFocus={autoFocus}
        />
      </div>
      <div
        role="tabpanel"
        id={panelId("preview")}
        aria-labelledby={tabId("preview")}
        hidden={tab !== "preview"}
        tabIndex={0}
        aria-busy={loading}
        className="min-h-24 rounded-md border border-slate-300 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-blue-600"
        data-testid="composer-preview"
      >
        {tab === "preview" && <PreviewContent value={value} loading={loading} result={current} />}
      </div>
      <FieldMessages id={id} hint={hint} errors={errors} />
      <CitedQuotes
        value={value}
        quotes={quotes}
        onRemove={(index) => {
          onChange(removeMarkerOccurrence(value, index));
          return textareaRef.current;
        }}
      />
    </div>
  );
}

function PreviewContent({ value, loading, result }: { value: string; loading: boolean; result: PreviewResult | null }) {
  if (!value.trim()) return <p className="text-sm text-slate-600">Nothing to preview yet.</p>;
  if (loading || !result) return <p className="text-sm text-slate-600">Rendering the preview…</p>;
  if (!result.ok) return <p className="text-sm text-red-700">{result.message}</p>;
  return (
    <>
      {result.problems.map((problem) => (
        <p key={problem} className="mb-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900">
          {problem}
        </p>
      ))}
      {/* Sanitised on the server by the renderer published arguments go through (lib/markdown.ts). */}
      <div className="prose-argument" dangerouslySetInnerHTML={{ __html: result.html }} />
      <Footnotes argumentId={result.footnoteKey} citations={result.citations} />
    </>
  );
}

/** One entry per marker in the draft, in order: footnote number, source, opening words, and a remove button. */
function CitedQuotes({
  value,
  quotes,
  onRemove,
}: {
  value: string;
  quotes: ReadonlyMap<string, ChipQuote | null>;
  onRemove: (index: number) => HTMLTextAreaElement | null;
}) {
  const list = useRef<HTMLUListElement>(null);
  const markers = markerOccurrences(value);
  if (markers.length === 0) return null;
  const numbers = citedQuoteIds(value);

  const remove = (index: number) => {
    const textarea = onRemove(index);
    // Focus stays in the list (the entry that took this one's place), or returns to the text box.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]");
      if (buttons && buttons.length > 0) buttons[Math.min(index, buttons.length - 1)]!.focus();
      else textarea?.focus();
    });
  };

  return (
    <section aria-label="Cited quotes" className="pt-1">
      <h3 className="text-xs font-semibold text-slate-700">Cited quotes</h3>
      <ul ref={list} className="mt-1 space-y-1">
        {markers.map((marker, index) => {
          const quote = quotes.get(marker.quoteId);
          const number = numbers.indexOf(marker.quoteId) + 1;
          const name = quote ? quote.sourceTitle : quote === null ? "unavailable quote" : "quote";
          return (
            <li
              key={`${marker.start}-${marker.quoteId}`}
              className="flex items-start gap-2 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
              data-testid="cited-quote"
            >
              <span className="font-semibold text-slate-700">[{number}]</span>
              <span className="min-w-0 flex-1 break-words">
                {quote ? (
                  <>
                    <span className="font-medium text-slate-900">{quote.sourceTitle}</span>
                    {": "}
                    <q className="italic text-slate-700">{openingWords(quote.exact)}</q>
                  </>
                ) : quote === null ? (
                  <span className="text-red-700">
                    This quote does not exist or was hidden by moderators (<code>{marker.quoteId}</code>): remove it before saving.
                  </span>
                ) : (
                  <span className="text-slate-600">Looking up the quote…</span>
                )}
              </span>
              <button
                type="button"
                data-remove
                onClick={() => remove(index)}
                aria-label={`Remove citation ${index + 1}: ${name}`}
                className="rounded px-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600"
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
