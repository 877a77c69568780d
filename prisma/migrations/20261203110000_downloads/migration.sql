-- CreateTable
CREATE TABLE "Download" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "repo" TEXT NOT NULL,
    "revision" TEXT NOT NULL,
    "targetDir" TEXT NOT NULL,
    "includeJson" TEXT NOT NULL DEFAULT '[]',
    "layout" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "bytesTotal" REAL,
    "bytesDone" REAL NOT NULL DEFAULT 0,
    "filesTotal" INTEGER,
    "filesDone" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "modelPath" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Download_createdAt_idx" ON "Download"("createdAt");
