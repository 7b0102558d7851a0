/**
 * How a request proved who is acting: the session cookie a browser sends by itself, or a
 * personal access token a client sends on purpose. Some actions are for one kind only
 * (a token must not mint more tokens).
 */
export type Credential = "session" | "token";
