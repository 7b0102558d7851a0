-- Written by hand: Prisma's schema language has no CHECK constraints (see README, "Prisma
-- without engine downloads"). A notification's email is owed, sent or skipped, or not for email.
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_email_state_check"
  CHECK ("email_state" IS NULL OR "email_state" IN ('pending', 'sent', 'skipped'));
