-- AlterTable
ALTER TABLE "Asset" ADD COLUMN "cacheKey" TEXT;

-- CreateIndex
CREATE INDEX "Asset_projectId_cacheKey_idx" ON "Asset"("projectId", "cacheKey");
