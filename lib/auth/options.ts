/**
 * next-auth configuration: email and password, JWT sessions (D8: app servers keep no
 * session state). The token carries the user id and token version; the role it carries is
 * for drawing the UI only, the domain layer reads the role from the database.
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { clientAddress } from "@/lib/http/client-address";

/** Sessions last a working day at most. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      // A disabled account's right password throws AccountDisabledError; next-auth hands its
      // message ("AccountDisabled") to the sign-in form as the error, which explains it.
      async authorize(credentials, request) {
        return verifyCredentials(credentials ?? {}, { address: clientAddress(request?.headers) });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
        token.role = user.role;
        token.tokenVersion = user.tokenVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: token.role ?? "reviewer",
      };
      session.tokenVersion = token.tokenVersion ?? -1;
      return session;
    },
  },
};
