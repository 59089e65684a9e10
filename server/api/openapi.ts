import "server-only";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors";
import { BODY_LIMITS } from "@/lib/validation/limits";
import { idSchema } from "@/lib/validation/primitives";
import { slugSchema, createThesisSchema } from "@/lib/validation/thesis";
import { editArgumentBodySchema, postArgumentBodySchema } from "@/lib/validation/argument";
import { stanceBodySchema, voteBodySchema } from "@/lib/validation/vote";
import { createFlagSchema, moderationActionSchema, reviewQueueQuerySchema } from "@/lib/validation/moderation";
import { addPastedSourceSchema, addSourceByUrlSchema, quoteBodySchema } from "@/lib/validation/source";
import { searchParamsSchema } from "@/lib/validation/search";
import { createApiTokenSchema } from "@/lib/validation/api-token";
import { SIBLING_SORTS } from "@/lib/scoring/sort";
import { thesisListQuerySchema } from "@/lib/validation/thesis-list";
import { markNotificationsReadSchema, notificationListQuerySchema } from "@/lib/validation/notification";
import { watchTargetSchema } from "@/lib/validation/watch";
import { setThesisTopicsSchema, topicSlugSchema } from "@/lib/validation/topic";
import { similarArgumentsQuerySchema } from "@/lib/validation/similar";
import { exportFormatSchema, importRequestSchema } from "@/lib/validation/interchange";

/**
 * The OpenAPI 3.1 document of /api/v1, served at /api/v1/openapi.json. Request bodies and query parameters are
 * the very zod schemas the routes validate with (converted by zod's own z.toJSONSchema), so the contract cannot
 * drift from what the server accepts. Responses are described by the schemas below, which the integration tests
 * check real answers against (tests/integration/openapi.test.ts); error bodies list the codes each route can send.
 */

const ERROR_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  ACCOUNT_SUSPENDED: 403,
  THESIS_LOCKED: 403,
  TARGET_HIDDEN: 403,
  OWN_ARGUMENT: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  QUOTE_NOT_FOUND: 422,
  QUOTE_AMBIGUOUS: 422,
  FETCH_REFUSED: 422,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

// Response shapes: what clients may rely on. Objects stay open (`looseObject`): new fields are not a break.
const nullable = <S extends z.ZodType>(schema: S) => schema.nullable();
const dateTime = z.string().describe("ISO 8601 date and time");
const card = z.looseObject({
  id: z.string(),
  stance: z.enum(["PRO", "CON"]),
  body: nullable(z.string()),
  bodyRedacted: z.boolean(),
  strength: z.number(),
  replyCount: z.number().int(),
  myVote: nullable(z.union([z.literal(1), z.literal(-1)])).describe("The caller's vote; null for none (and for visitors)"),
  citations: z
    .array(
      z.looseObject({
        number: z.number().int().describe("The footnote's number, as [[q:…]] markers appear in the body"),
        quoteId: z.string(),
        exact: z.string().describe("The quoted words; empty while the quote or its source is hidden"),
        quoteHidden: z.boolean(),
        sourceId: z.string(),
        sourceTitle: z.string(),
      }),
    )
    .describe("The footnotes of the current text; none while the argument is hidden from the caller"),
});
const side = z.object({ count: z.number().int(), items: z.array(card), nextCursor: nullable(z.string()) });
const sides = z.object({ PRO: side, CON: side });
const thesis = z.looseObject({ id: z.string(), slug: z.string(), title: z.string(), strength: z.number() });
const stances = z.object({
  stances: z.object({ counts: z.record(z.string(), z.number().int()), total: z.number().int(), mine: nullable(z.number().int()) }),
});
const voteAnswer = z.object({
  vote: z.looseObject({ argumentId: z.string(), value: nullable(z.number().int()), upCount: z.number().int(), downCount: z.number().int(), changed: z.boolean() }),
});
const token = z.looseObject({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: dateTime, lastUsedAt: nullable(dateTime) });
const source = z.looseObject({
  id: z.string(),
  title: z.string(),
  captureMethod: z.enum(["FETCHED", "PASTED"]),
  sha256: z.string(),
  visibility: z.enum(["VISIBLE", "HIDDEN"]),
});
const sourceWithText = source.extend({ text: nullable(z.string()).describe("The snapshot; null while the source is hidden") });
const quote = z.looseObject({ id: z.string(), sourceId: z.string(), exact: z.string(), start: z.number().int(), end: z.number().int() });
const logPage = z.object({
  entries: z.array(z.looseObject({ seq: z.number().int(), action: z.string(), targetType: z.string(), hash: z.string(), prevHash: z.string(), createdAt: dateTime })),
  nextBefore: nullable(z.number().int()),
});

