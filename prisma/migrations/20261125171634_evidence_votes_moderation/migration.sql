-- CreateEnum
CREATE TYPE "CaptureMethod" AS ENUM ('FETCHED', 'PASTED');

-- CreateEnum
CREATE TYPE "TargetType" AS ENUM ('THESIS', 'ARGUMENT', 'SOURCE', 'QUOTE', 'USER');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('SPAM', 'ABUSE', 'OFF_TOPIC', 'DUPLICATE', 'MISQUOTE', 'UNSUPPORTED', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('PENDING', 'ACTIONED', 'DISMISSED');

-- AlterTable
ALTER TABLE "Thesis" ADD COLUMN     "moderationNote" TEXT,
ADD COLUMN     "strength" DOUBLE PRECISION,
ADD COLUMN     "visibility" "ContentStatus" NOT NULL DEFAULT 'VISIBLE';

-- AlterTable
ALTER TABLE "Argument" ADD COLUMN     "downCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "moderationNote" TEXT,
ADD COLUMN     "staleDownCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "staleUpCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "strength" DOUBLE PRECISION,
ADD COLUMN     "upCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wilsonScore" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "canonicalUrl" TEXT,
    "url" TEXT,
    "finalUrl" TEXT,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "byline" TEXT,
    "publishedAt" TIMESTAMP(3),
    "captureMethod" "CaptureMethod" NOT NULL,
    "capturedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "text" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "contentType" TEXT,
    "addedById" TEXT NOT NULL,
    "visibility" "ContentStatus" NOT NULL DEFAULT 'VISIBLE',
    "moderationNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "createdById" TEXT NOT NULL,
    "visibility" "ContentStatus" NOT NULL DEFAULT 'VISIBLE',
    "moderationNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "quoteId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vote" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "argumentId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThesisStance" (
    "userId" TEXT NOT NULL,
    "thesisId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThesisStance_pkey" PRIMARY KEY ("userId","thesisId")
);

-- CreateTable
CREATE TABLE "ThesisModerator" (
    "thesisId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "appointedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThesisModerator_pkey" PRIMARY KEY ("thesisId","userId")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "targetType" "TargetType" NOT NULL,
    "targetId" TEXT NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "details" TEXT,
    "reviewItemId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "id" TEXT NOT NULL,
    "targetType" "TargetType" NOT NULL,
    "targetId" TEXT NOT NULL,
    "thesisId" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'PENDING',
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "resolvedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationAction" (
    "seq" SERIAL NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" "TargetType" NOT NULL,
    "targetId" TEXT NOT NULL,
    "thesisId" TEXT,
    "reason" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "ModerationAction_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_canonicalUrl_key" ON "Source"("canonicalUrl");

-- CreateIndex
CREATE INDEX "Source_addedById_idx" ON "Source"("addedById");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_sourceId_start_end_key" ON "Quote"("sourceId", "start", "end");

-- CreateIndex
CREATE INDEX "Citation_quoteId_idx" ON "Citation"("quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Citation_revisionId_number_key" ON "Citation"("revisionId", "number");

-- CreateIndex
CREATE INDEX "Vote_argumentId_idx" ON "Vote"("argumentId");

-- CreateIndex
CREATE UNIQUE INDEX "Vote_userId_argumentId_key" ON "Vote"("userId", "argumentId");

-- CreateIndex
CREATE INDEX "ThesisStance_thesisId_idx" ON "ThesisStance"("thesisId");

-- CreateIndex
CREATE INDEX "ThesisModerator_userId_idx" ON "ThesisModerator"("userId");

-- CreateIndex
CREATE INDEX "Flag_reviewItemId_idx" ON "Flag"("reviewItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_reporterId_targetType_targetId_key" ON "Flag"("reporterId", "targetType", "targetId");

-- CreateIndex
CREATE INDEX "ReviewItem_status_createdAt_idx" ON "ReviewItem"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewItem_thesisId_status_idx" ON "ReviewItem"("thesisId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewItem_targetType_targetId_key" ON "ReviewItem"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "ModerationAction_hash_key" ON "ModerationAction"("hash");

-- CreateIndex
CREATE INDEX "ModerationAction_thesisId_seq_idx" ON "ModerationAction"("thesisId", "seq");

-- CreateIndex
CREATE INDEX "ModerationAction_targetType_targetId_idx" ON "ModerationAction"("targetType", "targetId");

-- AddForeignKey
ALTER TABLE "Argument" ADD CONSTRAINT "Argument_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Argument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArgumentRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_argumentId_fkey" FOREIGN KEY ("argumentId") REFERENCES "Argument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "ArgumentRevision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThesisStance" ADD CONSTRAINT "ThesisStance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThesisStance" ADD CONSTRAINT "ThesisStance_thesisId_fkey" FOREIGN KEY ("thesisId") REFERENCES "Thesis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThesisModerator" ADD CONSTRAINT "ThesisModerator_thesisId_fkey" FOREIGN KEY ("thesisId") REFERENCES "Thesis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThesisModerator" ADD CONSTRAINT "ThesisModerator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThesisModerator" ADD CONSTRAINT "ThesisModerator_appointedById_fkey" FOREIGN KEY ("appointedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_reviewItemId_fkey" FOREIGN KEY ("reviewItemId") REFERENCES "ReviewItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationAction" ADD CONSTRAINT "ModerationAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
