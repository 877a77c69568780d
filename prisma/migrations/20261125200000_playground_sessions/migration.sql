-- CreateTable
CREATE TABLE "PlaygroundSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "instanceId" TEXT,
    "tab" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "stateJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "PlaygroundSession_owner_updatedAt_idx" ON "PlaygroundSession"("owner", "updatedAt");
