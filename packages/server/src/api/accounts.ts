import { z } from 'zod';

/**
 * Accounts, passwords, first-run setup and exam staff (decision 0011). An administrator runs accounts; the teaching
 * role (`instructor`, `grader`) says what a person may do with exams.
 */

/** A new password: long rather than clever (NIST SP 800-63B), and short enough to hash. */
export const NewPasswordSchema = z.string().min(10, 'use at least 10 characters').max(200);

export const AccountRoleSchema = z.enum(['instructor', 'grader']);
export type AccountRole = z.infer<typeof AccountRoleSchema>;

export const AccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'instructor', 'grader']),
  isAdmin: z.boolean(),
  /** False until the person has set a password from their link. */
  passwordSet: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export const CreateAccountSchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  role: AccountRoleSchema,
  isAdmin: z.boolean().default(false),
});
export type CreateAccount = z.input<typeof CreateAccountSchema>;

/**
 * A one-time set-password secret: `path` is the page that takes it (the secret is in the fragment, so it never
 * reaches a server log); `token` is the same secret to type in; it works once, until `expiresAt`.
 */
export const PasswordLinkSchema = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });
export type PasswordLink = z.infer<typeof PasswordLinkSchema>;

export const AccountWithLinkSchema = z.object({ account: AccountSchema, link: PasswordLinkSchema });
export type AccountWithLink = z.infer<typeof AccountWithLinkSchema>;

export const SetPasswordSchema = z.strictObject({
  token: z.string().trim().min(1).max(200),
  password: NewPasswordSchema,
});
export const ChangePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: NewPasswordSchema,
});

export const SetupStatusSchema = z.object({ needed: z.boolean() });
export type SetupStatus = z.infer<typeof SetupStatusSchema>;

export const FirstAdminSchema = z.strictObject({
  code: z.string().trim().min(1).max(100),
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  password: NewPasswordSchema,
});
export type FirstAdmin = z.infer<typeof FirstAdminSchema>;

/** A role on one exam: its owner (one person), its instructors, its graders. */
export const StaffRoleSchema = z.enum(['owner', 'instructor', 'grader']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: StaffRoleSchema,
  disabled: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const GrantRoleSchema = z.strictObject({ email: z.email().max(320), role: StaffRoleSchema });
export type GrantRole = z.infer<typeof GrantRoleSchema>;
