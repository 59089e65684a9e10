import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { GET as embed } from "@/app/(debate)/t/[slug]/embed/route";
import { GET as oembed } from "@/app/api/oembed/route";
import { makeArgument, makeThesis, makeUser } from "../support/factories";

const origin = "http://agora.test";
const getEmbed = (slug: string) => embed(new Request(`${origin}/t/${slug}/embed`), { params: Promise.resolve({ slug }) });
const getOembed = (query: Record<string, string>) => oembed(new Request(`${origin}/api/oembed?${new URLSearchParams(query)}`));

async function debate() {
  const owner = await makeUser();
  const title = `Cats <b>rule</b> & dogs drool ${Date.now()}`;
  const thesis = { ...(await makeThesis(owner, title)), title };
  const pro = [];
  for (let i = 0; i < 4; i++) pro.push(await makeArgument(owner, { thesisId: thesis.id, stance: "PRO", body: `For number ${i}` }));
  const con = await makeArgument(owner, { thesisId: thesis.id, stance: "CON", body: "Against, <script>alert(1)</script>" });
  const hidden = await makeArgument(owner, { thesisId: thesis.id, stance: "CON", body: "Hidden against" });
  await db.argument.update({ where: { id: hidden.id }, data: { status: "HIDDEN", strength: 0.99 } });
  for (let i = 0; i < 4; i++) await db.argument.update({ where: { id: pro[i]!.id }, data: { strength: i / 10 } });
  return { thesis, pro, con, hidden };
}

describe("embed card", () => {
  it("shows the thesis, its strength and the 3 strongest visible arguments per side, escaped, opening Agora in a new tab", async () => {
    const { thesis, pro, con } = await debate();
    const response = await getEmbed(thesis.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("Cats &lt;b&gt;rule&lt;/b&gt; &amp; dogs drool");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("For number 3");
    expect(html).toContain("For number 1");
    expect(html).not.toContain("For number 0");
    expect(html.indexOf("For number 3")).toBeLessThan(html.indexOf("For number 2"));
    expect(html).toContain(`${origin}/t/${thesis.slug}/a/${con.id}`);
    expect(html).not.toContain("Hidden against");
    expect(html).toContain(`${origin}/t/${thesis.slug}/a/${pro[3]!.id}`);
    const anchors = html.match(/<a [^>]*>/g)!;
    expect(anchors.length).toBeGreaterThan(3);
    for (const anchor of anchors) expect(anchor).toContain('target="_blank" rel="noopener"');
  });

  it("is a 404 for a hidden or unknown thesis", async () => {
    const { thesis } = await debate();
    await db.thesis.update({ where: { id: thesis.id }, data: { visibility: "HIDDEN" } });
    expect((await getEmbed(thesis.slug)).status).toBe(404);
    expect((await getEmbed("no-such-thesis-here")).status).toBe(404);
  });
});

describe("oEmbed", () => {
  it("answers the rich type with an iframe of the embed card, within maxwidth", async () => {
    const { thesis } = await debate();
    for (const url of [`${origin}/t/${thesis.slug}`, `${origin}/t/${thesis.slug}/map`]) {
      const response = await getOembed({ url, maxwidth: "300", format: "json" });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ version: "1.0", type: "rich", provider_name: "Agora", title: thesis.title, width: 300, height: 400 });
      expect(body.html).toMatch(new RegExp(`^<iframe src="${origin}/t/${thesis.slug}/embed" width="300" height="400" title="Cats &lt;b&gt;rule`));
    }
    expect((await (await getOembed({ url: `${origin}/t/${thesis.slug}` })).json()).width).toBe(560);
    // The address the client used (Host) decides, not the one the server listens on.
    const behindProxy = await oembed(
      new Request(`http://127.0.0.1:3000/api/oembed?${new URLSearchParams({ url: `https://agora.example/t/${thesis.slug}` })}`, {
        headers: { host: "agora.example", "x-forwarded-proto": "https" },
      }),
    );
    expect((await behindProxy.json()).html).toContain(`src="https://agora.example/t/${thesis.slug}/embed"`);
  });

  it("refuses xml (501), foreign, unknown and hidden theses (404) and a missing url (400)", async () => {
    const { thesis } = await debate();
    const url = `${origin}/t/${thesis.slug}`;
    expect((await getOembed({ url, format: "xml" })).status).toBe(501);
    expect((await getOembed({ url: `https://elsewhere.example/t/${thesis.slug}` })).status).toBe(404);
    expect((await getOembed({ url: `${origin}/sources/abc` })).status).toBe(404);
    expect((await getOembed({ url: `${origin}/t/no-such-thesis-here` })).status).toBe(404);
    expect((await getOembed({})).status).toBe(400);
    expect((await getOembed({ url: "javascript:alert(1)" })).status).toBe(400);
    await db.thesis.update({ where: { id: thesis.id }, data: { visibility: "HIDDEN" } });
    expect((await getOembed({ url })).status).toBe(404);
  });
});
