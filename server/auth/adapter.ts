import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "../db";
import { createHandle } from "../users/create-handle";

const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);

/**
 * Auth.js's Prisma adapter, except that users created through OAuth (GitHub) get the fields Agora requires:
 * a unique display name and a handle.
 */
export const authAdapter: Adapter = {
  ...base,
  async createUser(user: AdapterUser) {
    return db.$transaction(async (tx) => {
      const wanted = (user.name || user.email.split("@")[0] || "member").slice(0, 40);
      let name = wanted;
      for (let n = 2; await tx.user.findUnique({ where: { nameKey: name.toLowerCase() }, select: { id: true } }); n++) {
        name = `${wanted} ${n}`;
      }
      const created = await tx.user.create({
        data: {
          email: user.email.toLowerCase(),
          emailVerified: user.emailVerified,
          image: user.image,
          name,
          nameKey: name.toLowerCase(),
          handle: await createHandle(tx, name),
        },
      });
      return { ...created, emailVerified: created.emailVerified };
    });
  },
};
