export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { describeDatabase } = await import("./server/database-location");
    console.log(`Agora database: ${describeDatabase()}`);
  }
}
