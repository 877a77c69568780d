import { z } from "zod";
import { ROLES } from "@/lib/authz";

export const passwordSchema = z.string().min(8, "use at least 8 characters").max(256);

export const userInputSchema = z.object({
  name: z.string().trim().min(1, "give a name").max(100),
  email: z.email("give an email address").max(200),
  password: passwordSchema,
  role: z.enum(ROLES),
});
