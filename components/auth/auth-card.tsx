import { Card } from "@/components/ui/card";

/** The narrow centred card of the sign-in and sign-up pages. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto mt-8 w-full max-w-sm">
      <Card className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <p className="mb-6 mt-1 text-sm text-muted">{subtitle}</p>
        {children}
      </Card>
    </div>
  );
}
