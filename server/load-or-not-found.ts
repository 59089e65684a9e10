import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "./errors";

/** Pages call data functions through this so a missing or malformed id renders the 404 page. */
export async function loadOrNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
