-- AlterTable
ALTER TABLE "Thesis" ADD COLUMN     "importedStances" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- CreateIndex
CREATE INDEX "Argument_thesisId_path_idx" ON "Argument"("thesisId", "path");
