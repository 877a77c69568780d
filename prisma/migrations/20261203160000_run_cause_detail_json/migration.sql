ALTER TABLE "Run" ADD COLUMN "causeDetailJson" TEXT;
