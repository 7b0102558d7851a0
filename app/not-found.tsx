import Link from "next/link";
import { Card } from "@/components/ui/card";

export default function NotFound() {
  return (
    <Card className="mx-auto mt-8 max-w-md p-8 text-center">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-1 text-sm text-muted">Nothing lives at this address.</p>
      <Link href="/articles" className="mt-4 inline-block text-sm font-medium text-accent hover:underline">
        Go to articles
      </Link>
    </Card>
  );
}
