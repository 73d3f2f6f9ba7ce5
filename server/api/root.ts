import { crmRouter } from "./routers/crm/_router";
import { duplicatesRouter } from "./routers/duplicates/_router";
import { enrichmentRouter, mappingRouter } from "./routers/mapping/_router";
import { recordsRouter } from "./routers/records/_router";
import { prospectsRouter } from "./routers/prospects/_router";
import { pushRouter } from "./routers/push/_router";
import { salesforceRouter } from "./routers/salesforce/_router";
import { syncRouter } from "./routers/sync/_router";
import { usersRouter } from "./routers/users/_router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  users: usersRouter,
  prospects: prospectsRouter,
  records: recordsRouter,
  crm: crmRouter,
  push: pushRouter,
  salesforce: salesforceRouter,
  sync: syncRouter,
  mapping: mappingRouter,
  enrichment: enrichmentRouter,
  duplicates: duplicatesRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
