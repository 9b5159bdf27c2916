/**
 * The public page's API: no sign-in, aggregates only, every count table suppressed.
 * Rate-limited per address; answers may be cached for five minutes.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse } from "../shared.schema";
import {
  publicActivities,
  publicCityQuery,
  publicClasses,
  publicFigures,
  publicIncidents,
  publicYearQuery,
} from "./public.schema";
import { PublicService } from "./public.service";

const tags = ["public"];
const errors = { 400: errorResponse, 404: errorResponse, 429: errorResponse };
const config = {
  access: "public" as const,
  rateLimit: { max: 120, timeWindow: "1 minute" },
};

export const publicRoutes: FastifyPluginAsyncZod<{ minCount: number }> = async (app, options) => {
  const service = new PublicService(app.db, options.minCount);
  const cache = { "cache-control": "public, max-age=300" };

  app.get(
    "/api/public/classes",
    {
      config,
      schema: {
        tags,
        summary: "Published class of each kelurahan (latest published assessment)",
        querystring: publicCityQuery,
        response: { 200: publicClasses, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(cache);
      return service.classes(request.query.city);
    },
  );

  app.get(
    "/api/public/incidents",
    {
      config,
      schema: {
        tags,
        summary: "Incidents per kelurahan and month, small counts suppressed",
        querystring: publicYearQuery,
        response: { 200: publicIncidents, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(cache);
      return service.incidents(request.query.city, request.query.year);
    },
  );

  app.get(
    "/api/public/activities",
    {
      config,
      schema: {
        tags,
        summary: "Activities per kelurahan and pillar in a year, small counts suppressed",
        querystring: publicYearQuery,
        response: { 200: publicActivities, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(cache);
      return service.activities(request.query.city, request.query.year);
    },
  );

  app.get(
    "/api/public/figures",
    {
      config,
      schema: {
        tags,
        summary: "Yearly rehabilitation and custody figures, with their sources",
        response: { 200: publicFigures, ...errors },
      },
    },
    async (_request, reply) => {
      reply.headers(cache);
      return service.figures();
    },
  );
};
