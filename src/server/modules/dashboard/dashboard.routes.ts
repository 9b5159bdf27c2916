/** HTTP route of the executive dashboard. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { authedContextOf } from "../../context";
import { errorResponses } from "../shared.schema";
import { dashboardQuery, dashboardResponse } from "./dashboard.schema";
import { DashboardService } from "./dashboard.service";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = new DashboardService(app.db);
  app.get(
    "/api/dashboard",
    {
      config: { access: { resource: "dashboard", action: "read" } },
      schema: {
        tags: ["dashboard"],
        summary: "Executive dashboard: classes, incidents, rehabilitation, custody, programmes",
        querystring: dashboardQuery,
        response: { 200: dashboardResponse, ...errorResponses },
      },
    },
    (request) => service.dashboard(authedContextOf(request), request.query.city),
  );
};