type Param = { name: string; in: "path" | "query"; schema: z.ZodType; required?: boolean; description?: string };
interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  /** Who may call: anyone, any signed-in member (session or token), or only a website session. */
  auth: "public" | "member" | "session";
  params?: Param[];
  body?: z.ZodType;
  maxBodyBytes?: number;
  status?: number;
  response: z.ZodType;
  /** Refusals beyond those every route of its kind can send. */
  errors?: ErrorCode[];
  /** A Server-Sent Events stream (`text/event-stream`) rather than one JSON answer. */
  eventStream?: boolean;
}

const idParam: Param = { name: "id", in: "path", schema: idSchema, required: true };
const slugParam: Param = { name: "slug", in: "path", schema: slugSchema, required: true, description: "The thesis's address" };
const debateQuery: Param[] = [
  { name: "sort", in: "query", schema: z.enum(SIBLING_SORTS), description: "Order of each side (default best)" },
  { name: "pro", in: "query", schema: z.string(), description: "nextCursor of the PRO side, for its next page" },
  { name: "con", in: "query", schema: z.string(), description: "nextCursor of the CON side, for its next page" },
];
/** Every field of an object schema as one query parameter each. */
const queryParams = (schema: z.ZodObject): Param[] =>
  Object.entries(schema.shape).map(([name, field]) => ({ name, in: "query", schema: field as z.ZodType, required: name === "q" }));

