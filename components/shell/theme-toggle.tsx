"use client";

import { Button } from "@/components/ui/button";
import { useDarkTheme } from "./use-dark-theme";

export function ThemeToggle() {
  const dark = useDarkTheme();
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={dark ? "Switch to light theme" : "Switch to dark theme"}
      onClick={() => {
        const next = !dark;
        document.documentElement.classList.toggle("dark", next);
        localStorage.setItem("pooldeck-theme", next ? "dark" : "light");
      }}
    >
      {dark ? "Light" : "Dark"}
    </Button>
  );
}
