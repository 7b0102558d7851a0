"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Any unexpected failure while rendering a page: say so and offer a retry. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="mx-auto mt-8 max-w-md p-8 text-center">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-sm text-muted">
        The page could not be shown. If the database was restarting, trying again usually works.
        {error.digest ? ` (Reference ${error.digest}.)` : null}
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
