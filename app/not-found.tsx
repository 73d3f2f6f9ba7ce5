import Link from "next/link";
import { AuthFrame } from "@/components/shell/auth-frame";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export default function NotFound() {
  return (
    <AuthFrame>
      <Card>
        <CardHeader>
          <CardTitle asChild className="text-xl">
            <h1>Page not found</h1>
          </CardTitle>
          <CardDescription>The page you asked for does not exist, or it moved.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild>
            <Link href="/">Go to Tandem</Link>
          </Button>
        </CardContent>
      </Card>
    </AuthFrame>
  );
}
