-- CreateEnum
CREATE TYPE "WatchTarget" AS ENUM ('THESIS', 'ARGUMENT');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPLY', 'NEW_ARGUMENT', 'CITATION', 'MENTION', 'MODERATION', 'RECONFIRM_VOTE');

-- CreateTable
CREATE TABLE "Watch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "targetType" "WatchTarget" NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "groupKey" TEXT,
    "count" INTEGER NOT NULL DEFAULT 1,
    "actorId" TEXT,
    "thesisId" TEXT,
    "argumentId" TEXT,
    "quoteId" TEXT,
    "sourceId" TEXT,
    "action" TEXT,
    "reason" TEXT,
    "readAt" TIMESTAMP(3),
    "emailedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" TEXT NOT NULL,
    "disabledKinds" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "emailDigest" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Watch_targetType_targetId_idx" ON "Watch"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_userId_targetType_targetId_key" ON "Watch"("userId", "targetType", "targetId");

-- CreateIndex
CREATE INDEX "Notification_userId_updatedAt_id_idx" ON "Notification"("userId", "updatedAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_thesisId_fkey" FOREIGN KEY ("thesisId") REFERENCES "Thesis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_argumentId_fkey" FOREIGN KEY ("argumentId") REFERENCES "Argument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Grouping (written by hand: Prisma cannot express a partial index): at most one unread row per member and group,
-- so the next reply to the same argument updates that row (INSERT … ON CONFLICT … DO UPDATE) instead of adding one.
-- It holds exactly the unread rows, so it also serves the unread count and "mark all read".
CREATE UNIQUE INDEX "Notification_unread_group_key" ON "Notification"("userId", "groupKey") WHERE "readAt" IS NULL;
