-- CreateTable
CREATE TABLE "PendingWatcherNotification" (
    "argumentId" TEXT NOT NULL,
    "toldIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingWatcherNotification_pkey" PRIMARY KEY ("argumentId")
);

-- AddForeignKey
ALTER TABLE "PendingWatcherNotification" ADD CONSTRAINT "PendingWatcherNotification_argumentId_fkey" FOREIGN KEY ("argumentId") REFERENCES "Argument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
