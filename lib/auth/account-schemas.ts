import { z } from "zod";
import { ROLES } from "./policy";

const userId = z.string().min(1).max(100);

export const setUserDisabledSchema = z.object({ userId, isDisabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const changeUserRoleSchema = z.object({ userId, role: z.enum(ROLES) });
export const resetUserPasswordSchema = z.object({ userId });
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: z.string().min(12, "The new password needs at least 12 characters.").max(256),
    confirmPassword: z.string().max(256),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { message: "The two new passwords differ.", path: ["confirmPassword"] });
