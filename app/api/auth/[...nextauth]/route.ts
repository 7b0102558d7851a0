// GET, POST /api/auth/* — next-auth: sign-in, sign-out, session, CSRF token.
// A credentials sign-in past the brute-force limits answers 429 before next-auth runs.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clientAddress, signInThrottled } from "@/lib/auth/sign-in-throttle";
import { errorResponse } from "@/lib/http/respond";

const handler = NextAuth(authOptions);

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

async function post(request: Request, context: NextAuthContext): Promise<Response> {
  try {
    const { nextauth } = await context.params;
    if (nextauth.join("/") === "callback/credentials") {
      const form = await request.clone().formData();
      const email = String(form.get("email") ?? "");
      if (await signInThrottled({ email, address: clientAddress(request.headers) })) {
        // next-auth's client reads `error` from this url and the status from the response.
        const url = new URL("/signin?error=RateLimited", request.url).toString();
        return Response.json(
          { url, error: { code: "rate_limited", message: "Too many failed sign-ins. Wait 15 minutes and try again." } },
          { status: 429, headers: { "retry-after": "900" } },
        );
      }
    }
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
