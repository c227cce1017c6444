-- AlterTable
ALTER TABLE "external_classifier_secret" ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretUntil" TIMESTAMP(3),
ADD COLUMN     "rotatedAt" TIMESTAMP(3);
