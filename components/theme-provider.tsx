"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";

/** `nonce`: the page's CSP nonce, for the script that sets the theme before the first paint. */
export function ThemeProvider({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </NextThemesProvider>
  );
}
