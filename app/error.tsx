"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** Any unexpected failure while rendering: a plain sentence and a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <Card className="w-full max-w-md" role="alert">
        <CardHeader>
          <CardTitle asChild className="text-xl">
            <h1>Something went wrong</h1>
          </CardTitle>
          <CardDescription>
            Tandem could not show this page. Try again; if it keeps happening, the server log has the details
            {error.digest ? ` (reference ${error.digest})` : ""}.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Button onClick={reset}>Try again</Button>
        </CardContent>
      </Card>
    </main>
  );
}