export const OPERATIONS: Operation[] = [
  { method: "get", path: "/theses", summary: "One page of listed theses, in an order, optionally under one topic", auth: "public", params: queryParams(thesisListQuerySchema), response: z.looseObject({ theses: z.array(z.looseObject({ id: z.string(), slug: z.string(), title: z.string(), topics: z.array(z.looseObject({ slug: z.string(), name: z.string() })) })), nextCursor: nullable(z.string()) }) },
  { method: "put", path: "/theses/{slug}/topics", summary: "Refile a thesis under topics (its owner and moderators)", auth: "member", params: [slugParam], body: setThesisTopicsSchema, response: z.looseObject({ slug: z.string(), topics: z.array(z.looseObject({ slug: z.string(), name: z.string() })) }) },
  { method: "get", path: "/theses/{slug}/similar-arguments", summary: "The thesis's visible arguments most like a draft (q: 20–2,000 characters)", auth: "public", params: [slugParam, ...queryParams(similarArgumentsQuerySchema)], response: z.object({ arguments: z.array(z.looseObject({ id: z.string(), excerpt: z.string(), score: z.number(), url: z.string() })) }) },
  { method: "get", path: "/theses/{slug}/export", summary: "The thesis as a download: the lossless JSON document (default, streamed), Argdown text or AIF JSON", auth: "public", params: [slugParam, { name: "format", in: "query", schema: exportFormatSchema }], response: z.looseObject({ format: z.string(), version: z.number().int() }).describe("format=json; argdown answers text/plain, aif the AIF JSON") },
  { method: "get", path: "/theses/{slug}/events", summary: "Live updates of an open thesis or focus page (Server-Sent Events, resumable by Last-Event-ID)", auth: "public", params: [slugParam, { name: "after", in: "query", schema: z.string().regex(/^\d{1,18}$/), description: "The newest event id the page was rendered with" }], response: z.string(), eventStream: true },
  { method: "get", path: "/schemas/thesis-export.json", summary: "The JSON Schema of the export document", auth: "public", response: z.looseObject({ $schema: z.string() }) },
  { method: "post", path: "/imports", summary: "Import an export file as a new thesis (administrators); nothing is written on any refusal", auth: "member", body: importRequestSchema, maxBodyBytes: BODY_LIMITS.thesisImport, status: 201, response: z.looseObject({ thesis: z.looseObject({ slug: z.string(), url: z.string() }), counts: z.looseObject({}) }) },
  { method: "get", path: "/topics", summary: "Topics with theses, by address, 50 a page (?after= the previous nextCursor)", auth: "public", params: [{ name: "after", in: "query", schema: topicSlugSchema }], response: z.object({ topics: z.array(z.looseObject({ slug: z.string(), name: z.string() })), nextCursor: nullable(z.string()) }) },
  { method: "put", path: "/watches", summary: "Watch a thesis or an argument (idempotent)", auth: "member", body: watchTargetSchema, response: z.object({ watch: z.looseObject({ targetType: z.string(), targetId: z.string(), watching: z.boolean() }) }) },
  { method: "delete", path: "/watches", summary: "Stop watching (the same body; idempotent)", auth: "member", body: watchTargetSchema, response: z.object({ watch: z.looseObject({ targetType: z.string(), targetId: z.string(), watching: z.boolean() }) }) },
  { method: "get", path: "/notifications", summary: "One page of your notifications, latest activity first", auth: "member", params: queryParams(notificationListQuerySchema).map((p) => ({ ...p, required: false })), response: z.object({ items: z.array(z.looseObject({ id: z.string(), kind: z.string(), read: z.boolean() })), nextCursor: nullable(z.string()), unread: z.number().int() }) },
  { method: "post", path: "/notifications/read", summary: "Mark some ({ ids }) or all ({ all: true }) of your notifications read", auth: "member", body: markNotificationsReadSchema, response: z.object({ marked: z.number().int(), unread: z.number().int() }) },
  { method: "get", path: "/notifications/events", summary: "Your unread count, live (Server-Sent Events `unread`: { unread })", auth: "session", response: z.string(), eventStream: true },
  { method: "post", path: "/theses", summary: "Open a thesis", auth: "member", body: createThesisSchema, status: 201, response: z.object({ thesis: z.looseObject({ id: z.string(), slug: z.string() }) }) },
  { method: "get", path: "/theses/{slug}", summary: "A thesis and one page of top-level arguments per side", auth: "public", params: [slugParam, ...debateQuery], response: z.object({ thesis, sort: z.enum(SIBLING_SORTS), arguments: sides }) },
  { method: "post", path: "/theses/{slug}/arguments", summary: "Argue on a thesis, or reply to an argument (parentId)", auth: "member", params: [slugParam], body: postArgumentBodySchema, status: 201, response: z.object({ argument: z.looseObject({ id: z.string() }) }), errors: ["THESIS_LOCKED", "TARGET_HIDDEN"] },
  { method: "get", path: "/theses/{slug}/stance", summary: "How members stand on the thesis", auth: "public", params: [slugParam], response: stances },
  { method: "put", path: "/theses/{slug}/stance", summary: "State or change where you stand (-2…2)", auth: "member", params: [slugParam], body: stanceBodySchema, response: stances, errors: ["THESIS_LOCKED"] },
  { method: "delete", path: "/theses/{slug}/stance", summary: "Clear your stance", auth: "member", params: [slugParam], response: stances, errors: ["THESIS_LOCKED"] },
  { method: "get", path: "/arguments/{id}", summary: "An argument as a focus: ancestors, the argument, a page of replies per side", auth: "public", params: [idParam, ...debateQuery], response: z.object({ thesis: z.looseObject({ slug: z.string(), title: z.string() }), ancestors: z.array(z.looseObject({ id: z.string() })), argument: card, sort: z.enum(SIBLING_SORTS), replies: sides }) },
  { method: "patch", path: "/arguments/{id}", summary: "Edit your own argument (a new revision)", auth: "member", params: [idParam], body: editArgumentBodySchema, response: z.object({ argument: z.looseObject({ id: z.string(), minor: z.boolean() }) }), errors: ["THESIS_LOCKED"] },
  { method: "get", path: "/arguments/{id}/revisions", summary: "An argument's full edit history", auth: "public", params: [idParam], response: z.object({ argument: z.looseObject({ id: z.string(), revisions: z.array(z.looseObject({ number: z.number().int(), body: z.string(), minor: z.boolean() })) }) }) },
  { method: "put", path: "/arguments/{id}/vote", summary: "Vote convincing (1) or not (-1); replays change nothing", auth: "member", params: [idParam], body: voteBodySchema, response: voteAnswer, errors: ["THESIS_LOCKED", "TARGET_HIDDEN", "OWN_ARGUMENT"] },
  { method: "delete", path: "/arguments/{id}/vote", summary: "Withdraw your vote", auth: "member", params: [idParam], response: voteAnswer, errors: ["THESIS_LOCKED", "TARGET_HIDDEN", "OWN_ARGUMENT"] },
  { method: "post", path: "/flags", summary: "Flag content for moderators", auth: "member", body: createFlagSchema, status: 201, response: z.object({ flag: z.looseObject({ flagId: z.string(), reviewItemId: z.string(), flagCount: z.number().int() }) }) },
  { method: "post", path: "/moderation/actions", summary: "A moderation act (one body shape per action)", auth: "member", body: moderationActionSchema, response: z.object({ result: z.unknown() }) },
  { method: "get", path: "/moderation/log", summary: "A thesis's public log (?thesis=), or the whole log (administrators)", auth: "public", params: [{ name: "thesis", in: "query", schema: slugSchema }, { name: "before", in: "query", schema: z.int().min(1).max(2_147_483_647), description: "nextBefore of the previous page" }], response: logPage },
  { method: "get", path: "/moderation/log/verify", summary: "Verify the log's hash chain (administrators)", auth: "member", response: z.looseObject({ ok: z.boolean(), checked: z.number().int() }) },
  { method: "get", path: "/moderation/queue", summary: "One page of the review queue", auth: "member", params: queryParams(reviewQueueQuerySchema), response: z.object({ items: z.array(z.looseObject({ id: z.string() })), total: z.number().int(), itemsBefore: z.number().int(), nextCursor: nullable(z.string()), prevCursor: nullable(z.string()) }) },
  { method: "get", path: "/search", summary: "Full-text search over theses, arguments, sources and quotes", auth: "public", params: queryParams(searchParamsSchema), response: z.object({ query: z.string(), sort: z.string(), results: z.array(z.looseObject({ kind: z.string(), id: z.string(), url: z.string(), title: z.string(), titleHtml: z.string(), snippet: z.string() })), nextCursor: nullable(z.union([z.string(), z.number()])) }) },
  { method: "post", path: "/sources", summary: "Add a source: fetch a page ({ url }) or store pasted text", auth: "member", body: z.union([addSourceByUrlSchema, addPastedSourceSchema]), maxBodyBytes: BODY_LIMITS.pastedSource, status: 201, response: z.looseObject({ source, created: z.boolean() }), errors: ["FETCH_REFUSED"] },
  { method: "get", path: "/sources/{id}", summary: "A source with its snapshot text, quotes and citing arguments", auth: "public", params: [idParam], response: z.object({ source: sourceWithText, quotes: z.array(quote.omit({ sourceId: true })) }) },
  { method: "post", path: "/sources/{id}/quotes", summary: "Quote a passage of a source", auth: "member", params: [idParam], body: quoteBodySchema, status: 201, response: z.looseObject({ quote }), errors: ["TARGET_HIDDEN", "QUOTE_NOT_FOUND", "QUOTE_AMBIGUOUS"] },
  { method: "get", path: "/tokens", summary: "Your API tokens (never their secrets)", auth: "session", response: z.object({ tokens: z.array(token.extend({ revokedAt: nullable(dateTime) })) }) },
  { method: "post", path: "/tokens", summary: "Create an API token: the only answer that carries its secret", auth: "session", body: createApiTokenSchema, status: 201, response: z.object({ token, secret: z.string() }) },
  { method: "delete", path: "/tokens/{id}", summary: "Revoke one of your tokens", auth: "session", params: [idParam], response: z.object({ token: z.looseObject({ id: z.string(), revokedAt: dateTime }) }) },
  { method: "get", path: "/openapi.json", summary: "This document", auth: "public", response: z.looseObject({ openapi: z.string() }) },
];

