import "server-only";
import { db } from "../db";
import { registerUser } from "../auth/register-user";
import { createThesis } from "../theses/create-thesis";
import { deliverWatcherNotifications } from "../notifications/deliver-watcher-notifications";
import { createArgument } from "../arguments/create-argument";
import { seedEvidence } from "./seed-evidence";
import { seedDemoVotes } from "../votes/seed-demo-votes";
import { DEMO_PASSWORD, demoDebate, demoUsers, type DemoArgument } from "@/prisma/seed/demo-debate";

/**
 * Builds the demo debate through the same data functions users go through, so the seed obeys every rule
 * the app does (paths, counters, revisions). Runs only on an empty database.
 */
export async function seedDemo(log: (message: string) => void = console.log): Promise<boolean> {
  if ((await db.user.count()) > 0 || (await db.thesis.count()) > 0) return false;

  const users = new Map<string, { id: string }>();
  for (const user of demoUsers) {
    users.set(user.key, await registerUser({ email: user.email.toLowerCase(), name: user.name, password: DEMO_PASSWORD }));
  }
  const actor = (key: string) => {
    const user = users.get(key);
    if (!user) throw new Error(`Demo content names an unknown user "${key}".`);
    return user;
  };

  // Evidence: excerpt sources and anchored quotes first; argument bodies then carry their citation markers.
  const evidence = await seedEvidence({ addedBy: actor(demoDebate.author), actor, arguments: demoDebate.arguments });
  log(`Seeded ${evidence.sourceCount} excerpt sources with ${evidence.quoteCount} verified quotes.`);
  const thesis = await createThesis({ actor: actor(demoDebate.author), input: { title: demoDebate.title, body: demoDebate.body, topics: demoDebate.topics } });
  const posted: string[] = [];
  const post = async (argument: DemoArgument, parentId: string | null) => {
    const created = await createArgument({
      actor: actor(argument.author),
      input: { thesisId: thesis.id, parentId, stance: argument.stance, body: evidence.bodyFor(argument) },
    });
    posted.push(created.id);
    for (const reply of argument.replies ?? []) await post(reply, created.id);
  };
  for (const argument of demoDebate.arguments) await post(argument, null);
  // Now rather than after the seed's process has closed its database.
  await deliverWatcherNotifications();
  // Votes: demo members' judgments and stances, so ranking and strength have something to show.
  const votes = await seedDemoVotes(thesis.id, posted, [...users.values()].map((user) => user.id));
  log(`Seeded ${votes} demo votes and ${users.size} stances.`);
  log(`Seeded the demo debate "${demoDebate.title}" (/t/${thesis.slug}): ${posted.length} arguments by ${users.size} members.`);
  return true;
}
