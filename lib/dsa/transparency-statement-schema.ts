import { z } from "zod";

// A statement of reasons as the EU's DSA Transparency Database takes it (API `POST /api/v1/statement`,
// or `{"statements": [...]}` for several): field names, enum keys, lengths, date formats and the
// conditional requirements as the database's own request validation states them. Only fields that a
// comment-moderation decision can fill are modelled; the monetary, provision and account restrictions
// never apply to hiding a comment, so a statement here always restricts visibility.

export const EEA_COUNTRY_CODES = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"] as const;

export const DECISION_VISIBILITIES = [
  "DECISION_VISIBILITY_CONTENT_REMOVED",
  "DECISION_VISIBILITY_CONTENT_DISABLED",
  "DECISION_VISIBILITY_CONTENT_DEMOTED",
  "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
  "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
  "DECISION_VISIBILITY_CONTENT_LABELLED",
  "DECISION_VISIBILITY_OTHER",
] as const;

export const DECISION_GROUNDS = ["DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"] as const;

export const CONTENT_TYPES = ["CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE", "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO", "CONTENT_TYPE_OTHER"] as const;

export const STATEMENT_CATEGORIES = [
  "STATEMENT_CATEGORY_ANIMAL_WELFARE",
  "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
  "STATEMENT_CATEGORY_CYBER_VIOLENCE",
  "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
  "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
  "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
  "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
  "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
  "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
  "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
  "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
  "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
  "STATEMENT_CATEGORY_SELF_HARM",
  "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
  "STATEMENT_CATEGORY_VIOLENCE",
] as const;

export const SOURCE_TYPES = ["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"] as const;
export const AUTOMATED_DETECTIONS = ["Yes", "No"] as const;
export const AUTOMATED_DECISIONS = ["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"] as const;

/** A YYYY-MM-DD day within the database's accepted range (ISO days compare correctly as strings). */
const day = (field: string, from: string | null, to: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be YYYY-MM-DD`)
    .refine((value) => (from === null || value >= from) && value <= to, from ? `${field} must be between ${from} and ${to}` : `${field} must be on or before ${to}`);

export const transparencyStatementSchema = z
  .strictObject({
    decision_visibility: z.array(z.enum(DECISION_VISIBILITIES)).min(1),
    decision_visibility_other: z.string().max(500).optional(),
    decision_ground: z.enum(DECISION_GROUNDS),
    decision_ground_reference_url: z.url().max(500).optional(),
    illegal_content_legal_ground: z.string().min(1).max(500).optional(),
    illegal_content_explanation: z.string().min(1).max(2000).optional(),
    incompatible_content_ground: z.string().min(1).max(500).optional(),
    incompatible_content_explanation: z.string().min(1).max(2000).optional(),
    incompatible_content_illegal: z.enum(["Yes", "No"]).optional(),
    content_type: z.array(z.enum(CONTENT_TYPES)).min(1),
    category: z.enum(STATEMENT_CATEGORIES),
    territorial_scope: z.array(z.enum(EEA_COUNTRY_CODES)).nullable(),
    content_date: day("content_date", "2000-01-01", "2038-01-01"),
    application_date: day("application_date", "2020-01-01", "2038-01-01"),
    end_date_visibility_restriction: day("end_date_visibility_restriction", null, "2038-01-01").nullable(),
    decision_facts: z.string().min(1).max(5000),
    source_type: z.enum(SOURCE_TYPES),
    source_identity: z.string().max(500).optional(),
    automated_detection: z.enum(AUTOMATED_DETECTIONS),
    automated_decision: z.enum(AUTOMATED_DECISIONS),
    puid: z.string().min(1).max(500).regex(/^[a-zA-Z0-9_-]+$/, "puid may hold only letters, digits, - and _"),
  })
  .superRefine((statement, context) => {
    const requireWhen = (condition: boolean, field: keyof typeof statement, why: string) => {
      if (condition && statement[field] === undefined) context.addIssue({ code: "custom", path: [field], message: `${field} is required when ${why}` });
      if (!condition && statement[field] !== undefined) context.addIssue({ code: "custom", path: [field], message: `${field} is only allowed when ${why}` });
    };
    const illegal = statement.decision_ground === "DECISION_GROUND_ILLEGAL_CONTENT";
    requireWhen(illegal, "illegal_content_legal_ground", "decision_ground is illegal content");
    requireWhen(illegal, "illegal_content_explanation", "decision_ground is illegal content");
    requireWhen(!illegal, "incompatible_content_ground", "decision_ground is incompatible content");
    requireWhen(!illegal, "incompatible_content_explanation", "decision_ground is incompatible content");
    requireWhen(statement.decision_visibility.includes("DECISION_VISIBILITY_OTHER"), "decision_visibility_other", "decision_visibility includes other");
    if (statement.source_type === "SOURCE_VOLUNTARY" && statement.source_identity !== undefined) {
      context.addIssue({ code: "custom", path: ["source_identity"], message: "source_identity is excluded for own voluntary initiative" });
    }
  });

export type TransparencyStatement = z.infer<typeof transparencyStatementSchema>;
