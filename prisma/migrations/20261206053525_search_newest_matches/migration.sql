-- CreateIndex
CREATE INDEX "Argument_createdAt_id_idx" ON "Argument"("createdAt", "id");
