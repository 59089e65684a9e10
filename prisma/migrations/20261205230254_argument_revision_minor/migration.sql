-- AlterTable
ALTER TABLE "ArgumentRevision" ADD COLUMN     "minor" BOOLEAN NOT NULL DEFAULT false;
