import { defineConfig } from "prisma/config";

// `env()` would throw when DATABASE_URL is unset (the embedded-database default), so read it directly.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/agora" },
});
