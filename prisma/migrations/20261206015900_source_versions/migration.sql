-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "supersededById" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Source_supersededById_key" ON "Source"("supersededById");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
