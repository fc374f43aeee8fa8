-- AlterTable
ALTER TABLE "RenderJob" ADD COLUMN "progressEstimated" BOOLEAN NOT NULL DEFAULT false;