/** The codes a route can answer with: every route's, a writer's, and its own. */
export function errorCodesOf(operation: Operation): ErrorCode[] {
  const codes: ErrorCode[] = ["VALIDATION_FAILED", "INTERNAL_ERROR", "SERVICE_UNAVAILABLE"];
  if (operation.params?.some((p) => p.in === "path")) codes.push("NOT_FOUND");
  if (operation.auth !== "public") codes.push("UNAUTHORIZED", "FORBIDDEN", "ACCOUNT_SUSPENDED");
  // Public reads still check a token sent with them, and the moderation log's full view is for administrators.
  if (operation.auth === "public") codes.push("UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND");
  if (operation.method !== "get") codes.push("CROSS_SITE_REQUEST", "CONFLICT", "RATE_LIMITED", "NOT_FOUND");
  if (operation.body) codes.push("BAD_REQUEST", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE");
  return [...new Set([...codes, ...(operation.errors ?? [])])];
}

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  // Refinements (e.g. "no control characters") cannot be expressed in JSON Schema: the server still applies them.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function errorSchema(codes: ErrorCode[]) {
  return {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message", "fields"],
        properties: {
          code: { type: "string", enum: codes },
          message: { type: "string" },
          fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
          details: { description: "What the caller needs to fix the request (QUOTE_NOT_FOUND, QUOTE_AMBIGUOUS)" },
        },
      },
    },
  };
}

