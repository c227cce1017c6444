-- CreateTable
CREATE TABLE "dsa_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "settings" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "dsa_settings_pkey" PRIMARY KEY ("id")
);

-- One desk, one row.
ALTER TABLE "dsa_settings" ADD CONSTRAINT "dsa_settings_single_row" CHECK ("id" = 1);
