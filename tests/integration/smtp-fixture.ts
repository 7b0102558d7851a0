/**
 * A mail server for tests, on 127.0.0.1 and a free port (`smtp-server`), that keeps every mail
 * it accepted, parsed (`mailparser`). `holdNext()` makes it sit on the next mail after its
 * last line has arrived, without answering, as a slow server would: the sender is then
 * mid-send. A mail whose sender hangs up before the answer is not accepted (RFC 5321: the
 * server takes responsibility only with its "250" after the data), and is not kept.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

export interface ReceivedMail {
  envelopeTo: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

export interface SmtpFixture {
  /** `smtp://desk:secret@127.0.0.1:PORT` (the server wants that login). */
  url: string;
  accepted: ReceivedMail[];
  /** Mails whose sender hung up while the server held them. */
  abandoned: number;
  /** Holds the next mail without answering; resolves `held` once it is being held. */
  holdNext(): { held: Promise<void> };
  stop(): Promise<void>;
}

export const SMTP_USER = "desk";
export const SMTP_PASSWORD = "secret";

export async function startSmtpServer(): Promise<SmtpFixture> {
  const closed = new Set<string>();
  let hold: (() => void) | null = null;
  const fixture: SmtpFixture = {
    url: "",
    accepted: [],
    abandoned: 0,
    holdNext() {
      return { held: new Promise<void>((resolve) => (hold = resolve)) };
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      void (async () => {
        const parsed = await simpleParser(stream);
        const heldBy = hold;
        if (heldBy) {
          hold = null;
          heldBy();
          // Never answer while the sender is connected; give up after a minute.
          const deadline = Date.now() + 60_000;
          while (!closed.has(session.id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
          fixture.abandoned += 1;
          callback(new Error("Not accepted"));
          return;
        }
        fixture.accepted.push({
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          from: parsed.from?.text ?? "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          messageId: parsed.messageId ?? "",
        });
        callback();
      })().catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  fixture.url = `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`;
  return fixture;
}
