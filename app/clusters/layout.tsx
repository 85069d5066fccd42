import type { ReactNode } from "react";
import { QueryProvider } from "@/components/cluster/query-provider";

export default function ClustersLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
