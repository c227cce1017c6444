-- CreateTable
CREATE TABLE "refusal_audit_budget" (
    "id" SMALLINT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "used" INTEGER NOT NULL,
    "unaudited" INTEGER NOT NULL,
    "handed" INTEGER NOT NULL,

    CONSTRAINT "refusal_audit_budget_pkey" PRIMARY KEY ("id")
);
