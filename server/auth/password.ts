import "server-only";
import { hash, verify } from "@node-rs/argon2";

// Argon2id (algorithm 2; the package's enum is const and cannot be imported under isolatedModules)
// with OWASP's recommended minimum cost: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the response time the same, so timing
// does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("agora-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
