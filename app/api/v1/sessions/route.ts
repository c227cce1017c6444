import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { signInSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sign-in";
import { definePublicRoute } from "@/lib/route";

// Sign in over HTTP (scripts, the load test): the same throttled, audited path as the form; the
// session cookie comes back in Set-Cookie.
export const POST = definePublicRoute({
  name: "POST /api/v1/sessions",
  input: signInSchema,
  run: async (input) => {
    const requestHeaders = await headers();
    const { userId } = await signIn({ email: input.email, password: input.password, headers: requestHeaders, ipAddress: clientAddress(requestHeaders) });
    return { userId };
  },
});
