/**
 * Sets the per-request CSP nonce of pages. This is not a security
 * boundary for access: every page and route checks the acting user in the domain layer (D6),
 * so a request that skips this file (CVE-2025-29927's `x-middleware-subrequest`) gains nothing.
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV !== "production" });

  // Next.js reads the nonce for its own scripts from the request's policy header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Pages only. Static files and API answers get their headers from next.config.ts, HSTS
    // included: a nonce is only needed where scripts run.
    { source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" },
  ],
};
