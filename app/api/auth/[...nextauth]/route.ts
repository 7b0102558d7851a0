// GET, POST /api/auth/* — next-auth: sign-in, sign-out, session, CSRF token.
// A credentials sign-in past the brute-force limits answers 429 before next-auth runs.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInThrottle } from "@/lib/auth/sign-in-throttle";
import { clientAddress } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/respond";
import { publicOrigin } from "@/lib/settings";

const handler = NextAuth(authOptions);

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function post(request: Request, context: NextAuthContext): Promise<Response> {
  try {
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      const form = await request.clone().formData();
      const email = String(form.get("email") ?? "");
      const throttle = await signInThrottle({ email, address: clientAddress(request.headers) });
      if (throttle) {
        // next-auth's client reads `error` from this url and the status from the response.
        const url = `${publicOrigin()}/signin?error=RateLimited`;
        const minutes = throttle.retryAfterSeconds / 60;
        return Response.json(
          { url, error: { code: "rate_limited", message: `Too many failed sign-ins. Wait up to ${minutes} minutes and try again.` } },
          { status: 429, headers: { "retry-after": String(throttle.retryAfterSeconds) } },
        );
      }
    }
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
