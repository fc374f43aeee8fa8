-- CreateTable
CREATE TABLE "TakeSpend" (
    "takeId" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "seconds" REAL NOT NULL,
    "costMicros" BIGINT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SpendLimit" (
    "scope" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "dailyMicros" BIGINT,
    "monthlyMicros" BIGINT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("scope", "provider")
);

-- CreateIndex
CREATE INDEX "TakeSpend_createdAt_idx" ON "TakeSpend"("createdAt");

-- CreateIndex
CREATE INDEX "TakeSpend_projectId_idx" ON "TakeSpend"("projectId");

-- CreateIndex
CREATE INDEX "TakeSpend_provider_createdAt_idx" ON "TakeSpend"("provider", "createdAt");
