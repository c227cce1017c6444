import { z } from "zod";
import { ROLES } from "./policy";

export const signInSchema = z.object({
  email: z.email("Enter the email address you were invited with.").max(320).transform((email) => email.toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(256),
  next: z.string().optional(),
});

export const createUserSchema = z.object({
  email: z.email().max(320).transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES),
});