function operationObject(operation: Operation) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(operation)) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const responses: Record<string, unknown> = {
    [String(operation.status ?? 200)]: operation.eventStream
      ? { description: "A stream of Server-Sent Events", content: { "text/event-stream": { schema: { type: "string" } } } }
      : { description: "Success", content: { "application/json": { schema: jsonSchema(operation.response, "output") } } },
  };
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${ERROR_CODES[code]}`).join("\n\n"),
      content: { "application/json": { schema: errorSchema(codes) } },
    };
  }
  return {
    operationId: `${operation.method}${operation.path.replace(/[{}]/g, "").replace(/[/.]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: operation.summary,
    security: operation.auth === "public" ? [{}, { apiToken: [] }, { session: [] }] : operation.auth === "session" ? [{ session: [] }] : [{ apiToken: [] }, { session: [] }],
    parameters: (operation.params ?? []).map((p) => ({
      name: p.name,
      in: p.in,
      required: p.in === "path" ? true : Boolean(p.required),
      ...(p.description ? { description: p.description } : {}),
      schema: jsonSchema(p.schema, "input"),
    })),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            description: `JSON, at most ${((operation.maxBodyBytes ?? BODY_LIMITS.default) / 1024).toLocaleString("en")} KB.`,
            content: { "application/json": { schema: jsonSchema(operation.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) (paths[operation.path] ??= {})[operation.method] = operationObject(operation);
  return {
    openapi: "3.1.0",
    info: {
      title: "Agora API",
      version: "1",
      description: [
        "Structured debate: theses, pro and con arguments to any depth, sources and quotes, votes and moderation.",
        "",
        'Every error body is `{ "error": { "code", "message", "fields" } }`. Branch on `code`, which never changes; show `message` to people.',
        "",
        ...Object.entries(ERROR_CODES).map(([code, meaning]) => `- \`${code}\` (${ERROR_STATUS[code as ErrorCode]}): ${meaning}`),
      ].join("\n"),
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "A personal API token from /settings/tokens" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The website's session (writes only from Agora's own pages)" },
      },
    },
    paths,
  };
}
