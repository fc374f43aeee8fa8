-- AlterTable
ALTER TABLE "Project" ADD COLUMN "animaticText" TEXT NOT NULL DEFAULT 'none';
