/**
 * Global setup of the integration-postgres project: uses DATABASE_URL when set, else starts
 * a throwaway cluster for the run. Test files each create their own database on it.
 */
import type { TestProject } from "vitest/node";
import { startThrowawayCluster, type ThrowawayCluster } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

let cluster: ThrowawayCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide("pgAdminUrl", given);
    return;
  }
  cluster = await startThrowawayCluster();
  project.provide("pgAdminUrl", cluster.url);
}

export async function teardown(): Promise<void> {
  cluster?.stop();
}
