/** The name of next-auth's session cookie (JWT); over HTTPS it carries the `__Secure-` prefix. */
export const SESSION_COOKIE = "next-auth.session-token";
