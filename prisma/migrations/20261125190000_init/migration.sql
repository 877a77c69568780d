-- CreateTable
CREATE TABLE "LaunchProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "profileJson" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL DEFAULT 'local',
    "profileJson" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "program" TEXT NOT NULL,
    "argvJson" TEXT NOT NULL,
    "envJson" TEXT NOT NULL,
    "pid" INTEGER,
    "pgid" INTEGER,
    "port" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "stage" TEXT,
    "cause" TEXT,
    "causeDetail" TEXT,
    "exitCode" INTEGER,
    "signal" TEXT,
    "logPath" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readyAt" DATETIME,
    "endedAt" DATETIME,
    CONSTRAINT "Run_instanceId_fkey" FOREIGN KEY ("instanceId") REFERENCES "Instance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Run_instanceId_startedAt_idx" ON "Run"("instanceId", "startedAt");
