-- API tokens get scopes (lib/auth/token-scopes.ts). A token made before this migration could call
-- every /api/v1 route its admin's role allowed; it keeps all five scopes so that a newsroom's
-- running integrations (CMS ingest, nightly exports) do not stop at the upgrade. The tokens page
-- shows each token's scopes; docs/security-auth.md tells admins to replace them with narrower ones.
-- New tokens always name their scopes: there is no default.

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "scopes" TEXT[];

UPDATE "api_token" SET "scopes" = ARRAY['comments:ingest', 'reports:ingest', 'comments:read', 'decisions:write', 'exports:read']::TEXT[] WHERE "scopes" IS NULL;
