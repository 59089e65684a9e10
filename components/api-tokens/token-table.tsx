import { RelativeTime } from "@/components/ui/relative-time";
import { RevokeTokenButton } from "./revoke-token-button";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The member's tokens: enough to recognise each one (name, first characters, use) without its secret. */
export function TokenTable({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) return <p className="text-sm text-slate-600">You have no API tokens yet.</p>;
  const now = new Date();
  return (
    // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
    <div role="region" aria-labelledby="your-tokens" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Token</th>
            <th scope="col" className="px-3 py-2 font-medium">Created</th>
            <th scope="col" className="px-3 py-2 font-medium">Last used</th>
            <th scope="col" className="px-3 py-2 font-medium">Status</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="api-token-row" className="align-top">
              <th scope="row" className="px-3 py-2 font-medium text-slate-900">{token.name}</th>
              <td className="px-3 py-2 font-mono text-xs text-slate-700">{token.prefix}…</td>
              <td className="px-3 py-2"><RelativeTime date={token.createdAt} now={now} /></td>
              <td className="px-3 py-2">
                {/* Recorded to within an hour: a write on every request would slow the API for little news. */}
                {token.lastUsedAt ? <RelativeTime date={token.lastUsedAt} now={now} /> : "Never"}
              </td>
              <td className="px-3 py-2">
                {token.revokedAt ? (
                  <span className="text-slate-600">Revoked <RelativeTime date={token.revokedAt} now={now} /></span>
                ) : (
                  <span className="font-medium text-emerald-800">Active</span>
                )}
              </td>
              <td className="px-3 py-2">
                <RevokeTokenButton tokenId={token.id} tokenName={token.name} revoked={token.revokedAt !== null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
