export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { describeDatabase } = await import("./server/database-location");
    console.log(`Agora database: ${describeDatabase()}`);
    // Runs in the process that owns the sockets (`next start` and scripts/serve.ts alike), before any request.
    const { installSocketAddressStamp } = await import("./server/auth/client-address");
    installSocketAddressStamp();
  }
}
