import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { listApiTokens } from "@/server/auth/api-tokens";
import { LIMITS } from "@/lib/validation/limits";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokenTable } from "@/components/api-tokens/token-table";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const viewer = await getCurrentUser();
  if (!viewer) redirect("/login?callbackUrl=/settings/tokens");
  const [tokens, origin] = await Promise.all([listApiTokens({ userId: viewer.id }), requestOrigin()]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">API tokens</h1>
        <p className="text-sm text-slate-700">
          A personal API token lets a script or an app use Agora&apos;s HTTP API (<code>/api/v1</code>) as you: it can
          do whatever you can, except manage tokens. Keep tokens secret, and revoke any you no longer use or that may
          have leaked. You can have up to {LIMITS.apiTokensPerMember} active tokens.
        </p>
      </div>
      <section aria-labelledby="create-token" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="create-token" className="text-lg font-semibold">Create a token</h2>
        <CreateTokenForm apiBase={origin} />
      </section>
      {/* Not a labelled section: the table's own scroll region carries this heading as its name. */}
      <div className="space-y-3">
        <h2 id="your-tokens" className="text-lg font-semibold">Your tokens</h2>
        <TokenTable tokens={tokens} />
      </div>
    </div>
  );
}

/** Where this request reached Agora, for the example command; behind a proxy, as the proxy reports it. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
