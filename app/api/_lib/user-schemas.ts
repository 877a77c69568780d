import { z } from "zod";
import { says } from "@/lib/schema-text";
import { ROLES } from "@/lib/authz";

export const passwordSchema = z.string().min(8, says("password", "use at least 8 characters")).max(256);

export const userInputSchema = z.object({
  name: z.string().trim().min(1, says("userName", "give a name")).max(100),
  email: z.email(says("email", "give an email address")).max(200),
  password: passwordSchema,
  role: z.enum(ROLES),
});
